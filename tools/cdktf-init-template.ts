/**
 * The project that `cdktf init --template=typescript` (cdktf-cli 0.21.0) writes: its `package.json`, `tsconfig.json`,
 * `cdktf.json` and the dependencies its post-init hook installs. The consumer check builds a fresh project from
 * these, so that the package is tested the way a new user meets it. Copied from the template folder of
 * `@cdktf/cli-core` 0.21.0 (`templates/typescript/`); only the TypeScript pin differs (see below).
 */

/** `tsconfig.json` exactly as the template writes it. `module: CommonJS` without `moduleResolution` is node10 resolution. */
export const CDKTF_INIT_TSCONFIG = {
  compilerOptions: {
    alwaysStrict: true,
    declaration: true,
    experimentalDecorators: true,
    inlineSourceMap: true,
    inlineSources: true,
    lib: ['es2018'],
    module: 'CommonJS',
    noEmitOnError: true,
    noFallthroughCasesInSwitch: true,
    noImplicitAny: true,
    noImplicitReturns: true,
    noImplicitThis: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    resolveJsonModule: true,
    strict: true,
    strictNullChecks: true,
    strictPropertyInitialization: true,
    stripInternal: true,
    target: 'ES2018',
    incremental: true,
    skipLibCheck: true,
  },
  include: ['**/*.ts'],
  exclude: ['node_modules', 'cdktf.out'],
} as const;

/** `cdktf.json` as the template writes it (`projectId` is a fresh UUID there; any value works offline). */
export function cdktfInitCdktfJson(projectId: string): object {
  return {
    language: 'typescript',
    app: 'npx ts-node main.ts',
    projectId,
    sendCrashReports: 'false',
    terraformProviders: [],
    terraformModules: [],
    context: {},
  };
}

/**
 * The dev dependencies the template's post-init hook installs (`npm install -D @types/node typescript jest @types/jest
 * ts-jest ts-node`, that is the latest of each), written as the ranges npm records for them. TypeScript is pinned to
 * ~5.9 as the README tells users to: the latest (7.x) has no JavaScript compiler API, and ts-node, which runs the app
 * for `cdktf synth`, crashes with it.
 */
export const CDKTF_INIT_DEV_DEPENDENCIES: Readonly<Record<string, string>> = {
  '@types/jest': '^30.0.0',
  '@types/node': '^26.6.6',
  jest: '^30.5.2',
  'ts-jest': '^29.4.15',
  'ts-node': '^10.9.2',
  typescript: '~5.9.3',
};

/** `package.json` as the template writes it, plus the dependencies the hook and the user install. */
export function cdktfInitPackageJson(
  name: string,
  dependencies: Readonly<Record<string, string>>,
  devDependencies: Readonly<Record<string, string>> = CDKTF_INIT_DEV_DEPENDENCIES,
): object {
  return {
    name,
    version: '1.0.0',
    main: 'main.js',
    types: 'main.ts',
    license: 'MPL-2.0',
    private: true,
    scripts: {
      get: 'cdktf get',
      build: 'tsc',
      synth: 'cdktf synth',
      compile: 'tsc --pretty',
      watch: 'tsc -w',
      test: 'jest',
      'test:watch': 'jest --watch',
      upgrade: 'npm i cdktf@latest cdktf-cli@latest',
      'upgrade:next': 'npm i cdktf@next cdktf-cli@next',
    },
    engines: { node: '>=20.9' },
    dependencies: sortKeys(dependencies),
    devDependencies: sortKeys(devDependencies),
  };
}

function sortKeys(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
