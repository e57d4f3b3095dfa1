import type { Config } from 'jest';
import { createCjsPreset } from 'jest-preset-angular/presets';

/** Unit tests of the web app (jsdom, zoneless Angular). */
const config: Config = {
  ...createCjsPreset({ tsconfig: '<rootDir>/apps/web/tsconfig.spec.json' }),
  displayName: 'web',
  rootDir: '../..',
  roots: ['<rootDir>/apps/web'],
  testMatch: ['<rootDir>/apps/web/src/**/*.spec.ts'],
  setupFilesAfterEnv: ['<rootDir>/apps/web/src/test-setup.ts'],
  // @jsverse/utils (used by Transloco) and marked ship ES modules as .js: let the preset transform them too
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|@angular/common/locales/.*\\.js$|@jsverse/|marked/))'],
  moduleNameMapper: { '^@klasteris/contracts$': '<rootDir>/libs/contracts/src/index.ts' },
};

export default config;
