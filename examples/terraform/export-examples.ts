/**
 * Regenerates the exported modules of the plain Terraform example (examples/terraform/modules/<module>) from their
 * committed specs (exports.json lists module, target and spec), the way a user runs
 * `cdktf-firewall-requirements export <target> --spec <spec> --out modules/<module>`. `npm run synth` runs it, so
 * the committed modules never drift from the library; a test checks that they equal a fresh export.
 *
 * Usage: node dist/examples/terraform/export-examples.js [--check]
 *   --check  write nothing; exit 1 when a committed module differs from a fresh export
 */
import * as fs from 'fs';
import * as path from 'path';
import { EXPORT_REGISTRY, ExportRegistry, exportModule, ExportedModule, readSpecFile, writeModule } from 'cdktf-firewall-requirements/export';

/** One exported module of the example. */
export interface ExampleExport {
  /** Folder name under modules/. */
  readonly module: string;
  /** The export target. */
  readonly target: string;
  /** The spec file, relative to the example folder. */
  readonly spec: string;
}

/** What happened to one module. */
export interface ExampleExportResult extends ExampleExport {
  /** written / unchanged / differs (check mode) / skipped (the target is not registered). */
  readonly status: 'written' | 'unchanged' | 'differs' | 'skipped';
}

/** The example folder (the TypeScript sources, also when run from dist/). */
export const EXAMPLE_DIR = path.join(
  path.basename(path.resolve(__dirname, '..', '..')) === 'dist' ? path.resolve(__dirname, '..', '..', '..') : path.resolve(__dirname, '..', '..'),
  'examples',
  'terraform',
);

/** The exports listed in `<dir>/exports.json`. */
export function listExports(dir: string = EXAMPLE_DIR): ExampleExport[] {
  return JSON.parse(fs.readFileSync(path.join(dir, 'exports.json'), 'utf8')) as ExampleExport[];
}

/** A fresh export of one entry. */
export function freshExport(entry: ExampleExport, dir: string = EXAMPLE_DIR, registry: ExportRegistry = EXPORT_REGISTRY): ExportedModule {
  const specFile = path.join(dir, entry.spec);
  return exportModule(entry.target, readSpecFile(specFile), { source: path.relative(dir, specFile), registry });
}

/** Whether the module folder holds exactly the files of `module`. */
export function matches(module: ExportedModule, moduleDir: string): boolean {
  return Object.entries(module.files).every(([name, text]) => {
    const file = path.join(moduleDir, name);
    return fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text;
  });
}

/**
 * Exports every entry whose target is registered (the others are reported as skipped) into `<dir>/modules/<module>`.
 * @param check compare instead of writing
 */
export function exportExamples(dir: string = EXAMPLE_DIR, registry: ExportRegistry = EXPORT_REGISTRY, check = false): ExampleExportResult[] {
  return listExports(dir).map((entry) => {
    if (!registry.names.includes(entry.target)) return { ...entry, status: 'skipped' };
    const module = freshExport(entry, dir, registry);
    const moduleDir = path.join(dir, 'modules', entry.module);
    if (matches(module, moduleDir)) return { ...entry, status: 'unchanged' };
    if (check) return { ...entry, status: 'differs' };
    writeModule(module, moduleDir);
    return { ...entry, status: 'written' };
  });
}

if (require.main === module) {
  const check = process.argv.includes('--check');
  const results = exportExamples(EXAMPLE_DIR, EXPORT_REGISTRY, check);
  for (const r of results) {
    const line = `examples/terraform/modules/${r.module} (${r.target}): ${r.status}${r.status === 'skipped' ? ' (no such export target registered)' : ''}\n`;
    (r.status === 'skipped' || r.status === 'differs' ? process.stderr : process.stdout).write(line);
  }
  if (results.some((r) => r.status === 'differs')) process.exitCode = 1;
}
