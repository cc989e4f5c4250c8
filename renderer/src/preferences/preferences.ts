import { isLocale, type Locale } from '../../../shared/domain/locales';
import { LANGUAGE_MODES, type LanguageMode } from '../../../shared/api/buildTypes';

const UI_LANGUAGE = 'briefing.uiLanguage';
const EDITION_LANGUAGE = 'briefing.editionLanguage';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode or storage disabled: the choice lasts for this session only.
  }
}

/** The interface language: the remembered choice, else the browser's when we have it, else English. */
export function storedUiLanguage(browserLanguage: string): Locale {
  const stored = read(UI_LANGUAGE);
  if (isLocale(stored)) return stored;
  const lang = browserLanguage.slice(0, 2);
  return isLocale(lang) ? lang : 'en';
}

export function rememberUiLanguage(locale: Locale): void {
  write(UI_LANGUAGE, locale);
}

/** The language mode a new build starts with (Settings → default edition language). */
export function storedEditionLanguage(fallback: LanguageMode): LanguageMode {
  const stored = read(EDITION_LANGUAGE);
  return (LANGUAGE_MODES as readonly string[]).includes(stored ?? '') ? (stored as LanguageMode) : fallback;
}

export function rememberEditionLanguage(mode: LanguageMode): void {
  write(EDITION_LANGUAGE, mode);
}

const WELCOME_DISMISSED = 'briefing.welcomeDismissed';

/** Whether the first-run welcome was dismissed on this machine. */
export function welcomeDismissed(): boolean {
  return read(WELCOME_DISMISSED) === '1';
}

export function rememberWelcomeDismissed(dismissed: boolean): void {
  write(WELCOME_DISMISSED, dismissed ? '1' : '0');
}
