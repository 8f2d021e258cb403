/**
 * Bad inputs for the AWS constructs, factories and export targets: each fails with a FirewallRequirementsError that
 * names the value (no crash, no TypeError, no silent acceptance).
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { chainguardEnforceProfile } from '../../lib/catalog/chainguard-enforce';
import { AWS_NETWORK_FIREWALL_EXPORT, AWS_SECURITY_GROUP_RULES_EXPORT, EKS_ENDPOINT_ACCESS_EXPORT } from '../../lib/export/aws';
import { Direction, FirewallRequirementsError, Peer, PortRange, Protocol, RequirementSet } from '../../lib/model';
import { EksEndpointAccess, NetworkFirewallDomainAllowlist, SecurityGroupRules } from '../../lib/targets/aws';
import { req } from '../model/fixtures';
import { cidrFlow, distinctHosts, egressFqdns } from '../targets/helpers';

interface Case {
  readonly input: string;
  readonly act: () => unknown;
  /** A substring of the message that names the value. */
  readonly names: string;
  readonly code?: string;
}

/** How cdktf encodes a number token (e.g. a number variable's numberValue). */
const TOKEN_NUMBER = -8.109562212591379e298;
const HOME = ['10.0.16.0/20'];

function stack(): TerraformStack {
  const s = new TerraformStack(Testing.app(), 's');
  new AwsProvider(s, 'aws', { region: 'eu-central-1' });
  return s;
}
const sg = (props: object) => () => Testing.synth(setup((s) => new SecurityGroupRules(s, 'sg', { vpcId: 'vpc-1', ...props } as never)), true);
const nfw = (props: object) => () => Testing.synth(setup((s) => new NetworkFirewallDomainAllowlist(s, 'nfw', { name: 'egress', homeNetCidrs: HOME, requirementSets: [egressFqdns(['a.example.com'])], ...props } as never)), true);
const eks = (props: object) => () => EksEndpointAccess.fromRequirements({ cidrs: [{ cidr: '203.0.113.0/24' }], ...props } as never);
function setup(build: (s: TerraformStack) => void): TerraformStack {
  const s = stack();
  build(s);
  return s;
}
const ORIGIN = 'export spec.target';

const CASES: Record<string, Case[]> = {
  'any address by coverage': [
    { input: 'SG /0 peer without allowAnyAddress', act: sg({ requirementSets: [RequirementSet.of([cidrFlow('0.0.0.0/0')])] }), names: '"0.0.0.0/0"', code: 'any-address' },
    { input: 'SG two halves without allowAnyAddress', act: sg({ requirementSets: [RequirementSet.of([cidrFlow('0.0.0.0/1'), cidrFlow('128.0.0.0/1')])] }), names: '0.0.0.0/1 from', code: 'any-address' },
    { input: 'SG ::/0 spelt as two halves', act: sg({ requirementSets: [RequirementSet.of([cidrFlow('::/1'), cidrFlow('8000::/1')])] }), names: '"::/0"', code: 'any-address' },
    { input: 'EKS 0.0.0.0/0 without allowAnyAddress', act: eks({ cidrs: [{ cidr: '0.0.0.0/0' }] }), names: '"0.0.0.0/0"', code: 'any-address' },
    { input: 'EKS halves split over cidrs and nodeEgressCidrs', act: eks({ cidrs: [{ cidr: '0.0.0.0/1' }], nodeEgressCidrs: [{ cidr: '128.0.0.0/1' }] }), names: '0.0.0.0/1, 128.0.0.0/1 (together 0.0.0.0/0)', code: 'any-address' },
    { input: 'NFW HOME_NET 0.0.0.0/0', act: nfw({ homeNetCidrs: ['0.0.0.0/0'] }), names: '"0.0.0.0/0"', code: 'any-address' },
    { input: 'export EKS 256 /8s... as two /1s', act: () => EKS_ENDPOINT_ACCESS_EXPORT.build(RequirementSet.empty(), { cidrs: [{ cidr: '0.0.0.0/1' }, { cidr: '128.0.0.0/1' }] }, ORIGIN), names: '(together 0.0.0.0/0)', code: 'any-address' },
  ],
  'public addresses (EKS)': [
    { input: 'private range', act: eks({ cidrs: [{ cidr: '10.0.0.0/16' }] }), names: '"10.0.0.0/16"', code: 'unsupported-peer' },
    { input: 'CGNAT node egress', act: eks({ nodeEgressCidrs: [{ cidr: '100.64.1.1' }] }), names: '"100.64.1.1/32"', code: 'unsupported-peer' },
    { input: 'IPv6 on an IPv4 cluster', act: eks({ cidrs: [{ cidr: '2001:db8::/48' }] }), names: '"2001:db8::/48"', code: 'unsupported-peer' },
    { input: 'invalid CIDR', act: eks({ cidrs: [{ cidr: '203.0.113.300/32' }] }), names: '"203.0.113.300/32"', code: 'invalid-cidr' },
  ],
  landing: [
    { input: 'EKS public endpoint off with control-plane rows', act: eks({ cidrs: [], requirementSets: [chainguardEnforceProfile({ acknowledgeRetired: true })], endpointPublicAccess: false }), names: '"false"' },
    { input: 'SG domain row on the nodes', act: sg({ requirementSets: [egressFqdns(['registry.example.com'])] }), names: '"registry.example.com"', code: 'unsupported-peer' },
    { input: 'NFW domain over UDP', act: nfw({ requirementSets: [RequirementSet.of([req({ protocol: Protocol.UDP, ports: [PortRange.single(123)], peer: Peer.fqdn('ntp.example.com') })])] }), names: 'udp 123 to ntp.example.com', code: 'unsupported-flow' },
    { input: 'NFW without any domain row', act: nfw({ requirementSets: [RequirementSet.of([cidrFlow('10.0.0.0/8')])] }), names: 'none egress to a domain name', code: 'empty' },
  ],
  'runtime types': [
    { input: "EKS endpointPublicAccess: 'false'", act: eks({ endpointPublicAccess: 'false' }), names: '"false"', code: 'invalid-type' },
    { input: "EKS ipFamily: 'IPV4'", act: eks({ ipFamily: 'IPV4' }), names: '"IPV4"', code: 'unknown-option' },
    { input: 'EKS cidrs as a string', act: eks({ cidrs: '203.0.113.0/24' }), names: '"203.0.113.0/24"', code: 'invalid-type' },
    { input: 'EKS cidrs entry as a string', act: eks({ cidrs: ['203.0.113.0/24'] }), names: '"203.0.113.0/24"', code: 'invalid-type' },
    { input: 'EKS requirementSets as one set', act: eks({ requirementSets: chainguardEnforceProfile({ acknowledgeRetired: true }) }), names: '<RequirementSet>', code: 'invalid-type' },
    { input: 'SG allowAnyAddress: 1', act: sg({ allowAnyAddress: 1 }), names: '"1"', code: 'invalid-type' },
    { input: 'SG vpcId as a number', act: sg({ vpcId: 12 }), names: '"12"', code: 'invalid-type' },
    { input: 'SG rulesPerGroup NaN', act: sg({ rulesPerGroup: NaN }), names: '"NaN"' },
    { input: 'SG maxGroups Infinity', act: sg({ maxGroups: Infinity }), names: '"Infinity"' },
    { input: 'SG rulesPerGroup as a token', act: sg({ rulesPerGroup: TOKEN_NUMBER }), names: '<unresolved Terraform token>', code: 'unresolved-token' },
    { input: 'SG groupName as a token', act: sg({ groupName: '${var.name}' }), names: '"${var.name}"', code: 'unresolved-token' },
    { input: 'SG tags with a number value', act: sg({ tags: { team: 1 } }), names: '"1"', code: 'invalid-type' },
    { input: 'NFW homeNetCidrs as a string', act: nfw({ homeNetCidrs: '10.0.0.0/16' }), names: '"10.0.0.0/16"', code: 'invalid-type' },
    { input: 'NFW homeNetCidrs missing', act: nfw({ homeNetCidrs: undefined }), names: 'homeNetCidrs', code: 'missing-option' },
    { input: "NFW ruleOrder 'strict'", act: nfw({ ruleOrder: 'strict' }), names: '"strict"', code: 'unknown-option' },
    { input: 'NFW capacity 2.5', act: nfw({ capacity: 2.5 }), names: '"2.5"' },
    { input: 'NFW name as a token', act: nfw({ name: '${var.name}' }), names: '"${var.name}"', code: 'unresolved-token' },
    { input: 'SG unknown prop allowAnyAdress', act: sg({ allowAnyAdress: true }), names: '"allowAnyAdress"', code: 'unknown-option' },
    { input: 'EKS unknown prop publicAccesCidrs', act: eks({ publicAccesCidrs: [] }), names: '"publicAccesCidrs"', code: 'unknown-option' },
    { input: 'export SG options with a string boolean', act: () => AWS_SECURITY_GROUP_RULES_EXPORT.build(RequirementSet.empty(), { vpcId: 'vpc-1', allowAnyAddress: 'true' }, ORIGIN), names: '"true"', code: 'invalid-type' },
    { input: 'export NFW unknown option', act: () => AWS_NETWORK_FIREWALL_EXPORT.build(RequirementSet.empty(), { name: 'x', homeNetCidrs: HOME, homeNet: HOME }, ORIGIN), names: '"homeNet"', code: 'unknown-option' },
  ],
  limits: [
    { input: '41 EKS public access CIDRs', act: eks({ cidrs: distinctHosts(41).map((c) => ({ cidr: c.replace(/^10\./, '11.') })) }), names: '41 exceeds the limit of 40', code: 'limit-exceeded' },
    { input: 'SG 61 rules in an existing group', act: () => Testing.synth(setup((s) => new SecurityGroupRules(s, 'sg', { securityGroupId: 'sg-1', requirementSets: [RequirementSet.of(distinctHosts(61).map((c) => cidrFlow(c, { direction: Direction.INGRESS })))] })), true), names: '61 exceeds the limit of 60', code: 'limit-exceeded' },
    { input: 'SG rules x groups over 1,000', act: sg({ rulesPerGroup: 200, maxGroups: 6 }), names: '"200 x 6 = 1200"' },
    { input: 'NFW capacity below the need', act: nfw({ capacity: 1 }), names: '"1"' },
  ],
  conflicts: [
    {
      input: 'two SecurityGroupRules with one group name in one VPC',
      act: () => Testing.synth(setup((s) => {
        new SecurityGroupRules(s, 'a', { vpcId: 'vpc-1', groupName: 'nodes', requirementSets: [RequirementSet.of([cidrFlow('10.0.0.0/8')])] });
        new SecurityGroupRules(s, 'b', { vpcId: 'vpc-1', groupName: 'nodes', requirementSets: [RequirementSet.of([cidrFlow('10.1.0.0/16')])] });
      }), true),
      names: '"nodes"',
      code: 'conflict',
    },
    {
      input: 'two allowlists with one rule group name in the stack',
      act: () => Testing.synth(setup((s) => {
        new NetworkFirewallDomainAllowlist(s, 'a', { name: 'egress', homeNetCidrs: HOME, requirementSets: [egressFqdns(['a.example.com'])] });
        new NetworkFirewallDomainAllowlist(s, 'b', { name: 'egress', homeNetCidrs: HOME, requirementSets: [egressFqdns(['b.example.com'])] });
      }), true),
      names: '"egress-tls"',
      code: 'conflict',
    },
    { input: 'SG both securityGroupId and vpcId', act: sg({ securityGroupId: 'sg-1' }), names: '"sg-1 / vpc-1"' },
    { input: 'EKS both endpoints off', act: eks({ cidrs: [], endpointPublicAccess: false, endpointPrivateAccess: false }), names: 'endpointPublicAccess=false, endpointPrivateAccess=false' },
  ],
};

describe.each(Object.entries(CASES))('AWS bad input: %s', (_, cases) => {
  test.each(cases.map((c) => [c.input, c] as const))('%s', (_input, c) => {
    let error: unknown;
    try {
      c.act();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FirewallRequirementsError);
    const e = error as FirewallRequirementsError;
    expect(e.message).toContain(c.names);
    if (c.code) expect(e.code).toBe(c.code);
  });
});

test('the corpus holds at least 30 inputs', () => {
  expect(Object.values(CASES).flat().length).toBeGreaterThanOrEqual(30);
});
