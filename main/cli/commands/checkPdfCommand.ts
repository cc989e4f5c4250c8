import type { Command } from 'commander';
import type { CliContext } from '../CliContext';
import { reportAccessibility } from './reportAccessibility';

/** `briefing check-pdf FILE.pdf`: the PDF/UA-1 points a program can check, on any PDF; exit code 1 when one fails. */
export function registerCheckPdf(program: Command, ctx: CliContext, setExitCode: (code: number) => void = () => undefined): void {
  const { t } = ctx;
  program
    .command('check-pdf')
    .description(t('cli:commands.checkPdf'))
    .argument('<file>', t('cli:checkPdf.args.file'))
    .option('--json', t('cli:options.json'))
    .action(async (file: string, options: { json?: boolean }) => reportAccessibility(ctx, file, options.json === true, setExitCode));
}
