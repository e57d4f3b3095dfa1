import type { Config } from 'jest';

/**
 * Fault injection (`npm run test:chaos`, which builds the API first): real API processes
 * (dist/apps/api/main.js) on the shared test database and Redis, killed mid-storm.
 */
const config: Config = {
  displayName: 'api-chaos',
  rootDir: '../..',
  testMatch: ['<rootDir>/apps/api/test/chaos/**/*.chaos-spec.ts'],
  testEnvironment: 'node',
  globalSetup: '<rootDir>/apps/api/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/apps/api/test/support/global-teardown.ts',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/apps/api/tsconfig.spec.json' }] },
  moduleNameMapper: { '^@klasteris/contracts$': '<rootDir>/libs/contracts/src/index.ts' },
  testTimeout: 150_000,
};
export default config;
