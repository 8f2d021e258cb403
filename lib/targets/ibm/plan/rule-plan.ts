import { Cidr, IpVersion } from '../../../model/cidr';
import { FirewallRequirementsError, invalidValue, limitExceeded, unsupportedPeer } from '../../../model/errors';
import { describeValue, InputCheck } from '../../../model/input';
import { PeerKind } from '../../../model/peer';
import { PortRange } from '../../../model/port-range';
import { Direction, Protocol, transportOf } from '../../../model/protocol';
import { sourceKey } from '../../../model/provenance';
import { Requirement } from '../../../model/requirement';
import { RequirementSet } from '../../../model/requirement-set';
import { coversAnyAddress } from '../../../model/any-address';
import { selectNodeRequirements } from '../../../plan/control-plane-access';
import { LIMITS } from '../../../plan/limits';
import { contentHash, stableName } from '../../../plan/naming';
import { validateIbmName } from './ibm-validation';
import { IBM_PROVIDER_VERSION_CONSTRAINT, IbmRuleDirection, IbmRuleProtocol, validateRuleConfig } from './rule-types';

// Planning of the IBM target: requirement sets to security group rules and their groups. No cdktf here (not even
// types): IbmSecurityGroupRules renders this plan and the plain-Terraform exporter writes it as a module.

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

/** Default name prefix of created groups. */
export const DEFAULT_GROUP_NAME_PREFIX = 'k8s-firewall';

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
   * Lowest port; always set for tcp and udp.
   * @default - none: icmp and icmp_tcp_udp take no ports
   */
  readonly portMin?: number;
  /**
   * Highest port; always set for tcp and udp.
   * @default - none: icmp and icmp_tcp_udp take no ports
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
   * Add an inbound TCP 30000-32767 rule from 0.0.0.0/0 (the vendor's "Any" source for node ports). It also admits
   * requirements that together cover every address on inbound TCP within 30000-32767 (e.g. the `ibm-vpc` profile's
   * `nodePortsFromAnywhere` row), and nothing else.
   * @default false - node ports are opened only to the CIDRs the requirements name
   */
  readonly allowNodePortsFromAnywhere?: boolean;
  /**
   * Admit rules whose remotes, for one direction, protocol and port, together cover every IPv4 address
   * (`0.0.0.0/0`, or `0.0.0.0/1` + `128.0.0.0/1`, ...). Judged by coverage, not by spelling.
   * @default false - such rules are refused with the requirements that cover every address
   */
  readonly allowAnyAddress?: boolean;
  /**
   * Render a requirement with protocol `any` as an `icmp_tcp_udp` rule (ICMP, TCP and UDP on every port). The admitted
   * provider versions (`IBM_PROVIDER_VERSION_CONSTRAINT`) have no "every IP protocol" value before 2.1.0, so without this
   * opt-in such a requirement is refused; with it, other IP protocols (ESP, GRE, SCTP, ...) stay closed.
   * @default false - requirements with protocol `any` are refused
   */
  readonly narrowAnyProtocol?: boolean;
  /** Named in errors, e.g. the construct path. @default 'IBM security group rules' */
  readonly origin?: string;
}

/** Rules and the requirements IBM security groups do not render. */
export interface IbmRulePlan {
  /** Rules sorted by key. */
  readonly rules: readonly IbmPlannedRule[];
  /** Domain-name requirements, in set order: hand them to an egress proxy or firewall. */
  readonly fqdnRequirements: readonly Requirement[];
  /** Other requirements whose `firewall` metadata names another firewall, in set order: not rendered. */
  readonly otherFirewallRequirements: readonly Requirement[];
  /**
   * Requirements that land elsewhere than on the workers (the cluster API endpoint, e.g. Chainguard Enforce's
   * `cidr-ranges` rows, or a service beside the cluster), in set order: never opened on the nodes.
   */
  readonly skippedRequirements: readonly Requirement[];
}

type RuleBase = Omit<IbmPlannedRule, 'key' | 'name' | 'requirements' | 'purpose'>;

/** Where each requirement of a set goes, and the rule bases the rendered ones become. */
interface Classified {
  readonly rules: Array<{ base: RuleBase; requirement: Requirement }>;
  readonly fqdnRequirements: Requirement[];
  readonly otherFirewallRequirements: Requirement[];
  readonly skippedRequirements: Requirement[];
}

/**
 * Checks every requirement of one set on its own (peers IBM security groups cannot express, IPv6, protocol `any`
 * without `narrowAnyProtocol`, placeholders) and throws the first problem with the requirement's source. Whole-set
 * checks (any address by coverage, limits) are left to `planIbmRules`.
 */
export function checkIbmRequirements(set: RequirementSet, options: IbmPlanOptions = {}): void {
  classify(set, options);
}

function classify(set: RequirementSet, options: IbmPlanOptions): Classified {
  set.assertResolved();
  const origin = options.origin ?? 'IBM security group rules';
  const out: Classified = { rules: [], fqdnRequirements: [], otherFirewallRequirements: [], skippedRequirements: [] };
  const mine: Requirement[] = [];
  for (const r of set.requirements) {
    if (belongsInSecurityGroup(r)) mine.push(r);
    // Meant for another firewall: listed for its team whatever the peer, never rendered or rejected here.
    else (r.peer.isDomain ? out.fqdnRequirements : out.otherFirewallRequirements).push(r);
  }
  const { nodes, elsewhere } = selectNodeRequirements(mine);
  out.skippedRequirements.push(...elsewhere);
  for (const r of nodes) {
    const where = `${origin}: ${sourceKey(r.primarySource)} "${r.purpose}"`;
    switch (r.peer.kind) {
      case PeerKind.FQDN:
      case PeerKind.WILDCARD_FQDN:
        out.fqdnRequirements.push(r);
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
    const remote = cidr.toString();
    const transport = transportOf(r.protocol);
    switch (transport) {
      case Protocol.TCP:
      case Protocol.UDP:
        if (r.ports.length === 0) {
          // The model refuses this already; an IBM tcp/udp rule without ports would open every port.
          throw invalidValue('ports', '(none)', where, `A ${transport} requirement needs ports: an IBM rule without port_min/port_max opens every port.`, 'invalid-port');
        }
        for (const ports of r.ports) {
          out.rules.push({ base: { direction, protocol: PROTOCOLS[transport], remote, portMin: ports.from, portMax: ports.to }, requirement: r });
        }
        break;
      case Protocol.ICMP:
        out.rules.push({ base: { direction, protocol: IbmRuleProtocol.ICMP, remote }, requirement: r });
        break;
      case Protocol.ANY:
        if (!options.narrowAnyProtocol) {
          throw invalidValue(
            'protocol',
            'any',
            where,
            `The IBM provider versions this library admits (${IBM_PROVIDER_VERSION_CONSTRAINT}) include 1.87.2 to 2.0.x, which have no ` +
              '"every IP protocol" rule ("any" exists only from 2.1.0), and icmp_tcp_udp ' +
              'is ICMP, TCP and UDP only. Give the requirement the protocols it needs, or opt in with narrowAnyProtocol: true to render it ' +
              'as icmp_tcp_udp (other IP protocols such as ESP or GRE stay closed).',
            'unsupported-protocol',
          );
        }
        out.rules.push({ base: { direction, protocol: IbmRuleProtocol.ICMP_TCP_UDP, remote }, requirement: r });
        break;
      default:
        throw invalidValue('protocol', r.protocol, where, 'The IBM target renders tcp, udp, icmp (and any, with narrowAnyProtocol).');
    }
  }
  return out;
}

/**
 * Turns a requirement set into IBM security group rules: one rule per IPv4 CIDR peer and port range (CIDRs are not
 * merged, so one more subnet adds exactly one rule). Domain names are set aside in `fqdnRequirements`, the rows a
 * catalog marks for another firewall (metadata `firewall`, e.g. `corporate`) in `otherFirewallRequirements`, and the
 * rows that land elsewhere than on the workers (the cluster API endpoint, a service) in `skippedRequirements`;
 * otherwise IPv6 CIDRs, service tags, FQDN tags, unresolved placeholders and protocol `any` (without
 * `narrowAnyProtocol`) fail with the requirement's source. Rules whose remotes together cover every address for one
 * direction, protocol and port fail unless `allowAnyAddress` (or, for inbound TCP node ports only,
 * `allowNodePortsFromAnywhere`).
 */
export function planIbmRules(set: RequirementSet, options: IbmPlanOptions = {}): IbmRulePlan {
  const origin = options.origin ?? 'IBM security group rules';
  const classified = classify(set, options);
  const byKey = new Map<string, { base: RuleBase; requirements: Requirement[]; purpose?: string }>();
  const add = (base: RuleBase, requirement?: Requirement, purpose?: string) => {
    const key = ruleKey(base);
    const entry = byKey.get(key) ?? { base, requirements: [] as Requirement[], purpose };
    if (requirement && !entry.requirements.includes(requirement)) entry.requirements.push(requirement);
    byKey.set(key, entry);
  };
  for (const { base, requirement } of classified.rules) add(base, requirement);
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
  if (!options.allowAnyAddress) assertNoAnyAddressRules(rules, !!options.allowNodePortsFromAnywhere, origin);
  return {
    rules,
    fqdnRequirements: classified.fqdnRequirements,
    otherFirewallRequirements: classified.otherFirewallRequirements,
    skippedRequirements: classified.skippedRequirements,
  };
}

/** Whether a requirement is for a VPC security group: no `firewall` metadata, or the security group value. */
function belongsInSecurityGroup(r: Requirement): boolean {
  const firewall = r.metadata[FIREWALL_METADATA_KEY];
  return firewall === undefined || firewall === IBM_SECURITY_GROUP_FIREWALL;
}

/** One rule's reach in one transport: the ports it opens there (none for icmp). */
interface Reach {
  readonly rule: IbmPlannedRule;
  readonly cidr: Cidr;
  readonly from: number;
  readonly to: number;
}

const TRANSPORTS = [IbmRuleProtocol.TCP, IbmRuleProtocol.UDP, IbmRuleProtocol.ICMP] as const;

/** The ports a rule opens in `transport`, or undefined when it does not reach that transport. */
function reachOf(rule: IbmPlannedRule, transport: IbmRuleProtocol): { from: number; to: number } | undefined {
  if (rule.protocol === transport) return transport === IbmRuleProtocol.ICMP ? { from: 0, to: 0 } : { from: rule.portMin!, to: rule.portMax! };
  if (rule.protocol === IbmRuleProtocol.ICMP_TCP_UDP) return transport === IbmRuleProtocol.ICMP ? { from: 0, to: 0 } : { from: 1, to: 65535 };
  return undefined;
}

/**
 * Refuses rules whose remotes, for one direction, transport and port, together cover every address: by coverage
 * (0.0.0.0/1 + 128.0.0.0/1 is every address), across rules (tcp 443 from one half and icmp_tcp_udp from the other).
 * The node-ports opt-in admits inbound TCP within 30000-32767 only.
 */
function assertNoAnyAddressRules(rules: readonly IbmPlannedRule[], nodePortsFromAnywhere: boolean, origin: string): void {
  for (const direction of [IbmRuleDirection.INBOUND, IbmRuleDirection.OUTBOUND]) {
    for (const transport of TRANSPORTS) {
      const reaches: Reach[] = [];
      for (const rule of rules) {
        if (rule.direction !== direction) continue;
        const ports = reachOf(rule, transport);
        if (ports) reaches.push({ rule, cidr: Cidr.parse(rule.remote), ...ports });
      }
      // Cheap test first: most sets never come near every address.
      if (!coversAnyAddress(reaches.map((r) => r.cidr))) continue;
      const cuts = [...new Set(reaches.flatMap((r) => [r.from, r.to + 1]))].sort((a, b) => a - b);
      for (let i = 0; i + 1 < cuts.length; i++) {
        const from = cuts[i];
        const to = cuts[i + 1] - 1;
        const inSegment = reaches.filter((r) => r.from <= from && to <= r.to);
        if (!coversAnyAddress(inSegment.map((r) => r.cidr))) continue;
        const nodePorts = direction === IbmRuleDirection.INBOUND && transport === IbmRuleProtocol.TCP && IBM_NODE_PORT_RANGE.from <= from && to <= IBM_NODE_PORT_RANGE.to;
        if (nodePorts && nodePortsFromAnywhere) continue;
        throw anyAddressError(direction, transport, from, to, inSegment, nodePorts, origin);
      }
    }
  }
}

function anyAddressError(direction: IbmRuleDirection, transport: IbmRuleProtocol, from: number, to: number, reaches: readonly Reach[], nodePorts: boolean, origin: string): FirewallRequirementsError {
  const whole = reaches.find((r) => r.cidr.prefix === 0);
  const shown = whole ? [whole] : [...reaches].sort((a, b) => (a.cidr.first < b.cidr.first ? -1 : a.cidr.first > b.cidr.first ? 1 : a.cidr.prefix - b.cidr.prefix));
  const value = whole ? whole.rule.remote : `${shown.map((r) => r.rule.remote).join(', ')} (together 0.0.0.0/0)`;
  const sources = shown
    .map((r) => (r.rule.requirements.length > 0 ? r.rule.requirements.map((q) => `${q.peer.value} from ${sourceKey(q.primarySource)}: ${q.purpose}`).join(', ') : r.rule.purpose))
    .filter((t, i, all) => all.indexOf(t) === i);
  const ports = transport === IbmRuleProtocol.ICMP ? '' : from === to ? ` port ${from}` : ` ports ${from}-${to}`;
  const flow = `${direction} ${transport}${ports}`;
  const optIn = nodePorts
    ? 'opt in with allowNodePortsFromAnywhere: true (node ports only) or allowAnyAddress: true'
    : 'opt in with allowAnyAddress: true';
  return invalidValue(
    `remote for ${flow}`,
    value,
    `${origin}: ${sources.join('; ')}`,
    `${whole ? '0.0.0.0/0 allows' : 'These networks together cover'} every IPv4 address. Give the networks the flow needs, or ${optIn}.`,
    'any-address',
  );
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

/** The group options of the IBM target, checked (the construct's props and the export target's options). */
export interface IbmGroupOptions {
  /** Name prefix of created groups; group n is `<prefix>-<n>`. */
  readonly groupNamePrefix: string;
  /** Tags of created groups (literals or references). */
  readonly tags?: string[];
  readonly minimumGroups: number;
  readonly maximumGroups: number;
  readonly reservedRulesPerGroup: number;
  readonly allowNodePortsFromAnywhere: boolean;
  readonly allowAnyAddress: boolean;
  readonly narrowAnyProtocol: boolean;
}

/** The raw group options, as a caller gave them (unchecked). */
export interface IbmGroupOptionInput {
  readonly groupNamePrefix?: unknown;
  readonly tags?: unknown;
  readonly minimumGroups?: unknown;
  readonly maximumGroups?: unknown;
  readonly reservedRulesPerGroup?: unknown;
  readonly allowNodePortsFromAnywhere?: unknown;
  readonly allowAnyAddress?: unknown;
  readonly narrowAnyProtocol?: unknown;
}

/** Names of the options `checkIbmGroupOptions` reads. */
export const IBM_GROUP_OPTION_NAMES: readonly string[] = [
  'groupNamePrefix',
  'tags',
  'minimumGroups',
  'maximumGroups',
  'reservedRulesPerGroup',
  'allowNodePortsFromAnywhere',
  'allowAnyAddress',
  'narrowAnyProtocol',
];

/**
 * Checks the group options shared by `IbmSecurityGroupRules` and the `ibm-security-group-rules` export target.
 * @param existingGroup when rules go into an existing group: the option that says so (e.g. `securityGroupId`) and
 *   the way back to created groups; options that only shape created groups are then refused
 */
export function checkIbmGroupOptions(check: InputCheck, input: IbmGroupOptionInput, existingGroup?: { readonly option: string; readonly instead: string }): IbmGroupOptions {
  if (existingGroup) {
    for (const name of ['groupNamePrefix', 'tags', 'minimumGroups', 'maximumGroups'] as const) {
      const value = input[name];
      if (value === undefined) continue;
      throw invalidValue(
        name,
        describeValue(value),
        check.where(name),
        `${name} applies to groups that are created; with ${existingGroup.option} no group is created. Remove it or ${existingGroup.instead}.`,
      );
    }
  }
  const groupNamePrefix =
    check.optionalString('groupNamePrefix', input.groupNamePrefix, {
      allowReference: false,
      hint: 'Give a literal prefix of lower-case letters, digits and hyphens, e.g. "k8s-node-ports".',
    }) ?? DEFAULT_GROUP_NAME_PREFIX;
  // Validate the longest name the prefix can produce.
  validateIbmName(`${groupNamePrefix}-${IBM_SECURITY_GROUPS_PER_TARGET}`, 'security group name (from groupNamePrefix)', check.where('groupNamePrefix'));
  const tags = input.tags === undefined ? undefined : check.stringArray('tags', input.tags);
  const reservedRulesPerGroup = check.integer('reservedRulesPerGroup', input.reservedRulesPerGroup, { min: 0, max: IBM_RULES_PER_SECURITY_GROUP - 1, default: 0 });
  const minimumGroups = check.integer('minimumGroups', input.minimumGroups, { min: 1, max: IBM_SECURITY_GROUPS_PER_TARGET, default: 1 });
  const maximumGroups = check.integer('maximumGroups', input.maximumGroups, { min: 1, max: IBM_SECURITY_GROUPS_PER_TARGET, default: IBM_SECURITY_GROUPS_PER_TARGET });
  if (minimumGroups > maximumGroups) {
    throw invalidValue('minimumGroups', String(minimumGroups), check.where('minimumGroups'), `minimumGroups must not exceed maximumGroups (${maximumGroups}).`);
  }
  return {
    groupNamePrefix,
    tags,
    minimumGroups,
    maximumGroups,
    reservedRulesPerGroup,
    allowNodePortsFromAnywhere: check.boolean('allowNodePortsFromAnywhere', input.allowNodePortsFromAnywhere, false),
    allowAnyAddress: check.boolean('allowAnyAddress', input.allowAnyAddress, false),
    narrowAnyProtocol: check.boolean('narrowAnyProtocol', input.narrowAnyProtocol, false),
  };
}

/** Where the rules go: one existing group, or groups that are created. */
export interface IbmGroupTarget {
  /**
   * The existing group, as errors name it (its ID or the variable that holds it).
   * @default - none: groups are created
   */
  readonly existingGroup?: string;
  /** How to get past 250 rules in the existing group, in the words of the caller's options. @default - created groups */
  readonly existingGroupWayOut?: string;
  /** Named in errors, e.g. the construct path. */
  readonly origin: string;
}

/** The rules, the groups they need and which group each rule goes to. */
export interface IbmSecurityGroupPlan extends IbmRulePlan {
  /** Names of the groups to create, group 1 first (empty with an existing group). */
  readonly groupNames: readonly string[];
  /** Group number (1-based) by rule key (empty with an existing group). */
  readonly slotOf: Readonly<Record<string, number>>;
}

/**
 * The whole plan of the IBM target, shared by `IbmSecurityGroupRules` and the `ibm-security-group-rules` export
 * target: the rules (`planIbmRules`), every rule checked against what the provider accepts, and their groups (an
 * existing group up to 250 rules with the reserved ones, or as many created groups as the rules need, spread stably
 * by `assignToGroups`).
 */
export function planIbmSecurityGroups(set: RequirementSet, options: IbmGroupOptions, target: IbmGroupTarget): IbmSecurityGroupPlan {
  const { origin } = target;
  const plan = planIbmRules(set, {
    allowNodePortsFromAnywhere: options.allowNodePortsFromAnywhere,
    allowAnyAddress: options.allowAnyAddress,
    narrowAnyProtocol: options.narrowAnyProtocol,
    origin,
  });
  for (const rule of plan.rules) {
    // Fails here, not halfway through creating resources, should a planned rule ever be invalid.
    validateRuleConfig(
      { group: 'planned', direction: rule.direction, remote: rule.remote, name: rule.name, protocol: rule.protocol, portMin: rule.portMin, portMax: rule.portMax },
      `${origin} rule ${rule.name}`,
    );
  }
  const reserved = options.reservedRulesPerGroup;
  if (target.existingGroup !== undefined) {
    const total = plan.rules.length + reserved;
    if (total > IBM_RULES_PER_SECURITY_GROUP) {
      throw limitExceeded(
        `Rules for security group ${target.existingGroup} (${plan.rules.length} planned + ${reserved} reserved)`,
        total,
        IBM_RULES_PER_SECURITY_GROUP,
        origin,
        target.existingGroupWayOut ?? 'Let the rules go into created groups so that they are split over several groups, or filter the requirement set.',
      );
    }
    return { ...plan, groupNames: [], slotOf: {} };
  }
  const assignment = assignToGroups(plan.rules, {
    capacity: IBM_RULES_PER_SECURITY_GROUP - reserved,
    minimumGroups: options.minimumGroups,
    maximumGroups: options.maximumGroups,
    origin,
  });
  const groupNames = Array.from({ length: assignment.groups }, (_, i) => `${options.groupNamePrefix}-${i + 1}`);
  return { ...plan, groupNames, slotOf: assignment.slotOf };
}

const PROTOCOLS: Record<string, IbmRuleProtocol> = {
  [Protocol.TCP]: IbmRuleProtocol.TCP,
  [Protocol.UDP]: IbmRuleProtocol.UDP,
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
