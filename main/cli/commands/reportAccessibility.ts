import type { CliContext } from '../CliContext';

/**
 * The accessibility checks of one PDF, printed (or as JSON): shared by `briefing check-pdf` and
 * `briefing inspect --accessibility`, so both say the same thing. Exit code 1 when a check fails.
 */
export async function reportAccessibility(ctx: CliContext, file: string, json: boolean, setExitCode: (code: number) => void): Promise<void> {
  const { t } = ctx;
  const { readAccessibilityFindings } = await import('../../pdf/accessibilityFindings');
  const findings = await readAccessibilityFindings(file);
  const failed = findings.filter((f) => f.status === 'fail');
  if (failed.length > 0) setExitCode(1);
  if (json) {
    ctx.json({ file, passed: failed.length === 0, findings });
    return;
  }
  const a = 'cli:inspect.accessibility';
  ctx.out(t(`${a}.heading`, { file }));
  // `count` is what a pass message's plural forms follow ("the 1 page" reads wrong).
  for (const f of findings) {
    ctx.out(t(`${a}.line`, { mark: t(`${a}.mark.${f.status}`), name: t(`${a}.names.${f.check}`), detail: t(`${a}.${f.check}.${f.status}`, { ...f.detail, count: f.detail.total }) }));
  }
  const names = failed.map((f) => t(`${a}.names.${f.check}`)).join(', ');
  ctx.out(failed.length === 0 ? t(`${a}.allPass`, { total: findings.length }) : t(`${a}.someFail`, { failing: failed.length, total: findings.length, names }));
}
