import enErrors from './en/errors.json';
import frErrors from './fr/errors.json';
import esErrors from './es/errors.json';
import enCli from './en/cli.json';
import frCli from './fr/cli.json';
import esCli from './es/cli.json';
import enCommon from './en/common.json';
import frCommon from './fr/common.json';
import esCommon from './es/common.json';
import enPdf from './en/pdf.json';
import frPdf from './fr/pdf.json';
import esPdf from './es/pdf.json';
import enUi from './en/ui.json';
import frUi from './fr/ui.json';
import esUi from './es/ui.json';
import type { Locale } from '../domain/locales';

/** Every bundled string, by locale and namespace. English is the source of truth. */
export const RESOURCES = {
  en: { errors: enErrors, cli: enCli, common: enCommon, pdf: enPdf, ui: enUi },
  fr: { errors: frErrors, cli: frCli, common: frCommon, pdf: frPdf, ui: frUi },
  es: { errors: esErrors, cli: esCli, common: esCommon, pdf: esPdf, ui: esUi },
} satisfies Record<Locale, Record<string, unknown>>;

export const NAMESPACES = ['errors', 'cli', 'common', 'pdf', 'ui'] as const;
export type Namespace = (typeof NAMESPACES)[number];
