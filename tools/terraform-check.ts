/**
 * `npm run check:terraform`: synthesizes every AWS stack of the examples and of the AWS fleet
 * (tools/aws-fleet.ts) and runs a real, offline `terraform init` / `validate` / `plan` on a copy of each, with
 * providers from a local mirror (`TF_PROVIDER_MIRROR`, or found under /opt, /usr/share, ...). Given directories,
 * checks those root modules instead. Skips with one line and exit code 0 when terraform or the mirror is
 * missing; exits 1 when any stack fails, 2 on bad usage.
 *
 *   node dist/tools/terraform-check.js [--keep] [--concurrency N] [dir ...]
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { addExamples } from '../examples/main';
import { FirewallRequirementsError, invalidValue } from '../lib/model/errors';
import { exportModule, writeModule } from '../lib/export';
import { EXPORT_REGISTRY } from '../lib/export/registry';
import { addAwsFleet } from './aws-fleet';
import { readmeSpecRows } from './readme-blocks';
import {
  AWS_PROVIDER,
  checkTerraformDirectories,
  findProviderMirror,
  findTerraformBinary,
  formatResult,
  headerLine,
  moduleFacts,
  parseConcurrency,
  reportPassed,
  summaryLine,
  TerraformDirectory,
} from './terraform';

const USAGE = 'usage: terraform-check [--keep] [--concurrency N] [dir ...]';

interface Args {
  readonly keep: boolean;
  readonly concurrency?: number;
  readonly dirs: string[];
}

function parseArgs(argv: string[]): Args | undefined {
  let keep = false;
  let concurrency: number | undefined;
  const dirs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') return undefined;
    if (a === '--keep') keep = true;
    else if (a === '--concurrency') {
      if (argv[i + 1] === undefined) throw invalidValue('option', a, 'the command line', 'Give a number after --concurrency, e.g. --concurrency 2.');
      concurrency = parseConcurrency(argv[++i], 'the command line --concurrency');
    } else if (a.startsWith('-')) throw invalidValue('option', a, 'the command line', `Valid options: --keep, --concurrency N. ${USAGE}`);
    else dirs.push(a);
  }
  return { keep, concurrency, dirs };
}

/** The plain Terraform root module that calls exported AWS modules (examples/terraform), in the sources. */
const TERRAFORM_EXAMPLE_DIR = path.join(__dirname, '..', '..', 'examples', 'terraform');

/** Synthesizes the examples and the fleet into `outdir`; returns the stacks that use the AWS provider, sorted. */
export function synthesizeAwsStacks(outdir: string): TerraformDirectory[] {
  const app = new App({ outdir });
  addExamples(app, path.join(__dirname, '..', 'examples'));
  addAwsFleet(app);
  app.synth();
  const stacksDir = path.join(outdir, 'stacks');
  return fs
    .readdirSync(stacksDir)
    .sort()
    .map((name) => ({ name, dir: path.join(stacksDir, name) }))
    .filter((s) => {
      const json = JSON.parse(fs.readFileSync(path.join(s.dir, 'cdk.tf.json'), 'utf8'));
      return [...moduleFacts([json]).providers.values()].includes(AWS_PROVIDER);
    });
}

/**
 * The AWS modules of the README's spec table, exported as printed into `outdir/readme-<target>`: each is checked as a
 * root module (its variables without defaults get plausible values, like a stack's).
 */
export function exportReadmeAwsSpecs(outdir: string): TerraformDirectory[] {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  return readmeSpecRows(readme)
    .filter((row) => EXPORT_REGISTRY.get(row.target).cloud === 'aws')
    .map((row) => {
      const dir = path.join(outdir, `readme-${row.target}`);
      writeModule(exportModule(row.target, JSON.parse(row.spec), { source: `README.md:${row.line}` }), dir);
      return { name: `readme-${row.target}`, dir };
    });
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args === undefined) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // Look before synthesizing, so that a machine without terraform skips in a moment.
  const terraform = findTerraformBinary();
  if (terraform === undefined) {
    process.stdout.write('terraform: skipped (no terraform binary on the PATH; set TERRAFORM_BINARY to use another)\n');
    return 0;
  }
  const lookup = findProviderMirror({ required: [AWS_PROVIDER] });
  if (lookup.mirror === undefined) {
    process.stdout.write(`terraform: skipped (${lookup.reason})\n`);
    return 0;
  }
  const outdir = args.dirs.length > 0 ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'terraform-check-synth-'));
  try {
    const started = Date.now();
    // The plain Terraform example (a root module calling modules exported without cdktf) is planned with the stacks.
    const dirs =
      outdir === undefined
        ? args.dirs.map((dir) => ({ dir }))
        : [...synthesizeAwsStacks(outdir), { name: 'terraform-example', dir: TERRAFORM_EXAMPLE_DIR }, ...exportReadmeAwsSpecs(outdir)];
    if (outdir !== undefined) process.stdout.write(`terraform: synthesized ${dirs.length} AWS stacks in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    const report = await checkTerraformDirectories(dirs, {
      terraformBinary: terraform,
      mirror: lookup.mirror,
      keepWorkDir: args.keep,
      concurrency: args.concurrency,
      onResult: (r) => process.stderr.write(`terraform: ${r.name} ${r.status}\n`),
    });
    process.stdout.write(`${headerLine(report, dirs.length)}\n`);
    for (const r of report.results) for (const line of formatResult(r)) process.stdout.write(`${line}\n`);
    if (report.workDir) process.stdout.write(`terraform: working copies kept in ${report.workDir}\n`);
    process.stdout.write(`${summaryLine(report)}\n`);
    return reportPassed(report) ? 0 : 1;
  } finally {
    if (outdir !== undefined && !args.keep) fs.rmSync(outdir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      if (e instanceof FirewallRequirementsError) {
        process.stderr.write(`terraform check: ${e.message}\n`);
        process.exitCode = 2;
      } else {
        process.stderr.write(`terraform check failed: ${(e as Error).stack ?? e}\n`);
        process.exitCode = 1;
      }
    },
  );
}
