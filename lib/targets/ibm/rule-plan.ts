import { IpVersion } from '../../model/cidr';
import { invalidValue, limitExceeded, unsupportedPeer } from '../../model/errors';
import { PeerKind } from '../../model/peer';
import { PortRange } from '../../model/port-range';
import { Direction, hasPorts, Protocol, transportOf } from '../../model/protocol';
import { sourceKey } from '../../model/provenance';
import { Requirement } from '../../model/requirement';
import { RequirementSet } from '../../model/requirement-set';
import { LIMITS } from '../../plan/limits';
import { contentHash, stableName } from '../../plan/naming';
import { IbmRuleDirection, IbmRuleProtocol } from './security-group-rule';

/** IBM Cloud VPC: rules per security group (VPC quotas). */
export const IBM_RULES_PER_SECURITY_GROUP: number = LIMITS.ibmRulesPerSecurityGroup;
/** IBM Cloud VPC: security groups per target, e.g. a worker's network interface (service limit, not adjustable). */
export const IBM_SECURITY_GROUPS_PER_TARGET: number = LIMITS.ibmSecurityGroupsPerTarget;
/**
 * Metadata key a catalog uses to say which firewall a requirement belongs in (the `ibm-vpc` profile sets
 * `vpc-security-group` on node-port rows, `corporate` on rows for the administrators' network firewall and
 * `ingress-load-balancer` on the Ingress health-check ranges, whose place the document does not name).
 */
export const FIREWALL_METADATA_KEY = 'firewall';
/** The `firewall` metadata value this target renders; requirements without the key are rendered too. */
export const IBM_SECURITY_GROUP_FIREWALL = 'vpc-security-group';

/** The Kubernetes NodePort range IBM VPC load balancers and ALBs reach workers on. */
export const IBM_NODE_PORT_RANGE = PortRange.range(30000, 32767);

/** One security group rule the IBM target will emit. */
export interface IbmPlannedRule {
  /** Content key `direction protocol ports remote`; the rule's identity. */
  readonly key: string;
  /** Stable rule name derived from the key: lower-case, at most 63 characters, unique. */
  readonly name: string;
  readonly direction: IbmRuleDirection;
  readonly protocol: IbmRuleProtocol;
  /** Canonical IPv4 CIDR of the other end. */
  readonly remote: string;
  /**
   * Lowest port, for tcp and udp.
   * @default - none: every port (icmp and any take none)
   */
  readonly portMin?: number;
  /**
   * Highest port, for tcp and udp.
   * @default - none: every port (icmp and any take none)
   */
  readonly portMax?: number;
  /** The requirements the rule implements (empty for an explicit opt-in such as node ports from anywhere). */
  readonly requirements: readonly Requirement[];
  /** What the rule is for. */
  readonly purpose: string;
}

/** Options of `planIbmRules`. */
export interface IbmPlanOptions {
  /**
   * Add an inbound TCP 30000-32767 rule from 0.0.0.0/0 (the vendor's "Any" source for node ports).
   * @default false - node ports are opened only to the CIDRs the requirements name
   */
  readonly allowNodePortsFromAnywhere?: boolean;
  /** Named in errors, e.g. the construct path. @default 'IBM security group rules' */
  readonly origin?: string;
}

/** Rules and the requirements IBM security groups cannot express. */
export interface IbmRulePlan {
  /** Rules sorted by key. */
  readonly rules: readonly IbmPlannedRule[];
  /** Domain-name requirements, in set order: hand them to an egress proxy or firewall. */
  readonly fqdnRequirements: readonly Requirement[];
  /** Other requirements whose `firewall` metadata names another firewall, in set order: not rendered. */
  readonly otherFirewallRequirements: readonly Requirement[];
}

/**
 * Turns a requirement set into IBM security group rules: one rule per IPv4 CIDR peer and port range (CIDRs are not
 * merged, so one more subnet adds exactly one rule). Domain names are set aside in `fqdnRequirements`, and
 * the other rows a catalog marks for another firewall (metadata `firewall`, e.g. `corporate`) in
 * `otherFirewallRequirements`; otherwise IPv6 CIDRs, service tags, FQDN tags and unresolved placeholders fail with the
 * requirement's source.
 */
export function planIbmRules(set: RequirementSet, options: IbmPlanOptions = {}): IbmRulePlan {
  set.assertResolved();
  const origin = options.origin ?? 'IBM security group rules';
  const byKey = new Map<string, { base: Omit<IbmPlannedRule, 'key' | 'name' | 'requirements' | 'purpose'>; requirements: Requirement[]; purpose?: string }>();
  const fqdnRequirements: Requirement[] = [];
  const otherFirewallRequirements: Requirement[] = [];

  const add = (base: Omit<IbmPlannedRule, 'key' | 'name' | 'requirements' | 'purpose'>, requirement?: Requirement, purpose?: string) => {
    const key = ruleKey(base);
    const entry = byKey.get(key) ?? { base, requirements: [] as Requirement[], purpose };
    if (requirement && !entry.requirements.includes(requirement)) entry.requirements.push(requirement);
    byKey.set(key, entry);
  };

  for (const r of set.requirements) {
    const where = `${origin}: ${sourceKey(r.primarySource)} "${r.purpose}"`;
    if (!belongsInSecurityGroup(r)) {
      // Meant for another firewall: listed for its team whatever the peer, never rendered or rejected here.
      (r.peer.isDomain ? fqdnRequirements : otherFirewallRequirements).push(r);
      continue;
    }
    switch (r.peer.kind) {
      case PeerKind.FQDN:
      case PeerKind.WILDCARD_FQDN:
        fqdnRequirements.push(r);
        continue;
      case PeerKind.SERVICE_TAG:
      case PeerKind.FQDN_TAG:
        throw unsupportedPeer(
          'IBM VPC security groups',
          r.peer.value,
          where,
          `a ${r.peer.kind} stands for a set of addresses or names only Azure Firewall knows`,
          'Render this requirement with the Azure target, or filter it out of the set before the IBM target.',
        );
      case PeerKind.CIDR:
        break;
      default:
        // Placeholders were rejected by assertResolved; any new peer kind must be handled explicitly.
        throw invalidValue('peer kind', r.peer.kind, where, 'The IBM target renders IPv4 CIDR peers and lists domain names.');
    }
    const cidr = r.peer.cidr!;
    if (cidr.version !== IpVersion.IPV4) {
      throw unsupportedPeer(
        'IBM VPC security groups',
        cidr.toString(),
        where,
        'IBM VPC security group rules support ip_version "ipv4" only',
        'Filter IPv6 requirements out of the set (requirements.filter(...)) and allow them on another firewall.',
      );
    }
    const direction = r.direction === Direction.INGRESS ? IbmRuleDirection.INBOUND : IbmRuleDirection.OUTBOUND;
    const transport = transportOf(r.protocol);
    const protocol = PROTOCOLS[transport];
    if (hasPorts(transport)) {
      for (const ports of r.ports) {
        add({ direction, protocol, remote: cidr.toString(), portMin: ports.from, portMax: ports.to }, r);
      }
    } else {
      add({ direction, protocol, remote: cidr.toString() }, r);
    }
  }

  if (options.allowNodePortsFromAnywhere) {
    add(
      { direction: IbmRuleDirection.INBOUND, protocol: IbmRuleProtocol.TCP, remote: '0.0.0.0/0', portMin: IBM_NODE_PORT_RANGE.from, portMax: IBM_NODE_PORT_RANGE.to },
      undefined,
      'Node ports from anywhere (explicit opt-in: allowNodePortsFromAnywhere)',
    );
  }

  const rules = [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, e]) => ({
      ...e.base,
      key,
      name: stableName(readableName(e.base), key),
      requirements: e.requirements,
      purpose: e.purpose ?? [...new Set(e.requirements.flatMap((r) => r.purposes))].join(' / '),
    }));
  const names = new Set<string>();
  for (const rule of rules) {
    if (names.has(rule.name)) throw new Error(`internal: rule name ${rule.name} is not unique (hash collision)`);
    names.add(rule.name);
  }
  return { rules, fqdnRequirements, otherFirewallRequirements };
}

/** Whether a requirement is for a VPC security group: no `firewall` metadata, or the security group value. */
function belongsInSecurityGroup(r: Requirement): boolean {
  const firewall = r.metadata[FIREWALL_METADATA_KEY];
  return firewall === undefined || firewall === IBM_SECURITY_GROUP_FIREWALL;
}

/** Options of `assignToGroups`. */
export interface IbmGroupAssignmentOptions {
  /** Rules one group may hold. @default IBM_RULES_PER_SECURITY_GROUP */
  readonly capacity?: number;
  /** Create at least this many groups (reserve room so that growth does not add a group). @default 1 */
  readonly minimumGroups?: number;
  /** Fail when more groups are needed. @default IBM_SECURITY_GROUPS_PER_TARGET */
  readonly maximumGroups?: number;
  /** Named in errors. @default 'IBM security group rules' */
  readonly origin?: string;
}

/** Which group each rule goes to. */
export interface IbmGroupAssignment {
  /** Number of groups. */
  readonly groups: number;
  /** Group number (1-based) by rule key. */
  readonly slotOf: Readonly<Record<string, number>>;
}

/**
 * Spreads rules over numbered groups (slot 1..n) with rendezvous hashing: each rule ranks the slots by a hash of
 * its own key and the slot number and takes the first one with room. The number of groups is the fewest that
 * hold every rule (at least `minimumGroups`). A rule's slot depends on its own content, not on its position, so
 * one more rule lands in its preferred group and moves nothing else while that group has room; when the group
 * count grows, only the rules that prefer the new group move.
 */
export function assignToGroups(rules: readonly IbmPlannedRule[], options: IbmGroupAssignmentOptions = {}): IbmGroupAssignment {
  const capacity = options.capacity ?? IBM_RULES_PER_SECURITY_GROUP;
  const minimum = options.minimumGroups ?? 1;
  const maximum = options.maximumGroups ?? IBM_SECURITY_GROUPS_PER_TARGET;
  const origin = options.origin ?? 'IBM security group rules';
  const groups = Math.max(minimum, Math.ceil(rules.length / capacity));
  if (groups > maximum) {
    throw limitExceeded(
      `Security groups needed for ${rules.length} rules at ${capacity} rules per group`,
      groups,
      maximum,
      origin,
      `A worker can carry at most ${IBM_SECURITY_GROUPS_PER_TARGET} security groups, the cluster's own included. ` +
        'Filter the requirement set, or list fewer, wider peer CIDRs.',
    );
  }
  const fill = new Array<number>(groups + 1).fill(0);
  const slotOf: Record<string, number> = {};
  for (const rule of [...rules].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    const ranking = Array.from({ length: groups }, (_, i) => ({ slot: i + 1, score: contentHash(rule.key, `slot-${i + 1}`) }))
      .sort((a, b) => (a.score < b.score ? 1 : a.score > b.score ? -1 : a.slot - b.slot))
      .map((r) => r.slot);
    // groups * capacity >= rules.length, so some slot always has room.
    const slot = ranking.find((s) => fill[s] < capacity)!;
    fill[slot]++;
    slotOf[rule.key] = slot;
  }
  return { groups, slotOf };
}

const PROTOCOLS: Record<string, IbmRuleProtocol> = {
  [Protocol.TCP]: IbmRuleProtocol.TCP,
  [Protocol.UDP]: IbmRuleProtocol.UDP,
  [Protocol.ICMP]: IbmRuleProtocol.ICMP,
  [Protocol.ANY]: IbmRuleProtocol.ANY,
};

function ruleKey(r: { direction: string; protocol: string; remote: string; portMin?: number; portMax?: number }): string {
  const ports = r.portMin === undefined ? '-' : r.portMin === r.portMax ? `${r.portMin}` : `${r.portMin}-${r.portMax}`;
  return `${r.direction} ${r.protocol} ${ports} ${r.remote}`;
}

/** `in-tcp-30000-32767-10-240-0-0-24`: starts with a letter, as IBM names must. */
function readableName(r: { direction: IbmRuleDirection; protocol: string; remote: string; portMin?: number; portMax?: number }): string {
  const ports = r.portMin === undefined ? '' : r.portMin === r.portMax ? `${r.portMin}` : `${r.portMin}-${r.portMax}`;
  const dir = r.direction === IbmRuleDirection.INBOUND ? 'in' : 'out';
  return [dir, r.protocol, ports, r.remote].filter((p) => p !== '').join('-');
}
