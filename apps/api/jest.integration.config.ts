import type { Config } from 'jest';

/**
 * Integration tests: the real Nest app over HTTP and Socket.IO against a real database — the
 * embedded FerretDB started once for the run (or MONGODB_URI). Each test file uses its own database.
 */
const config: Config = {
  displayName: 'api-integration',
  rootDir: '../..',
  testMatch: ['<rootDir>/apps/api/test/**/*.int-spec.ts'],
  testEnvironment: 'node',
  globalSetup: '<rootDir>/apps/api/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/apps/api/test/support/global-teardown.ts',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/apps/api/tsconfig.spec.json' }] },
  moduleNameMapper: {
    '^@klasteris/contracts$': '<rootDir>/libs/contracts/src/index.ts',
    // marked ships ESM as its package entry; Jest (CommonJS) loads its UMD build instead
    '^marked$': '<rootDir>/node_modules/marked/lib/marked.umd.js',
  },
  testTimeout: 120_000,
  slowTestThreshold: 10,
};
export default config;
