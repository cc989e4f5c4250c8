import path from 'node:path';
import { planTools, toolsNotice } from './externalTools';

/** Runs once per `vitest run`: one line when test files need a tool this machine lacks. */
export default function setup(): void {
  const notice = toolsNotice(planTools(path.resolve(import.meta.dirname, '../..')));
  if (notice) console.log(notice);
}
