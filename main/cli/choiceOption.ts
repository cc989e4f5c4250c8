import { InvalidArgumentError } from 'commander';
import type { Translate } from '../../shared/locales/createTranslator';

/** An option parser that accepts one of `choices`, with a translated usage error naming both. */
export function choiceOption<T extends string>(t: Translate, option: string, choices: readonly T[]) {
  return (value: string): T => {
    if (!(choices as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(t('errors:cli.badChoice', { option, value, options: choices.join(', ') }));
    }
    return value as T;
  };
}
