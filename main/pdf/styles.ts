import type { StyleDictionary } from 'pdfmake/interfaces';

const INK = '#1d2433';
const MUTED = '#5b6475';
export const ACCENT = '#1a4f8b';

/** One style sheet for every edition: a secretariat's sober layout, not a data dump. */
export const STYLES: StyleDictionary = {
  coverNetwork: { fontSize: 11, bold: true, color: ACCENT, characterSpacing: 0.5 },
  coverMeeting: { fontSize: 13, color: INK, margin: [0, 6, 0, 0] },
  coverMeetingLine: { fontSize: 11, color: MUTED, margin: [0, 2, 0, 0] },
  coverTitle: { fontSize: 26, bold: true, color: INK, margin: [0, 140, 0, 10], lineHeight: 1.1 },
  coverTitleCompact: { fontSize: 14, margin: [0, 20, 0, 6] },
  coverSubtitleCompact: { fontSize: 10.5, margin: [0, 0, 0, 12] },
  coverSubtitle: { fontSize: 14, color: MUTED, margin: [0, 0, 0, 24] },
  coverAudience: { fontSize: 11, color: INK },
  coverClassification: { fontSize: 10, bold: true, color: '#8b1a1a', margin: [0, 18, 0, 0] },
  coverStatus: { fontSize: 9.5, color: INK, margin: [0, 10, 0, 0] },
  coverStatusDraft: { bold: true, color: '#8b5a00', margin: [0, 2, 0, 0] },
  statusSummary: { fontSize: 9.5, bold: true, color: '#8b5a00' },
  statusLegend: { fontSize: 8.5, color: INK, margin: [0, 2, 0, 0] },
  coverPrepared: { fontSize: 9, color: MUTED, margin: [0, 4, 0, 0] },
  // The body's own size, so the number sits on its paragraph's first baseline.
  paragraphNumber: { color: MUTED, alignment: 'right' },
  coverDocumentLine: { fontSize: 9.5, bold: true, color: INK, characterSpacing: 0.2 },
  tocTitle: { fontSize: 18, bold: true, color: INK, margin: [0, 0, 0, 14] },
  tocSection: { fontSize: 11, bold: true, color: INK, margin: [0, 6, 0, 1] },
  tocItem: { fontSize: 9.5, color: INK, margin: [14, 1, 0, 1] },
  sectionHeading: { fontSize: 17, bold: true, color: ACCENT, margin: [0, 0, 0, 10] },
  itemHeading: { fontSize: 12.5, bold: true, color: INK, margin: [0, 12, 0, 3] },
  subHeading: { fontSize: 11, bold: true, color: INK, margin: [0, 8, 0, 2] },
  officialTitle: { fontSize: 10, italics: true, color: INK, margin: [0, 0, 0, 2] },
  meta: { fontSize: 8.5, color: MUTED, margin: [0, 1, 0, 3] },
  sourcesHeading: { fontSize: 10, bold: true, color: MUTED, margin: [0, 14, 0, 3] },
  sourceNote: { fontSize: 8.5, color: MUTED, margin: [0, 1, 0, 1] },
  fallbackTag: { fontSize: 7.5, bold: true, color: '#8b5a00' },
  // Drawn as a superscript (about 0.6 of this): readable at arm's length, in the link colour.
  sourceMark: { fontSize: 13, bold: true, color: ACCENT },
  crossReference: { color: ACCENT, decoration: 'underline', decorationColor: '#9db3cf' },
  mdParagraph: { margin: [0, 0, 0, 5] },
  mdHeading1: { fontSize: 11.5, bold: true, margin: [0, 6, 0, 3] },
  mdHeading2: { fontSize: 10.5, bold: true, margin: [0, 5, 0, 2] },
  mdHeading3: { fontSize: 10, bold: true, italics: true, margin: [0, 4, 0, 2] },
  mdList: { margin: [0, 0, 0, 5] },
  mdQuote: { italics: true, margin: [12, 0, 0, 5], color: MUTED },
  mdCode: { fontSize: 8.5, background: '#f1f1f1', margin: [0, 0, 0, 5] },
  mdTable: { fontSize: 9, margin: [0, 2, 0, 6] },
  countryTable: { fontSize: 9, margin: [0, 2, 0, 8] },
  countryTableHeader: { bold: true, color: MUTED },
  countryNoteLink: { color: ACCENT },
  header: { fontSize: 7.5, color: MUTED },
  footer: { fontSize: 7.5, color: MUTED },
  parallelLanguage: { fontSize: 8, bold: true, color: ACCENT },
};

export const DEFAULT_STYLE = { fontSize: 10, lineHeight: 1.25, color: INK };
