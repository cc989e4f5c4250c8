import { Command, CommanderError } from 'commander';
import { commandPath } from './commandPath';
import { isAppError, type AppError } from '../../shared/errors/AppError';
import { createTranslator, type Translate } from '../../shared/locales/createTranslator';
import { describeProblem } from '../../shared/schemas/validationProblems';
import { createCliContext, type CliIO } from './CliContext';
import { messageLocale } from './parseLocale';
import { registerInit } from './commands/initCommand';
import { registerList } from './commands/listCommand';
import { registerSearch } from './commands/searchCommand';
import { registerExport } from './commands/exportCommand';
import { registerImport } from './commands/importCommand';
import { registerCheck } from './commands/checkCommand';
import { registerCheckPdf } from './commands/checkPdfCommand';
import { registerBuild } from './commands/buildCommand';
import { registerPacks } from './commands/packsCommand';
import { registerServe } from './commands/serveCommand';
import { registerXliff } from './commands/xliffCommand';
import { registerUiStrings } from './commands/uiStringsCommand';
import { registerTranslation } from './commands/translationCommand';
import { registerHistory } from './commands/historyCommand';
import { registerTerms } from './commands/termsCommand';
import { registerMemory } from './commands/memoryCommand';
import { registerBackup } from './commands/backupCommand';
import { registerInspect } from './commands/inspectCommand';
import { registerRebuild } from './commands/rebuildCommand';
import { registerSync } from './commands/syncCommand';
import packageJson from '../../package.json';
import { mapSqliteError } from '../db/sqliteErrors';

export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
const MAX_PROBLEM_LINES = 20;
/** What to do, on the command line, for errors whose message speaks of the app's own actions. */
const CLI_HINTS: Record<string, string> = {
  'db.libraryGone': 'cli:hints.libraryMissing',
  'db.libraryReplaced': 'cli:hints.libraryMissing',
  'db.busy': 'cli:hints.busy',
};
/** commander's section titles, by the text it passes to styleTitle. */
const HELP_TITLES: Record<string, string> = {
  'Usage:': 'cli:help.usage',
  'Options:': 'cli:help.options',
  'Commands:': 'cli:help.commands',
  'Arguments:': 'cli:help.arguments',
  'Global Options:': 'cli:help.globalOptions',
};

/** The translated lines for an error a user can act on: the first is complete on its own. */
export function formatAppError(error: AppError, t: Translate): string[] {
  if (error.problems.length === 0) return [t(`errors:${error.code}`, error.params)];
  const lines = error.problems.map((p) => describeProblem(p, t));
  const first = t(`errors:${error.code}`, {
    ...error.params,
    first: lines[0],
    more: lines.length - 1,
    count: lines.length,
  });
  const rest = lines.slice(1, MAX_PROBLEM_LINES).map((l) => `  ${l}`);
  return [first, ...rest];
}

function usageMessage(error: CommanderError, t: Translate, program: Command, argv: readonly string[]): string {
  const command = commandPath(program, argv);
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  return seeHelp(usageSentence(error, t, command, quoted));
}

/** "See: briefing  --help" for the program itself: its messages put the command between spaces. */
function seeHelp(message: string): string {
  return message.replace(/briefing {2}--help/g, 'briefing --help');
}

function usageSentence(error: CommanderError, t: Translate, command: string, quoted: string): string {
  switch (error.code) {
    case 'commander.unknownOption':
      return t('cli:usage.unknownOption', { option: quoted, command });
    case 'commander.unknownCommand':
      return t('cli:usage.unknownCommand', { command: quoted });
    case 'commander.missingArgument':
      return t('cli:usage.missingArgument', { argument: quoted, command });
    case 'commander.optionMissingArgument':
    case 'commander.missingMandatoryOptionValue':
      return t('cli:usage.missingOptionValue', { option: quoted.split(/[ ,]/)[0], command });
    case 'commander.excessArguments':
      return t('cli:usage.tooManyArguments', { command });
    case 'commander.invalidArgument':
      // Our own parsers already wrote a translated sentence; commander wraps it.
      return error.message
        .replace(/^(error: )?option '[^']*' argument '[^']*' is invalid\. ?/i, '')
        .replace(/^(error: )?command-argument value '[^']*' is invalid for argument '[^']*'\. ?/i, '')
        .replace(/^error: /, '');
    default:
      return t('cli:usage.other', { detail: error.message.replace(/^error: /, '') });
  }
}

/**
 * The whole `briefing` command, returning its exit code: 0 success, 1 failure, 2 usage error.
 * Runs in-process so tests can drive it without spawning node.
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const t = createTranslator(messageLocale(io.env));
  const ctx = createCliContext(io, t);
  let exitCode: number = EXIT.ok;
  const program = new Command('briefing')
    .description(t('cli:description'))
    .option('--db <file>', t('cli:options.db'))
    .option('--debug', t('cli:options.debug'))
    .helpOption('-h, --help', t('cli:options.help'))
    .exitOverride()
    .showSuggestionAfterError(false)
    .configureHelp({ styleTitle: (title) => (HELP_TITLES[title] ? t(HELP_TITLES[title]) : title) })
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: () => undefined,
    });
  registerInit(program, ctx);
  registerList(program, ctx);
  registerSearch(program, ctx);
  registerExport(program, ctx);
  registerImport(program, ctx);
  registerCheck(program, ctx, (code) => (exitCode = code));
  registerBuild(program, ctx);
  registerPacks(program, ctx);
  registerHistory(program, ctx);
  registerServe(program, ctx, packageJson.version);
  registerXliff(program, ctx);
  registerUiStrings(program, ctx);
  registerTranslation(program, ctx);
  registerTerms(program, ctx);
  registerMemory(program, ctx, packageJson.version);
  registerBackup(program, ctx);
  registerInspect(program, ctx, (code) => (exitCode = code));
  registerCheckPdf(program, ctx, (code) => (exitCode = code));
  registerRebuild(program, ctx);
  registerSync(program, ctx);
  const configure = (command: Command) => {
    for (const sub of command.commands) {
      sub.helpOption('-h, --help', t('cli:options.help')).exitOverride().configureHelp(program.configureHelp());
      sub.configureOutput(program.configureOutput());
      configure(sub);
    }
  };
  configure(program);

  const debug = argv.includes('--debug');
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.usage;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (caught) {
    if (caught instanceof CommanderError) {
      if (caught.code === 'commander.helpDisplayed' || caught.code === 'commander.help' || caught.code === 'commander.version') {
        return EXIT.ok;
      }
      io.stderr(`${usageMessage(caught, t, program, argv)}\n`);
      return EXIT.usage;
    }
    const error = mapSqliteError(caught, '');
    if (isAppError(error)) {
      for (const line of formatAppError(error, t)) io.stderr(`${line}\n`);
      const hint = CLI_HINTS[error.code];
      if (hint) io.stderr(`${t(hint, error.params)}\n`);
    } else {
      io.stderr(`${t('errors:unexpected', { detail: error instanceof Error ? error.message : String(error) })}\n`);
    }
    if (debug) io.stderr(`${(caught as Error)?.stack ?? String(caught)}\n`);
    return EXIT.failure;
  }
}
