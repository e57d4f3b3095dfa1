import type { Config } from 'jest';

/**
 * Fault injection (`npm run test:chaos`, which builds the API first; a stage of `npm test`): real API
 * processes (dist/apps/api/main.js, or CHAOS_API_MAIN) on the shared test database and Redis — or,
 * for the database restart, a FerretDB of the case's own — killed mid-storm. Every wait in a case is
 * a bounded poll; testTimeout caps each hook and case.
 */
const config: Config = {
  displayName: 'api-chaos',
  rootDir: '../..',
  testMatch: ['<rootDir>/apps/api/test/chaos/**/*.chaos-spec.ts'],
  testEnvironment: 'node',
  globalSetup: '<rootDir>/apps/api/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/apps/api/test/support/global-teardown.ts',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/apps/api/tsconfig.spec.json' }] },
  moduleNameMapper: {
    '^@klasteris/contracts$': '<rootDir>/libs/contracts/src/index.ts',
    // marked ships ESM as its package entry; Jest (CommonJS) loads its UMD build instead
    '^marked$': '<rootDir>/node_modules/marked/lib/marked.umd.js',
  },
  testTimeout: 150_000,
};
export default config;
