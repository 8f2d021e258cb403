import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((d) => {
    const rel = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(rel);
    return /\.(ts|js)$/.test(d.name) ? [rel] : [];
  });
}

const ALL = ['lib', 'examples', 'test', 'bench', 'tools', 'bin'].flatMap(sourceFiles);
const importsOf = (file: string) => [...fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);

describe('import rules', () => {
  test('provider bindings are imported by submodule path, never from the package root', () => {
    // The root barrel costs 10-40x in type-check time and memory (1.9 GB).
    const offenders = ALL.filter((f) => importsOf(f).some((i) => /^@cdktf\/provider-[a-z]+$/.test(i)));
    expect(offenders).toEqual([]);
  });

  test('the model, catalog, planning, CLI and validation layers do not import cdktf or providers', () => {
    const layers = ['lib/model', 'lib/catalog', 'lib/plan', 'lib/cli', 'lib/validate'].flatMap(sourceFiles);
    expect(layers.length).toBeGreaterThan(5);
    const offenders = layers.filter((f) => importsOf(f).some((i) => i === 'cdktf' || i.startsWith('cdktf/') || i === 'constructs' || i.startsWith('@cdktf/')));
    expect(offenders).toEqual([]);
  });

  test('the examples import the library by its package names, as users do, never by a relative path into lib/', () => {
    const stacks = sourceFiles('examples').filter((f) => f !== path.join('examples', 'main.ts'));
    expect(stacks.length).toBeGreaterThan(3);
    const offenders = stacks.filter((f) => importsOf(f).some((i) => i.startsWith('.') && i.includes('lib')));
    expect(offenders).toEqual([]);
    const packageImports = stacks.flatMap((f) => importsOf(f)).filter((i) => i.startsWith('cdktf-firewall-requirements'));
    expect(new Set(packageImports)).toEqual(
      new Set(['cdktf-firewall-requirements', ...['azure', 'google', 'aws', 'ibm', 'export'].map((c) => `cdktf-firewall-requirements/${c}`)]),
    );
  });

  test('no source imports a package.json (tsc would copy it into dist/, breaking the package self-reference)', () => {
    const offenders = ALL.filter((f) => importsOf(f).some((i) => i.startsWith('.') && i.endsWith('package.json')));
    expect(offenders).toEqual([]);
  });

  test('a target imports only its own cloud provider binding', () => {
    const own: Record<string, string | undefined> = { azure: 'azurerm', google: 'google', aws: 'aws', ibm: undefined };
    const offenders = Object.entries(own).flatMap(([cloud, provider]) =>
      sourceFiles(`lib/targets/${cloud}`).filter((f) =>
        importsOf(f).some((i) => i.startsWith('@cdktf/provider-') && !i.startsWith(`@cdktf/provider-${provider}/`)),
      ),
    );
    expect(offenders).toEqual([]);
  });
});
