import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { tagDocument } from './tagDocument';

/**
 * A prepared definition (textRuns.ts) made to render as a tagged PDF: its texts tagged, and
 * pdfkit told to write /MarkInfo, the structure tree's root, /Lang (the definition's language)
 * and DisplayDocTitle. PDF 1.7, the version PDF/UA-1 builds on (pdfmake's default is 1.3).
 */
export function taggedDefinition(definition: TDocumentDefinitions): TDocumentDefinitions {
  tagDocument(definition);
  Object.assign(definition, { tagged: true, displayTitle: true, version: '1.7' });
  return definition;
}
