import { isLocale, type Locale } from '../../../../shared/domain/locales';
import type { TranslationState } from '../../../../shared/domain/translationState';
import type { EditableNamespace, TranslatableKind } from '../../../../shared/api/translationTypes';
import { storedEditionLanguage } from '../../preferences/preferences';
import type { TranslateMode } from './workUnit';

export interface TranslateChoices {
  mode: TranslateMode;
  source: Locale;
  target: Locale;
  states: TranslationState[];
  kind: TranslatableKind | '';
  packId: string;
  namespace: EditableNamespace | '';
  search: string;
  /** Only the units with an open sync conflict, whatever their state. */
  conflictsOnly: boolean;
}

export const DEFAULT_STATES: TranslationState[] = ['missing', 'stale', 'draft'];

/**
 * French texts are the originals in the starter library, so French is the default source; the
 * target is the language builds start with (Settings), or English when that is French too.
 */
export function defaultChoices(): TranslateChoices {
  const edition = storedEditionLanguage('en');
  const target: Locale = isLocale(edition) && edition !== 'fr' ? edition : 'en';
  return { mode: 'library', source: 'fr', target, states: DEFAULT_STATES, kind: '', packId: '', namespace: '', search: '', conflictsOnly: false };
}

/**
 * Switching between library texts and interface strings also switches the usual source: the
 * library's originals are French, the interface's strings are written in English first.
 */
export function withMode(choices: TranslateChoices, mode: TranslateMode): TranslateChoices {
  if (mode === choices.mode) return choices;
  const usual: Locale = mode === 'ui' ? 'en' : 'fr';
  const source: Locale = choices.target === usual ? (usual === 'en' ? 'fr' : 'en') : usual;
  return { ...choices, mode, source };
}

// Kept for the session, so going to the library to fix a source and coming back finds the same list.
let remembered: TranslateChoices | null = null;

export function initialChoices(): TranslateChoices {
  return remembered ?? defaultChoices();
}

export function rememberChoices(choices: TranslateChoices): void {
  remembered = choices;
}
