import { Argument, InvalidArgumentError, type Command } from 'commander';
import type { CliContext } from '../CliContext';
import { listVersions, readVersion, restoreVersion } from '../../services/history/pieceHistory';
import type { PieceVersionInfo } from '../../../shared/api/historyTypes';
import { LOCALES } from '../../../shared/domain/locales';

type Texts = Partial<Record<(typeof LOCALES)[number], { text: string; status: string }>>;

export function registerHistory(program: Command, ctx: CliContext): void {
  const { t } = ctx;
  const versionNumber = (value: string) => {
    if (!/^[1-9][0-9]{0,8}$/.test(value)) throw new InvalidArgumentError(t('errors:history.badVersionNumber', { value }));
    return Number(value);
  };
  const changesOf = (v: PieceVersionInfo) => {
    if (v.deleted) return t('cli:history.deleted');
    if (v.who === null) return t('cli:history.began');
    if (v.number === 1) return t('cli:history.created');
    const what = v.changes.map((c) => (c.language ? `${c.field} (${c.language})` : c.field)).join(', ');
    return v.restoredFrom === null ? what : `${t('cli:history.restoredFrom', { version: v.restoredFrom })}: ${what}`;
  };
  program
    .command('history')
    .description(t('cli:commands.history'))
    .addArgument(new Argument('<piece>', t('cli:args.piece')))
    .option('--show <n>', t('cli:options.showVersion'), versionNumber)
    .option('--restore <n>', t('cli:options.restoreVersion'), versionNumber)
    .option('--json', t('cli:options.json'))
    .action(async (piece: string, options: { show?: number; restore?: number; json?: boolean }, command: Command) => {
      const readOnly = options.restore === undefined;
      await ctx.withLibrary(command, { create: false, readOnly }, (store) => {
        if (options.restore !== undefined) {
          const result = restoreVersion(store, piece, options.restore);
          if (options.json) ctx.json(result);
          else ctx.out(result.changed ? t('cli:history.restored', { piece, from: options.restore, version: result.version }) : t('cli:history.alreadyThat', { piece, version: options.restore }));
          return;
        }
        if (options.show !== undefined) {
          const version = readVersion(store, piece, options.show);
          if (options.json) {
            ctx.json(version);
            return;
          }
          ctx.out(`${piece} v${version.number}  ${version.at}  ${version.who ?? '—'}`);
          for (const [field, value] of Object.entries(version.record)) {
            if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
            const texts = value as Texts;
            for (const locale of LOCALES) {
              const entry = texts[locale];
              if (entry && typeof entry.text === 'string') ctx.out(`${field} [${locale}] ${entry.text}`);
            }
          }
          return;
        }
        const versions = listVersions(store, piece);
        if (options.json) {
          ctx.json(versions);
          return;
        }
        ctx.out([t('cli:history.version'), t('cli:history.when'), t('cli:history.who'), t('cli:history.what')].join('\t'));
        for (const v of versions) ctx.out([`v${v.number}`, v.at, v.who ?? '—', changesOf(v)].join('\t'));
      });
    });
}
