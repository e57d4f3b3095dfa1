import type { Config } from 'jest';

/**
 * Security sweep (`npm run test:security`): every endpoint of the OpenAPI document and every
 * client→server socket event, attacked with operator payloads, wrong types, oversized values,
 * unknown fields and bad tokens, against the real app on the shared test database.
 */
const config: Config = {
  displayName: 'api-security',
  rootDir: '../..',
  testMatch: ['<rootDir>/apps/api/test/security/**/*.sec-spec.ts'],
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
};
export default config;
