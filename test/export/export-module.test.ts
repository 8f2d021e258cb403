import { PROFILES } from '../../lib/catalog';
import { chainguardEnforceProfile, ibmVpcProfile } from '../../lib/catalog';
import {
  canonicalJson,
  EXPORT_REGISTRY,
  exportModule,
  ExportedModuleContent,
  ExportRegistry,
  ExportTarget,
  jsonPath,
  MODULE_FILES,
  renderModuleFiles,
} from '../../lib/export';
import { TYPED_PROFILES } from '../../lib/export/profiles';
import { FirewallRequirementsError, RequirementSet } from '../../lib/model';
import { FAKE_REGISTRY, FAKE_SG_TARGET } from './fake-target';

const SPEC = {
  profiles: { 'ibm-vpc': { region: 'us-south', subnetCidrs: ['10.240.0.0/24', '10.240.64.0/24'] }, 'chainguard-enforce': { mode: 'agent', acknowledgeRetired: true } },
  target: { descriptionPrefix: 'fw: ' },
};
const fake = (spec: unknown = SPEC) => exportModule('fake-sg-rules', spec, { registry: FAKE_REGISTRY, source: 'spec.json' });
const json = (text: string) => JSON.parse(text);

describe('exportModule', () => {
  test('GIVEN a spec WHEN exported THEN the module has the four files: resources, variables, outputs, required_providers', () => {
    const m = fake();
    expect(m.target).toBe('fake-sg-rules');
    expect(Object.keys(m.files)).toEqual([...MODULE_FILES]);
    const main = json(m.files['main.tf.json']);
    const ingress = main.resource.aws_vpc_security_group_ingress_rule;
    expect(Object.values<any>(ingress).map((r) => r.cidr_ipv4).sort()).toEqual(['10.240.0.0/24', '10.240.64.0/24']);
    expect(Object.values<any>(ingress).every((r) => r.security_group_id === '${var.security_group_id}' && r.description.startsWith('fw: '))).toBe(true);
    expect(json(m.files['variables.tf.json']).variable.security_group_id).toEqual({ type: 'string', description: 'The security group the rules belong to.', nullable: false });
    expect(Object.keys(json(m.files['outputs.tf.json']).output)).toEqual(['rule_ids']);
    const versions = json(m.files['versions.tf.json']);
    expect(versions).toEqual({ terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: '>= 5.0, < 7.0' } }, required_version: '>= 1.1' } });
  });

  test('no backend, no provider block, no cdktf metadata in any file', () => {
    const all = Object.values(fake().files).map(json);
    for (const file of all) {
      expect(file.provider).toBeUndefined();
      expect(file.terraform?.backend).toBeUndefined();
      expect(JSON.stringify(file)).not.toMatch(/TfToken|"\/\/":\s*\{|"metadata"/);
    }
  });

  test('rows are the profiles merged: the union of the sets the profile functions return', () => {
    const merged = RequirementSet.union([ibmVpcProfile({ region: 'us-south', subnetCidrs: ['10.240.0.0/24', '10.240.64.0/24'] }), chainguardEnforceProfile({ acknowledgeRetired: true, mode: 'agent' as never })]);
    const direct = renderModuleFiles(FAKE_SG_TARGET.build(merged, { descriptionPrefix: 'fw: ' }, 'test'), 'fake-sg-rules', 'x');
    expect(json(fake().files['main.tf.json']).resource).toEqual(json(direct['main.tf.json']).resource);
  });

  test('deterministic: byte-identical for the same input, whatever the key order of the spec', () => {
    const a = fake();
    const reordered = {
      target: { descriptionPrefix: 'fw: ' },
      profiles: { 'chainguard-enforce': { mode: 'agent', acknowledgeRetired: true }, 'ibm-vpc': { subnetCidrs: ['10.240.0.0/24', '10.240.64.0/24'], region: 'us-south' } },
    };
    const b = exportModule('fake-sg-rules', JSON.parse(JSON.stringify(reordered)), { registry: FAKE_REGISTRY });
    expect(b.files).toEqual(a.files);
    // Keys sorted at every level, // first.
    const text = a.files['main.tf.json'];
    expect(text).toBe(canonicalJson(json(text)));
    expect(text.endsWith('}\n')).toBe(true);
  });

  test('a different spec gives different files (one more subnet adds one rule and changes nothing else)', () => {
    const more = fake({ ...SPEC, profiles: { ...SPEC.profiles, 'ibm-vpc': { region: 'us-south', subnetCidrs: ['10.240.0.0/24', '10.240.64.0/24', '10.240.128.0/24'] } } });
    const before = json(fake().files['main.tf.json']).resource.aws_vpc_security_group_ingress_rule;
    const after = json(more.files['main.tf.json']).resource.aws_vpc_security_group_ingress_rule;
    expect(Object.keys(after)).toHaveLength(Object.keys(before).length + 1);
    for (const [key, body] of Object.entries(before)) expect(after[key]).toEqual(body);
  });

  test('the exported module is frozen (a cached module cannot be changed by a caller)', () => {
    const m = fake();
    expect(Object.isFrozen(m) && Object.isFrozen(m.files)).toBe(true);
  });

  test('target errors keep the target\'s message and name the spec and $.target', () => {
    expect(() => fake({ ...SPEC, target: { descriptionPrefix: 7 } })).toThrow(/descriptionPrefix.*"7".*spec\.json at \$\.target descriptionPrefix/);
    expect(() => fake({ ...SPEC, target: { allowAnyAdress: true } })).toThrow(/Unknown property "allowAnyAdress" \(from spec\.json at \$\.target\)\. Did you mean "allowAnyAddress"\?/);
  });

  test('profile errors keep the profile function\'s problem and fix, with the JSON path in front of the origin', () => {
    let error: unknown;
    try {
      fake({ profiles: { aks: { location: 'westeuropa' } } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FirewallRequirementsError);
    const e = error as FirewallRequirementsError;
    expect(e.code).toBe('unknown-option');
    expect(e.value).toBe('westeuropa');
    expect(e.origin).toBe('spec.json at $.profiles.aks: option location');
    expect(e.message).toMatch(/^Unknown Azure region for cloud azure-public "westeuropa" \(from spec\.json at \$\.profiles\.aks: option location\)\. Did you mean "westeurope"\?/);
  });

  test('an any-address peer is refused by the profile, then by the target, unless the spec opts in to each', () => {
    const wide = { profiles: { 'ibm-vpc': { region: 'us-south', subnetCidrs: ['0.0.0.0/1', '128.0.0.0/1'] } } };
    expect(() => fake(wide)).toThrow(/cover every IPv4 address/);
    const opted = { profiles: { 'ibm-vpc': { region: 'us-south', subnetCidrs: ['0.0.0.0/1', '128.0.0.0/1'], nodePortsFromAnywhere: true } } };
    expect(() => fake(opted)).toThrow(/every address|0\.0\.0\.0\/0/);
    expect(() => fake({ ...opted, target: { allowAnyAddress: true } })).not.toThrow();
  });
});

describe('select: which rows of the merged profiles the module renders', () => {
  test('peer kinds and directions narrow the set; the selection is part of the cache key', () => {
    const all = json(fake().files['main.tf.json']);
    const cidrOnly = json(fake({ ...SPEC, select: { peerKinds: ['cidr'], directions: ['ingress'] } }).files['main.tf.json']);
    expect(Object.keys(cidrOnly.resource)).toEqual(['aws_vpc_security_group_ingress_rule']);
    expect(Object.keys(all.resource).length).toBeGreaterThanOrEqual(Object.keys(cidrOnly.resource).length);
    expect(fake({ ...SPEC, select: { directions: ['egress'] } }).files['main.tf.json']).not.toEqual(fake({ ...SPEC, select: { directions: ['ingress'] } }).files['main.tf.json']);
  });

  test.each([
    [{ select: 'cidr' }, 'spec.json at $.select'],
    [{ select: { peerKind: ['cidr'] } }, 'Did you mean "peerKinds"?'],
    [{ select: { peerKinds: [] } }, 'Give a non-empty array of: fqdn, wildcard-fqdn, cidr, service-tag, fqdn-tag, placeholder.'],
    [{ select: { directions: ['inbound'] } }, 'spec.json at $.select.directions[0]'],
  ])('%j is refused', (change, message) => {
    expect(() => fake({ ...SPEC, ...change })).toThrow(message);
  });
});

describe('profiles', () => {
  test('every profile the CLI lists has a typed profile function, and nothing else does', () => {
    expect(Object.keys(TYPED_PROFILES).sort()).toEqual(PROFILES.map((p) => p.name).sort());
  });

  test('the typed function gets JSON values as they are: a list is a list, not comma text', () => {
    // The CLI splits "a,b" into two values; a spec passes what the profile function takes.
    expect(() => fake({ profiles: { 'ibm-vpc': { region: 'us-south', subnetCidrs: '10.240.0.0/24' } } })).toThrow(FirewallRequirementsError);
  });
});

describe('registry', () => {
  test('an unknown target is refused with the closest name and every name', () => {
    expect(() => exportModule('fake-sg-rule', SPEC, { registry: FAKE_REGISTRY })).toThrow('Unknown export target "fake-sg-rule" (from export). Did you mean "fake-sg-rules"? Valid values: fake-sg-rules.');
  });

  test('a target name that is not a string is refused', () => {
    expect(() => exportModule(undefined as unknown as string, SPEC, { registry: FAKE_REGISTRY })).toThrow(/Invalid export target name.*Give the name as a string: fake-sg-rules/);
  });

  test('two targets with one name are refused', () => {
    expect(() => new ExportRegistry([FAKE_SG_TARGET, { ...FAKE_SG_TARGET }])).toThrow(/two export targets are named "fake-sg-rules"/);
  });

  test('the real registry holds every cloud\'s targets, uniquely named, each with a cloud, a description and options', () => {
    const targets = EXPORT_REGISTRY.targets;
    expect(new Set(targets.map((t) => t.name)).size).toBe(targets.length);
    for (const t of targets) {
      expect(['azure', 'google', 'aws', 'ibm']).toContain(t.cloud);
      expect(t.description.trim()).not.toBe('');
      expect(typeof t.options).toBe('object');
    }
    expect(EXPORT_REGISTRY.names).toEqual(targets.map((t) => t.name).sort());
  });
});

describe('content checks (a target bug is reported at export, not at terraform init)', () => {
  const base: ExportedModuleContent = {
    providers: [{ name: 'aws', source: 'hashicorp/aws', version: '>= 5.0, < 7.0' }],
    variables: { vpc_id: { type: 'string', description: 'The VPC.' } },
    resources: { aws_security_group: { nodes: { vpc_id: '${var.vpc_id}' } } },
    outputs: { id: { value: '${aws_security_group.nodes.id}', description: 'The group.' } },
  };
  const target = (content: ExportedModuleContent): ExportTarget => ({ ...FAKE_SG_TARGET, name: 'broken', build: () => content });
  const run = (content: ExportedModuleContent) => exportModule('broken', SPEC, { registry: new ExportRegistry([target(content)]) });

  test('valid content renders', () => {
    expect(json(run(base).files['outputs.tf.json']).output.id.value).toBe('${aws_security_group.nodes.id}');
  });

  test.each<[string, ExportedModuleContent, RegExp]>([
    ['an exact provider pin', { ...base, providers: [{ name: 'aws', source: 'hashicorp/aws', version: '5.100.0' }] }, /version constraint for aws that is not a range "5\.100\.0"/],
    ['an = pin', { ...base, providers: [{ name: 'aws', source: 'hashicorp/aws', version: '= 5.1' }] }, /not a range "= 5\.1"/],
    ['no provider', { ...base, providers: [] }, /produced no provider/],
    ['a bad provider source', { ...base, providers: [{ name: 'aws', source: 'aws', version: '>= 5.0' }] }, /provider source "aws"/],
    ['an undeclared variable', { ...base, resources: { aws_security_group: { nodes: { vpc_id: '${var.vpc}' } } } }, /undeclared variable "var\.vpc"/],
    ['an undeclared local', { ...base, outputs: { x: { value: '${local.rules}', description: 'x' } } }, /undeclared local "local\.rules"/],
    ['a missing resource', { ...base, outputs: { x: { value: '${aws_security_group.other.id}', description: 'x' } } }, /resource it does not declare "aws_security_group\.other"/],
    ['a bad variable name', { ...base, variables: { ...base.variables, '1x': { type: 'string', description: 'x' } } }, /variable name "1x"/],
    ['a variable without a description', { ...base, variables: { vpc_id: { type: 'string', description: ' ' } } }, /variable without a description "vpc_id"/],
  ])('refuses %s', (_what, content, message) => {
    expect(() => run(content)).toThrow(message);
  });

  test('an escaped $${...} is text, not a reference', () => {
    const content = { ...base, outputs: { note: { value: 'use $${var.anything} literally', description: 'x' } } };
    expect(() => run(content)).not.toThrow();
  });
});

test('jsonPath quotes keys that are not identifiers', () => {
  expect(jsonPath(['profiles', 'chainguard-enforce', 'mode'])).toBe('$.profiles["chainguard-enforce"].mode');
  expect(jsonPath(['target', 'cidrs', 2])).toBe('$.target.cidrs[2]');
});

describe('every registered target exports through exportModule (real registry)', () => {
  // The benchmark fleet's specs: one cluster of each cloud, every target, as a user's spec files would be.
  const { clusterExports } = require('../../bench/fleet/export-fleet');
  const { fleet } = require('../../bench/fleet/spec');
  const cases: Array<{ target: string; spec: unknown }> = [];
  for (const c of fleet(8)) for (const e of clusterExports(c)) if (!cases.some((x) => x.target === e.target)) cases.push(e);
  // The fleet's EKS clusters have no node security group export; the plain Terraform example's spec has one.
  cases.push({
    target: 'aws-security-group-rules',
    spec: {
      profiles: { eks: { region: 'eu-west-1', clusterSecurityGroupCidrs: ['10.0.0.0/24'], nodeSubnetCidrs: ['10.0.16.0/20'] } },
      select: { peerKinds: ['cidr'] },
      target: { vpcId: 'vpc-0123456789abcdef0' },
    },
  });

  test('the cases cover every registered target', () => {
    expect(cases.map((c) => c.target).sort()).toEqual([...EXPORT_REGISTRY.names].sort());
  });

  test.each(cases.map((c) => [c.target, c.spec] as const))('%s', (target, spec) => {
    const module = exportModule(target, spec);
    const versions = JSON.parse(module.files['versions.tf.json']);
    for (const p of Object.values<any>(versions.terraform.required_providers)) expect(p.version).toMatch(/[<>]/);
  });
});
