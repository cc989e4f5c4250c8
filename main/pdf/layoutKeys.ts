/*
 * Properties the document builders set on pdfmake nodes for the build's own steps. pdfmake
 * ignores them and copies a text's properties onto every run it lays out, so they reach the
 * laid-out lines too.
 */

/** The piece and field a text comes from (textRuns.ts passes it down, layoutChecks.ts names it). */
export const ORIGIN_KEY = 'textOrigin';
/** Set by markdownToPdf on a text whose Markdown the nesting limits changed. */
export const MARKDOWN_LIMITED_KEY = 'markdownLimited';
/** What a block is, for pagination.ts. */
export const ROLE_KEY = 'layoutRole';
/** The language column (0, 1, 2) of a node in the side-by-side edition. */
export const COLUMN_KEY = 'layoutColumn';
/** The language of a text shown in place of a missing one (`en` in a French edition): no French spacing. */
export const FALLBACK_LANGUAGE_KEY = 'fallbackLanguage';
/** On a table whose cells are the side-by-side edition's language columns. */
export const LANGUAGE_COLUMNS_KEY = 'languageColumns';

export type LayoutRole = 'section' | 'heading' | 'meta' | 'body' | 'source' | 'probe';
