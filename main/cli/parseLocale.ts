import { InvalidArgumentError } from 'commander';
import { isLocale, type Locale } from '../../shared/domain/locales';
import type { Translate } from '../../shared/locales/createTranslator';

/** A commander option parser for --lang: a usage error (exit 2) for anything but en, fr, es. */
export function localeOption(t: Translate) {
  return (value: string): Locale => {
    if (!isLocale(value)) throw new InvalidArgumentError(t('errors:cli.unknownLocale', { value }));
    return value;
  };
}

/** The language of the CLI's own messages: BRIEFING_LOCALE, then the POSIX locale variables. */
export function messageLocale(env: NodeJS.ProcessEnv): Locale {
  for (const value of [env.BRIEFING_LOCALE, env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    const lang = value?.slice(0, 2).toLowerCase();
    if (isLocale(lang)) return lang;
  }
  return 'en';
}
