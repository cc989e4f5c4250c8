import fs from 'node:fs';
import path from 'node:path';

/**
 * Programs some tests run to check what the app wrote independently of the app's own readers
 * (qpdf and Poppler for PDFs, xmllint for XML). A fresh machine often lacks them: the test files
 * that call one are left out of the run with one printed line saying what to install, except
 * under CI=true, where they run (and fail), as the browser tests do (findBrowser.ts).
 */
export const EXTERNAL_TOOLS = {
  qpdf: { debian: 'qpdf', brew: 'qpdf' },
  pdftoppm: { debian: 'poppler-utils', brew: 'poppler' },
  pdfinfo: { debian: 'poppler-utils', brew: 'poppler' },
  xmllint: { debian: 'libxml2-utils', brew: 'libxml2' },
} as const;

export type ExternalTool = keyof typeof EXTERNAL_TOOLS;
const TOOL_NAMES = Object.keys(EXTERNAL_TOOLS) as ExternalTool[];

/** Test helpers that run a tool for the files importing them. */
const HELPERS_RUNNING: Record<string, ExternalTool[]> = { visual: ['pdftoppm'] };

export interface ToolSearch {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  isExecutable(file: string): boolean;
}

const HOST: ToolSearch = {
  env: process.env,
  platform: process.platform,
  isExecutable: (file) => {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  },
};

function variable(env: NodeJS.ProcessEnv, name: string): string {
  const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
  return key ? (env[key] ?? '') : '';
}

/** Whether `tool` is on the PATH (with Windows' PATHEXT), found without running anything. */
export function hasTool(tool: string, search: ToolSearch = HOST): boolean {
  const win = search.platform === 'win32';
  const paths = win ? path.win32 : path.posix;
  const dirs = variable(search.env, 'PATH').split(win ? ';' : ':').filter(Boolean);
  // Windows names are case-blind: `.EXE` in PATHEXT is the file `qpdf.exe`.
  const extensions = win ? ['', ...variable(search.env, 'PATHEXT').toLowerCase().split(';').filter(Boolean)] : [''];
  return dirs.some((dir) => extensions.some((ext) => search.isExecutable(paths.join(dir, tool + ext))));
}

/** The tools a test file's source runs, directly or through a helper. */
export function toolsUsedBy(source: string): ExternalTool[] {
  const used = new Set<ExternalTool>();
  for (const match of source.matchAll(/\b(?:execFileSync|spawnSync|execFile|spawn)\(\s*['"]([\w-]+)['"]/g)) {
    if ((TOOL_NAMES as string[]).includes(match[1]!)) used.add(match[1] as ExternalTool);
  }
  for (const match of source.matchAll(/from\s+['"][./]*helpers\/([\w-]+)['"]/g)) {
    for (const tool of HELPERS_RUNNING[match[1]!] ?? []) used.add(tool);
  }
  return TOOL_NAMES.filter((tool) => used.has(tool));
}

export interface ToolsPlan {
  missing: ExternalTool[];
  /** Test files (relative to the project) that need a missing tool. */
  files: string[];
}

function testFiles(root: string, dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(relative);
      } else if (entry.name.endsWith('.test.ts')) out.push(relative);
    }
  };
  for (const dir of dirs) if (fs.existsSync(path.join(root, dir))) walk(dir);
  return out.sort();
}

/** Which tools are missing here, and which test files need them. */
export function planTools(root: string, search: ToolSearch = HOST, dirs: readonly string[] = ['tests', 'main', 'shared']): ToolsPlan {
  const missing = TOOL_NAMES.filter((tool) => !hasTool(tool, search));
  if (missing.length === 0) return { missing, files: [] };
  const files = testFiles(root, dirs).filter((file) => toolsUsedBy(fs.readFileSync(path.join(root, file), 'utf8')).some((tool) => missing.includes(tool)));
  return { missing, files };
}

/** Under CI a missing tool fails its tests; elsewhere their files are left out. */
export function excludedForTools(plan: ToolsPlan, env: NodeJS.ProcessEnv = process.env): string[] {
  return env.CI === 'true' ? [] : plan.files;
}

/** The one line printed when some test files need a tool this machine lacks. */
export function toolsNotice(plan: ToolsPlan, env: NodeJS.ProcessEnv = process.env): string | null {
  if (plan.files.length === 0) return null;
  const unique = (values: string[]) => [...new Set(values)];
  const debian = unique(plan.missing.map((tool) => EXTERNAL_TOOLS[tool].debian)).join(' ');
  const brew = unique(plan.missing.map((tool) => EXTERNAL_TOOLS[tool].brew)).join(' ');
  const what = `${plan.files.length} test file${plan.files.length === 1 ? '' : 's'} need ${plan.missing.join(', ')}`;
  const install = `install them (Debian/Ubuntu: sudo apt install ${debian}; macOS: brew install ${brew}; Windows: the qpdf, Poppler and libxml2 builds, on the PATH)`;
  return env.CI === 'true'
    ? `[tests will fail: CI=true] ${what}: ${install}`
    : `[tests skipped: ${plan.missing.join(', ')} not found] ${what}: ${install}; skipped: ${plan.files.join(', ')}`;
}
