/**
 * Bad inputs for the Google Cloud constructs, factories and export targets, by class. Every one must end in the
 * library's FirewallRequirementsError naming the value (never a TypeError, never a silent acceptance). Inputs that
 * only fail when the whole set is known (coverage, limits, conflicts) are synthesized.
 */
import { ComputeNetwork } from '@cdktf/provider-google/lib/compute-network';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { GCP_FIREWALL_EXPORT, GKE_AUTHORIZED_NETWORKS_EXPORT } from '../../lib/export/google';
import { Direction, FirewallRequirementsError, Landing, Peer, PortRange, Protocol, RequirementSet } from '../../lib/model';
import { GcpFirewall, GcpFirewallProps, GkeAuthorizedNetworks, GkeAuthorizedNetworksProps } from '../../lib/targets/google';
import { req } from '../model/fixtures';
import { cidrFlow, distinctHosts, egressFqdns, ingressCidrs } from '../targets/helpers';
import { errorOf } from '../errors';

interface BadInput {
  /** The invalid input, as a user would describe it. */
  readonly input: string;
  readonly act: () => unknown;
  /** The offending value as the message must show it. */
  readonly value: string;
  /** The error code, where the class pins one. */
  readonly code?: string;
  /** Another fragment the message must hold (the fix, the origin). */
  readonly message?: string;
}

const SA = 'nodes@p.iam.gserviceaccount.com';
const HTTPS = egressFqdns(['a.example.com']);

function newStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'corpus');
  new GoogleProvider(stack, 'google', {});
  return stack;
}

/** Builds a GcpFirewall and synthesizes it with validations (whole-set checks run at synth). */
const gcp = (props: Record<string, unknown>, more?: (fw: GcpFirewall) => void) => () => {
  const stack = newStack();
  const fw = new GcpFirewall(stack, 'fw', { network: 'vpc', requirementSets: [HTTPS], ...props } as unknown as GcpFirewallProps);
  more?.(fw);
  Testing.synth(stack, true);
};

/** Several constructs in one stack, synthesized with validations. */
const together = (build: (scope: Construct) => void) => () => {
  const stack = newStack();
  build(stack);
  Testing.synth(stack, true);
};

const gke = (props: Record<string, unknown>) => () => GkeAuthorizedNetworks.fromRequirements(props as unknown as GkeAuthorizedNetworksProps);
const exportGcp = (set: RequirementSet, options: Record<string, unknown>) => () => GCP_FIREWALL_EXPORT.build(set, options, 'export gcp-firewall spec.target');
const exportGke = (set: RequirementSet, options: Record<string, unknown>) => () => GKE_AUTHORIZED_NETWORKS_EXPORT.build(set, options, 'export gke-authorized-networks spec.target');
const token = () => {
  const stack = new TerraformStack(Testing.app(), 'tokens');
  return new TerraformVariable(stack, 'n', { type: 'number' }).numberValue;
};

const CLASSES: Record<string, BadInput[]> = {
  'any address, judged by coverage': [
    { input: 'GcpFirewall egress to 0.0.0.0/0', act: gcp({ requirementSets: [RequirementSet.of([cidrFlow('0.0.0.0/0')])] }), value: '0.0.0.0/0', code: 'any-address', message: 'allowAnyAddress: true on GcpFirewall corpus/fw' },
    { input: 'GcpFirewall ingress from ::/0', act: gcp({ requirementSets: [RequirementSet.of([cidrFlow('::/0', { direction: Direction.INGRESS })])] }), value: '::/0', code: 'any-address' },
    {
      input: 'GcpFirewall egress to 0.0.0.0/1, and 128.0.0.0/1 added later',
      act: gcp({ requirementSets: [RequirementSet.of([cidrFlow('0.0.0.0/1')])] }, (fw) => fw.addRequirements(RequirementSet.of([cidrFlow('128.0.0.0/1')]))),
      value: '0.0.0.0/0',
      code: 'any-address',
      message: '0.0.0.0/1 from test/core',
    },
    { input: 'GcpFirewall egress to ::ffff:0:0/96 (every IPv4 address written as IPv6)', act: gcp({ requirementSets: [RequirementSet.of([cidrFlow('::ffff:0:0/96')])] }), value: '0.0.0.0/0', code: 'any-address' },
    { input: 'GKE authorized network 0.0.0.0/0', act: gke({ cidrs: [{ cidr: '0.0.0.0/0', purpose: 'all' }] }), value: '0.0.0.0/0', code: 'any-address', message: 'there is no opt-in for every address' },
    { input: 'GKE authorized networks whose halves come from a row and a user CIDR', act: gke({ requirementSets: [ingressCidrs(['0.0.0.0/1'])], cidrs: [{ cidr: '128.0.0.0/1' }] }), value: '0.0.0.0/1, 128.0.0.0/1', code: 'any-address' },
    { input: 'export gcp-firewall egress to 0.0.0.0/0', act: exportGcp(RequirementSet.of([cidrFlow('0.0.0.0/0')]), {}), value: '0.0.0.0/0', code: 'any-address' },
    { input: 'export gke-authorized-networks 0.0.0.0/0', act: exportGke(RequirementSet.empty(), { cidrs: [{ cidr: '0.0.0.0/0' }] }), value: '0.0.0.0/0', code: 'any-address' },
  ],
  'addresses and networks': [
    { input: 'GKE authorized network with host bits', act: gke({ cidrs: [{ cidr: '10.0.0.1/24' }] }), value: '10.0.0.1/24', code: 'invalid-cidr', message: 'Did you mean 10.0.0.0/24?' },
    { input: 'GKE authorized network that is not an address', act: gke({ cidrs: [{ cidr: 'office' }] }), value: 'office', code: 'invalid-cidr' },
    { input: 'GKE authorized network in IPv6', act: gke({ cidrs: [{ cidr: '2001:db8::/48' }] }), value: '2001:db8::/48', code: 'unsupported-peer' },
    { input: 'export gke-authorized-networks CIDR as a Terraform reference', act: exportGke(RequirementSet.empty(), { cidrs: [{ cidr: '${var.office}' }] }), value: '${var.office}', code: 'unresolved-token' },
  ],
  'where the flow lands and what the target can express': [
    { input: 'domain name on a control-plane row', act: gke({ requirementSets: [RequirementSet.of([req({ direction: Direction.INGRESS, peer: Peer.fqdn('ci.example.com'), landing: Landing.CONTROL_PLANE })])] }), value: 'ci.example.com', code: 'unsupported-peer' },
    { input: 'unresolved placeholder on a control-plane row', act: gke({ requirementSets: [RequirementSet.of([req({ direction: Direction.INGRESS, peer: Peer.placeholder('ci-runners', 'Set the runner CIDRs.'), landing: Landing.CONTROL_PLANE })])] }), value: '<ci-runners>', code: 'unresolved-placeholder' },
    { input: 'wildcard domain on a node row', act: gcp({ requirementSets: [egressFqdns(['*.googleapis.com'])] }), value: '*.googleapis.com', code: 'unsupported-peer', message: 'googleApiAccess: private' },
    { input: 'ingress from a domain name', act: gcp({ requirementSets: [RequirementSet.of([req({ direction: Direction.INGRESS, peer: Peer.fqdn('ci.example.com') })])] }), value: 'ci.example.com', code: 'unsupported-peer' },
    { input: 'Azure service tag on a node row', act: gcp({ requirementSets: [RequirementSet.of([req({ protocol: Protocol.TCP, peer: Peer.serviceTag('AzureCloud') })])] }), value: 'AzureCloud', code: 'unsupported-peer' },
    { input: 'unresolved placeholder on a node row', act: gcp({ requirementSets: [RequirementSet.of([req({ peer: Peer.placeholder('dns-servers', 'Set the DNS servers.') })])] }), value: '<dns-servers>', code: 'unresolved-placeholder' },
  ],
  'runtime types': [
    { input: "targetTags: 'gke-node' (a string for an array)", act: gcp({ targetTags: 'gke-node', denyOtherEgress: false }), value: 'gke-node', code: 'invalid-type', message: 'e.g. ["gke-node"]' },
    { input: 'targetServiceAccounts as a string', act: gcp({ targetServiceAccounts: SA }), value: SA, code: 'invalid-type' },
    { input: "denyOtherEgress: 'false' (a string for a boolean)", act: gcp({ denyOtherEgress: 'false' }), value: 'false', code: 'invalid-type' },
    { input: "allowAnyAddress: 'true'", act: gcp({ allowAnyAddress: 'true' }), value: 'true', code: 'invalid-type' },
    { input: 'enableLogging: 1', act: gcp({ enableLogging: 1 }), value: '1', code: 'invalid-type' },
    { input: 'requirementSets given one set', act: gcp({ requirementSets: HTTPS }), value: '<RequirementSet>', code: 'invalid-type', message: 'requirementSets: [set]' },
    { input: 'requirements given an array', act: gcp({ requirements: [HTTPS] }), value: 'an array, expected a RequirementSet', code: 'invalid-type' },
    { input: 'network missing', act: gcp({ network: undefined }), value: 'Missing required property network', code: 'missing-option' },
    { input: 'network as a number', act: gcp({ network: 42 }), value: '42', code: 'invalid-type' },
    { input: 'project as a number', act: gcp({ project: 1234 }), value: '1234', code: 'invalid-type' },
    { input: 'network tag with capitals', act: gcp({ targetTags: ['GKE_Node'], denyOtherEgress: false }), value: 'GKE_Node', message: 'A network tag is 1-63 lower-case letters' },
    { input: 'GKE props null', act: () => GkeAuthorizedNetworks.fromRequirements(null as unknown as GkeAuthorizedNetworksProps), value: 'null', code: 'invalid-type' },
    { input: 'GKE cidrs as a string', act: gke({ cidrs: '203.0.113.0/24' }), value: '203.0.113.0/24', code: 'invalid-type' },
    { input: 'GKE cidrs entry as a string', act: gke({ cidrs: ['203.0.113.0/24'] }), value: '203.0.113.0/24', code: 'invalid-type' },
    { input: 'GKE cidr as a number', act: gke({ cidrs: [{ cidr: 10 }] }), value: '10', code: 'invalid-type' },
    { input: "privateCluster: 'false'", act: gke({ privateCluster: 'false' }), value: 'false', code: 'invalid-type' },
    { input: "gcpPublicCidrsAccessEnabled: 'true'", act: gke({ gcpPublicCidrsAccessEnabled: 'true' }), value: 'true', code: 'invalid-type' },
    { input: 'export gcp-firewall priority as a string', act: exportGcp(HTTPS, { priority: '1000' }), value: '1000', code: 'invalid-type' },
  ],
  'numbers: ranges, NaN, Infinity, tokens': [
    { input: 'priority NaN', act: gcp({ priority: NaN }), value: 'NaN' },
    { input: 'priority Infinity', act: gcp({ priority: Infinity }), value: 'Infinity' },
    { input: 'priority 70000', act: gcp({ priority: 70000 }), value: '70000', message: 'from 0 to 65535' },
    { input: 'policyPriorityStart 1.5', act: gcp({ policyPriorityStart: 1.5 }), value: '1.5' },
    { input: 'denyPriority before the allows', act: gcp({ denyPriority: 15000 }), value: '15000', message: 'after every allow' },
    { input: 'denyPriority among the predefined rules', act: gcp({ denyPriority: 2147483646 }), value: '2147483646' },
    { input: 'priority as a Terraform token', act: gcp({ priority: token() }), value: '<unresolved Terraform token>', code: 'unresolved-token' },
    { input: 'namePrefix as a Terraform reference', act: gcp({ namePrefix: '${var.prefix}' }), value: '${var.prefix}', code: 'unresolved-token' },
    { input: 'namePrefix with an underscore', act: gcp({ namePrefix: 'team_a' }), value: 'team_a', message: 'RFC 1035' },
    { input: 'export gcp-firewall network as a Terraform reference', act: exportGcp(HTTPS, { network: '${var.vpc}' }), value: '${var.vpc}', code: 'unresolved-token' },
  ],
  'unknown props and options': [
    { input: 'GcpFirewall allowAnyAdress (misspelt opt-in)', act: gcp({ allowAnyAdress: true }), value: 'allowAnyAdress', code: 'unknown-option', message: 'Did you mean "allowAnyAddress"?' },
    { input: 'GcpFirewall targetTag', act: gcp({ targetTag: ['a'] }), value: 'targetTag', code: 'unknown-option', message: 'Did you mean "targetTags"?' },
    { input: 'GKE gcpPublicCidrsAccesEnabled', act: gke({ gcpPublicCidrsAccesEnabled: true }), value: 'gcpPublicCidrsAccesEnabled', code: 'unknown-option' },
    { input: 'GKE cidr entry with purpse', act: gke({ cidrs: [{ cidr: '192.0.2.0/24', purpse: 'x' }] }), value: 'purpse', code: 'unknown-option' },
    { input: 'export gcp-firewall requirementSets option', act: exportGcp(HTTPS, { requirementSets: [] }), value: 'requirementSets', code: 'unknown-option' },
    { input: 'export gke-authorized-networks privateClusters', act: exportGke(RequirementSet.empty(), { privateClusters: true }), value: 'privateClusters', code: 'unknown-option', message: 'Did you mean "privateCluster"?' },
  ],
  limits: [
    { input: '51 networks on a public cluster', act: gke({ requirementSets: [ingressCidrs(distinctHosts(51))] }), value: '51', code: 'limit-exceeded' },
    { input: '101 networks on a private cluster', act: gke({ requirementSets: [ingressCidrs(distinctHosts(101))], privateCluster: true }), value: '101', code: 'limit-exceeded' },
    {
      input: '10001 egress allow rules',
      act: gcp({ requirementSets: [RequirementSet.of(Array.from({ length: 10001 }, (_, i) => req({ peer: Peer.fqdn('a.example.com'), ports: [PortRange.single(i + 1)] })))] }),
      value: '10001',
      code: 'limit-exceeded',
    },
  ],
  'conflicting props and constructs': [
    { input: 'targetTags with targetServiceAccounts', act: gcp({ targetTags: ['nodes'], targetServiceAccounts: [SA] }), value: `nodes / ${SA}` },
    { input: 'targetTags with the egress deny', act: gcp({ targetTags: ['nodes'] }), value: 'true', message: 'use targetServiceAccounts' },
    { input: 'targetTags with egress rows', act: gcp({ targetTags: ['nodes'], denyOtherEgress: false }), value: 'egress to a.example.com' },
    { input: 'policyPriorityStart with fqdnPriorityStart', act: gcp({ policyPriorityStart: 1, fqdnPriorityStart: 2 }), value: 'policyPriorityStart (1) and fqdnPriorityStart (2)', code: 'conflicting-options' },
    { input: 'denyPriority with denyOtherEgress: false', act: gcp({ denyPriority: 30000, denyOtherEgress: false }), value: 'denyPriority (30000)', code: 'conflicting-options' },
    {
      input: 'two GcpFirewalls creating a policy for one network',
      act: together((scope) => {
        const net = new ComputeNetwork(scope, 'net', { name: 'vpc' });
        new GcpFirewall(scope, 'a', { network: net.id, namePrefix: 'a', requirementSets: [HTTPS] });
        new GcpFirewall(scope, 'b', { network: net.id, namePrefix: 'b', requirementSets: [HTTPS] });
      }),
      value: 'google_compute_network.net',
      code: 'conflicting-constructs',
    },
    {
      input: 'two GcpFirewalls with the same names in one project',
      act: together((scope) => {
        new GcpFirewall(scope, 'a', { network: 'vpc-a', requirementSets: [HTTPS] });
        new GcpFirewall(scope, 'b', { network: 'vpc-b', requirementSets: [HTTPS] });
      }),
      value: 'fwreq-egress',
      code: 'duplicate-name',
    },
    {
      input: 'two egress denies at one priority of a shared policy',
      act: together((scope) => {
        new GcpFirewall(scope, 'a', { network: 'vpc', namePrefix: 'a', firewallPolicy: 'shared', requirementSets: [HTTPS] });
        new GcpFirewall(scope, 'b', { network: 'vpc', namePrefix: 'b', firewallPolicy: 'shared', policyPriorityStart: 20000, requirementSets: [HTTPS] });
      }),
      value: '2147483642',
      code: 'duplicate-priority',
    },
    {
      input: "one construct's deny before another's allows in a shared policy",
      act: together((scope) => {
        new GcpFirewall(scope, 'a', { network: 'vpc', namePrefix: 'a', firewallPolicy: 'shared', denyPriority: 20000, requirementSets: [HTTPS] });
        new GcpFirewall(scope, 'b', { network: 'vpc', namePrefix: 'b', firewallPolicy: 'shared', policyPriorityStart: 30000, denyOtherEgress: false, requirementSets: [HTTPS] });
      }),
      value: '20000',
      code: 'deny-before-allow',
    },
    { input: 'addRequirements after render', act: gcp({}, (fw) => fw.policyRules && fw.addRequirements(HTTPS)), value: '1 set(s)', message: 'already rendered' },
  ],
};

for (const [kind, cases] of Object.entries(CLASSES)) {
  describe(`Google bad input: ${kind}`, () => {
    test.each(cases.map((c) => [c.input, c] as const))('%s', (_input, c) => {
      const e = errorOf(c.act);
      expect(e).toBeInstanceOf(FirewallRequirementsError);
      expect(e.message).toContain(c.value);
      if (c.code) expect(e.code).toBe(c.code);
      if (c.message) expect(e.message).toContain(c.message);
      expect(e.origin).not.toBe('');
    });
  });
}

test('the Google corpus has at least 30 distinct inputs', () => {
  const all = Object.values(CLASSES).flatMap((cases) => cases.map((c) => c.input));
  expect(new Set(all).size).toBe(all.length);
  expect(all.length).toBeGreaterThanOrEqual(30);
});
