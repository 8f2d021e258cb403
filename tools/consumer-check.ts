/**
 * The consumer check: the package as a new user meets it.
 *
 * 1. `npm pack` this package.
 * 2. A fresh project with the `package.json`, `tsconfig.json` and `cdktf.json` that `cdktf init --template=typescript`
 *    writes installs the tarball and the lowest version of every peer dependency range.
 * 3. The entry points resolve at run time (`require` and `import`) and in type-checks under node10 (the template's
 *    tsconfig), node16, nodenext and bundler resolution.
 * 4. The examples (importing the package names) and every README TypeScript block type-check with the template's
 *    tsconfig, run with ts-node as `cdktf synth` runs them, and what they synthesize passes the package's own
 *    `cdktf-firewall-requirements validate` against the installed (lowest) provider bindings.
 * 5. The library's sources type-check against the lowest peers (a provider argument missing from an older binding
 *    would be dropped silently at synth otherwise).
 *
 *   npm run consumer-check [-- --keep] [-- --dir DIR] [-- --json FILE]
 *
 * Installs go through the npm cache (`--prefer-offline`), so repeated runs do not download the bindings again.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CDKTF_INIT_DEV_DEPENDENCIES, CDKTF_INIT_TSCONFIG, cdktfInitCdktfJson, cdktfInitPackageJson } from './cdktf-init-template';
import { assembleBlock, AssembledBlock, extractTsBlocks, readmeInstallCommands, readmeLineOf } from './readme-blocks';
import { lowestVersion } from './version-range';

const ROOT = path.resolve(__dirname, '..', '..');
const PACKAGE = 'cdktf-firewall-requirements';
const CLOUDS = ['azure', 'google', 'aws', 'ibm'] as const;
/** One value export of each entry point, to prove that it resolves to the real module. */
const ENTRY_EXPORTS: Readonly<Record<string, string>> = {
  [PACKAGE]: 'aksProfile',
  [`${PACKAGE}/azure`]: 'AzureFirewallPolicyRules',
  [`${PACKAGE}/google`]: 'GcpFirewall',
  [`${PACKAGE}/aws`]: 'SecurityGroupRules',
  [`${PACKAGE}/ibm`]: 'IbmSecurityGroupRules',
  [`${PACKAGE}/export`]: 'exportModule',
};

interface CheckResult {
  readonly name: string;
  readonly ok: boolean;
  readonly seconds: number;
}

interface Options {
  readonly dir?: string;
  readonly keep: boolean;
  readonly json?: string;
}

function parseArgs(argv: readonly string[]): Options {
  let dir: string | undefined;
  let json: string | undefined;
  let keep = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--keep') keep = true;
    else if (arg === '--dir' && argv[i + 1]) dir = path.resolve(argv[++i]);
    else if (arg === '--json' && argv[i + 1]) json = path.resolve(argv[++i]);
    else {
      process.stderr.write(`consumer-check: unknown argument "${arg}". Usage: consumer-check [--keep] [--dir DIR] [--json FILE]\n`);
      process.exit(2);
    }
  }
  return { dir, keep, json };
}

/** Runs a command; returns its exit status and combined output. */
function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): { status: number; output: string } {
  const result = spawnSync(command, args, {
    cwd,
    env: { ...process.env, CHECKPOINT_DISABLE: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`;
  return { status: result.status ?? 1, output };
}

class Checks {
  public readonly results: CheckResult[] = [];

  /** Runs `body`; it returns problems (empty when the check passes). Prints one line per check and the problems. */
  public check(name: string, body: () => string[]): boolean {
    const started = Date.now();
    let problems: string[];
    try {
      problems = body();
    } catch (e) {
      problems = [e instanceof Error ? (e.stack ?? e.message) : String(e)];
    }
    const seconds = (Date.now() - started) / 1000;
    const ok = problems.length === 0;
    this.results.push({ name, ok, seconds });
    process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${name} (${seconds.toFixed(1)} s)\n`);
    for (const p of problems) process.stdout.write(`${p.replace(/^/gm, '     ')}\n`);
    return ok;
  }
}

/** Problems from a command: none when it exits 0, else its output (the last 200 lines). */
function commandProblems(result: { status: number; output: string }, what: string): string[] {
  if (result.status === 0) return [];
  const lines = result.output.trimEnd().split('\n');
  // Compiler diagnostics first: a --listFiles run would otherwise bury them under the file list.
  const diagnostics = lines.filter((l) => /error TS\d+/.test(l));
  return [`${what} exited with ${result.status}:`, ...(diagnostics.length > 0 ? diagnostics.slice(0, 50) : lines.slice(-200))];
}

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Adds the README line to tsc diagnostics in README programs (`readme/block-01-line-87.ts(3,5): error ...`). */
function annotateReadmeDiagnostics(output: string, programs: readonly AssembledBlock[]): string {
  return output.replace(/^readme\/(block-[\w-]+\.ts)\((\d+),\d+\)/gm, (match, file: string, line: string) => {
    const program = programs.find((p) => p.fileName === file);
    const readmeLine = program && readmeLineOf(program, Number(line));
    return readmeLine === undefined ? match : `README.md:${readmeLine} (${match})`;
  });
}

function entryPointsSource(): string {
  const imports = Object.entries(ENTRY_EXPORTS).map(([spec, name]) => `import { ${name} } from '${spec}';`);
  const names = Object.values(ENTRY_EXPORTS);
  return [
    '// Every entry point resolves to its declarations: an unresolved module is an error, a module typed `any` is too.',
    ...imports,
    '',
    'type NotAny<T> = 0 extends 1 & T ? never : T;',
    `export const entryPoints: [${names.map((n) => `NotAny<typeof ${n}>`).join(', ')}] = [${names.join(', ')}];`,
    '',
  ].join('\n');
}

function resolutionTsconfig(module: string, moduleResolution: string, files: string[]): object {
  return {
    compilerOptions: { module, moduleResolution, target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: [] },
    files,
  };
}

/**
 * Files a user does not need in the tarball: tests, fixtures, TypeScript sources (declarations are fine), source
 * maps of the tests, the examples, tools and benchmarks. Every file must match one of the allowed forms.
 */
export function unwantedPackFiles(paths: readonly string[]): string[] {
  const allowed = [
    /^package\.json$/,
    /^(README|CHANGELOG)\.md$/,
    /^LICENSE$/,
    /^bin\/[\w-]+\.js$/,
    /^schemas\/[\w.-]+\.(json|md)$/,
    /^dist\/lib\/.+\.(js|d\.ts)$/,
  ];
  const unwanted = /(^|\/)(test|tests|__tests__|fixtures?|examples|tools|bench)\/|\.test\.|\.spec\./;
  return paths.flatMap((p) => {
    if (unwanted.test(p)) return [`the tarball holds ${p}, which users do not need`];
    if (!allowed.some((a) => a.test(p))) return [`the tarball holds ${p}, which is none of the shipped kinds (dist/lib JavaScript and declarations, bin, schemas, README, CHANGELOG, LICENSE)`];
    return [];
  });
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const work = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'consumer-check-'));
  fs.mkdirSync(work, { recursive: true });
  const project = path.join(work, 'project');
  fs.rmSync(project, { recursive: true, force: true });
  fs.mkdirSync(project, { recursive: true });
  const checks = new Checks();
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const peers = Object.fromEntries(
    Object.entries(pkg.peerDependencies as Record<string, string>).map(([name, range]) => [name, lowestVersion(range, `peerDependencies.${name}`)]),
  );
  process.stdout.write(`Consumer project: ${project}\nLowest peers: ${Object.entries(peers).map(([n, v]) => `${n}@${v}`).join(' ')}\n`);

  // 1. The tarball (the npm script has just built dist/, so skip prepack's second build).
  let tarball = '';
  const packed = checks.check('npm pack: the entry points are in the tarball, and nothing users do not need', () => {
    const result = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
    if (result.status !== 0) return commandProblems(result, 'npm pack');
    const json = result.output.slice(result.output.indexOf('['));
    const info = JSON.parse(json.slice(0, json.lastIndexOf(']') + 1))[0] as { filename: string; files: { path: string }[] };
    tarball = path.join(work, info.filename);
    const missing = CLOUDS.map((c) => `dist/lib/targets/${c}/index.d.ts`)
      .concat(['dist/lib/index.d.ts', 'bin/cdktf-firewall-requirements.js', 'CHANGELOG.md', 'LICENSE', 'README.md'])
      .filter((f) => !info.files.some((x) => x.path === f));
    return [...missing.map((f) => `the tarball lacks ${f}`), ...unwantedPackFiles(info.files.map((f) => f.path))];
  });
  if (!packed) return finish(checks, options, work, started);

  // 2. The project cdktf init writes, with the user's code: the examples, the README programs, resolution probes.
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  let programs: AssembledBlock[] = [];
  const examples = fs
    .readdirSync(path.join(ROOT, 'examples'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(ROOT, 'examples', d.name, 'stack.ts')))
    .map((d) => d.name)
    .sort();
  const written = checks.check('write the cdktf init project, the examples and the README programs', () => {
    programs = extractTsBlocks(readme).map((b) => assembleBlock(b, path.join(ROOT, 'test', 'readme', 'preambles')));
    const dependencies = { [PACKAGE]: `file:${path.relative(project, tarball)}`, ...peers };
    writeJson(path.join(project, 'package.json'), cdktfInitPackageJson('consumer', dependencies));
    writeJson(path.join(project, 'tsconfig.json'), CDKTF_INIT_TSCONFIG);
    writeJson(path.join(project, 'cdktf.json'), cdktfInitCdktfJson('consumer-check'));
    for (const name of examples) {
      fs.mkdirSync(path.join(project, 'examples', name), { recursive: true });
      fs.copyFileSync(path.join(ROOT, 'examples', name, 'stack.ts'), path.join(project, 'examples', name, 'stack.ts'));
    }
    const ident = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    const mainTs = [
      "import { App } from 'cdktf';",
      ...examples.map((n) => `import * as ${ident(n)} from './examples/${n}/stack';`),
      '',
      'const app = new App();',
      ...examples.map((n) => `${ident(n)}.createStack(app, '${n}');`),
      'app.synth();',
      '',
    ];
    fs.writeFileSync(path.join(project, 'main.ts'), mainTs.join('\n'));
    fs.mkdirSync(path.join(project, 'readme'));
    for (const p of programs) fs.writeFileSync(path.join(project, 'readme', p.fileName), p.text);
    fs.mkdirSync(path.join(project, 'resolution'));
    fs.writeFileSync(path.join(project, 'resolution', 'entry-points.ts'), entryPointsSource());
    fs.writeFileSync(path.join(project, 'resolution', 'entry-points.mts'), entryPointsSource());
    for (const [mode, module] of [['node16', 'node16'], ['nodenext', 'nodenext'], ['bundler', 'esnext']]) {
      const files = mode === 'bundler' ? ['entry-points.ts'] : ['entry-points.ts', 'entry-points.mts'];
      writeJson(path.join(project, 'resolution', `tsconfig.${mode}.json`), resolutionTsconfig(module, mode, files));
    }
    return programs.length === 0 ? ['README.md has no TypeScript block'] : [];
  });
  if (!written) return finish(checks, options, work, started);

  // The README's install commands, as printed, in a project that has only what cdktf init installs; the tarball's
  // file name in the command is the one just packed.
  checks.check("the README's install commands, in order, in a fresh cdktf init project", () => {
    const fresh = path.join(work, 'readme-install');
    fs.rmSync(fresh, { recursive: true, force: true });
    fs.mkdirSync(fresh, { recursive: true });
    const { typescript: _ts, 'ts-node': _tsNode, ...initDev } = CDKTF_INIT_DEV_DEPENDENCIES;
    writeJson(path.join(fresh, 'package.json'), cdktfInitPackageJson('readme-install', {}, initDev));
    writeJson(path.join(fresh, 'tsconfig.json'), CDKTF_INIT_TSCONFIG);
    fs.copyFileSync(tarball, path.join(fresh, path.basename(tarball)));
    const commands = readmeInstallCommands(readme);
    const problems: string[] = [];
    for (const command of commands) {
      const words = command.split(/\s+/).map((w) => (/^\.\/cdktf-firewall-requirements-[\w.-]+\.tgz$/.test(w) ? `./${path.basename(tarball)}` : w));
      if (words[0] !== 'npm') return [`README install command is not an npm command: ${command}`];
      const result = run('npm', [...words.slice(1), '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], fresh);
      problems.push(...commandProblems(result, command));
      if (problems.length > 0) return problems;
    }
    const script = `const a = require('${PACKAGE}/azure'); if (typeof a.AzureFirewallPolicyRules !== 'function') throw new Error('no AzureFirewallPolicyRules');`;
    return commandProblems(run('node', ['-e', script], fresh), 'node -e (the Azure entry point after the README install)');
  });

  const installed = checks.check('npm install (the tarball, the lowest peers, the cdktf init dev dependencies)', () => {
    const result = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], project);
    if (result.status !== 0) return commandProblems(result, 'npm install');
    return Object.entries(peers).flatMap(([name, version]) => {
      const got = JSON.parse(fs.readFileSync(path.join(project, 'node_modules', name, 'package.json'), 'utf8')).version;
      return got === version ? [] : [`${name}: installed ${got}, expected the lowest of the range, ${version}`];
    });
  });
  if (!installed) return finish(checks, options, work, started);

  const tsc = path.join(project, 'node_modules', '.bin', 'tsc');
  const tsNode = path.join(project, 'node_modules', '.bin', 'ts-node');
  const cli = path.join(project, 'node_modules', '.bin', PACKAGE);

  // 3. Entry points at run time.
  checks.check('require() of every entry point (CommonJS)', () => {
    const script = Object.entries(ENTRY_EXPORTS)
      .map(([spec, name]) => `if (typeof require('${spec}').${name} !== 'function') throw new Error('${spec} lacks ${name}');`)
      .join('\n');
    return commandProblems(run('node', ['-e', script], project), 'node -e');
  });
  checks.check('import of every entry point (ES module)', () => {
    const script = [
      ...Object.entries(ENTRY_EXPORTS).map(([spec, name]) => `import { ${name} } from '${spec}';`),
      ...Object.entries(ENTRY_EXPORTS).map(([spec, name]) => `if (typeof ${name} !== 'function') throw new Error('${spec} lacks ${name}');`),
    ].join('\n');
    return commandProblems(run('node', ['--input-type=module', '-e', script], project), 'node --input-type=module');
  });

  // 4. Type-checks: the template's tsconfig (node10) over everything, then each other resolution mode.
  checks.check('tsc with the cdktf init tsconfig (node10 resolution): examples, README programs, entry points', () => {
    const result = run(tsc, ['--noEmit', '-p', 'tsconfig.json'], project);
    return commandProblems({ ...result, output: annotateReadmeDiagnostics(result.output, programs) }, 'tsc');
  });
  for (const mode of ['node16', 'nodenext', 'bundler']) {
    checks.check(`tsc with moduleResolution ${mode}: every entry point`, () =>
      commandProblems(run(tsc, ['-p', path.join('resolution', `tsconfig.${mode}.json`)], project), 'tsc'),
    );
  }

  // 5. Synthesis as `cdktf synth` runs the app (cdktf.json: npx ts-node main.ts), then the offline validation.
  checks.check(`synthesize the examples with ts-node (${examples.join(', ')}) and validate`, () => {
    const synth = run(tsNode, ['main.ts'], project, { CDKTF_OUTDIR: 'cdktf.out' });
    if (synth.status !== 0) return commandProblems(synth, 'ts-node main.ts');
    const stacks = fs.readdirSync(path.join(project, 'cdktf.out', 'stacks')).sort();
    if (stacks.join() !== examples.join()) return [`synthesized stacks ${stacks.join(', ')}; expected ${examples.join(', ')}`];
    return commandProblems(run(cli, ['validate', 'cdktf.out'], project), `${PACKAGE} validate`);
  });
  for (const p of programs) {
    const label = `README.md:${p.block.fenceLine}${p.block.preamble ? ` (preamble ${p.block.preamble})` : ' (complete program)'}`;
    checks.check(`run ${label} and validate what it synthesizes`, () => {
      const outdir = path.join('cdktf.out.readme', p.fileName.replace(/\.ts$/, ''));
      fs.mkdirSync(path.join(project, outdir), { recursive: true }); // App creates only the last folder
      // Already type-checked above with the project's tsconfig; run as ts-node runs a cdktf app.
      const result = run(tsNode, ['--transpile-only', path.join('readme', p.fileName)], project, { CDKTF_OUTDIR: outdir });
      if (result.status !== 0) return commandProblems(result, `ts-node ${p.fileName}`);
      if (!fs.existsSync(path.join(project, outdir, 'stacks'))) return [];
      return commandProblems(run(cli, ['validate', outdir], project), `${PACKAGE} validate`);
    });
  }

  // 6. The sources against the lowest peers: an argument an older binding lacks is a type error here.
  checks.check('the library sources and examples type-check against the lowest peers', () => {
    const modules = path.join(project, 'node_modules');
    const self = (sub: string) => [path.join(ROOT, 'lib', sub, 'index.ts')];
    const config = {
      extends: path.join(ROOT, 'tsconfig.json'),
      compilerOptions: {
        noEmit: true,
        incremental: false,
        types: ['node'],
        typeRoots: [path.join(ROOT, 'node_modules', '@types')],
        paths: {
          [PACKAGE]: self(''),
          ...Object.fromEntries(CLOUDS.map((c) => [`${PACKAGE}/${c}`, self(`targets/${c}`)])),
          [`${PACKAGE}/export`]: self('export'),
          cdktf: [path.join(modules, 'cdktf')],
          'cdktf/*': [path.join(modules, 'cdktf', '*')],
          constructs: [path.join(modules, 'constructs')],
          ...Object.fromEntries(
            Object.keys(peers)
              .filter((n) => n.startsWith('@cdktf/provider-'))
              .map((n) => [`${n}/*`, [path.join(modules, n, '*')]]),
          ),
        },
      },
      include: [path.join(ROOT, 'lib', '**', '*.ts'), path.join(ROOT, 'examples', '**', '*.ts')],
    };
    const file = path.join(work, 'tsconfig.lowest-peers.json');
    writeJson(file, config);
    const result = run(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', file, '--listFiles'], work);
    if (result.status !== 0) return commandProblems(result, 'tsc');
    // The providers must come from the consumer project, not from this repository's node_modules.
    const providerFiles = result.output.split('\n').filter((l) => l.includes('/@cdktf/provider-'));
    const wrong = providerFiles.filter((l) => !l.startsWith(modules));
    return providerFiles.length === 0 ? ['no provider declarations were loaded'] : wrong.slice(0, 5).map((l) => `loaded from the repository: ${l}`);
  });

  finish(checks, options, work, started);
}

function finish(checks: Checks, options: Options, work: string, started: number): void {
  const passed = checks.results.filter((r) => r.ok).length;
  const failed = checks.results.length - passed;
  const seconds = (Date.now() - started) / 1000;
  if (options.json) writeJson(options.json, { passed, failed, seconds, checks: checks.results });
  if (!options.keep && !options.dir) fs.rmSync(work, { recursive: true, force: true });
  else process.stdout.write(`Kept ${work}\n`);
  process.stdout.write(`Consumer check: ${passed} of ${checks.results.length} checks passed in ${seconds.toFixed(0)} s\n`);
  process.exitCode = failed === 0 ? 0 : 1;
}

if (require.main === module) main();
