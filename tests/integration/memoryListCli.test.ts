import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/cli';
import { StarterTemplate } from '../helpers/library';

/** `briefing memory list` and `briefing memory remove`: the imported TMX files, and one taken out. */
const template = new StarterTemplate();
let dir: string;
let db: string;
beforeEach(async () => {
  dir = tempDir();
  db = await template.copy(dir);
});

const TMX = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="OmegaT" segtype="paragraph" o-tmf="OmegaT TMX" adminlang="EN-US" srclang="EN-US" datatype="PlainText"/>
<body>
<tu><tuv xml:lang="EN-US"><seg>Open parliament.</seg></tuv><tuv xml:lang="FR-CA"><seg>Parlement ouvert.</seg></tuv></tu>
<tu><tuv xml:lang="EN-US"><seg>Gender equality.</seg></tuv><tuv xml:lang="ES-419"><seg>Igualdad de género.</seg></tuv></tu>
</body></tmx>
`;

describe('briefing memory list / remove', () => {
  it('lists each imported file with its pairs, removes one by name, and refuses a name not there', async () => {
    expect((await cli(['memory', 'list', '--db', db])).stdout).toBe('No TMX file has been imported into the memory.\n');
    const file = path.join(dir, 'project.tmx');
    fs.writeFileSync(file, TMX);
    expect((await cli(['memory', 'import', file, '--db', db])).stderr).toBe('');

    const listed = await cli(['memory', 'list', '--db', db]);
    expect(listed.stdout).toMatch(/^project\.tmx: 2 pairs \(en→es 1, en→fr 1\), imported \d{4}-\d\d-\d\dT/);
    const json = JSON.parse((await cli(['memory', 'list', '--json', '--db', db])).stdout) as { origin: string; units: number }[];
    expect(json.map((m) => [m.origin, m.units])).toEqual([['project.tmx', 2]]);
    const fr = await cli(['memory', 'list', '--db', db], { BRIEFING_LOCALE: 'fr' });
    expect(fr.stdout).toContain('project.tmx : 2 paires (en→es 1, en→fr 1), importé le ');

    const removed = await cli(['memory', 'remove', 'project.tmx', '--db', db]);
    expect(removed).toMatchObject({ code: 0, stdout: 'Removed project.tmx (2 pairs) from the memory.\n' });
    const again = await cli(['memory', 'remove', 'project.tmx', '--db', db], { BRIEFING_LOCALE: 'es' });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Ningún archivo llamado project.tmx está en la memoria de traducción');
    expect((await cli(['memory', 'list', '--json', '--db', db])).stdout.trim()).toBe('[]');
  });
});
