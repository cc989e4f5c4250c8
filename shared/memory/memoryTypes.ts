export interface MemoryMatch {
  /** 0–100; 100 is the same words in the same order. */
  score: number;
  /** The earlier segment's source and its approved translation. */
  source: string;
  target: string;
  pieceId: string;
  field: string;
  /** For a unit imported from a TMX file, that file's name (pieceId and field are then empty). */
  origin?: string;
}

export interface MemorySegment {
  /** The paragraph of the open unit's source the matches are for. */
  index: number;
  source: string;
  matches: MemoryMatch[];
}

export interface TmxImportReport {
  origin: string;
  units: number;
  /** Units of an earlier import of the same file name, now replaced. */
  replaced: number;
  pairs: { source: string; target: string; units: number }[];
  /** Inline codes (the other tool's formatting and placeholders) dropped from those pairs; their words are kept. */
  inlineCodes?: number;
  dryRun: boolean;
}

/** One TMX file in the external memory: its name, its pairs in all and per language pair, when it came. */
export interface ExternalMemorySummary {
  origin: string;
  units: number;
  importedAt: string;
  pairs: { source: string; target: string; units: number }[];
}
