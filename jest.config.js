/** Jest runs TypeScript through ts-jest without type-checking (tsconfig has isolatedModules);
 *  `npm test` type-checks the whole tree with tsc first. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  setupFilesAfterEnv: ['<rootDir>/test/setup.js'],
  testTimeout: 60000,
};
