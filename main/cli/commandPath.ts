import type { Command } from 'commander';

/**
 * The command a usage error is about, as typed ("terms export"): the subcommands named in `argv`,
 * stepping over options and the values they take (`--db lib.sqlite` is not a command). Empty for
 * the program itself.
 */
export function commandPath(program: Command, argv: readonly string[]): string {
  const names: string[] = [];
  let here = program;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') break;
    if (token.startsWith('-')) {
      const flag = token.split('=')[0]!;
      const option = [here, ...ancestors(here)].flatMap((c) => c.options).find((o) => o.long === flag || o.short === flag);
      // A value given apart (`--db lib.sqlite`) is the option's, never a command's name.
      if (option && (option.required || option.optional) && !token.includes('=')) i++;
      continue;
    }
    const sub = here.commands.find((c) => c.name() === token || c.aliases().includes(token));
    if (!sub) break;
    names.push(sub.name());
    here = sub;
  }
  return names.join(' ');
}

function ancestors(command: Command): Command[] {
  const out: Command[] = [];
  for (let up = command.parent; up; up = up.parent) out.push(up);
  return out;
}
