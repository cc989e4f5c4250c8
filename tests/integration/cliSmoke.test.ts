import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli';

describe('briefing init', () => {
  it('creates a library and loads the starter content', async () => {
    const db = path.join(tempDir(), 'lib.sqlite');
    const result = await cli(['init', '--db', db]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('7 priorities');
    expect(result.stdout).toContain('21 countries');
  });
});
