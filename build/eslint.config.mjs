/**
 * ESLint flat config (`npm run lint`). Besides typescript-eslint's recommended rules it enforces
 * the LAYERING of architecture rule 1 — each folder belongs to one runtime — with
 * `no-restricted-imports` per folder (a small version of VS Code's code-layering rule):
 *
 *   shared/    pure TypeScript: no node:*, electron, better-sqlite3, react, nor db/electron/renderer
 *   db/        Node-only: no electron, react, renderer/ or electron/; the only place SQL is written
 *              (elsewhere db/queries/cached and db/driver may not be imported)
 *   renderer/  DOM-only: no node:*, electron, better-sqlite3, db/ or electron/
 *   electron/  'electron' only in the five shell files; ipcMain only in ipc/register.ts and
 *              ipcRenderer only in preload/index.ts (architecture rule 4, GitHub Desktop's
 *              .eslintrc.yml); the preload imports nothing but 'electron' and the channel list
 *
 * Flat config replaces (does not merge) a rule's options when two blocks match a file, so every
 * file gets its restrictions from exactly one block below, built by `restrict()`.
 */
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** The five files allowed to import 'electron' at run time (architecture § 3.1). */
const ELECTRON_SHELL = [
  'electron/main.ts',
  'electron/window.ts',
  'electron/security/harden.ts',
  'electron/ipc/register.ts',
  'electron/preload/index.ts',
];

const NODE_BUILTINS = builtinModules.filter((m) => !m.startsWith('_'));

const msg = {
  node: 'Denne mappe kører uden Node: ingen node:-moduler (architecture rule 1).',
  electron: "Kun skalfilerne (main.ts, window.ts, security/harden.ts, ipc/register.ts, preload/index.ts) må importere 'electron'.",
  sqlite: 'Kun db/driver.ts må importere databasedriveren.',
  react: 'React hører til renderer/.',
  db: 'db/ er kun for Node-siden (electron/).',
  electronDir: 'electron/ må ikke importeres herfra; brug shared/ipc-kontrakten.',
  rendererDir: 'renderer/ må ikke importeres uden for renderer/.',
  ipc: 'ipcMain kun i electron/ipc/register.ts, ipcRenderer kun i electron/preload/index.ts (architecture rule 4).',
  preload: "Preloaden må kun importere 'electron' og ../../shared/ipc/channels (den skal kunne bundles til én sandboxed fil).",
  sql: 'SQL hører til i db/queries/: skriv en forespørgselsfunktion der, der tager db-håndtaget først (architecture § 3.3).',
};

/** Restrictions by name. */
const ban = {
  node: [
    { name: 'electron', message: msg.electron },
    ...NODE_BUILTINS.map((name) => ({ name, message: msg.node })),
  ],
  electron: { name: 'electron', message: msg.electron },
  sqlite: [
    { name: 'better-sqlite3', message: msg.sqlite },
    { name: 'better-sqlite3-multiple-ciphers', message: msg.sqlite },
  ],
  react: [
    { name: 'react', message: msg.react },
    { name: 'react-dom', message: msg.react },
    { name: 'react/jsx-runtime', message: msg.react },
  ],
};

/** Restrictions by pattern (relative imports into another layer, node: specifiers). */
const pattern = {
  node: { group: ['node:*'], message: msg.node },
  react: { group: ['react-dom/*'], message: msg.react },
  // Relative paths only, so the 'electron' package name is not mistaken for the electron/ folder.
  db: { regex: '^\\.{1,2}/(.*/)?db(/|$)', message: msg.db },
  electronDir: { regex: '^\\.{1,2}/(.*/)?electron(/|$)', message: msg.electronDir },
  rendererDir: { regex: '^\\.{1,2}/(.*/)?renderer(/|$)', message: msg.rendererDir },
  // The statement cache and the driver are db/'s own tools: outside db/, SQL is not written at all.
  sql: { regex: '^\\.{1,2}/(.*/)?db/(queries/cached|driver)$', message: msg.sql },
};

/** One `@typescript-eslint/no-restricted-imports` setting (type-only imports of 'electron' may be allowed). */
function restrict(paths, patterns = []) {
  return { '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }] };
}

const ipcNames = (allowed) => ({
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'].filter((n) => n !== allowed),
  message: msg.ipc,
});

export default tseslint.config(
  {
    ignores: ['dist/**', '.tsbuild/**', 'node_modules/**', '.electron-native/**', 'coverage/**', 'test-results/**'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_`-prefixed parameters are deliberate (signatures fixed by Electron or the contract).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-control-regex': 'off', // the URL policy and the import parser match control characters on purpose
      eqeqeq: ['error', 'always'],
    },
  },

  // ── Runtimes and globals ───────────────────────────────────────────────────────────────────
  {
    files: ['electron/**/*.ts', 'db/**/*.ts', 'build/**/*.{mjs,mts,js}', 'test/**/*.{ts,tsx}', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // electron-builder loads its configuration and hooks with require(): they stay CommonJS.
    files: ['build/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}', 'test/e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },

  // ── Type-aware rules where they are cheap and matter: an un-awaited IPC promise drops its error ──
  {
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: repoRoot } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },

  // ── React ──────────────────────────────────────────────────────────────────────────────────
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },

  // ── Layering: exactly one block per file ───────────────────────────────────────────────────
  {
    files: ['shared/**/*.ts'],
    rules: restrict([...ban.node, ...ban.sqlite, ...ban.react], [pattern.node, pattern.react, pattern.db, pattern.electronDir, pattern.rendererDir]),
  },
  {
    files: ['db/**/*.ts'],
    ignores: ['db/driver.ts'],
    rules: restrict([ban.electron, ...ban.sqlite, ...ban.react], [pattern.react, pattern.electronDir, pattern.rendererDir]),
  },
  {
    files: ['db/driver.ts'],
    rules: restrict([ban.electron, ...ban.react], [pattern.react, pattern.electronDir, pattern.rendererDir]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: restrict([...ban.node, ...ban.sqlite], [pattern.node, pattern.db, pattern.electronDir]),
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ELECTRON_SHELL,
    rules: restrict([ban.electron, ...ban.sqlite, ...ban.react], [pattern.react, pattern.rendererDir, pattern.sql]),
  },
  {
    files: ['electron/main.ts', 'electron/window.ts', 'electron/security/harden.ts'],
    rules: restrict([ipcNames(null), ...ban.sqlite, ...ban.react], [pattern.react, pattern.rendererDir, pattern.sql]),
  },
  {
    files: ['electron/ipc/register.ts'],
    rules: restrict([ipcNames('ipcMain'), ...ban.sqlite, ...ban.react], [pattern.react, pattern.rendererDir]),
  },
  {
    files: ['electron/preload/index.ts'],
    rules: restrict(
      [ipcNames('ipcRenderer')],
      [{ regex: '^(?!electron$|\\.\\./\\.\\./shared/ipc/channels$)', message: msg.preload }],
    ),
  },
  {
    // Tests may name Electron's types; only the shared mock and the setup stand in for the module.
    files: ['test/**/*.{ts,tsx}'],
    ignores: ['test/mocks/**', 'test/setup/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Tests bruger test/mocks/electron.ts; kun typer må importeres fra electron.', allowTypeImports: true }] },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      // Tests assert on values they have just checked exist.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
