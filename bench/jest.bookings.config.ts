import type { Config } from 'jest';

/** Booking benchmarks: not tests, they print figures. `npx jest -c bench/jest.bookings.config.ts` */
const config: Config = {
  displayName: 'bench-bookings',
  rootDir: '..',
  testMatch: ['<rootDir>/bench/bookings-*.bench.ts'],
  testEnvironment: 'node',
  globalSetup: '<rootDir>/apps/api/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/apps/api/test/support/global-teardown.ts',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/apps/api/tsconfig.spec.json' }] },
  moduleNameMapper: {
    '^@klasteris/contracts$': '<rootDir>/libs/contracts/src/index.ts',
    // as in the integration tests: marked's package entry is ESM, Jest (CommonJS) loads its UMD build
    '^marked$': '<rootDir>/node_modules/marked/lib/marked.umd.js',
  },
  testTimeout: 600_000,
};
export default config;
