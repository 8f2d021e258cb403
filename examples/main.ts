/**
 * The main job: synthesizes every bundled example (examples/<name>/stack.ts, one stack each, named after its
 * folder) into one cdktf app, by default into ./cdktf.out (cdktf-cli sets CDKTF_OUTDIR), then validates what it
 * wrote against the provider schemas offline (`terraform validate` needs the Terraform registry).
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { validateDirectory } from '../lib/validate';

/** What every example module exports. */
export interface ExampleModule {
  createStack(scope: Construct, id: string): TerraformStack;
}

/**
 * Example folder names, sorted. Run from the build output (dist/examples), a folder counts only while its source
 * (examples/<name>/stack.ts) exists: the build never deletes the output of a renamed or removed example.
 */
export function exampleNames(dir: string = __dirname): string[] {
  const sources = path.basename(path.resolve(dir, '..')) === 'dist' ? path.resolve(dir, '..', '..', 'examples') : undefined;
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && ['stack.js', 'stack.ts'].some((f) => fs.existsSync(path.join(dir, d.name, f))))
    .filter((d) => sources === undefined || fs.existsSync(path.join(sources, d.name, 'stack.ts')))
    .map((d) => d.name)
    .sort();
}

/** Adds every example stack to `app`. */
export function addExamples(app: App, dir: string = __dirname): string[] {
  const names = exampleNames(dir);
  for (const name of names) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(dir, name, 'stack')) as ExampleModule;
    mod.createStack(app, name);
  }
  return names;
}

if (require.main === module) {
  const app = new App();
  const names = addExamples(app);
  app.synth();
  process.stdout.write(`Synthesized ${names.length} example stack(s) into ${app.outdir}: ${names.join(', ')}\n`);
  const report = validateDirectory(app.outdir);
  for (const line of report.problems) process.stderr.write(`${line}\n`);
  for (const note of report.notes) process.stderr.write(`${note}\n`);
  for (const line of report.unchecked) process.stderr.write(`not checked: ${line}\n`);
  process.stdout.write(
    `Validated ${report.stacks} stack(s): ${report.resources} resource(s), ${report.providerBlocks} provider block(s), ${report.problems.length} problem(s)\n`,
  );
  // Every provider package is installed here, so anything left unchecked is a failure too.
  if (report.problems.length > 0 || !report.complete) process.exitCode = 1;
}
