import * as fs from 'fs';
import * as path from 'path';
import { PROFILES } from '../../lib/catalog';
import { CLI_PROFILE_NAMES, CLI_PROFILES } from '../../lib/cli/profiles';
import { runCli } from './run-cli';

const CLI_DIR = path.join(__dirname, '..', '..', 'lib', 'cli');
/** The modules a file loads when it is loaded itself (type-only imports and `require` inside functions aside). */
const eagerImports = (file: string) =>
  [...fs.readFileSync(path.join(CLI_DIR, file), 'utf8').matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);

describe('the CLI loads what a command needs', () => {
  test('the lazily loaded profiles are the catalog profiles, by name and in order', () => {
    expect(CLI_PROFILE_NAMES).toEqual(PROFILES.map((p) => p.name));
    expect(CLI_PROFILES.map((p) => [p.name, p.description, p.options])).toEqual(PROFILES.map((p) => [p.name, p.description, p.options]));
  });

  test('the entry module loads no command, export target, validator or catalog up front', () => {
    const eager = eagerImports('main.ts');
    expect(eager.length).toBeGreaterThan(2); // the pattern sees the imports
    expect(eager.filter((m) => /-command$|^\.\.\/(catalog|export|validate|drift)(\/index)?$|^\.\.\/catalog\/(aks|eks|gke|ibm-vpc|chainguard)/.test(m))).toEqual([]);
    expect(eagerImports('profiles.ts')).toEqual([]);
  });

  test('a lazily loaded profile lists and builds like the catalog one', () => {
    const r = runCli('list', 'chainguard-enforce', '--acknowledge-retired', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).length).toBe(PROFILES.find((p) => p.name === 'chainguard-enforce')!.build({ acknowledgeRetired: true }).size);
  });
});
