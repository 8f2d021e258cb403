/**
 * The IBM Cloud bad-input corpus: invalid inputs to the IBM VPC profile, the worker allowlist, IbmSecurityGroupRules,
 * the hand-written resources and the `ibm-security-group-rules` export target, grouped by class. Each must fail with
 * the library's FirewallRequirementsError (never a TypeError, never a silent acceptance) whose message names the
 * offending value; synth-time checks are driven through a real synthesis.
 */
import { TerraformStack, Testing } from 'cdktf';
import { chainguardEnforceProfile } from '../../lib/catalog/chainguard-enforce';
import { CatalogSection } from '../../lib/catalog/catalog-section';
import { ibmVpcProfile, IbmVpcProfileOptions, ibmWorkerAllowlist, IbmWorkerAllowlistOptions } from '../../lib/catalog/ibm-vpc';
import { IBM_SECURITY_GROUP_RULES_EXPORT } from '../../lib/export/ibm';
import { Direction, FirewallRequirementsError, Landing, PortRange, Protocol, RequirementSet } from '../../lib/model';
import {
  IbmIsSecurityGroup,
  IbmIsSecurityGroupRule,
  IbmIsSecurityGroupRuleConfig,
  IbmProvider,
  IbmRuleDirection,
  IbmRuleProtocol,
  IbmSecurityGroupRules,
  IbmSecurityGroupRulesProps,
} from '../../lib/targets/ibm';
import { errorOf } from '../errors';

/** One invalid input: how it is fed in, the value the message must name, and what else it must say. */
interface BadInput {
  readonly input: string;
  readonly act: () => unknown;
  /** The offending value as the message must show it. */
  readonly value: string;
  /** A further fragment: the origin or the fix. */
  readonly message: string;
  readonly code?: string;
}

const DOC = { catalog: 'corpus', title: 'Corpus', url: 'https://example.com/corpus', date: '2025-10-01' };
const SUBNETS = ['10.240.0.0/24', '10.240.64.0/24'];
const section = () => new CatalogSection(DOC, 'rows', 'Rows');
const nodePorts = (cidrs: string[]) => section().cidrs(cidrs, Protocol.TCP, [PortRange.range(30000, 32767)], 'Node ports', { direction: Direction.INGRESS }).toSet();
const egress = (cidrs: string[], protocol: Protocol, ports: number[]) => section().cidrs(cidrs, protocol, ports, 'Egress').toSet();

const profile = (o: Record<string, unknown>) => () => ibmVpcProfile({ region: 'us-south', subnetCidrs: SUBNETS, ...o } as unknown as IbmVpcProfileOptions);
const allowlist = (o: Record<string, unknown>) => () => ibmWorkerAllowlist({ subnetCidrs: SUBNETS, ...o } as unknown as IbmWorkerAllowlistOptions);
/** Constructs the rules in a fresh stack; the error is raised at construction (props, per-set checks). */
const rules = (props: Record<string, unknown>) => () => new IbmSecurityGroupRules(new TerraformStack(Testing.app(), 's'), 'rules', props as unknown as IbmSecurityGroupRulesProps);
/** Constructs and synthesizes: whole-set checks (coverage, limits) run at synth. */
const synthRules = (props: Record<string, unknown>, more: RequirementSet[] = []) => () => {
  const stack = new TerraformStack(Testing.app(), 's');
  new IbmSecurityGroupRules(stack, 'rules', props as unknown as IbmSecurityGroupRulesProps).addRequirements(...more);
  return Testing.synth(stack);
};
const rule = (c: Partial<IbmIsSecurityGroupRuleConfig>) => () =>
  new IbmIsSecurityGroupRule(new TerraformStack(Testing.app(), 's'), 'bad', {
    group: 'r006-sg',
    direction: IbmRuleDirection.INBOUND,
    protocol: IbmRuleProtocol.TCP,
    portMin: 443,
    portMax: 443,
    remote: '10.0.0.0/8',
    ...c,
  } as IbmIsSecurityGroupRuleConfig);
const exported = (set: RequirementSet, options: Record<string, unknown>) => () => IBM_SECURITY_GROUP_RULES_EXPORT.build(set, options, 'export ibm spec.target');

const CLASSES: Record<string, BadInput[]> = {
  'any address, by coverage': [
    { input: 'profile subnets 0.0.0.0/1 + 128.0.0.0/1', act: profile({ subnetCidrs: ['0.0.0.0/1', '128.0.0.0/1'] }), value: '0.0.0.0/1, 128.0.0.0/1 (together 0.0.0.0/0)', message: 'nodePortsFromAnywhere: true', code: 'any-address' },
    { input: 'profile subnet 0.0.0.0/0', act: profile({ subnetCidrs: ['10.240.0.0/24', '0.0.0.0/0'] }), value: '"0.0.0.0/0"', message: 'profile ibm-vpc option subnetCidrs[1]', code: 'any-address' },
    { input: 'profile subnets as four /2s', act: profile({ subnetCidrs: ['0.0.0.0/2', '64.0.0.0/2', '128.0.0.0/2', '192.0.0.0/2'] }), value: '0.0.0.0/2, 64.0.0.0/2, 128.0.0.0/2, 192.0.0.0/2', message: 'together cover every IPv4 address', code: 'any-address' },
    { input: 'worker allowlist subnets that cover everything', act: allowlist({ subnetCidrs: ['0.0.0.0/1', '128.0.0.0/1'] }), value: '(together 0.0.0.0/0)', message: 'no opt-in', code: 'any-address' },
    { input: 'rules: inbound node ports from two halves', act: synthRules({ requirementSets: [nodePorts(['0.0.0.0/1', '128.0.0.0/1'])], vpcId: 'v' }), value: '0.0.0.0/1, 128.0.0.0/1 (together 0.0.0.0/0)', message: 'allowNodePortsFromAnywhere: true (node ports only)', code: 'any-address' },
    { input: 'rules: egress 0.0.0.0/0 on 443', act: synthRules({ requirementSets: [egress(['0.0.0.0/0'], Protocol.HTTPS, [443])], vpcId: 'v' }), value: '"0.0.0.0/0"', message: 'opt in with allowAnyAddress: true', code: 'any-address' },
    { input: 'rules: halves split across sets added later', act: synthRules({ requirementSets: [egress(['0.0.0.0/1'], Protocol.TCP, [443])], vpcId: 'v' }, [egress(['128.0.0.0/1'], Protocol.TCP, [443])]), value: '(together 0.0.0.0/0)', message: 'IbmSecurityGroupRules s/rules', code: 'any-address' },
    { input: 'rules: node-port opt-in does not cover port 443', act: synthRules({ requirementSets: [nodePorts(['0.0.0.0/0']).merge(section().cidrs(['0.0.0.0/0'], Protocol.TCP, [443], 'Web', { direction: Direction.INGRESS }).toSet())], vpcId: 'v', allowNodePortsFromAnywhere: true }), value: '"0.0.0.0/0"', message: 'inbound tcp port 443', code: 'any-address' },
    { input: 'export: halves of the address space', act: exported(egress(['0.0.0.0/1', '128.0.0.0/1'], Protocol.UDP, [53]), {}), value: '(together 0.0.0.0/0)', message: 'export ibm spec.target', code: 'any-address' },
  ],
  'host addresses': [
    { input: 'gateway IP given as a network', act: allowlist({ publicGatewayIps: ['169.48.1.0/24'] }), value: '"169.48.1.0/24"', message: 'one machine\'s address, not a network', code: 'invalid-host' },
    { input: 'gateway IP 0.0.0.0', act: allowlist({ publicGatewayIps: ['0.0.0.0'] }), value: '"0.0.0.0"', message: 'ibmWorkerAllowlist option publicGatewayIps[0]', code: 'invalid-host' },
    { input: 'gateway IP broadcast', act: allowlist({ publicGatewayIps: ['255.255.255.255'] }), value: '"255.255.255.255"', message: 'publicGatewayIps[0]', code: 'invalid-host' },
  ],
  landing: [
    { input: 'a node row with an IPv6 peer is refused (a control-plane one is skipped)', act: rules({ requirementSets: [section().cidrs(['2001:db8::/48'], Protocol.TCP, [443], 'Node', { direction: Direction.INGRESS }).toSet()], vpcId: 'v' }), value: '"2001:db8::/48"', message: 'ip_version "ipv4" only', code: 'unsupported-peer' },
    { input: 'control-plane rows never need the any-address opt-in, node rows do', act: synthRules({ requirementSets: [chainguardEnforceProfile({ acknowledgeRetired: true }), section().cidrs(['0.0.0.0/0'], Protocol.TCP, [443], 'API', { direction: Direction.INGRESS, landing: Landing.NODES }).toSet()], vpcId: 'v' }), value: '"0.0.0.0/0"', message: 'inbound tcp port 443', code: 'any-address' },
  ],
  'runtime types': [
    { input: 'profile: a string for subnetCidrs', act: profile({ subnetCidrs: '10.240.0.0/24' }), value: '"10.240.0.0/24"', message: 'expected an array', code: 'invalid-type' },
    { input: "profile: 'false' for nodePortsFromAnywhere", act: profile({ nodePortsFromAnywhere: 'false' }), value: '"false"', message: 'expected true or false', code: 'invalid-type' },
    { input: 'profile: a string for adminAccess', act: profile({ adminAccess: 'no' }), value: '"no"', message: 'profile ibm-vpc option adminAccess', code: 'invalid-type' },
    { input: 'profile: a string for registryRegions', act: profile({ registryRegions: 'eu-de' }), value: '"eu-de"', message: 'Give registryRegions as an array', code: 'invalid-type' },
    { input: 'profile: undefined region', act: profile({ region: undefined }), value: 'region', message: 'Missing required option region', code: 'missing-option' },
    { input: 'profile: unknown region', act: profile({ region: 'us-soth' }), value: '"us-soth"', message: 'Did you mean "us-south"?', code: 'unknown-option' },
    { input: 'profile: unknown master port range', act: profile({ masterPortRange: 'legacy' }), value: '"legacy"', message: 'Valid values: current, legacy-2020', code: 'unknown-option' },
    { input: 'profile: NaN etcd port', act: profile({ etcdPort: NaN, masterEndpoints: ['c3.us-south.containers.cloud.ibm.com'] }), value: '"NaN"', message: 'etcdPort is a whole number from 1 to 65535' },
    { input: 'profile: Infinity monitoring port', act: profile({ ingressMonitoringPort: Infinity }), value: '"Infinity"', message: 'ingressMonitoringPort' },
    { input: 'profile: a token for a subnet', act: profile({ subnetCidrs: ['${var.subnet}'] }), value: '"${var.subnet}"', message: 'literals known at synth', code: 'unresolved-token' },
    { input: 'profile: a number token for the etcd port', act: profile({ etcdPort: -8.1e298, masterEndpoints: ['c3.us-south.containers.cloud.ibm.com'] }), value: '"<unresolved Terraform token>"', message: 'literal number known at synth', code: 'unresolved-token' },
    { input: 'profile: misspelt option', act: profile({ nodePortsFromAnywere: true }), value: '"nodePortsFromAnywere"', message: 'Did you mean "nodePortsFromAnywhere"?', code: 'unknown-option' },
    { input: 'allowlist: a string for publicGatewayIps', act: allowlist({ publicGatewayIps: '169.48.1.9' }), value: '"169.48.1.9"', message: 'expected an array', code: 'invalid-type' },
    { input: 'rules: a set where an array is expected', act: rules({ requirementSets: nodePorts(SUBNETS), vpcId: 'v' }), value: '"<RequirementSet>"', message: 'Wrap the set in an array', code: 'invalid-type' },
    { input: "rules: 'false' for allowAnyAddress", act: rules({ vpcId: 'v', allowAnyAddress: 'false' }), value: '"false"', message: 'IbmSecurityGroupRules s/rules allowAnyAddress', code: 'invalid-type' },
    { input: 'rules: a string for tags', act: rules({ vpcId: 'v', tags: 'k8s' }), value: '"k8s"', message: 'Give tags as an array, e.g. ["k8s"]', code: 'invalid-type' },
    { input: 'rules: NaN minimumGroups', act: rules({ vpcId: 'v', minimumGroups: NaN }), value: '"NaN"', message: 'minimumGroups is a whole number from 1 to 5' },
    { input: 'rules: Infinity reservedRulesPerGroup', act: rules({ vpcId: 'v', reservedRulesPerGroup: Infinity }), value: '"Infinity"', message: 'reservedRulesPerGroup is a whole number from 0 to 249' },
    { input: 'rules: a token for the group name prefix', act: rules({ vpcId: 'v', groupNamePrefix: '${var.prefix}' }), value: '"${var.prefix}"', message: 'must be a literal known at synth', code: 'unresolved-token' },
    { input: 'rules: a number token for maximumGroups', act: rules({ vpcId: 'v', maximumGroups: -8.1e298 }), value: '"<unresolved Terraform token>"', message: 'literal number known at synth', code: 'unresolved-token' },
    { input: 'rules: a number for the VPC id', act: rules({ vpcId: 42 }), value: '"42"', message: 'IbmSecurityGroupRules s/rules vpcId', code: 'invalid-type' },
    { input: 'rules: neither group nor VPC', act: rules({ requirementSets: [nodePorts(SUBNETS)] }), value: 'securityGroupId or vpcId', message: 'the rules need a security group', code: 'missing-option' },
    { input: 'rules: misspelt opt-in', act: rules({ vpcId: 'v', allowAnyAdress: true }), value: '"allowAnyAdress"', message: 'Did you mean "allowAnyAddress"?', code: 'unknown-option' },
    { input: 'rules: props that are not an object', act: rules(undefined as unknown as Record<string, unknown>), value: '"undefined"', message: 'Pass an object of named properties', code: 'invalid-type' },
    { input: 'rules: a provider that is not a construct', act: rules({ vpcId: 'v', provider: 'ibm' }), value: '"ibm"', message: 'Give an IbmProvider', code: 'invalid-type' },
    { input: 'export: a string for existingSecurityGroup', act: exported(nodePorts(SUBNETS), { existingSecurityGroup: 'yes' }), value: '"yes"', message: 'export ibm spec.target existingSecurityGroup', code: 'invalid-type' },
    { input: 'export: a construct prop it does not take', act: exported(nodePorts(SUBNETS), { securityGroupId: 'r006-sg' }), value: '"securityGroupId"', message: 'Known properties', code: 'unknown-option' },
    { input: 'export: options that are not an object', act: exported(nodePorts(SUBNETS), ['x'] as unknown as Record<string, unknown>), value: '"[\\"x\\"]"', message: 'Pass an object of named properties', code: 'invalid-type' },
  ],
  'protocols and peers the admitted provider versions cannot express': [
    { input: 'rules: protocol any without narrowAnyProtocol', act: rules({ requirementSets: [section().cidrs(['161.26.0.0/16'], Protocol.ANY, [], 'Service endpoints').toSet()], vpcId: 'v' }), value: '"any"', message: 'narrowAnyProtocol: true', code: 'unsupported-protocol' },
    { input: 'export: protocol any without narrowAnyProtocol', act: exported(section().cidrs(['161.26.0.0/16'], Protocol.ANY, [], 'Service endpoints').toSet(), {}), value: '"any"', message: 'icmp_tcp_udp is ICMP, TCP and UDP only', code: 'unsupported-protocol' },
    { input: 'resource: protocol any', act: rule({ protocol: 'any' as IbmRuleProtocol, portMin: undefined, portMax: undefined }), value: '"any"', message: 'accepted only by provider 2.1.0 and later', code: 'unknown-option' },
    { input: 'resource: tcp without ports', act: rule({ portMin: undefined, portMax: undefined }), value: 'Invalid port ""', message: 'opens every port', code: 'invalid-port' },
    { input: 'resource: udp without ports', act: rule({ protocol: IbmRuleProtocol.UDP, portMin: undefined, portMax: undefined }), value: 'Invalid port ""', message: 'a udp rule without port_min and port_max opens every port', code: 'invalid-port' },
    { input: 'resource: a domain name remote', act: rule({ remote: 'icr.io' }), value: '"icr.io"', message: 'security groups match IP addresses, not domain names', code: 'unsupported-peer' },
    { input: 'resource: an upper-case group name', act: () => new IbmIsSecurityGroup(new TerraformStack(Testing.app(), 's'), 'g', { vpc: 'v', name: 'Nodes' }), value: '"Nodes"', message: 'lower-case letters' },
    { input: 'provider: no props', act: () => new IbmProvider(new TerraformStack(Testing.app(), 's'), 'ibm', undefined as unknown as { region: string }), value: '"undefined"', message: 'ibm provider ibm', code: 'invalid-type' },
    { input: 'provider: a number for the resource group', act: () => new IbmProvider(new TerraformStack(Testing.app(), 's'), 'ibm', { region: 'eu-de', resourceGroup: 42 as unknown as string }), value: '"42"', message: 'ibm provider ibm resourceGroup', code: 'invalid-type' },
    { input: 'provider: a token for the region', act: () => new IbmProvider(new TerraformStack(Testing.app(), 's'), 'ibm', { region: '${var.region}' }), value: '"${var.region}"', message: 'must be a literal known at synth', code: 'unresolved-token' },
    { input: 'provider: a region display name', act: () => new IbmProvider(new TerraformStack(Testing.app(), 's'), 'ibm', { region: 'Frankfurt' }), value: '"Frankfurt"', message: 'us-south, eu-de or jp-tok' },
  ],
  limits: [
    { input: 'rules: 251 rules in an existing group', act: synthRules({ requirementSets: [nodePorts(cidrs(251))], securityGroupId: 'r006-sg' }), value: '251 exceeds the limit of 250', message: 'Give vpcId instead of securityGroupId', code: 'limit-exceeded' },
    { input: 'rules: six groups needed', act: synthRules({ requirementSets: [nodePorts(cidrs(1251))], vpcId: 'v' }), value: '6 exceeds the limit of 5', message: "the cluster's own included", code: 'limit-exceeded' },
    { input: 'rules: reserved rules push past the limit', act: synthRules({ requirementSets: [nodePorts(cidrs(241))], securityGroupId: 'sg', reservedRulesPerGroup: 10 }), value: '251 exceeds the limit of 250', message: '241 planned + 10 reserved', code: 'limit-exceeded' },
    { input: 'export: 251 rules in the existing group', act: exported(nodePorts(cidrs(251)), { existingSecurityGroup: true }), value: '251 exceeds the limit of 250', message: 'Set existingSecurityGroup: false', code: 'limit-exceeded' },
  ],
  conflicts: [
    { input: 'rules: both securityGroupId and vpcId', act: rules({ securityGroupId: 'sg', vpcId: 'v' }), value: '"sg / v"', message: 'not both' },
    { input: 'rules: group options with an existing group', act: rules({ securityGroupId: 'sg', minimumGroups: 2 }), value: '"2"', message: 'minimumGroups applies to groups that are created' },
    { input: 'rules: minimumGroups above maximumGroups', act: rules({ vpcId: 'v', minimumGroups: 3, maximumGroups: 2 }), value: '"3"', message: 'must not exceed maximumGroups (2)' },
    { input: 'rules: a set added after render', act: () => { const r = new IbmSecurityGroupRules(new TerraformStack(Testing.app(), 's'), 'rules', { vpcId: 'v' }); r.render(); r.addRequirements(nodePorts(SUBNETS)); }, value: '"1 set(s)"', message: 'already rendered' },
    { input: 'profile: etcd port without master endpoints', act: profile({ etcdPort: 31234 }), value: 'masterEndpoints', message: 'calicoctl reaches the etcd port', code: 'missing-option' },
    { input: 'export: group options with an existing group', act: exported(nodePorts(SUBNETS), { existingSecurityGroup: true, tags: ['k8s'] }), value: '"[\\"k8s\\"]"', message: 'with existingSecurityGroup: true no group is created' },
  ],
};

function cidrs(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `10.${Math.floor(i / 256)}.${i % 256}.0/24`);
}

for (const [group, cases] of Object.entries(CLASSES)) {
  describe(`IBM bad input: ${group}`, () => {
    test.each(cases.map((c) => [c.input, c] as const))('%s', (_input, c) => {
      const e = errorOf(c.act);
      expect(e).toBeInstanceOf(FirewallRequirementsError);
      expect(e.message).toContain(c.value);
      expect(e.message).toContain(c.message);
      if (c.code) expect(e.code).toBe(c.code);
    });
  });
}

test('the IBM corpus has at least 30 distinct inputs across every class', () => {
  const all = Object.values(CLASSES).flat().map((c) => c.input);
  expect(new Set(all).size).toBe(all.length);
  expect(all.length).toBeGreaterThanOrEqual(30);
  expect(Object.values(CLASSES).every((cases) => cases.length > 0)).toBe(true);
});
