/** Jest runs TypeScript through ts-jest without type-checking (tsconfig has isolatedModules);
 *  `npm test` type-checks the whole tree with tsc first. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // The examples import the library by its package names; run them against the sources (tsconfig "paths").
  moduleNameMapper: {
    '^cdktf-firewall-requirements$': '<rootDir>/lib/index.ts',
    '^cdktf-firewall-requirements/(azure|google|aws|ibm)$': '<rootDir>/lib/targets/$1/index.ts',
    '^cdktf-firewall-requirements/export$': '<rootDir>/lib/export/index.ts',
  },
  setupFilesAfterEnv: ['<rootDir>/test/setup.js'],
  testTimeout: 60000,
};
