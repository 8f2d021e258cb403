import * as fc from 'fast-check';
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { AKS_FQDN_TAG } from '../../lib/catalog/aks';
import { Direction, Peer, PeerKind, Protocol, Requirement, RequirementSet, sourceKey } from '../../lib/model';
import { AksAuthorizedIpRanges, AzureFirewallPolicyRules, AzureFirewallRuleMode, FirewallRuleSources } from '../../lib/targets/azure';
import { resourcesOf, synth } from '../targets/helpers';
import {
  addressGrant,
  ALL_PROTOCOLS,
  admittedToControlPlane,
  CONTROL_PLANE_LANDINGS,
  cidrPeer,
  anyCidr,
  expectEachCovered,
  expectSameGrants,
  fqdnPeer,
  Grant,
  grantsOf,
  idsOf,
  ipv4Cidr,
  nameGrant,
  NUM_RUNS,
  overlaps,
  parsePortText,
  portList,
  requirement,
  singlePortList,
  SECTIONS,
  transportName,
  wildcardPeer,
  withBuddies,
} from './target-coverage-support';

/**
 * Coverage properties of the Azure target: for random requirement sets the target can express, the synthesized
 * JSON allows every requirement (each inside one emitted rule) and nothing else (per flow, the emitted addresses
 * are exactly the union of the input CIDRs; every name, port and protocol comes from the input); the requirements
 * the target documents as skipped are listed in `skippedRequirements`.
 */

const POLICY_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/firewallPolicies/egress';
const NODE_SUBNETS = ['10.42.1.0/24'];

// --- AzureFirewallPolicyRules -----------------------------------------------------------------------------------

const serviceTagPeer = fc.constantFrom('AzureCloud.westeurope', 'AzureMonitor', 'Storage.westeurope').map((t) => Peer.serviceTag(t));
const fqdnTagPeer = fc.constantFrom('WindowsUpdate', 'AzureBackup').map((t) => Peer.fqdnTag(t));
const NETWORK = [Protocol.TCP, Protocol.UDP, Protocol.ICMP, Protocol.ANY];
const WEB = [Protocol.HTTP, Protocol.HTTPS];

/** Egress flows Azure Firewall expresses; network-rule FQDNs only with DNS proxy. */
function azureEgress(dnsProxy: boolean, direction = Direction.EGRESS): fc.Arbitrary<Requirement> {
  const directions = [direction];
  const kinds: Array<fc.WeightedArbitrary<Requirement>> = [
    // CIDRs over any protocol (http/https to a CIDR becomes a TCP network rule), IPv4 and IPv6; the most common
    // kind, so that a section's flows often hold several networks to aggregate.
    { weight: 4, arbitrary: requirement({ peer: cidrPeer(anyCidr), directions, protocols: ALL_PROTOCOLS, ports: portList }) },
    // Service tags in network rules.
    { weight: 1, arbitrary: requirement({ peer: serviceTagPeer, directions, protocols: [...NETWORK, ...WEB], ports: portList }) },
    // Names and left-most wildcards in application rules (single ports).
    { weight: 2, arbitrary: requirement({ peer: fc.oneof(fqdnPeer, wildcardPeer), directions, protocols: WEB, ports: singlePortList }) },
    // FQDN tags in application rules.
    { weight: 1, arbitrary: requirement({ peer: fqdnTagPeer, directions, protocols: WEB, ports: singlePortList }) },
  ];
  // Plain names in network rules need DNS proxy.
  if (dnsProxy) kinds.push({ weight: 1, arbitrary: requirement({ peer: fqdnPeer, directions, protocols: NETWORK, ports: portList }) });
  return fc.oneof(...kinds);
}

/**
 * Some egress requirements (at least one, as the target demands) and some ingress ones (skipped), rendered with
 * explicit names or with the FQDN tag standing for the names of one section.
 */
const firewallCase = fc.boolean().chain((dnsProxyEnabled) =>
  fc.record({
    dnsProxyEnabled: fc.constant(dnsProxyEnabled),
    mode: fc.constantFrom(AzureFirewallRuleMode.EXPLICIT_FQDNS, AzureFirewallRuleMode.FQDN_TAG),
    egress: withBuddies(fc.array(azureEgress(dnsProxyEnabled), { minLength: 1, maxLength: 24 })),
    ingress: fc.array(azureEgress(true, Direction.INGRESS), { maxLength: 4 }),
  }),
);

/** The section whose names the FQDN tag stands for, in FQDN_TAG mode. */
const TAG_SECTION = sourceKey(SECTIONS[0]);

/**
 * What one requirement allows, in the spaces the emitted rules are read into. In FQDN_TAG mode, an http/https
 * name listed by the tag's section is allowed through the tag there (and explicitly by any other section).
 */
function firewallGrants(r: Requirement, mode: AzureFirewallRuleMode): Grant[] {
  const peer = r.peer;
  const isWeb = r.protocol === Protocol.HTTP || r.protocol === Protocol.HTTPS;
  if (mode === AzureFirewallRuleMode.FQDN_TAG && isWeb && peer.isDomain) {
    const sections = new Set(r.sources.map(sourceKey));
    return [
      ...(sections.has(TAG_SECTION) ? grantsOf(r, `egress ${r.protocol} application`, { name: `fqdn-tag:${AKS_FQDN_TAG}` }) : []),
      ...([...sections].some((s) => s !== TAG_SECTION) ? firewallGrants(r, AzureFirewallRuleMode.EXPLICIT_FQDNS) : []),
    ];
  }
  if (peer.kind === PeerKind.CIDR) return grantsOf(r, `egress ${transportName(r.protocol)} address`, { cidr: peer.cidr! });
  if (peer.kind === PeerKind.SERVICE_TAG) return grantsOf(r, `egress ${transportName(r.protocol)} name`, { name: `tag:${peer.value}` });
  if (peer.kind === PeerKind.FQDN_TAG) return grantsOf(r, `egress ${r.protocol} application`, { name: `fqdn-tag:${peer.value}` });
  if (isWeb) return grantsOf(r, `egress ${r.protocol} application`, { name: `fqdn:${peer.value}` });
  return grantsOf(r, `egress ${transportName(r.protocol)} name`, { name: `fqdn:${peer.value}` });
}

/** Everything the synthesized rule collection groups allow, and per-rule problems (wrong sources, action). */
function emittedFirewallGrants(json: any): { grants: Grant[]; problems: string[] } {
  const grants: Grant[] = [];
  const problems: string[] = [];
  for (const group of resourcesOf(json, 'azurerm_firewall_policy_rule_collection_group')) {
    if (group.firewall_policy_id !== POLICY_ID) problems.push(`${group.name}: firewall_policy_id ${group.firewall_policy_id}`);
    for (const collection of group.network_rule_collection ?? []) {
      if (collection.action !== 'Allow') problems.push(`${collection.name}: action ${collection.action}`);
      for (const rule of collection.rule) {
        const origin = `${collection.name}/${rule.name}`;
        if (JSON.stringify(rule.source_addresses) !== JSON.stringify(NODE_SUBNETS)) problems.push(`${origin}: source_addresses ${rule.source_addresses}`);
        if (rule.protocols.length !== 1) problems.push(`${origin}: protocols ${rule.protocols}`);
        const protocol = String(rule.protocols[0]).toLowerCase();
        const ports = (rule.destination_ports as string[]).map((p) => (p === '*' ? undefined : parsePortText(p)));
        for (const port of ports) {
          for (const address of rule.destination_addresses ?? []) {
            if (/^[0-9a-f:.]+\/\d+$/.test(address)) grants.push(addressGrant(`egress ${protocol} address`, address, port, origin));
            else grants.push(nameGrant(`egress ${protocol} name`, `tag:${address}`, port, origin));
          }
          for (const name of rule.destination_fqdns ?? []) grants.push(nameGrant(`egress ${protocol} name`, `fqdn:${name}`, port, origin));
        }
        problems.push(...overlaps((rule.destination_addresses ?? []).filter((a: string) => a.includes('/')).map((a: string) => addressGrant('rule', a, undefined, origin))));
      }
    }
    for (const collection of group.application_rule_collection ?? []) {
      if (collection.action !== 'Allow') problems.push(`${collection.name}: action ${collection.action}`);
      for (const rule of collection.rule) {
        const origin = `${collection.name}/${rule.name}`;
        if (JSON.stringify(rule.source_addresses) !== JSON.stringify(NODE_SUBNETS)) problems.push(`${origin}: source_addresses ${rule.source_addresses}`);
        for (const { type, port } of rule.protocols) {
          const space = `egress ${String(type).toLowerCase()} application`;
          for (const name of rule.destination_fqdns ?? []) grants.push(nameGrant(space, `fqdn:${name}`, { from: port, to: port }, origin));
          for (const tag of rule.destination_fqdn_tags ?? []) grants.push(nameGrant(space, `fqdn-tag:${tag}`, { from: port, to: port }, origin));
        }
      }
    }
  }
  return { grants, problems };
}

describe('AzureFirewallPolicyRules covers exactly what it can express', () => {
  test('every egress requirement is in one emitted rule (names or the FQDN tag), nothing else is allowed, ingress is skipped', () => {
    fc.assert(
      fc.property(firewallCase, ({ dnsProxyEnabled, mode, egress, ingress }) => {
        const set = RequirementSet.of([...egress, ...ingress]);
        const rendered = set.requirements.filter((r) => r.direction === Direction.EGRESS);
        let construct: AzureFirewallPolicyRules | undefined;
        const build = () =>
          synth((scope) => {
            construct = new AzureFirewallPolicyRules(scope, 'egress', {
              requirementSets: [set],
              firewallPolicyId: POLICY_ID,
              sources: FirewallRuleSources.addresses(NODE_SUBNETS),
              basePriority: 500,
              dnsProxyEnabled,
              mode,
              fqdnTagSections: [TAG_SECTION],
            });
          });
        if (mode === AzureFirewallRuleMode.FQDN_TAG && !rendered.some((r) => r.sources.some((s) => sourceKey(s) === TAG_SECTION))) {
          // The tag would stand for nothing: refused.
          expect(build).toThrow(/None of the requirements comes from a section the AzureKubernetesService FQDN tag covers/);
          return;
        }
        const json = build();
        const expected = rendered.flatMap((r) => firewallGrants(r, mode));
        const { grants, problems } = emittedFirewallGrants(json);
        expect(problems).toEqual([]);
        expectEachCovered(expected, grants);
        expectSameGrants(expected, grants);
        expect(idsOf(construct!.skippedRequirements)).toEqual(idsOf(set.requirements.filter((r) => r.direction === Direction.INGRESS)));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

// --- AksAuthorizedIpRanges --------------------------------------------------------------------------------------

const ALL = ALL_PROTOCOLS;

/** IPv4 CIDR flows in both directions over every protocol (ports include 443 and 440-450), plus egress domains. */
const aksRequirement = fc.oneof(
  { weight: 4, arbitrary: requirement({ peer: cidrPeer(ipv4Cidr), directions: [Direction.INGRESS], protocols: ALL, landings: CONTROL_PLANE_LANDINGS }) },
  { weight: 1, arbitrary: requirement({ peer: cidrPeer(ipv4Cidr), directions: [Direction.EGRESS], protocols: ALL }) },
  { weight: 1, arbitrary: requirement({ peer: fc.oneof(fqdnPeer, wildcardPeer), directions: [Direction.EGRESS], protocols: [Protocol.HTTPS] }) },
);

const aksCase = fc.record({
  requirements: withBuddies(fc.array(aksRequirement, { maxLength: 14 })),
  cidrs: fc.array(ipv4Cidr, { maxLength: 3 }),
  firewallPublicIps: fc.array(ipv4Cidr.map((c) => c.split('/')[0]), { maxLength: 2 }),
});


describe('AksAuthorizedIpRanges covers exactly what it can express', () => {
  test('the ranges are exactly the ingress-to-443 CIDRs, user CIDRs and firewall IPs; the rest is skipped', () => {
    fc.assert(
      fc.property(aksCase, ({ requirements, cidrs, firewallPublicIps }) => {
        const set = RequirementSet.of(requirements);
        const accepted = set.requirements.filter(admittedToControlPlane);
        const expected = [
          ...accepted.map((r) => addressGrant('api-server', r.peer.cidr!, undefined, r.flowKey)),
          ...cidrs.map((c) => addressGrant('api-server', c, undefined, 'cidrs')),
          ...firewallPublicIps.map((ip) => addressGrant('api-server', ip, undefined, 'firewallPublicIps')),
        ];
        const compute = () => AksAuthorizedIpRanges.compute({ requirementSets: [set], cidrs: cidrs.map((cidr) => ({ cidr })), firewallPublicIps });
        if (expected.length === 0) {
          expect(compute).toThrow(/No range was computed/);
          return;
        }
        const ranges = compute();
        const json = synth((scope) => {
          new KubernetesCluster(scope, 'aks', {
            name: 'aks',
            resourceGroupName: 'rg',
            location: 'westeurope',
            dnsPrefix: 'aks',
            defaultNodePool: { name: 'system', vmSize: 'Standard_D2s_v5', nodeCount: 1 },
            identity: { type: 'SystemAssigned' },
            apiServerAccessProfile: ranges.toApiServerAccessProfile(),
          });
        });
        const emitted = (resourcesOf(json, 'azurerm_kubernetes_cluster')[0].api_server_access_profile.authorized_ip_ranges as string[]).map((c) =>
          addressGrant('api-server', c, undefined, 'authorized_ip_ranges'),
        );
        expectEachCovered(expected, emitted);
        expectSameGrants(expected, emitted);
        expect(overlaps(emitted)).toEqual([]);
        expect(idsOf(ranges.requirements)).toEqual(idsOf(accepted));
        expect(idsOf(ranges.skippedRequirements)).toEqual(idsOf(set.requirements.filter((r) => !admittedToControlPlane(r))));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
