import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NODE_CORE = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]]));

const isNode = (spec) => spec.startsWith('node:') || NODE_CORE.has(spec) || NODE_CORE.has(spec.split('/')[0]);
const isElectron = (spec) => spec === 'electron' || spec.startsWith('electron/') || spec.startsWith('@electron/');
/** Packages that need a DOM (or a browser worker) to load. */
const isDomOnly = (spec) => spec === 'react-dom' || spec.startsWith('react-dom/') || spec.startsWith('pdfjs-dist');
const NATIVE = new Set(['better-sqlite3']);

/**
 * Who may import what, by folder (first match wins). `forbidFolders` are repository folders a
 * file of the layer must not import from; `forbidPackages` names bare specifiers it must not use.
 */
export const LAYERS = [
  {
    name: 'shared/',
    folder: 'shared',
    allowOnly: ['shared'],
    forbidPackages: [
      [isNode, 'a Node built-in'],
      [isElectron, 'electron'],
      [isDomOnly, 'a DOM-only module'],
      [(s) => NATIVE.has(s), 'a native module'],
    ],
  },
  {
    name: 'renderer/',
    folder: 'renderer',
    forbidFolders: ['main', 'seeds', 'tests'],
    forbidPackages: [
      [isNode, 'a Node built-in'],
      [isElectron, 'electron'],
      [(s) => NATIVE.has(s), 'a native module'],
    ],
  },
  {
    name: 'main/db/',
    folder: 'main/db',
    forbidFolders: ['main/services', 'main/api', 'main/pdf', 'main/server', 'main/cli', 'main/electron', 'main/xliff', 'renderer', 'seeds', 'tests'],
    forbidPackages: [[isElectron, 'electron']],
  },
  {
    name: 'main/xliff/',
    folder: 'main/xliff',
    forbidFolders: ['main/db', 'main/services', 'main/api', 'main/pdf', 'main/server', 'main/cli', 'main/electron', 'renderer', 'seeds', 'tests'],
    forbidPackages: [[isElectron, 'electron']],
  },
  {
    name: 'main/services/',
    folder: 'main/services',
    forbidFolders: ['main/api', 'main/pdf', 'main/server', 'main/cli', 'main/electron', 'renderer', 'tests'],
    forbidPackages: [[isElectron, 'electron']],
  },
  {
    name: 'main/pdf/',
    folder: 'main/pdf',
    forbidFolders: ['main/api', 'main/server', 'main/cli', 'main/electron', 'renderer', 'seeds', 'tests'],
    forbidPackages: [[isElectron, 'electron']],
  },
  {
    name: 'main/',
    folder: 'main',
    forbidFolders: ['renderer', 'tests'],
    forbidPackages: [],
  },
  {
    name: 'seeds/',
    folder: 'seeds',
    forbidFolders: ['main', 'renderer', 'tests'],
    forbidPackages: [],
  },
];

const inside = (absolute, folder) => {
  const dir = path.join(ROOT, folder);
  return absolute === dir || absolute.startsWith(`${dir}${path.sep}`);
};

export function layerOf(file) {
  const absolute = path.resolve(file);
  return LAYERS.find((layer) => inside(absolute, layer.folder)) ?? null;
}

/** Why `specifier` may not be imported from `file`, or null when it may. */
export function boundaryProblem(file, specifier) {
  const layer = layerOf(file);
  if (!layer) return null;
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const target = path.resolve(path.dirname(path.resolve(file)), specifier);
    if (layer.allowOnly && !layer.allowOnly.some((folder) => inside(target, folder))) {
      return `${layer.name} may import only from ${layer.allowOnly.map((f) => `${f}/`).join(', ')}`;
    }
    const folder = (layer.forbidFolders ?? []).find((f) => inside(target, f));
    return folder ? `${layer.name} may not import from ${folder}/` : null;
  }
  const found = layer.forbidPackages.find(([test]) => test(specifier));
  return found ? `${layer.name} may not import ${found[1]} ('${specifier}')` : null;
}

/** ESLint rule: every import, export-from, dynamic import and require() obeys LAYERS. */
export const importBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps each folder to the layers it may import (shared → nothing; renderer → shared; main/db → shared; …).' },
    messages: { boundary: '{{problem}}.' },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    if (!layerOf(file)) return {};
    const check = (node) => {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return;
      const problem = boundaryProblem(file, node.value);
      if (problem) context.report({ node, messageId: 'boundary', data: { problem } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportType: (node) => check(node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node.arguments[0]);
      },
    };
  },
};
