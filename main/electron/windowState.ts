import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const stateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(640).max(10000),
  height: z.number().int().min(480).max(10000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof stateSchema>;

const DEFAULT: WindowState = { width: 1280, height: 860, maximized: false };

/** Size and position from last time; anything unreadable falls back to the default. */
export function loadWindowState(userData: string): WindowState {
  try {
    return stateSchema.parse(JSON.parse(fs.readFileSync(path.join(userData, 'window-state.json'), 'utf8')));
  } catch {
    return DEFAULT;
  }
}

export function saveWindowState(userData: string, state: WindowState): void {
  try {
    fs.writeFileSync(path.join(userData, 'window-state.json'), JSON.stringify(state));
  } catch {
    // Losing the window position is not worth interrupting the user's quit.
  }
}
