import type { Config } from 'jest';

/** Unit tests: pure logic beside the code, no database. */
const config: Config = {
  displayName: 'api-unit',
  rootDir: '../..',
  testMatch: ['<rootDir>/apps/api/src/**/*.spec.ts'],
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/apps/api/tsconfig.spec.json' }] },
  moduleNameMapper: {
    '^@klasteris/contracts$': '<rootDir>/libs/contracts/src/index.ts',
    // marked ships ESM as its package entry; Jest (CommonJS) loads its UMD build instead
    '^marked$': '<rootDir>/node_modules/marked/lib/marked.umd.js',
  },
};
export default config;
