import type { Database } from 'better-sqlite3';
import type { PackItemKind, PaperSize } from '../../../shared/domain/pieceKinds';
import type { LogoType } from '../../../shared/domain/logoImage';

export interface PackOptionsRow {
  cover: boolean;
  toc: boolean;
  sources: boolean;
  numberedParagraphs: boolean;
}

export interface PackLogoRow {
  type: LogoType;
  data: Buffer;
}

export interface PackRow {
  id: string;
  slug: string;
  meetingId: string | null;
  paper: PaperSize;
  options: PackOptionsRow;
  reference: string | null;
  version: string | null;
  issued: string | null;
  logo: PackLogoRow | null;
  sections: { id: string; items: { kind: PackItemKind; ref: string }[] }[];
}

function parseOptions(json: string): PackOptionsRow {
  const o = JSON.parse(json) as Partial<PackOptionsRow>;
  return { cover: o.cover !== false, toc: o.toc !== false, sources: o.sources !== false, numberedParagraphs: o.numberedParagraphs === true };
}

/** Pack definitions with their ordered sections (pack_sections) and items (pack_items). */
export class PacksRepository {
  constructor(private readonly db: Database) {}

  readAll(): PackRow[] {
    const packs = this.db
      .prepare(
        `SELECT id, slug, meeting_id AS meetingId, paper, options, reference, version, issued, logo_type AS logoType, logo
         FROM packs ORDER BY id`,
      )
      .all() as (Omit<PackRow, 'options' | 'sections' | 'logo'> & { options: string; logoType: LogoType | null; logo: Buffer | null })[];
    const sections = this.db
      .prepare('SELECT id, pack_id AS packId FROM pack_sections ORDER BY pack_id, position')
      .all() as { id: string; packId: string }[];
    const items = this.db
      .prepare('SELECT section_id AS sectionId, kind, piece_ref AS ref FROM pack_items ORDER BY section_id, position')
      .all() as { sectionId: string; kind: PackItemKind; ref: string }[];
    const itemsBySection = new Map<string, { kind: PackItemKind; ref: string }[]>();
    for (const item of items) {
      const list = itemsBySection.get(item.sectionId) ?? [];
      list.push({ kind: item.kind, ref: item.ref });
      itemsBySection.set(item.sectionId, list);
    }
    return packs.map(({ logoType, logo, ...p }) => ({
      ...p,
      options: parseOptions(p.options),
      logo: logoType && logo ? { type: logoType, data: logo } : null,
      sections: sections
        .filter((s) => s.packId === p.id)
        .map((s) => ({ id: s.id, items: itemsBySection.get(s.id) ?? [] })),
    }));
  }

  idWithSlug(slug: string): string | undefined {
    return this.db.prepare('SELECT id FROM packs WHERE slug = ?').pluck().get(slug) as string | undefined;
  }

  sectionIds(packId: string): string[] {
    return this.db.prepare('SELECT id FROM pack_sections WHERE pack_id = ?').pluck().all(packId) as string[];
  }

  /** Writes the pack row, its sections in order and their items; section pieces must exist. */
  upsert(row: PackRow): void {
    this.db
      .prepare(
        `INSERT INTO packs (id, slug, meeting_id, paper, options, reference, version, issued, logo_type, logo)
         VALUES (@id, @slug, @meetingId, @paper, @options, @reference, @version, @issued, @logoType, @logo)
         ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, meeting_id = excluded.meeting_id,
           paper = excluded.paper, options = excluded.options, reference = excluded.reference,
           version = excluded.version, issued = excluded.issued, logo_type = excluded.logo_type, logo = excluded.logo`,
      )
      .run({
        id: row.id,
        slug: row.slug,
        meetingId: row.meetingId,
        paper: row.paper,
        options: JSON.stringify(row.options),
        reference: row.reference,
        version: row.version,
        issued: row.issued,
        logoType: row.logo?.type ?? null,
        logo: row.logo?.data ?? null,
      });
    // Positions are rewritten from scratch; negative first so UNIQUE(pack, position) never collides.
    this.db.prepare('UPDATE pack_sections SET position = -position - 1 WHERE pack_id = ?').run(row.id);
    const upsertSection = this.db.prepare(
      `INSERT INTO pack_sections (id, pack_id, position) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET pack_id = excluded.pack_id, position = excluded.position`,
    );
    const clearItems = this.db.prepare('DELETE FROM pack_items WHERE section_id = ?');
    const insertItem = this.db.prepare(
      'INSERT INTO pack_items (section_id, position, kind, piece_ref) VALUES (?, ?, ?, ?)',
    );
    row.sections.forEach((section, position) => {
      upsertSection.run(section.id, row.id, position);
      clearItems.run(section.id);
      section.items.forEach((item, i) => insertItem.run(section.id, i, item.kind, item.ref));
    });
  }

  /** The slugs of the packs each piece appears in: as an item, as a section, or as the pack. */
  slugsByPiece(): Map<string, string[]> {
    const rows = this.db
      .prepare(
        `SELECT i.piece_ref AS piece, p.slug FROM pack_items i JOIN pack_sections s ON s.id = i.section_id JOIN packs p ON p.id = s.pack_id
         UNION SELECT s.id, p.slug FROM pack_sections s JOIN packs p ON p.id = s.pack_id
         UNION SELECT id, slug FROM packs
         ORDER BY 2`,
      )
      .all() as { piece: string; slug: string }[];
    const out = new Map<string, string[]>();
    for (const row of rows) {
      const list = out.get(row.piece);
      if (list) list.push(row.slug);
      else out.set(row.piece, [row.slug]);
    }
    return out;
  }
}
