import * as fc from 'fast-check';
import { ContainerCluster } from '@cdktf/provider-google/lib/container-cluster';
import { Direction, Peer, PeerKind, PortRange, Protocol, Requirement, RequirementSet } from '../../lib/model';
import { GcpFirewall, GkeAuthorizedNetworks } from '../../lib/targets/google';
import { resourcesOf, synth } from '../targets/helpers';
import {
  addressGrant,
  ALL_PROTOCOLS,
  admittedToControlPlane,
  CONTROL_PLANE_LANDINGS,
  anyCidr,
  cidrPeer,
  expectEachCovered,
  expectSameGrants,
  fqdnPeer,
  Grant,
  grantsOf,
  idsOf,
  ipv4Cidr,
  makeRequirement,
  nameGrant,
  NUM_RUNS,
  overlaps,
  parsePortText,
  requirement,
  SECTIONS,
  transportName,
  wildcardPeer,
  withBuddies,
} from './target-coverage-support';

/**
 * Coverage properties of the Google targets: for random requirement sets each target can express, the synthesized
 * JSON allows every requirement (each inside one emitted rule or entry) and nothing else (per flow, the emitted
 * addresses are exactly the union of the input CIDRs; every name, port and protocol comes from the input); what
 * GKE authorized networks leave to the firewall is in `skippedRequirements`.
 */

const ALL = ALL_PROTOCOLS;

// --- GcpFirewall ------------------------------------------------------------------------------------------------

/** More names than one policy rule takes (100): `count` hosts on https/443. */
function manyNames(count: number): Requirement[] {
  return Array.from({ length: count }, (_, i) =>
    makeRequirement(Direction.EGRESS, Protocol.HTTPS, [PortRange.single(443)], Peer.fqdn(`host-${i}.example.net`), 'Bulk', SECTIONS[0]),
  );
}

/**
 * CIDR flows both ways over every protocol (IPv4 and IPv6), and egress to plain domain names; sometimes with
 * more names in one flow than one policy rule holds.
 */
const gcpCase = fc
  .tuple(
    withBuddies(
      fc.array(
        fc.oneof(
          { weight: 3, arbitrary: requirement({ peer: cidrPeer(anyCidr), directions: [Direction.EGRESS, Direction.INGRESS], protocols: ALL }) },
          { weight: 1, arbitrary: requirement({ peer: fqdnPeer, directions: [Direction.EGRESS], protocols: ALL }) },
        ),
        { maxLength: 16 },
      ),
    ),
    fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 90, max: 230 }) }),
  )
  .map(([requirements, bulk]) => [...requirements, ...manyNames(bulk)]);

function gcpGrants(r: Requirement): Grant[] {
  const protocol = transportName(r.protocol);
  if (r.peer.kind === PeerKind.CIDR) return grantsOf(r, `${r.direction} ${protocol} address`, { cidr: r.peer.cidr! });
  return grantsOf(r, `egress ${protocol} name`, { name: r.peer.value });
}

/** GCP protocol names back to the model's: `all` is any, `58` is ICMP over IPv6. */
function modelProtocol(gcp: string, ipv6: boolean, problems: string[], origin: string): string {
  if (gcp === 'all') return 'any';
  if (gcp === '58' || (gcp === 'icmp' && ipv6)) {
    if (gcp === 'icmp' || !ipv6) problems.push(`${origin}: protocol ${gcp} for ${ipv6 ? 'IPv6' : 'IPv4'}`);
    return 'icmp';
  }
  return gcp;
}

/**
 * What the rules allow; `flows` holds one address grant per emitted range, keyed by its whole flow (for the overlap
 * check). Ingress: VPC firewall rules; egress: policy allows, which must all come before the two denies.
 */
function emittedGcpGrants(json: any): { grants: Grant[]; flows: Grant[]; problems: string[] } {
  const grants: Grant[] = [];
  const flows: Grant[] = [];
  const problems: string[] = [];
  for (const rule of resourcesOf(json, 'google_compute_firewall')) {
    const origin = rule.name;
    if (rule.direction !== 'INGRESS' || rule.destination_ranges !== undefined) problems.push(`${origin}: egress belongs in the policy`);
    if (rule.network !== 'my-vpc' || rule.deny !== undefined || rule.allow.length !== 1) problems.push(`${origin}: ${JSON.stringify(rule)}`);
    for (const allow of rule.allow) {
      for (const range of rule.source_ranges as string[]) {
        const protocol = modelProtocol(allow.protocol, range.includes(':'), problems, origin);
        const space = `ingress ${protocol} address`;
        for (const port of allow.ports ? allow.ports.map(parsePortText) : [undefined]) grants.push(addressGrant(space, range, port, origin));
        flows.push(addressGrant(`${space} ${(allow.ports ?? []).join(',')}`, range, undefined, origin));
      }
    }
  }
  const policies = Object.keys(json.resource?.google_compute_network_firewall_policy ?? {});
  const rules = resourcesOf(json, 'google_compute_network_firewall_policy_rule').sort((a, b) => a.priority - b.priority);
  const denies = rules.filter((r) => r.action === 'deny');
  // "Allow the listed flows, deny the rest": exactly two denies, last, for every IPv4 and IPv6 destination.
  if (JSON.stringify(rules.slice(-2)) !== JSON.stringify(denies)) problems.push('an allow comes after a deny');
  if (JSON.stringify(denies.map((r) => [r.match.dest_ip_ranges, r.match.layer4_configs])) !== JSON.stringify([[['0.0.0.0/0'], [{ ip_protocol: 'all' }]], [['::/0'], [{ ip_protocol: 'all' }]]])) {
    problems.push(`denies ${JSON.stringify(denies)}`);
  }
  for (const rule of rules) {
    const origin = rule.rule_name;
    if (rule.direction !== 'EGRESS') problems.push(`${origin}: ${rule.direction}`);
    if (policies.length !== 1 || rule.firewall_policy !== `\${google_compute_network_firewall_policy.${policies[0]}.name}`) problems.push(`${origin}: policy ${rule.firewall_policy}`);
    if (rule.action === 'deny') continue;
    const names: string[] = rule.match.dest_fqdns ?? [];
    const ranges: string[] = rule.match.dest_ip_ranges ?? [];
    if (names.length > 100 || ranges.length > 5000 || names.length * ranges.length !== 0 || names.length + ranges.length === 0) problems.push(`${origin}: ${JSON.stringify(rule.match)}`);
    for (const l4 of rule.match.layer4_configs) {
      const ports = l4.ports ? l4.ports.map(parsePortText) : [undefined];
      for (const name of names) {
        for (const port of ports) grants.push(nameGrant(`egress ${modelProtocol(l4.ip_protocol, false, problems, origin)} name`, name, port, origin));
      }
      for (const range of ranges) {
        const space = `egress ${modelProtocol(l4.ip_protocol, range.includes(':'), problems, origin)} address`;
        for (const port of ports) grants.push(addressGrant(space, range, port, origin));
        flows.push(addressGrant(`${space} ${(l4.ports ?? []).join(',')}`, range, undefined, origin));
      }
    }
  }
  return { grants, flows, problems };
}

describe('GcpFirewall covers exactly what it can express', () => {
  test('every CIDR flow and egress domain is in one emitted rule; nothing else is allowed', () => {
    fc.assert(
      fc.property(gcpCase, (requirements) => {
        const set = RequirementSet.of(requirements);
        const json = synth((scope) => new GcpFirewall(scope, 'Fw', { network: 'my-vpc', requirementSets: [set] }));
        const expected = set.requirements.flatMap(gcpGrants);
        const { grants, flows, problems } = emittedGcpGrants(json);
        expect(problems).toEqual([]);
        expectEachCovered(expected, grants);
        expectSameGrants(expected, grants);
        // Aggregated exactly: no two emitted ranges of a flow overlap.
        expect(overlaps(flows)).toEqual([]);
        // The egress deny is on by default, so the policy and its association always exist.
        expect(resourcesOf(json, 'google_compute_network_firewall_policy')).toHaveLength(1);
        expect(resourcesOf(json, 'google_compute_network_firewall_policy_association')).toHaveLength(1);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

// --- GkeAuthorizedNetworks --------------------------------------------------------------------------------------

/** IPv4 CIDR flows both ways over every protocol (ports include 443 and 440-450), plus egress domains (skipped). */
const gkeCase = fc.record({
  requirements: withBuddies(
    fc.array(
      fc.oneof(
        { weight: 4, arbitrary: requirement({ peer: cidrPeer(ipv4Cidr), directions: [Direction.INGRESS], protocols: ALL, landings: CONTROL_PLANE_LANDINGS }) },
        { weight: 1, arbitrary: requirement({ peer: cidrPeer(ipv4Cidr), directions: [Direction.EGRESS], protocols: ALL }) },
        { weight: 1, arbitrary: requirement({ peer: fc.oneof(fqdnPeer, wildcardPeer), directions: [Direction.EGRESS], protocols: [Protocol.HTTPS] }) },
      ),
      { maxLength: 14 },
    ),
  ),
  cidrs: fc.array(ipv4Cidr.map((cidr) => ({ cidr, purpose: 'Office' })), { maxLength: 3 }),
  privateCluster: fc.boolean(),
});


describe('GkeAuthorizedNetworks covers exactly what it can express', () => {
  test('cidr_blocks are exactly the ingress-to-443 CIDRs and user CIDRs; the rest is skipped', () => {
    fc.assert(
      fc.property(gkeCase, ({ requirements, cidrs, privateCluster }) => {
        const set = RequirementSet.of(requirements);
        const networks = GkeAuthorizedNetworks.fromRequirements({ requirementSets: [set], cidrs, privateCluster });
        const json = synth((scope) => {
          const cluster = new ContainerCluster(scope, 'Cluster', { name: 'c', location: 'europe-west1', initialNodeCount: 1 });
          networks.applyTo(cluster);
        });
        const accepted = set.requirements.filter(admittedToControlPlane);
        const expected = [
          ...accepted.map((r) => addressGrant('control-plane', r.peer.cidr!, undefined, r.flowKey)),
          ...cidrs.map((c) => addressGrant('control-plane', c.cidr, undefined, 'cidrs')),
        ];
        const config = resourcesOf(json, 'google_container_cluster')[0].master_authorized_networks_config;
        expect(config.gcp_public_cidrs_access_enabled).toBe(false);
        // No entry at all means "no external access except the nodes": cidr_blocks is then omitted, never empty.
        if (expected.length === 0) expect(config.cidr_blocks).toBeUndefined();
        const blocks: Array<{ cidr_block: string; display_name: string }> = config.cidr_blocks ?? [];
        for (const b of blocks) expect(b.display_name).toMatch(/\S/);
        const emitted = blocks.map((b) => addressGrant('control-plane', b.cidr_block, undefined, 'cidr_blocks'));
        expectEachCovered(expected, emitted);
        expectSameGrants(expected, emitted);
        expect(overlaps(emitted)).toEqual([]);
        expect(idsOf(networks.requirements)).toEqual(idsOf(accepted));
        expect(idsOf(networks.skippedRequirements)).toEqual(idsOf(set.requirements.filter((r) => !admittedToControlPlane(r))));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
