/**
 * The orchestration and the report, against a stand-in terraform (a small script that answers like terraform
 * from the files it finds), so that these tests need no terraform binary or provider mirror.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ProviderMirror } from '../../tools/terraform/discovery';
import {
  checkTerraformDirectories,
  cliConfigText,
  DirectoryCheckResult,
  formatResult,
  parsePlanOutput,
  parseValidateOutput,
  reportPassed,
  summaryLine,
  terraformEnv,
} from '../../tools/terraform/check';

const AWS = 'registry.terraform.io/hashicorp/aws';
const MIRROR: ProviderMirror = { path: '/fake/mirror', platform: 'linux_amd64', providers: new Map([[AWS, ['5.100.0']]]) };

/**
 * Answers `version`, `init`, `validate -json` and `plan -json` from the *.tf.json files of its working directory:
 * a resource type `aws_bogus` fails validation, a resource named `plan_fails` fails the plan, one named `unplanned`
 * is left out of the plan. It refuses to run without the environment and arguments the check must give it.
 */
const FAKE_TERRAFORM = `#!/usr/bin/env node
const fs = require('fs');
const [cmd, ...args] = process.argv.slice(2);
const env = process.env;
if (cmd === 'version') { console.log(JSON.stringify({ terraform_version: '1.99.0' })); process.exit(0); }
const cfg = fs.readFileSync(env.TF_CLI_CONFIG_FILE, 'utf8');
if (!cfg.includes('filesystem_mirror') || cfg.includes('direct') || env.CHECKPOINT_DISABLE !== '1' || env.TF_IN_AUTOMATION !== '1' || env.TF_CLI_ARGS || env.AWS_PROFILE) {
  console.error('Error: bad environment'); process.exit(3);
}
const files = fs.readdirSync('.').filter((f) => f.endsWith('.tf.json')).map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
const resources = files.flatMap((j) => Object.entries(j.resource || {}).flatMap(([t, byName]) => Object.keys(byName).map((n) => t + '.' + n)));
if (cmd === 'init') {
  if (files.some((j) => j.terraform && j.terraform.backend)) { console.error('Error: backend left in'); process.exit(1); }
  if (resources.some((r) => r.endsWith('.init_fails'))) { console.error('Error: Failed to query available provider packages'); process.exit(1); }
  fs.mkdirSync('.terraform'); process.exit(0);
}
if (!fs.existsSync('.terraform')) { console.error('Error: not initialized'); process.exit(1); }
if (cmd === 'validate') {
  const bad = resources.find((r) => r.startsWith('aws_bogus.'));
  const diagnostics = bad ? [{ severity: 'error', summary: 'Invalid resource type', detail: 'The provider hashicorp/aws does not support\\nresource type "aws_bogus".', range: { filename: 'cdk.tf.json', start: { line: 7 } }, snippet: { context: 'resource.' + bad } }] : [];
  console.log(JSON.stringify({ format_version: '1.0', valid: !bad, error_count: diagnostics.length, warning_count: 0, diagnostics }));
  process.exit(bad ? 1 : 0);
}
if (cmd === 'plan') {
  for (const a of ['-refresh=false', '-input=false', '-lock=false', '-out=tfplan', '-json']) if (!args.includes(a)) { console.error('Error: missing ' + a); process.exit(1); }
  const out = [{ type: 'version', terraform: '1.99.0' }];
  out.push({ type: 'diagnostic', diagnostic: { severity: 'warning', summary: 'Argument is deprecated' } });
  if (resources.some((r) => r.endsWith('.plan_fails'))) {
    out.push({ type: 'diagnostic', diagnostic: { severity: 'error', summary: 'invalid value for name', address: 'aws_security_group.plan_fails' } });
  }
  for (const r of resources.filter((r) => !r.endsWith('.unplanned'))) out.push({ type: 'planned_change', change: { resource: { addr: r }, action: 'create' } });
  out.push({ type: 'change_summary', changes: { add: resources.length } });
  for (const m of out) console.log(JSON.stringify(m));
  process.exit(out.some((m) => m.type === 'diagnostic' && m.diagnostic.severity === 'error') ? 1 : 0);
}
console.error('unknown command ' + cmd); process.exit(1);
`;

let tmp: string;
let terraform: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-check-'));
  terraform = path.join(tmp, 'bin', 'terraform');
  fs.mkdirSync(path.dirname(terraform));
  fs.writeFileSync(terraform, FAKE_TERRAFORM, { mode: 0o755 });
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A cdktf-like stack folder with the given resources (`type.name`). */
function stack(name: string, resources: string[], extra: Record<string, unknown> = {}): string {
  const dir = path.join(tmp, 'stacks', name);
  fs.mkdirSync(dir, { recursive: true });
  const resource: Record<string, Record<string, unknown>> = {};
  for (const r of resources) {
    const [type, n] = r.split('.');
    resource[type] = { ...(resource[type] ?? {}), [n]: {} };
  }
  fs.writeFileSync(
    path.join(dir, 'cdk.tf.json'),
    JSON.stringify({
      terraform: { required_providers: { aws: { source: 'aws', version: '6.25.0' } }, backend: { local: { path: '/x' } } },
      provider: { aws: [{ region: 'eu-west-1' }] },
      resource,
      ...extra,
    }),
  );
  return dir;
}

describe('checkTerraformDirectories', () => {
  test('GIVEN stacks that pass and fail at each step THEN each gets its status, step and terraform error text', async () => {
    const dirs = [
      stack('good', ['aws_security_group.a', 'aws_eip.b'], { variable: { vpc_id: { type: 'string' } } }),
      stack('bad-init', ['aws_eip.init_fails']),
      stack('bad-validate', ['aws_bogus.x']),
      stack('bad-plan', ['aws_security_group.plan_fails']),
      stack('miscounted', ['aws_eip.a', 'aws_eip.unplanned']),
      stack('needs-google', ['google_compute_network.n']),
      path.join(tmp, 'stacks', 'does-not-exist'),
    ];
    const seen: string[] = [];
    const report = await checkTerraformDirectories(dirs, {
      terraformBinary: terraform,
      mirror: MIRROR,
      concurrency: 3,
      env: { PATH: process.env.PATH, TF_CLI_ARGS: '-no-color', AWS_PROFILE: 'prod' },
      onResult: (r) => seen.push(r.name),
    });
    expect(report.terraformVersion).toBe('1.99.0');
    expect(seen.sort()).toEqual(['bad-init', 'bad-plan', 'bad-validate', 'does-not-exist', 'good', 'miscounted', 'needs-google']);
    const byName = new Map(report.results.map((r) => [r.name, r]));
    expect(report.results.map((r) => r.name)).toEqual(['good', 'bad-init', 'bad-validate', 'bad-plan', 'miscounted', 'needs-google', 'does-not-exist']);

    const good = byName.get('good') as DirectoryCheckResult;
    expect(good).toMatchObject({ status: 'ok', plannedResources: ['aws_eip.b', 'aws_security_group.a'], expectedResources: 2, errors: [], warnings: ['Argument is deprecated'] });
    expect(Object.keys(good.seconds)).toEqual(['init', 'validate', 'plan']);

    expect(byName.get('bad-init')).toMatchObject({ status: 'failed', step: 'init', errors: ['Error: Failed to query available provider packages'] });
    expect(byName.get('bad-validate')).toMatchObject({
      status: 'failed',
      step: 'validate',
      errors: ['Invalid resource type: The provider hashicorp/aws does not support resource type "aws_bogus". in resource.aws_bogus.x (copy cdk.tf.json:7)'],
    });
    expect(byName.get('bad-plan')).toMatchObject({ status: 'failed', step: 'plan', errors: ['invalid value for name in aws_security_group.plan_fails'] });
    expect(byName.get('miscounted')).toMatchObject({ status: 'failed', step: 'count', errors: ['planned 1 resources, but the configuration declares 2'] });
    expect(byName.get('needs-google')).toMatchObject({ status: 'skipped', errors: ['the mirror lacks registry.terraform.io/hashicorp/google (it holds hashicorp/aws 5.100.0)'] });
    expect(byName.get('does-not-exist')).toMatchObject({ status: 'failed', step: 'prepare' });

    expect(reportPassed(report)).toBe(false);
    expect(summaryLine(report)).toMatch(/^terraform: planned 6 stacks \(1 ok, 5 failed, 1 skipped\) in \d+ s$/);
    expect(formatResult(byName.get('bad-validate') as DirectoryCheckResult)[0]).toMatch(/^FAILED {2}bad-validate at validate \(init [\d.]+ s, validate [\d.]+ s\):$/);
    expect(formatResult(byName.get('needs-google') as DirectoryCheckResult)).toEqual([
      'skipped needs-google: the mirror lacks registry.terraform.io/hashicorp/google (it holds hashicorp/aws 5.100.0)',
    ]);
    expect(report.workDir).toBeUndefined();
    // The originals are untouched: the backend is still there.
    expect(JSON.parse(fs.readFileSync(path.join(dirs[0], 'cdk.tf.json'), 'utf8')).terraform.backend).toEqual({ local: { path: '/x' } });
  });

  test('GIVEN a work folder THEN the copies stay there with the CLI configuration and the variable values', async () => {
    const workDir = path.join(tmp, 'work');
    const report = await checkTerraformDirectories([{ dir: stack('kept', ['aws_eip.a'], { variable: { subnet_ids: { type: 'list(string)' } } }), name: 'mine', variables: { subnet_ids: ['subnet-1'] } }], {
      terraformBinary: terraform,
      mirror: MIRROR,
      workDir,
      env: { PATH: process.env.PATH },
    });
    expect(report.results.map(formatResult)).toEqual([[expect.stringMatching(/^ok {6}mine: 1 resources planned \(init [\d.]+ s, validate [\d.]+ s, plan [\d.]+ s\)$/)]]);
    expect(report.workDir).toBe(workDir);
    expect(fs.readFileSync(path.join(workDir, 'terraform.rc'), 'utf8')).toBe(cliConfigText('/fake/mirror'));
    expect(JSON.parse(fs.readFileSync(path.join(workDir, '000-mine', 'zz-offline-check.auto.tfvars.json'), 'utf8'))).toEqual({ subnet_ids: ['subnet-1'] });
    expect(summaryLine(report)).toMatch(/^terraform: planned 1 stacks \(1 ok, 0 failed\) in \d+ s$/);
    expect(reportPassed(report)).toBe(true);
  });

  test('GIVEN no terraform anywhere THEN the whole check is skipped with the reason', async () => {
    const report = await checkTerraformDirectories([path.join(tmp, 'x')], { mirror: MIRROR, env: { PATH: path.join(tmp, 'nothing-here') } });
    expect(report.results).toEqual([]);
    expect(summaryLine(report)).toBe('terraform: skipped (no terraform binary on the PATH (or set TERRAFORM_BINARY))');
    expect(reportPassed(report)).toBe(true);
  });

  test('GIVEN no mirror THEN the whole check is skipped with the reason', async () => {
    const report = await checkTerraformDirectories([path.join(tmp, 'x')], { terraformBinary: terraform, env: {}, mirrorSearchRoots: [path.join(tmp, 'stacks')], requiredProviders: ['acme/nothing'] });
    expect(report.skipped).toMatch(/^no provider mirror with registry\.terraform\.io\/acme\/nothing for \w+ \(set TF_PROVIDER_MIRROR; searched .*stacks to depth 4\)$/);
    expect(summaryLine(report)).toMatch(/^terraform: skipped \(no provider mirror with/);
  });

  test.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY])('GIVEN timeoutSeconds %p THEN fails naming the option', async (timeoutSeconds) => {
    await expect(checkTerraformDirectories([], { terraformBinary: terraform, mirror: MIRROR, timeoutSeconds, env: {} })).rejects.toThrow(
      /Invalid timeoutSeconds .*Give a positive number of seconds/,
    );
  });

  test.each([0, -1, 1.5, Number.NaN])('GIVEN concurrency %p THEN fails naming the option', async (concurrency) => {
    await expect(checkTerraformDirectories([], { terraformBinary: terraform, mirror: MIRROR, concurrency, env: {} })).rejects.toThrow(
      /Invalid concurrency .*Give a whole number of at least 1/,
    );
  });
});

describe('terraform output parsing', () => {
  test('validate output that is not JSON is an error, not a pass', () => {
    expect(parseValidateOutput('Error: something broke')).toEqual({ valid: false, errors: ['unreadable validate output: Error: something broke'], warnings: [] });
    expect(parseValidateOutput('').valid).toBe(false);
  });

  test('a plan stream yields each address once, ignoring no-ops and lines that are not JSON', () => {
    const lines = [
      { type: 'planned_change', change: { resource: { addr: 'b.x' }, action: 'create' } },
      { type: 'planned_change', change: { resource: { addr: 'a.x' }, action: 'update' } },
      { type: 'planned_change', change: { resource: { addr: 'a.x' }, action: 'update' } },
      { type: 'planned_change', change: { resource: { addr: 'c.x' }, action: 'noop' } },
      { type: 'diagnostic', diagnostic: { severity: 'error', summary: 'Bad', detail: 'one\n  two', range: { filename: 'm.tf.json', start: { line: 3 } } } },
    ].map((l) => JSON.stringify(l));
    expect(parsePlanOutput([...lines, 'not json', ''].join('\n'))).toEqual({ addresses: ['a.x', 'b.x'], errors: ['Bad: one two (copy m.tf.json:3)'], warnings: [] });
  });

  test('terraform runs with the CLI configuration and without settings that would change the commands', () => {
    const env = terraformEnv({ PATH: '/bin', TF_CLI_ARGS_plan: '-destroy', TF_DATA_DIR: '/d', TF_VAR_x: '1', AWS_ACCESS_KEY_ID: 'k', HOME: '/h' }, '/w/terraform.rc');
    expect(env).toEqual({ PATH: '/bin', HOME: '/h', TF_CLI_CONFIG_FILE: '/w/terraform.rc', CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_INPUT: '0' });
    expect(cliConfigText('/opt/mirror')).toBe(
      'provider_installation {\n  filesystem_mirror {\n    path    = "/opt/mirror"\n    include = ["registry.terraform.io/hashicorp/*"]\n  }\n}\n',
    );
  });
});
