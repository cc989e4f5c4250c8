import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { oneLine } from '../helpers/library';

/**
 * A usage error ends with the help to read: that of the command typed, whole ("terms export"),
 * never the library file given to --db (which stands before the command) or half a command.
 */
async function usage(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const result = await cli(args, env);
  expect(result.code, args.join(' ')).toBe(2);
  return oneLine(result.stderr);
}

describe('the help a usage error points to', () => {
  it('is the subcommand typed, after --db and its value', async () => {
    expect(await usage(['--db', 'lib.sqlite', 'terms', 'export', '--out', 'x.tbx'])).toBe('Unknown option --out. See: briefing terms export --help');
    expect(await usage(['--db', 'lib.sqlite', 'terms', 'export'])).toBe('Missing argument file. See: briefing terms export --help');
    expect(await usage(['--db=lib.sqlite', 'xliff', 'export', '--lang'])).toBe('Option --lang needs a value. See: briefing xliff export --help');
    expect(await usage(['list', 'priorities', '--colour', 'red', '--db', 'lib.sqlite'])).toBe('Unknown option --colour. See: briefing list --help');
  });

  it('is the program’s own help for an error before any command, in each language', async () => {
    expect(await usage(['--bogus'])).toBe('Unknown option --bogus. See: briefing --help');
    expect(await usage(['--bogus'], { BRIEFING_LOCALE: 'fr' })).toBe('Option inconnue --bogus. Voir : briefing --help');
    expect(await usage(['--db', 'lib.sqlite', 'xliff', 'export', '--lang'], { BRIEFING_LOCALE: 'es' })).toBe(
      'La opción --lang necesita un valor. Consulte: briefing xliff export --help',
    );
  });
});
