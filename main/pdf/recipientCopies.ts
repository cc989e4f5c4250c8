import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors/AppError';
import { LOCALES } from '../../shared/domain/locales';
import { slugify } from '../../shared/domain/pieceIds';
import { parseRecipientsCsv, recipientLabel, type Recipient } from '../../shared/domain/recipientsCsv';
import type { BuildRecord } from '../../shared/api/buildRecordTypes';
import type { BuiltFile, Edition, LanguageMode } from '../../shared/api/buildTypes';
import type { BuildManifest } from '../../shared/schemas/buildManifest';
import type { ValidationProblem } from '../../shared/schemas/validationProblems';
import packageJson from '../../package.json';
import type { LibraryStore } from '../services/LibraryStore';
import { saveBuildRecord } from '../services/buildRecords';
import { markDistributed } from '../services/distribution';
import { userName } from '../services/userName';
import { changesSince } from './changesSince';
import { fontsHash } from './fontsHash';
import type { BuildHooks, BuildRequest, PackBuildService } from './PackBuildService';
import { failureOf, piecesUsed } from './recordedBuild';
import { narrowDocument } from './narrowDocument';
import { isAlive } from './writeOutputs';

/** The hidden folder a run builds its copies in, named after the process that made it. */
const STAGING = '.briefing-copies-';

/** Copies a run killed before its end left behind (its process is gone): never finished, so removed. */
export function sweepStaging(folder: string): number {
  let removed = 0;
  for (const name of fs.readdirSync(folder)) {
    const pid = name.startsWith(STAGING) ? Number(name.slice(STAGING.length).split('-')[0]) : NaN;
    if (!Number.isInteger(pid) || pid <= 0 || isAlive(pid)) continue;
    fs.rmSync(path.join(folder, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/** A recipients file larger than this is not a list of people. */
const MAX_CSV_BYTES = 1024 * 1024;

export interface RecipientCopy {
  recipient: string;
  /** The CSV line the recipient is on. */
  line: number;
  buildId: string;
  files: BuiltFile[];
}

export interface RecipientCopiesReport {
  pack: { id: string; slug: string };
  copies: RecipientCopy[];
  warnings: ValidationProblem[];
}

/** The recipients of a CSV file, or why the file cannot be used (every bad row by line and column). */
export function readRecipientsFile(file: string): Recipient[] {
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_CSV_BYTES) throw new AppError('recipients.tooLarge', { file, max: MAX_CSV_BYTES / 1024 });
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('recipients.unreadable', { file, detail: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  const { recipients, problems } = parseRecipientsCsv(bytes);
  if (problems.length > 0) throw new AppError('recipients.invalid', { file, count: problems.length }, problems);
  return recipients;
}

/**
 * One copy of the pack per recipient, with the recipient named in its footers, each its own
 * recorded build (so it can be rebuilt) marked as distributed to that recipient. A recipient
 * with a language gets that edition; the others get what `request.mode` makes. All copies or
 * none: every copy is built into a hidden folder beside the targets, then the files are renamed
 * into place and the records written in one transaction; a failure leaves no copy and no
 * distribution (only the failed build's record, as any failed build leaves one).
 */
export async function buildRecipientCopies(
  service: PackBuildService,
  store: LibraryStore,
  request: BuildRequest,
  recipients: readonly Recipient[],
  hooks: BuildHooks = {},
): Promise<RecipientCopiesReport> {
  const doc = store.readDocument();
  const pack = doc.packs.find((p) => p.id === request.pack || p.slug === request.pack);
  if (!pack) throw new AppError('build.unknownPack', { pack: request.pack });
  const out = path.resolve(request.out);
  if (out.toLowerCase().endsWith('.pdf')) throw new AppError('build.outNeedsFolder', { out });

  // Every target named before anything is built: a file in the way stops the whole run.
  const used = new Set<string>();
  const plans = recipients.map((r) => {
    const label = recipientLabel(r);
    const mode: LanguageMode = r.language ?? request.mode;
    const editions: Edition[] = mode === 'all' ? [...LOCALES] : [mode as Edition];
    let slug = slugify(label, 60) || `recipient-${r.line}`;
    if (used.has(slug)) slug = `${slug}-${r.line}`;
    used.add(slug);
    const targets = new Map(editions.map((e) => [e, path.join(out, `${pack.slug}-${e}-${slug}.pdf`)] as const));
    return { recipient: r, label, mode, targets };
  });
  try {
    fs.mkdirSync(out, { recursive: true });
  } catch (error) {
    throw new AppError('build.cannotWrite', { file: out, detail: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  if (!request.force) {
    for (const plan of plans) for (const target of plan.targets.values()) if (fs.existsSync(target)) throw new AppError('build.outputExists', { file: target });
  }

  const changes = changesSince(store, doc, pack.id, request.changesSince ?? 'distributed');
  const pieces = piecesUsed(store, pack.id, doc);
  const terms = request.terms ?? store.terms.readAll();
  const narrow = narrowDocument(doc, pieces);
  const builtAt = (request.builtAt ?? new Date()).toISOString();
  sweepStaging(out);
  const staging = fs.mkdtempSync(path.join(out, `${STAGING}${process.pid}-`));
  const made: { record: BuildRecord; manifests: BuildManifest[]; copy: RecipientCopy; temps: Map<Edition, string> }[] = [];
  const warnings: ValidationProblem[] = [];
  const placed: string[] = [];
  try {
    for (const [index, plan] of plans.entries()) {
      const id = randomUUID();
      const record: BuildRecord = {
        id,
        packId: pack.id,
        packSlug: pack.slug,
        builtAt,
        builtBy: userName(store),
        mode: plan.mode,
        editions: [...plan.targets.keys()],
        options: {
          paper: request.paper ?? pack.paper,
          watermark: request.watermark ?? null,
          strict: request.strict ?? false,
          requireApproved: request.requireApproved ?? false,
          changesSince: changes?.buildId ?? null,
          recipient: plan.label,
        },
        appVersion: packageJson.version,
        fontsHash: fontsHash(),
        status: 'ok',
        error: null,
        outputs: [],
        pieces,
      };
      const manifests: BuildManifest[] = [];
      const folder = path.join(staging, String(index));
      let report;
      try {
        report = await service.build(
          narrow,
          {
            ...request,
            mode: plan.mode,
            out: folder,
            force: false,
            terms,
            changes,
            builtAt: new Date(builtAt),
            recipient: plan.label,
            manifest: { id, builtAt, appVersion: record.appVersion, fontsHash: record.fontsHash, pieces, strings: request.strings },
          },
          { ...hooks, onManifest: (m) => manifests.push(m) },
        );
      } catch (error) {
        saveBuildRecord(store, { ...record, ...failureOf(error) });
        throw error;
      }
      const temps = new Map(report.files.map((f) => [f.edition, f.file] as const));
      const files = report.files.map((f) => ({ ...f, file: plan.targets.get(f.edition)! }));
      record.outputs = files.map((f) => ({ edition: f.edition, path: f.file, sha256: f.sha256, pages: f.pages, bytes: f.bytes }));
      warnings.push(...report.warnings);
      made.push({ record, manifests, copy: { recipient: plan.label, line: plan.recipient.line, buildId: id, files }, temps });
    }
    // Every copy is built: the files go into place, then the records and distributions are written.
    for (const m of made) {
      for (const f of m.copy.files) {
        fs.renameSync(m.temps.get(f.edition)!, f.file);
        placed.push(f.file);
      }
    }
    store.write(() => {
      for (const m of made) {
        saveBuildRecord(store, m.record, m.manifests);
        markDistributed(store, m.record.id, [m.copy.recipient]);
      }
    });
    placed.length = 0;
    return { pack: { id: pack.id, slug: pack.slug }, copies: made.map((m) => m.copy), warnings };
  } finally {
    // Anything placed before a failure goes again: all copies or none.
    for (const file of placed) fs.rmSync(file, { force: true });
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
