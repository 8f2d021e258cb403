import { IpVersion } from '../../../model/cidr';
import { PeerKind } from '../../../model/peer';
import { PortRange } from '../../../model/port-range';
import { Direction, Protocol, transportOf } from '../../../model/protocol';
import { Requirement } from '../../../model/requirement';
import { assertNotAnyAddress } from '../../../plan/any-address';
import { purposesOf } from '../../../plan/control-plane-access';
import { aggregateCidrs } from '../../../plan/flow-group';
import { assertWithinLimit, LIMITS } from '../../../plan/limits';
import { chunk, contentHash, sanitizeText, stableName } from '../../../plan/naming';
import { terraformText } from '../../../model/terraform-text';
import { GCP_DESCRIPTION_CHARACTERS, GCP_DESCRIPTION_MAX_LENGTH, GCP_DEST_IP_RANGES_PER_POLICY_RULE, GCP_NAME_MAX_LENGTH, GCP_POLICY_PRIORITY_SLOTS, GcpFirewallPlanOptions } from './gcp-firewall-options';
import { GcpPolicyAction, GcpPolicyRulePlan, GcpVpcRulePlan } from './gcp-firewall-types';

// The rules of a GcpFirewall plan: ingress VPC firewall rules per layer-4 group, egress policy rules for CIDRs and
// for domain names (in priority ranges), and the closing egress denies. No cdktf here.

/** The two egress denies (IPv4, IPv6) after every allow: "allow the listed flows, deny the rest". */
export function denyRules(options: GcpFirewallPlanOptions): GcpPolicyRulePlan[] {
  return [
    { version: 'ipv4', range: '0.0.0.0/0', priority: options.denyPriority },
    { version: 'ipv6', range: '::/0', priority: options.denyPriority + 1 },
  ].map(({ version, range, priority }) => ({
    ruleName: `${options.namePrefix}-deny-egress-${version}`,
    action: GcpPolicyAction.DENY,
    protocol: 'all',
    ports: [],
    destIpRanges: [range],
    description: `Deny every other ${version === 'ipv4' ? 'IPv4' : 'IPv6'} egress: only the flows allowed before this rule leave`,
    priority,
  }));
}

/** The GCP protocol name of a flow; ICMP over IPv6 is IP protocol 58. */
function gcpProtocol(protocol: Protocol, version: IpVersion): string {
  const transport = transportOf(protocol);
  if (transport === Protocol.ANY) return 'all';
  if (transport === Protocol.ICMP && version === IpVersion.IPV6) return '58';
  return transport;
}

function portsOf(ports: readonly PortRange[]): string[] {
  return ports.map((p) => p.toString());
}

function describe(requirements: readonly Requirement[]): string {
  return terraformText(sanitizeText(purposesOf(requirements).join(' / '), GCP_DESCRIPTION_CHARACTERS, GCP_DESCRIPTION_MAX_LENGTH));
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Layer4Group {
  readonly protocol: Protocol;
  readonly ports: readonly PortRange[];
  readonly requirements: Requirement[];
}

/** Groups by transport protocol and ports (http/https become tcp), sorted by that key. */
function groupByLayer4(requirements: readonly Requirement[]): Layer4Group[] {
  const groups = new Map<string, Layer4Group>();
  for (const r of requirements) {
    const protocol = transportOf(r.protocol);
    const key = `${protocol}/${r.portsText}`;
    const group = groups.get(key);
    if (group) group.requirements.push(r);
    else groups.set(key, { protocol, ports: r.ports, requirements: [r] });
  }
  return [...groups.entries()].sort(([a], [b]) => compare(a, b)).map(([, g]) => g);
}

/** One ingress VPC firewall rule per aggregated network and flow: adding a network adds one rule. */
export function planIngressRules(ingress: readonly Requirement[], options: GcpFirewallPlanOptions, optIn: string): GcpVpcRulePlan[] {
  const rules: GcpVpcRulePlan[] = [];
  for (const group of groupByLayer4(ingress.filter((r) => r.peer.kind === PeerKind.CIDR))) {
    for (const network of aggregateCidrs(group.requirements)) {
      if (!options.allowAnyAddress) assertNotAnyAddress(network, optIn);
      const protocol = gcpProtocol(group.protocol, network.cidr.version);
      const ports = portsOf(group.ports);
      const portsText = ports.join(',') || 'all';
      const readable = `${options.namePrefix}-i-${protocol}-${portsText}-${network.cidr.toString()}`;
      const key = `${options.namePrefix}|${Direction.INGRESS}|${protocol}|${portsText}|${network.cidr.toString()}`;
      rules.push({
        name: stableName(readable, key, GCP_NAME_MAX_LENGTH),
        protocol,
        ports,
        sourceRanges: [network.cidr.toString()],
        description: describe(network.requirements),
        priority: options.priority,
      });
    }
  }
  return rules.sort((a, b) => compare(a.name, b.name));
}

type KeyedPolicyRule = Omit<GcpPolicyRulePlan, 'priority'> & { key: string; priority: number };

/** Egress CIDR allows: one policy rule per flow and IP version, with up to 5000 aggregated networks. */
export function planCidrPolicyRules(egress: readonly Requirement[], options: GcpFirewallPlanOptions, optIn: string): KeyedPolicyRule[] {
  const rules: KeyedPolicyRule[] = [];
  for (const group of groupByLayer4(egress.filter((r) => r.peer.kind === PeerKind.CIDR))) {
    const networks = aggregateCidrs(group.requirements);
    if (!options.allowAnyAddress) networks.forEach((n) => assertNotAnyAddress(n, optIn));
    for (const version of [IpVersion.IPV4, IpVersion.IPV6]) {
      const ofVersion = networks.filter((n) => n.cidr.version === version);
      if (ofVersion.length === 0) continue;
      const protocol = gcpProtocol(group.protocol, version);
      const ports = portsOf(group.ports);
      const portsText = ports.join(',') || 'all';
      const v = version === IpVersion.IPV4 ? 'ip4' : 'ip6';
      chunk(ofVersion, GCP_DEST_IP_RANGES_PER_POLICY_RULE).forEach((part, index) => {
        const key = `${options.namePrefix}|egress|${v}|${protocol}|${portsText}|${index + 1}`;
        rules.push({
          key,
          ruleName: stableName(`${options.namePrefix}-${v}-${protocol}-${portsText}-${index + 1}`, key, GCP_NAME_MAX_LENGTH),
          action: GcpPolicyAction.ALLOW,
          protocol,
          ports,
          destIpRanges: part.map((n) => n.cidr.toString()),
          description: describe(part.flatMap((n) => n.requirements)),
          priority: 0,
        });
      });
    }
  }
  return rules;
}

/** Egress domain-name allows: one policy rule per flow and chunk of at most 100 names. */
export function planFqdnPolicyRules(egress: readonly Requirement[], options: GcpFirewallPlanOptions): KeyedPolicyRule[] {
  const rules: KeyedPolicyRule[] = [];
  for (const group of groupByLayer4(egress.filter((r) => r.peer.kind === PeerKind.FQDN))) {
    const protocol = gcpProtocol(group.protocol, IpVersion.IPV4);
    const ports = portsOf(group.ports);
    const portsText = ports.join(',') || 'all';
    const names = [...new Set(group.requirements.map((r) => r.peer.value))].sort();
    // Sorted chunks: adding a name changes the chunks from its position on (dest_fqdns is updated in
    // place); rule names and priorities stay, because they come from the flow and the chunk number.
    chunk(names, LIMITS.gcpFqdnsPerPolicyRule).forEach((fqdns, index) => {
      const key = `${options.namePrefix}|egress|${protocol}|${portsText}|${index + 1}`;
      const inChunk = new Set(fqdns);
      rules.push({
        key,
        ruleName: stableName(`${options.namePrefix}-fqdn-${protocol}-${portsText}-${index + 1}`, key, GCP_NAME_MAX_LENGTH),
        action: GcpPolicyAction.ALLOW,
        protocol,
        ports,
        destFqdns: fqdns,
        description: describe(group.requirements.filter((r) => inChunk.has(r.peer.value))),
        priority: 0,
      });
    });
  }
  return rules;
}

/**
 * Gives each allow a priority derived from its key: `start` + a hash slot; a taken slot moves on to the next free
 * one, taking keys in sorted order. Policy rules are identified by their priority, so a rule keeps its priority when
 * others are added (unless their hash slots collide).
 */
export function assignPriorities(rules: KeyedPolicyRule[], start: number, owner: string): void {
  assertWithinLimit('GCP firewall policy allow rules', rules.length, GCP_POLICY_PRIORITY_SLOTS, owner, 'Split the requirements over several GcpFirewall constructs sharing one policy (firewallPolicy) with distinct policyPriorityStart values.');
  const taken = new Set<number>();
  for (const rule of [...rules].sort((a, b) => compare(a.key, b.key))) {
    let slot = parseInt(contentHash('priority', rule.key), 16) % GCP_POLICY_PRIORITY_SLOTS;
    while (taken.has(slot)) slot = (slot + 1) % GCP_POLICY_PRIORITY_SLOTS;
    taken.add(slot);
    rule.priority = start + slot;
  }
}
