// ESLint flat config for the whole monorepo: `npm run lint` (= eslint . --max-warnings=0).
//
// Type-aware linting uses explicit tsconfig projects rather than `projectService`: the apps keep
// their settings in tsconfig.app.json / tsconfig.spec.json (no tsconfig.json beside them), which
// the project service would not find. A project whose tsconfig does not exist yet is skipped, so
// the config keeps working while parts of the repo are still being written.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = dirname(fileURLToPath(import.meta.url));
const existing = (...projects) => projects.filter((p) => existsSync(join(root, p)));

/** Test code: mocks, `expect(obj.method)` and HTTP/socket bodies that are `any` by nature. */
const testFiles = ['**/*.spec.ts', 'apps/api/test/**/*.ts', 'e2e/**/*.ts', '**/test-setup.ts', '**/jest.*.ts'];

/** Groups of TypeScript files and the tsconfig(s) that own them. */
const typedGroups = [
  { files: ['apps/api/src/**/*.ts', 'apps/api/test/**/*.ts', 'apps/api/jest.*.ts'], project: existing('apps/api/tsconfig.spec.json') },
  { files: ['libs/contracts/src/**/*.ts'], project: existing('libs/contracts/tsconfig.json') },
  {
    files: ['apps/web/src/**/*.ts', 'apps/web/jest.*.ts'],
    project: existing('apps/web/tsconfig.app.json', 'apps/web/tsconfig.spec.json'),
  },
  { files: ['e2e/**/*.ts'], project: existing('e2e/tsconfig.json') },
  // benchmarks: the scripts (bench/tsconfig.json) and the Jest-run *.bench.ts (bench/tsconfig.spec.json)
  { files: ['bench/**/*.ts'], project: existing('bench/tsconfig.json', 'bench/tsconfig.spec.json') },
].filter((g) => g.project.length > 0);

const typedFiles = typedGroups.flatMap((g) => g.files);

export default defineConfig(
  globalIgnores([
    '**/dist/',
    '**/node_modules/',
    '**/.angular/',
    '**/coverage/',
    'tmp/',
    '.tools/',
    'data/',
    'test-results/',
    'playwright-report/',
    'bench/results/',
    // CommonJS build configs (e.g. apps/api/webpack.config.js) are not part of the typed code.
    '**/*.js',
    '**/*.cjs',
  ]),

  // Plain ES modules of our own (this file, scripts/*.mjs): Node globals, no type information.
  {
    files: ['**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node, ecmaVersion: 'latest', sourceType: 'module' },
    rules: { 'no-unused-vars': ['error', { args: 'after-used', argsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }] },
  },

  // Every TypeScript file gets the type-aware recommended set...
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // TypeScript itself reports undefined names; this rule only misfires on types and globals.
      'no-undef': 'off',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      // Promise-returning callbacks where void is expected are fine in JSX-like attributes; elsewhere
      // (event handlers, array callbacks) they are reported.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // Nest modules and Angular route/config holders are classes with only decorators.
      '@typescript-eslint/no-extraneous-class': 'off',
      // Nest and Angular lifecycle/interface methods are often `async` without an `await` on purpose.
      '@typescript-eslint/require-await': 'off',
      // `arr[i]!` is how we state "present" without noUncheckedIndexedAccess; the rule calls each one redundant.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // Static methods passed by reference (Angular's `Validators.required`) do not use `this`.
      '@typescript-eslint/unbound-method': ['error', { ignoreStatic: true }],
    },
  },

  // ...with the tsconfig that owns it.
  ...typedGroups.map(({ files, project }) => ({
    files,
    languageOptions: { parserOptions: { project, tsconfigRootDir: root } },
  })),

  // TypeScript outside every known project (a future folder before it has a tsconfig): syntax-level rules only, so the file is still linted rather than crashing the run.
  {
    files: ['**/*.ts'],
    ignores: typedFiles,
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },

  // Tests: supertest/socket bodies and Playwright JSON are `any`; jest mocks pass unbound methods.
  {
    files: testFiles,
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
