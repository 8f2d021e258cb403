import { createHash } from 'crypto';
import { Cidr, IpVersion } from '../../../model/cidr';
import { FirewallRequirementsError, invalidValue, limitExceeded, unsupportedPeer } from '../../../model/errors';
import { describeValue, InputCheck } from '../../../model/input';
import { PeerKind } from '../../../model/peer';
import { PortRange } from '../../../model/port-range';
import { Direction, Protocol, transportOf } from '../../../model/protocol';
import { sourceKey } from '../../../model/provenance';
import { Requirement } from '../../../model/requirement';
import { RequirementSet } from '../../../model/requirement-set';
import { purposesOf, selectNodeRequirements } from '../../../plan/control-plane-access';
import { LIMITS } from '../../../plan/limits';
import { assertNotAnyAddress } from '../../../plan/any-address';
import { aggregateCidrs } from '../../../plan/flow-group';
import { sanitizeText, stableName } from '../../../plan/naming';
import { terraformText } from '../../../model/terraform-text';

/** Characters AWS accepts in security group rule descriptions and group names (VPC). */
export const AWS_SG_TEXT_CHARACTERS = 'a-zA-Z0-9. _\\-:/()#,@\\[\\]+=&;{}!$*';
/** Longest security group rule description AWS accepts. */
export const AWS_SG_DESCRIPTION_MAX_LENGTH = 255;

/** One planned `aws_vpc_security_group_ingress_rule` or `_egress_rule`: one CIDR, one port range. */
export interface SecurityGroupRulePlan {
  /** Readable content key: direction, protocol, ports, CIDR. */
  readonly key: string;
  /** Construct id derived from the key. */
  readonly id: string;
  readonly direction: Direction;
  /** `tcp`, `udp`, `icmp`, `icmpv6` or `-1` (all). */
  readonly ipProtocol: string;
  /**
   * First port (or `-1`, every ICMP type, for `icmp`).
   * @default - none: absent for `-1` and `icmpv6`
   */
  readonly fromPort?: number;
  /**
   * Last port (or `-1`, every ICMP code, for `icmp`).
   * @default - none: absent for `-1` and `icmpv6`
   */
  readonly toPort?: number;
  readonly cidr: Cidr;
  /**
   * Purposes of the requirements behind the rule, sanitized to AWS's characters, at most 255 (a `${` is escaped as
   * `$${`, which Terraform renders as `${`).
   */
  readonly description: string;
  /** The requirements the rule covers. */
  readonly requirements: readonly Requirement[];
}

/** Rules of one security group. */
export interface SecurityGroupPlan {
  /**
   * Stable suffix of the group: `''` for the first group, otherwise the bits of its hash prefix without
   * trailing zeros (e.g. `1`, `01`).
   */
  readonly suffix: string;
  readonly rules: readonly SecurityGroupRulePlan[];
}

/**
 * Refuses peers a security group cannot express: domain names (with a pointer to `domainTarget`), service tags and
 * other non-CIDR peers, and unresolved placeholders.
 * @param domainTarget the construct to point to for domain names
 */
export function assertSecurityGroupPeers(requirements: readonly Requirement[], domainTarget: string): void {
  RequirementSet.of(requirements).assertResolved();
  for (const r of requirements) {
    const where = `${sourceKey(r.primarySource)}: ${r.purpose}`;
    if (r.peer.isDomain) {
      throw unsupportedPeer(
        'AWS security groups',
        r.peer.toString(),
        where,
        'security group rules match IP addresses, not domain names',
        `Allow domain names with ${domainTarget} (AWS Network Firewall), and keep CIDR requirements here.`,
      );
    }
    if (r.peer.kind !== PeerKind.CIDR) {
      throw unsupportedPeer(
        'AWS security groups',
        r.peer.toString(),
        where,
        `a ${r.peer.kind} is not an AWS concept`,
        'Give the CIDRs of the peer, or render this requirement with the Azure target.',
      );
    }
  }
}

/**
 * Rejects what security groups cannot express and plans one rule per aggregated CIDR, protocol and port range,
 * sorted by key. CIDRs of the same flow aggregate exactly (nothing widened).
 * @param domainTarget the construct to point to for domain names
 * @param allowAnyAddress whether a peer that is (or aggregates to) every address, `0.0.0.0/0` or `::/0`, is
 *   allowed; refused by default, since least privilege means naming the networks a flow needs
 */
export function planSecurityGroupRules(requirements: readonly Requirement[], domainTarget: string, allowAnyAddress = false): SecurityGroupRulePlan[] {
  assertSecurityGroupPeers(requirements, domainTarget);
  // One flow per direction, transport protocol and single port range.
  const flows = new Map<string, { direction: Direction; protocol: Protocol; range?: PortRange; requirements: Requirement[] }>();
  for (const r of requirements) {
    const protocol = transportOf(r.protocol);
    const ranges: Array<PortRange | undefined> = r.ports.length > 0 ? [...r.ports] : [undefined];
    for (const range of ranges) {
      const key = `${r.direction}/${protocol}/${range?.toString() ?? ''}`;
      const flow = flows.get(key);
      if (flow) flow.requirements.push(r);
      else flows.set(key, { direction: r.direction, protocol, range, requirements: [r] });
    }
  }
  const rules: SecurityGroupRulePlan[] = [];
  for (const flow of flows.values()) {
    for (const network of aggregateCidrs(flow.requirements)) {
      if (!allowAnyAddress) assertNotAnyAddress(network, 'allowAnyAddress: true on SecurityGroupRules');
      const { ipProtocol, fromPort, toPort } = awsProtocol(flow.protocol, flow.range, network.cidr.version);
      const ports = fromPort === undefined ? 'all' : fromPort === toPort ? `${fromPort}` : `${fromPort}-${toPort}`;
      const key = `${flow.direction} ${ipProtocol} ${ports} ${network.cidr.toString()}`;
      rules.push({
        key,
        id: stableName(`${flow.direction}-${ipProtocol === '-1' ? 'all' : ipProtocol}-${ports}-${network.cidr.toString()}`, key, 100),
        direction: flow.direction,
        ipProtocol,
        ...(fromPort === undefined ? {} : { fromPort, toPort }),
        cidr: network.cidr,
        description: terraformText(sanitizeText(purposesOf(network.requirements).join(' / '), AWS_SG_TEXT_CHARACTERS, AWS_SG_DESCRIPTION_MAX_LENGTH)),
        requirements: network.requirements,
      });
    }
  }
  return rules.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}


function awsProtocol(protocol: Protocol, range: PortRange | undefined, version: IpVersion): { ipProtocol: string; fromPort?: number; toPort?: number } {
  switch (protocol) {
    case Protocol.ANY:
      return { ipProtocol: '-1' };
    case Protocol.ICMP:
      // For ICMP the ports are the ICMP type and code; -1 means all. ICMPv6 takes none.
      return version === IpVersion.IPV6 ? { ipProtocol: 'icmpv6' } : { ipProtocol: 'icmp', fromPort: -1, toPort: -1 };
    default:
      return { ipProtocol: protocol, fromPort: range?.from, toPort: range?.to };
  }
}

/** What a rule counts against: AWS counts inbound and outbound, IPv4 and IPv6 rules separately. */
export function quotaBucket(rule: SecurityGroupRulePlan): string {
  return `${rule.direction === Direction.INGRESS ? 'inbound' : 'outbound'} ${rule.cidr.version === IpVersion.IPV4 ? 'IPv4' : 'IPv6'}`;
}

/** Counts per quota bucket, sorted by bucket. */
export function countRules(rules: readonly SecurityGroupRulePlan[]): Array<{ bucket: string; count: number }> {
  const counts = new Map<string, number>();
  for (const r of rules) counts.set(quotaBucket(r), (counts.get(quotaBucket(r)) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([bucket, count]) => ({ bucket, count }));
}

/** Bits of the hash a rule is placed by; deeper splits than this cannot happen with distinct keys in practice. */
const MAX_DEPTH = 32;

/**
 * Spreads rules over security groups so that no group has more than `rulesPerGroup` rules in any quota bucket
 * (inbound/outbound x IPv4/IPv6), keeping placements stable.
 *
 * Each rule's place is a function of its own content wherever possible: groups are the leaves of a binary
 * trie over the bits of SHA-256(rule key). A leaf that holds too many rules splits in two by the next bit.
 * A group is named by its leaf's bit prefix without trailing zeros, so the `0` half of a split keeps its
 * parent's name (and resource); only the `1` half moves to a new group.
 *
 * Consequence: adding a rule adds that rule and changes nothing else, unless it lands in a full group; then
 * that one group splits, and about half of its rules move to one new group. (No placement that depends only
 * on the current rules can avoid this: if adding never moved a rule, each rule's group would be fixed by its
 * content alone, and some group could then overflow.)
 *
 * The price of stability is packing: groups end up filled to about two thirds on average (for example 120 rules
 * in 3 groups, 240 in 6, 300 in 7 at 60 per group), where packing them tight would need fewer groups.
 */
export function layoutSecurityGroups(rules: readonly SecurityGroupRulePlan[], rulesPerGroup: number): SecurityGroupPlan[] {
  const withBits = rules.map((rule) => ({ rule, bits: hashBits(rule.key) }));
  const leaves: Array<{ prefix: string; rules: SecurityGroupRulePlan[] }> = [];
  const place = (items: typeof withBits, prefix: string): void => {
    if (fits(items.map((i) => i.rule), rulesPerGroup)) {
      if (items.length > 0 || prefix.replace(/0+$/, '') === '') leaves.push({ prefix, rules: items.map((i) => i.rule) });
      return;
    }
    if (prefix.length >= MAX_DEPTH) {
      throw new FirewallRequirementsError('internal', `internal: cannot spread ${items.length} rules`, prefix, 'SecurityGroupRules', '');
    }
    place(items.filter((i) => i.bits[prefix.length] === '0'), `${prefix}0`);
    place(items.filter((i) => i.bits[prefix.length] === '1'), `${prefix}1`);
  };
  place(withBits, '');
  return leaves
    .map((leaf) => ({ suffix: leaf.prefix.replace(/0+$/, ''), rules: leaf.rules }))
    .sort((a, b) => (a.suffix === b.suffix ? 0 : a.suffix === '' ? -1 : b.suffix === '' ? 1 : a.suffix < b.suffix ? -1 : 1));
}

function fits(rules: readonly SecurityGroupRulePlan[], rulesPerGroup: number): boolean {
  return countRules(rules).every((c) => c.count <= rulesPerGroup);
}

function hashBits(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex').slice(0, MAX_DEPTH / 4);
  return [...hex].map((h) => parseInt(h, 16).toString(2).padStart(4, '0')).join('');
}

/** Default quota of security groups per network interface (adjustable up to 16). */
export const AWS_SECURITY_GROUPS_PER_INTERFACE = 5;
/** Most security groups a network interface can take after a quota increase. */
export const AWS_SECURITY_GROUPS_PER_INTERFACE_MAX = 16;
/** AWS: rules per group multiplied by groups per network interface cannot exceed this. */
export const AWS_RULES_TIMES_GROUPS_MAX = 1000;

/** The props of `SecurityGroupRules` that shape its groups (every prop but the requirement sets). */
export const SECURITY_GROUP_OPTION_NAMES = ['securityGroupId', 'vpcId', 'rulesPerGroup', 'maxGroups', 'groupName', 'tags', 'allowAnyAddress'] as const;

/** Checked options of `SecurityGroupRules` (and of the `aws-security-group-rules` export target). */
export interface SecurityGroupOptions {
  /** The existing group every rule goes into (a literal id or a Terraform reference). @default - none */
  readonly securityGroupId?: string;
  /** The VPC of the groups the construct owns (a literal id or a Terraform reference). @default - none */
  readonly vpcId?: string;
  readonly rulesPerGroup: number;
  readonly maxGroups: number;
  /** Name of the first owned group. @default - none with securityGroupId */
  readonly groupName?: string;
  /** @default - none */
  readonly tags?: Record<string, string>;
  readonly allowAnyAddress: boolean;
}

/**
 * Checks the group options at runtime (types, ranges, exactly one of securityGroupId and vpcId, the group name) with
 * the errors the construct and the export target share.
 * @param defaultGroupName the name of the first group when `groupName` is not given
 */
export function checkSecurityGroupOptions(check: InputCheck, props: Readonly<Record<string, unknown>>, defaultGroupName: string): SecurityGroupOptions {
  const securityGroupId = check.optionalString('securityGroupId', props.securityGroupId, { hint: 'Give the id of an existing security group, e.g. sg-0123456789abcdef0.' });
  const vpcId = check.optionalString('vpcId', props.vpcId, { hint: 'Give the id of the VPC, e.g. vpc-0123456789abcdef0.' });
  if ((securityGroupId === undefined) === (vpcId === undefined)) {
    throw invalidValue(
      'securityGroupId/vpcId',
      securityGroupId === undefined ? '(neither)' : `${securityGroupId} / ${vpcId}`,
      check.owner,
      'Give securityGroupId to add the rules to an existing group, or vpcId to let the construct create and own its groups; exactly one of them.',
    );
  }
  const rulesPerGroup = check.integer('rulesPerGroup', props.rulesPerGroup, {
    min: 1,
    max: AWS_RULES_TIMES_GROUPS_MAX,
    default: LIMITS.awsRulesPerSecurityGroup,
    hint: `rulesPerGroup is the "Inbound or outbound rules per security group" quota: a whole number from 1 to ${AWS_RULES_TIMES_GROUPS_MAX}, e.g. ${LIMITS.awsRulesPerSecurityGroup}.`,
  });
  const maxGroups = check.integer('maxGroups', props.maxGroups, {
    min: 1,
    max: AWS_SECURITY_GROUPS_PER_INTERFACE_MAX,
    default: AWS_SECURITY_GROUPS_PER_INTERFACE,
    hint: `maxGroups is how many groups the nodes' network interfaces can take for these rules: a whole number from 1 to ${AWS_SECURITY_GROUPS_PER_INTERFACE_MAX}, e.g. ${AWS_SECURITY_GROUPS_PER_INTERFACE}.`,
  });
  const groupName = check.optionalString('groupName', props.groupName, {
    allowReference: false,
    hint: 'Use 1-200 of the characters a-z A-Z 0-9 space and ._-:/()#,@[]+=&;{}!$*, not starting with sg- (further groups append a suffix).',
  });
  const tags = check.stringMap('tags', props.tags);
  const allowAnyAddress = check.boolean('allowAnyAddress', props.allowAnyAddress, false);
  if (securityGroupId !== undefined) {
    for (const name of ['groupName', 'maxGroups'] as const) {
      if (props[name] !== undefined) {
        throw invalidValue(name, describeValue(props[name]), check.where(name), `${name} applies to groups the construct creates (vpcId); with securityGroupId every rule goes into that one group: drop ${name}.`);
      }
    }
    return { securityGroupId, rulesPerGroup, maxGroups, tags, allowAnyAddress };
  }
  if (rulesPerGroup * maxGroups > AWS_RULES_TIMES_GROUPS_MAX) {
    throw invalidValue(
      'rulesPerGroup x maxGroups',
      `${rulesPerGroup} x ${maxGroups} = ${rulesPerGroup * maxGroups}`,
      check.owner,
      `AWS caps rules per group multiplied by groups per network interface at ${AWS_RULES_TIMES_GROUPS_MAX}: lower one of them.`,
    );
  }
  const name = groupName ?? defaultGroupName;
  const disallowed = new RegExp(`[^${AWS_SG_TEXT_CHARACTERS}]`);
  if (name.length > 200 || disallowed.test(name) || /^sg-/i.test(name)) {
    throw invalidValue(
      'groupName',
      name,
      check.where('groupName'),
      'Use 1-200 of the characters a-z A-Z 0-9 space and ._-:/()#,@[]+=&;{}!$*, not starting with sg- (further groups append a suffix).',
    );
  }
  return { vpcId, rulesPerGroup, maxGroups, groupName: name, tags, allowAnyAddress };
}

/** One planned security group: its rules, and its name when the construct owns it. */
export interface PlannedSecurityGroup extends SecurityGroupPlan {
  /** The group name (`groupName`, or `groupName-<suffix>`); undefined for an existing group. */
  readonly name?: string;
}

/** The whole plan of `SecurityGroupRules`: groups with their rules, and what was left to other constructs. */
export interface SecurityGroupLayout {
  /** The groups, first group first (one entry, unnamed, for an existing group). */
  readonly groups: readonly PlannedSecurityGroup[];
  /** Every rule, sorted by key. */
  readonly rules: readonly SecurityGroupRulePlan[];
  /** Rows that do not land on the nodes (control plane, services), skipped and reported. */
  readonly skippedRequirements: readonly Requirement[];
}

/**
 * Plans the groups and rules for a merged requirement set: rows that do not land on the nodes are skipped, the rest
 * become rules (peers checked, any-address refused without the opt-in), spread over owned groups within
 * `maxGroups`, or checked against the quota of the one existing group.
 * @param domainTarget the construct to point to for domain names
 */
export function planSecurityGroupLayout(requirements: RequirementSet, options: SecurityGroupOptions, owner: string, domainTarget: string): SecurityGroupLayout {
  const { nodes, elsewhere } = selectNodeRequirements(requirements.requirements);
  const rules = planSecurityGroupRules(nodes, domainTarget, options.allowAnyAddress);
  if (options.securityGroupId !== undefined) {
    for (const { bucket, count } of countRules(rules)) {
      if (count > options.rulesPerGroup) {
        throw limitExceeded(
          `AWS security group rules (${bucket}) in ${options.securityGroupId}`,
          count,
          options.rulesPerGroup,
          `${owner} securityGroupId`,
          'Let the construct own the groups (give vpcId instead of securityGroupId) so it can spread the rules over several groups, or raise the "Inbound or outbound rules per security group" quota and set rulesPerGroup.',
        );
      }
    }
    return { groups: [{ suffix: '', rules }], rules, skippedRequirements: elsewhere };
  }
  const groups = layoutSecurityGroups(rules, options.rulesPerGroup);
  if (groups.length > options.maxGroups) {
    throw limitExceeded(
      `Security groups needed for ${rules.length} rules at ${options.rulesPerGroup} per group`,
      groups.length,
      options.maxGroups,
      `${owner} maxGroups`,
      'Raise the "Inbound or outbound rules per security group" quota and set rulesPerGroup, or raise the security groups per network interface quota (up to 16) and set maxGroups, or allow fewer, wider CIDRs.',
    );
  }
  const base = options.groupName as string;
  return {
    groups: groups.map((g) => ({ ...g, name: g.suffix === '' ? base : `${base}-${g.suffix}` })),
    rules,
    skippedRequirements: elsewhere,
  };
}

/** Construct id (and export key) of a planned group: `Group`, `Group-<suffix>`. */
export function securityGroupKey(group: SecurityGroupPlan): string {
  return group.suffix === '' ? 'Group' : `Group-${group.suffix}`;
}

/** The description every owned group gets. */
export const SECURITY_GROUP_DESCRIPTION = 'Kubernetes firewall requirements';
