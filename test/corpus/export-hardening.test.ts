/**
 * Every input is data, on both export surfaces (the `exportModule` API and the CLI's `export`), for every export
 * target: Terraform syntax in a value the library checks is refused; only own properties count (a polluted
 * Object.prototype is no opt-in); reserved keys are refused; specs past their limits fail clearly; output folders
 * are never half-written and file system errors are the library's (exit 2); the API checks its arguments.
 * Each refusal names the value, and nothing is written.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { checkSpec, EXPORT_REGISTRY, ExportRegistry, exportModule, MANIFEST_FILE, parseSpecText, readSpecFile, SPEC_LIMITS, writeModule } from '../../lib/export';
import { RequirementSet } from '../../lib/model';
import { EksEndpointAccess, SecurityGroupRules } from '../../lib/targets/aws';
import { runCli } from '../cli/run-cli';
import { errorOf } from '../errors';
import { cidrFlow } from '../targets/helpers';

/** The fs module object itself (the library's `import * as fs` reads through to it), for fault injection. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeFs: typeof fs = require('fs');

/** A valid spec per export target, and a value the library checks in it, at a JSON path. */
const TARGETS: Record<string, { spec: () => any; checked: (spec: any, value: string) => void; path: string }> = {
  'aks-authorized-ip-ranges': {
    spec: () => ({ profiles: { 'chainguard-enforce': { acknowledgeRetired: true } }, target: { cidrs: [{ cidr: '203.0.113.0/24', purpose: 'office' }], firewallPublicIps: ['20.50.1.1'] } }),
    checked: (s, v) => (s.target.cidrs[0].cidr = v),
    path: '$.target.cidrs[0].cidr',
  },
  'aws-network-firewall': {
    spec: () => ({ profiles: { eks: { region: 'eu-central-1' } }, target: { name: 'egress', homeNetCidrs: ['10.0.0.0/16'] } }),
    checked: (s, v) => (s.target.homeNetCidrs[0] = v),
    path: '$.target.homeNetCidrs[0]',
  },
  'aws-security-group-rules': {
    spec: () => ({ profiles: { eks: { region: 'eu-central-1', clusterSecurityGroupCidrs: ['10.0.0.0/24'], nodeSubnetCidrs: ['10.0.16.0/20'] } }, select: { peerKinds: ['cidr'] }, target: { vpcId: 'vpc-1' } }),
    checked: (s, v) => (s.profiles.eks.nodeSubnetCidrs[0] = v),
    path: '$.profiles.eks.nodeSubnetCidrs[0]',
  },
  'azure-firewall-policy': {
    spec: () => ({ profiles: { aks: { location: 'westeurope' } }, target: { basePriority: 300 } }),
    checked: (s, v) => (s.profiles.aks.customDnsServers = [v]),
    path: '$.profiles.aks.customDnsServers[0]',
  },
  'eks-endpoint-access': {
    spec: () => ({ profiles: { 'chainguard-enforce': { acknowledgeRetired: true } }, target: { cidrs: [{ cidr: '203.0.113.0/24', purpose: 'office' }] } }),
    checked: (s, v) => (s.target.cidrs[0].cidr = v),
    path: '$.target.cidrs[0].cidr',
  },
  'gcp-firewall': {
    spec: () => ({ profiles: { gke: { region: 'europe-west1', googleApiAccess: 'private', controlPlaneCidrs: ['172.16.0.0/28'], nodeCidrs: ['10.10.0.0/20'], podCidrs: ['10.20.0.0/14'] } }, target: { network: 'projects/p/global/networks/vpc' } }),
    checked: (s, v) => (s.profiles.gke.nodeCidrs[0] = v),
    path: '$.profiles.gke.nodeCidrs[0]',
  },
  'gke-authorized-networks': {
    spec: () => ({ profiles: { 'chainguard-enforce': { acknowledgeRetired: true } }, target: { cidrs: [{ cidr: '198.51.100.0/24', purpose: 'admins' }] } }),
    checked: (s, v) => (s.target.cidrs[0].cidr = v),
    path: '$.target.cidrs[0].cidr',
  },
  'ibm-security-group-rules': {
    spec: () => ({ profiles: { 'ibm-vpc': { region: 'eu-de', subnetCidrs: ['10.243.0.0/24'] } }, target: {} }),
    checked: (s, v) => (s.profiles['ibm-vpc'].subnetCidrs[0] = v),
    path: '$.profiles["ibm-vpc"].subnetCidrs[0]',
  },
};
const NAMES = Object.keys(TARGETS);
const TEMPLATES = ['${"0.0.0.0/0"}', '${var.anything}', '%{if true}0.0.0.0/0%{endif}', '10.0.0.0/8${""}', '${TfToken[TOKEN.1]}'];

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'export-hardening-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** Runs the CLI export with the spec written to a file; returns the run and the output folder. */
function cliExport(target: string, spec: unknown | string, out = path.join(root, 'module')) {
  const file = path.join(root, 'spec.json');
  fs.writeFileSync(file, typeof spec === 'string' ? spec : JSON.stringify(spec));
  return { run: runCli('export', target, '--spec', file, '--out', out), out };
}

/** The folder tree under `root` (every path, sorted), for "nothing was written". */
function tree(dir = root): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() && !e.isSymbolicLink() ? [p, ...tree(p)] : [p];
  }).sort();
}

test('every export target has a case', () => {
  expect(NAMES.sort()).toEqual(EXPORT_REGISTRY.names);
});

describe.each(NAMES)('%s', (name) => {
  const t = TARGETS[name];

  test('GIVEN the valid spec THEN the API exports it and the CLI writes exactly those files', () => {
    const module = exportModule(name, t.spec());
    const { run, out } = cliExport(name, t.spec());
    // Nothing on stderr but the warning for a retired catalog the spec names (the Enforce rows of some targets).
    expect(run.stderr).toBe((module.warnings ?? []).map((w) => `cdktf-firewall-requirements: warning: ${w}\n`).join(''));
    expect(run.code).toBe(0);
    for (const [file, text] of Object.entries(module.files)) expect(fs.readFileSync(path.join(out, file), 'utf8')).toBe(text);
    expect(fs.readdirSync(root).sort()).toEqual(['module', 'spec.json']);
  });

  test.each(TEMPLATES)('GIVEN %j in a checked value THEN both surfaces refuse it, naming the value and the path, and write nothing', (value) => {
    const spec = t.spec();
    t.checked(spec, value);
    const e = errorOf(() => exportModule(name, spec, { source: 'fw.json' }));
    expect(e.code).toBe('template-syntax');
    expect(e.value).toBe(value);
    expect(e.message).toContain(`(from fw.json at ${t.path})`);
    const { run, out } = cliExport(name, spec);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(JSON.stringify(value));
    expect(fs.existsSync(out)).toBe(false);
  });

  test('GIVEN a polluted Object.prototype THEN no inherited opt-in, option or key takes effect', () => {
    const clean = exportModule(name, t.spec()).files;
    const proto = Object.prototype as Record<string, unknown>;
    const keys = ['allowAnyAddress', 'allowNodePortsFromAnywhere', 'target', 'select', 'registry', 'endpointPublicAccess', 'denyOtherEgress'];
    try {
      keys.forEach((k, i) => (proto[k] = i < 2 ? true : k === 'select' ? { peerKinds: ['fqdn'] } : k === 'target' ? { allowAnyAddress: true } : false));
      expect(exportModule(name, t.spec()).files).toEqual(clean);
    } finally {
      keys.forEach((k) => delete proto[k]);
    }
  });

  test.each(['__proto__', 'constructor', 'prototype'])('GIVEN the key %s as a profile or option name THEN it is refused on both surfaces', (key) => {
    const text = JSON.stringify(t.spec()).replace('"profiles":{', `"profiles":{"${key}":{},`);
    const e = errorOf(() => exportModule(name, parseSpecText(text, 'fw.json')));
    expect(e.code).toBe('reserved-name');
    expect(e.message).toContain(`"${key}"`);
    const spec = t.spec();
    Object.defineProperty(spec.target ?? (spec.target = {}), key, { value: true, enumerable: true });
    expect(errorOf(() => exportModule(name, spec)).code).toBe('reserved-name');
    const { run, out } = cliExport(name, text);
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toContain(`Reserved key "${key}"`);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('limits before work', () => {
  test('GIVEN JSON text nested 100,000 deep THEN a clear error, no stack overflow, on both surfaces', () => {
    const text = `{"profiles":{"chainguard-enforce":{"mode":${'['.repeat(100_000)}${']'.repeat(100_000)}}}}`;
    const e = errorOf(() => parseSpecText(text, 'deep.json'));
    expect(e.code).toBe('input-too-large');
    expect(e.message).toContain(`nesting deeper than ${SPEC_LIMITS.maxDepth} levels`);
    const { run, out } = cliExport('eks-endpoint-access', text);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Spec too large: nesting deeper than');
    expect(fs.existsSync(out)).toBe(false);
  });

  test('GIVEN an API spec object nested 100,000 deep THEN a clear error naming the path', () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const e = errorOf(() => exportModule('eks-endpoint-access', { profiles: { 'chainguard-enforce': { acknowledgeRetired: true } }, target: deep }));
    expect(e.code).toBe('input-too-large');
    expect(e.message).toMatch(/\(from spec at \$\.target(\.a)+\)/);
  });

  test('GIVEN a spec file larger than the limit or a huge string THEN a clear error, the file not read whole', () => {
    const big = `{"profiles":{"chainguard-enforce":{}},"target":{"cidrs":[${'{"cidr":"203.0.113.0/24"},'.repeat(200_000)}{"cidr":"203.0.113.0/24"}]}}`;
    const { run } = cliExport('eks-endpoint-access', big);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`(at most ${SPEC_LIMITS.maxBytes.toLocaleString('en-US')})`);
    const e = errorOf(() => exportModule('eks-endpoint-access', { profiles: { 'chainguard-enforce': { acknowledgeRetired: true } }, target: { cidrs: [{ cidr: 'x'.repeat(100_000) }] } }));
    expect(e.code).toBe('input-too-large');
  });

  test('GIVEN a spec that contains itself or holds a function THEN the library error, never a TypeError', () => {
    const cyclic: any = { profiles: { 'chainguard-enforce': { acknowledgeRetired: true } } };
    cyclic.target = cyclic;
    expect(errorOf(() => exportModule('eks-endpoint-access', cyclic)).message).toContain('a value that contains itself');
    expect(errorOf(() => exportModule('eks-endpoint-access', { profiles: { 'chainguard-enforce': { acknowledgeRetired: true } }, target: { cidrs: () => [] } })).code).toBe('invalid-type');
  });
});

describe('output folders are never half-written', () => {
  const module = () => exportModule('eks-endpoint-access', TARGETS['eks-endpoint-access'].spec());

  test('GIVEN an empty or missing output path THEN an error, never the current directory', () => {
    expect(errorOf(() => writeModule(module(), '')).code).toBe('missing-value');
    expect(errorOf(() => writeModule(module(), undefined as unknown as string)).code).toBe('missing-value');
    const run = runCli('export', 'eks-endpoint-access', '--spec', path.join(root, 'spec.json'), '--out', '');
    expect(run.code).toBe(2);
  });

  test('GIVEN a symlinked output folder THEN refused, nothing lands where it points', () => {
    const elsewhere = path.join(root, 'elsewhere');
    fs.mkdirSync(elsewhere);
    fs.symlinkSync(elsewhere, path.join(root, 'link'));
    const { run } = cliExport('eks-endpoint-access', TARGETS['eks-endpoint-access'].spec(), path.join(root, 'link'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('It is a symbolic link');
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  });

  test('GIVEN a symlinked manifest or module file THEN refused, the file it points to untouched', () => {
    const out = path.join(root, 'module');
    writeModule(module(), out);
    const outside = path.join(root, 'outside.json');
    fs.writeFileSync(outside, 'mine');
    fs.rmSync(path.join(out, 'main.tf.json'));
    fs.symlinkSync(outside, path.join(out, 'main.tf.json'));
    const before = tree();
    const e = errorOf(() => writeModule(module(), out));
    expect(e.message).toContain('main.tf.json is a symbolic link');
    expect(fs.readFileSync(outside, 'utf8')).toBe('mine');
    expect(tree()).toEqual(before);
    fs.rmSync(path.join(out, MANIFEST_FILE));
    fs.symlinkSync(outside, path.join(out, MANIFEST_FILE));
    expect(errorOf(() => writeModule(module(), out)).code).toBe('output-not-empty');
    expect(fs.readFileSync(outside, 'utf8')).toBe('mine');
  });

  test('GIVEN a path under a file (ENOTDIR) THEN the library error with exit 2 and the path, nothing left', () => {
    fs.writeFileSync(path.join(root, 'file'), 'x');
    const before = tree();
    const out = path.join(root, 'file', 'module');
    const e = errorOf(() => writeModule(module(), out));
    expect(e.code).toBe('output-unwritable');
    expect(e.message).toContain(JSON.stringify(out));
    expect(tree()).toEqual(before);
    const { run } = cliExport('eks-endpoint-access', TARGETS['eks-endpoint-access'].spec(), out);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('(ENOTDIR)');
  });

  test('GIVEN permission denied while staging THEN the library error with exit 2, no temporary folder stays', () => {
    const spy = jest.spyOn(nodeFs, 'writeFileSync').mockImplementation((file) => {
      if (String(file).includes('.tmp-')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    });
    try {
      const out = path.join(root, 'new', 'module');
      const e = errorOf(() => writeModule(module(), out));
      expect(e.code).toBe('output-unwritable');
      expect(e.message).toContain('permission denied (EACCES)');
      expect(fs.readdirSync(root)).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });

  test('GIVEN a rename that fails half-way into an existing module THEN every file is as before, nothing left beside it', () => {
    const out = path.join(root, 'module');
    writeModule(exportModule('eks-endpoint-access', { profiles: { 'chainguard-enforce': { acknowledgeRetired: true } } }), out);
    const before = Object.fromEntries(fs.readdirSync(out).map((f) => [f, fs.readFileSync(path.join(out, f), 'utf8')]));
    const real = nodeFs.renameSync.bind(nodeFs);
    let calls = 0;
    const spy = jest.spyOn(nodeFs, 'renameSync').mockImplementation((from, to) => {
      if (++calls === 7) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      real(from, to);
    });
    try {
      expect(errorOf(() => writeModule(module(), out)).message).toContain('the disk is full (ENOSPC)');
    } finally {
      spy.mockRestore();
    }
    expect(Object.fromEntries(fs.readdirSync(out).map((f) => [f, fs.readFileSync(path.join(out, f), 'utf8')]))).toEqual(before);
    expect(fs.readdirSync(root)).toEqual(['module']);
  });
});

describe('the export API checks its arguments at runtime', () => {
  const spec = TARGETS['eks-endpoint-access'].spec();
  test.each<[string, () => unknown, string]>([
    ['exportModule(undefined, spec)', () => exportModule(undefined as unknown as string, spec), 'invalid-type'],
    ['exportModule with an unknown target', () => exportModule('aws-security-groups', spec), 'unknown-option'],
    ['exportModule(name, undefined)', () => exportModule('eks-endpoint-access', undefined), 'invalid-type'],
    ['exportModule(name, "spec.json")', () => exportModule('eks-endpoint-access', 'spec.json'), 'invalid-type'],
    ['exportModule with options null', () => exportModule('eks-endpoint-access', spec, null as never), 'invalid-type'],
    ['exportModule with a registry that is not one', () => exportModule('eks-endpoint-access', spec, { registry: {} as never }), 'invalid-type'],
    ['exportModule with a number as source', () => exportModule('eks-endpoint-access', spec, { source: 5 as never }), 'invalid-type'],
    ['a string for the profiles list', () => exportModule('eks-endpoint-access', { profiles: 'chainguard-enforce' }), 'invalid-type'],
    ['a string for a select array', () => exportModule('eks-endpoint-access', { ...spec, select: { peerKinds: 'cidr' } }), 'invalid-type'],
    ['a select key inherited from Object', () => exportModule('eks-endpoint-access', { ...spec, select: { toString: ['cidr'] } }), 'unknown-option'],
    ['writeModule(undefined, dir)', () => writeModule(undefined as never, path.join(root, 'm')), 'invalid-type'],
    ['parseSpecText(undefined)', () => parseSpecText(undefined as never, 'fw.json'), 'invalid-type'],
    ['readSpecFile(undefined)', () => readSpecFile(undefined as never), 'invalid-type'],
    ['checkSpec with a number as source', () => checkSpec(spec, 5 as never), 'invalid-type'],
    ['new ExportRegistry("aws")', () => new ExportRegistry('aws' as never), 'invalid-type'],
    ['new ExportRegistry([undefined])', () => new ExportRegistry([undefined as never]), 'invalid-type'],
    ['EXPORT_REGISTRY.get(undefined)', () => EXPORT_REGISTRY.get(undefined as never), 'unknown-option'],
  ])('%s', (_what, act, code) => {
    expect(errorOf(act).code).toBe(code);
    expect(fs.readdirSync(root)).toEqual([]);
  });
});

describe('constructs read their own properties only', () => {
  test('GIVEN Object.prototype.allowAnyAddress = true THEN SecurityGroupRules and EksEndpointAccess still refuse every address', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.allowAnyAddress = true;
    try {
      const stack = new TerraformStack(Testing.app(), 's');
      new AwsProvider(stack, 'aws', { region: 'eu-central-1' });
      new SecurityGroupRules(stack, 'sg', { vpcId: 'vpc-1', requirementSets: [RequirementSet.of([cidrFlow('0.0.0.0/0')])] });
      expect(errorOf(() => Testing.synth(stack, true)).code).toBe('any-address');
      expect(errorOf(() => EksEndpointAccess.fromRequirements({ cidrs: [{ cidr: '0.0.0.0/0' }] })).code).toBe('any-address');
    } finally {
      delete proto.allowAnyAddress;
    }
  });
});
