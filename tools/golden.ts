/**
 * The golden-output check: every bundled example's synthesized `cdk.tf.json`, the construct cases of
 * tools/golden-cases.ts, the modules of the plain Terraform example and every export spec under test/golden/specs,
 * rendered in memory. test/golden.test.ts compares them byte for byte with the committed files under test/golden;
 * `npm run golden:update` rewrites those files after an intentional output change.
 *
 * Usage: node dist/tools/golden.js [--update]
 *   (no flag)  write nothing; exit 1 and name the files that differ
 *   --update   rewrite test/golden/{stacks,exports}
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { addExamples } from '../examples/main';
import { EXAMPLE_DIR, freshExport, listExports } from '../examples/terraform/export-examples';
import { exportModule } from '../lib/export/export-module';
import { readSpecFile } from '../lib/export/spec-file';
import { GOLDEN_CASES } from './golden-cases';

/** The repository root (the TypeScript sources, also when run from dist/). */
const ROOT = path.basename(path.resolve(__dirname, '..')) === 'dist' ? path.resolve(__dirname, '..', '..') : path.resolve(__dirname, '..');

/** Where the golden files live. */
export const GOLDEN_DIR = path.join(ROOT, 'test', 'golden');

/** The folders under GOLDEN_DIR that hold generated files (everything else there is input or docs). */
export const GOLDEN_OUTPUTS: readonly string[] = ['stacks', 'exports'];

/** Every golden file, path relative to GOLDEN_DIR (with `/`) to its text, sorted by path. */
export function renderGolden(goldenDir: string = GOLDEN_DIR): Map<string, string> {
  const files = new Map<string, string>();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-'));
  try {
    const app = new App({ outdir: out });
    addExamples(app);
    for (const [name, build] of Object.entries(GOLDEN_CASES)) build(new TerraformStack(app, name));
    app.synth();
    for (const name of fs.readdirSync(path.join(out, 'stacks')).sort()) {
      const text = fs.readFileSync(path.join(out, 'stacks', name, 'cdk.tf.json'), 'utf8');
      // The local backend path is absolute (under the output folder or the working directory); everything else is
      // position-independent.
      files.set(`stacks/${name}.tf.json`, text.split(out).join('<outdir>').split(process.cwd()).join('<cwd>'));
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
  for (const entry of listExports(EXAMPLE_DIR)) {
    const module = freshExport(entry, EXAMPLE_DIR);
    for (const [file, text] of Object.entries(module.files)) files.set(`exports/example-${entry.module}/${file}`, text);
  }
  const specDir = path.join(goldenDir, 'specs');
  for (const specFile of fs.readdirSync(specDir).filter((f) => f.endsWith('.json')).sort()) {
    const name = specFile.replace(/\.json$/, '');
    const target = name.split('--')[0];
    const module = exportModule(target, readSpecFile(path.join(specDir, specFile)), { source: `specs/${specFile}` });
    for (const [file, text] of Object.entries(module.files)) files.set(`exports/${name}/${file}`, text);
  }
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Every committed golden file, as renderGolden returns them. */
export function readGolden(goldenDir: string = GOLDEN_DIR): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (rel: string) => {
    const abs = path.join(goldenDir, rel);
    if (!fs.existsSync(abs)) return;
    for (const d of fs.readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = `${rel}/${d.name}`;
      if (d.isDirectory()) walk(child);
      else files.set(child, fs.readFileSync(path.join(goldenDir, child), 'utf8'));
    }
  };
  for (const top of GOLDEN_OUTPUTS) walk(top);
  return files;
}

/** The paths that differ between two renderings (missing on either side or different text), sorted. */
export function goldenDifferences(expected: Map<string, string>, actual: Map<string, string>): string[] {
  const paths = new Set([...expected.keys(), ...actual.keys()]);
  return [...paths].filter((p) => expected.get(p) !== actual.get(p)).sort();
}

/** Replaces the generated folders under goldenDir with `files`. */
export function writeGolden(files: Map<string, string>, goldenDir: string = GOLDEN_DIR): void {
  for (const top of GOLDEN_OUTPUTS) fs.rmSync(path.join(goldenDir, top), { recursive: true, force: true });
  for (const [rel, text] of files) {
    const file = path.join(goldenDir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
}

if (require.main === module) {
  const fresh = renderGolden();
  if (process.argv.includes('--update')) {
    writeGolden(fresh);
    process.stdout.write(`Wrote ${fresh.size} golden file(s) under test/golden\n`);
  } else {
    const differences = goldenDifferences(readGolden(), fresh);
    for (const p of differences) process.stderr.write(`differs: test/golden/${p}\n`);
    process.stdout.write(`${fresh.size} golden file(s), ${differences.length} differ\n`);
    if (differences.length > 0) process.exitCode = 1;
  }
}
