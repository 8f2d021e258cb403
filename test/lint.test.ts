import { spawnSync } from 'child_process';
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

const CLOUDS = ['azure', 'google', 'aws', 'ibm'];
/** Files of lib/targets outside the plan folders that planners and the exporter may import (they import no cdktf). */
const CDKTF_FREE_TARGET_FILES = ['lib/targets/target-options'];
/** The repository path (with `/`) a relative import of `from` resolves to, without extension. */
const resolved = (from: string, spec: string) => path.relative(ROOT, path.resolve(ROOT, path.dirname(from), spec)).split(path.sep).join('/');
/**
 * The imports of planner files that break the planner rule: a planner may import the cdktf-free layers and its own
 * cloud's plan folder, never cdktf, constructs, a provider or a construct file.
 */
function plannerOffenders(files: readonly string[]): string[] {
  const allowed = (from: string, spec: string) => {
    const to = resolved(from, spec);
    const cloud = from.split(path.sep)[2];
    return /^lib\/(model|catalog|plan)(\/|$)/.test(to) || to.startsWith(`lib/targets/${cloud}/plan/`) || CDKTF_FREE_TARGET_FILES.includes(to);
  };
  const external = (i: string) => i === 'cdktf' || i.startsWith('cdktf/') || i === 'constructs' || i.startsWith('@cdktf/');
  return files.flatMap((f) => importsOf(f).filter((i) => (i.startsWith('.') ? !allowed(f, i) : external(i))).map((i) => `${f}: ${i}`));
}

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

  test('the planner folders (lib/targets/<cloud>/plan) import no cdktf, constructs or provider, nor anything that does', () => {
    const planners = [...CLOUDS.flatMap((cloud) => sourceFiles(`lib/targets/${cloud}/plan`)), ...CDKTF_FREE_TARGET_FILES.map((f) => `${f}.ts`.split('/').join(path.sep))];
    expect(planners.length).toBeGreaterThanOrEqual(CLOUDS.length * 2);
    expect(plannerOffenders(planners)).toEqual([]);
    // Planning code lives in the plan folders only, and the exporter reaches the targets through them only.
    expect(CLOUDS.flatMap((cloud) => sourceFiles(`lib/targets/${cloud}`)).filter((f) => /-plan\.ts$/.test(f) && !f.includes(`${path.sep}plan${path.sep}`))).toEqual([]);
    const exportOffenders = sourceFiles('lib/export').flatMap((f) =>
      importsOf(f)
        .filter((i) => i.startsWith('.') && resolved(f, i).startsWith('lib/targets/') && !/^lib\/targets\/[a-z]+\/plan\//.test(resolved(f, i)) && !CDKTF_FREE_TARGET_FILES.includes(resolved(f, i)))
        .map((i) => `${f}: ${i}`),
    );
    expect(exportOffenders).toEqual([]);
  });

  test('the planner-folder rule flags a construct file (so the check above can fail)', () => {
    expect(plannerOffenders([path.join('lib', 'targets', 'ibm', 'security-group-rules.ts')])).toEqual(
      expect.arrayContaining([expect.stringMatching(/: cdktf$/), expect.stringMatching(/: constructs$/), expect.stringMatching(/: \.\.\/requirements-construct$/)]),
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

  test('lib/model has no import cycle (type-only imports aside)', () => {
    const dir = path.join(ROOT, 'lib', 'model');
    const modules = fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));
    const valueImports = (m: string) =>
      [...fs.readFileSync(path.join(dir, `${m}.ts`), 'utf8').matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'\.\/([^']+)'/gm)].map((x) => x[1]);
    const edges = new Map(modules.map((m) => [m, valueImports(m)]));
    expect(edges.get('index')?.length).toBeGreaterThan(5); // the pattern sees the imports
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (m: string, trail: string[]): void => {
      if (state.get(m) === 'done') return;
      if (state.get(m) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(m)), m].join(' -> '));
        return;
      }
      state.set(m, 'open');
      for (const next of edges.get(m) ?? []) visit(next, [...trail, m]);
      state.set(m, 'done');
    };
    for (const m of modules) visit(m, []);
    expect(cycles).toEqual([]);
    // value.ts and errors.ts are leaves: every other model module may use them.
    expect([edges.get('value'), edges.get('errors')]).toEqual([[], []]);
  });

  test('node_modules is never committed (a symlinked one would replace the installed packages of every checkout)', () => {
    const listed = spawnSync('git', ['ls-files', '--', 'node_modules'], { cwd: ROOT, encoding: 'utf8' });
    if (listed.status !== 0) return; // not a git checkout (e.g. an unpacked tarball)
    expect(listed.stdout).toBe('');
  });
});
