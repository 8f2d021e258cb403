// Planning of GcpFirewall, free of cdktf, constructs and provider bindings: the construct renders this plan, and the
// plain-Terraform exporter (lib/export/google) renders the same plan without loading cdktf.
import { IpVersion } from '../../../model/cidr';
import { FirewallRequirementsError, invalidValue, unsupportedPeer } from '../../../model/errors';
import { describeValue, InputCheck } from '../../../model/input';
import { PeerKind } from '../../../model/peer';
import { PortRange } from '../../../model/port-range';
import { Direction, Protocol, transportOf } from '../../../model/protocol';
import { sourceKey } from '../../../model/provenance';
import { Requirement } from '../../../model/requirement';
import { RequirementSet } from '../../../model/requirement-set';
import { assertNotAnyAddress } from '../../../plan/any-address';
import { purposesOf, selectNodeRequirements } from '../../../plan/control-plane-access';
import { aggregateCidrs } from '../../../plan/flow-group';
import { assertWithinLimit, LIMITS } from '../../../plan/limits';
import { chunk, contentHash, sanitizeText, stableName } from '../../../plan/naming';
import { terraformText } from '../../../model/terraform-text';

/** Characters kept in rule descriptions (printable ASCII). */
export const GCP_DESCRIPTION_CHARACTERS = '\\x20-\\x7E';
/** Longest description written; kept short so a rule list stays readable. */
export const GCP_DESCRIPTION_MAX_LENGTH = 256;
/** Names of Compute Engine resources: RFC 1035, 1-63 characters. */
export const GCP_NAME_MAX_LENGTH = 63;
/** How many priorities, from `policyPriorityStart` on, the egress allow rules of one GcpFirewall are spread over. */
export const GCP_POLICY_PRIORITY_SLOTS = 10000;
/** @deprecated use GCP_POLICY_PRIORITY_SLOTS */
export const GCP_FQDN_PRIORITY_SLOTS = GCP_POLICY_PRIORITY_SLOTS;
/** Highest network firewall policy rule priority number (the lowest precedence). */
export const GCP_POLICY_PRIORITY_MAX = 2147483647;
/**
 * The first priority number of the predefined rules every network firewall policy carries (egress `::/0`
 * goto_next at 2147483644, ingress `::/0` at 2147483645, egress and ingress `0.0.0.0/0` at 2147483646 and
 * 2147483647); they cannot be modified or deleted, so a user rule must come before them.
 */
export const GCP_POLICY_PREDEFINED_PRIORITY_START = 2147483644;
/**
 * Default priority of the IPv4 egress deny (the IPv6 deny takes the next number): the last two priorities before
 * the predefined rules, so every allow in the policy comes before the deny.
 */
export const GCP_DEFAULT_DENY_PRIORITY = GCP_POLICY_PREDEFINED_PRIORITY_START - 2;
/** Default first priority of the egress allow rules. */
export const GCP_DEFAULT_POLICY_PRIORITY_START = 10000;
/** Network firewall policy rule: `dest_ip_ranges` per rule (provider documentation). */
export const GCP_DEST_IP_RANGES_PER_POLICY_RULE = 5000;
/** `namePrefix`: leaves room for the rule name suffixes within 63 characters. */
const NAME_PREFIX = /^[a-z][a-z0-9-]{0,19}$/;
/** A network tag: RFC 1035 label, 1-63 characters. */
const NETWORK_TAG = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;

const TARGET = 'GCP firewall';

/** Every prop `GcpFirewall` takes (unknown keys are refused with did-you-mean). */
export const GCP_FIREWALL_PROPS: readonly string[] = [
  'requirementSets',
  'requirements',
  'network',
  'project',
  'namePrefix',
  'priority',
  'targetTags',
  'targetServiceAccounts',
  'firewallPolicy',
  'policyPriorityStart',
  'fqdnPriorityStart',
  'denyOtherEgress',
  'denyPriority',
  'enableLogging',
  'allowAnyAddress',
];

/** The options the plan depends on, checked. Resource ids (network, project, service accounts) are not here. */
export interface GcpFirewallPlanOptions {
  readonly namePrefix: string;
  /** Priority of the ingress VPC firewall rules. */
  readonly priority: number;
  /** Whether the rules target network tags (which network firewall policy rules cannot). */
  readonly hasTargetTags: boolean;
  /** Whether an existing policy was given (no policy or association is created). */
  readonly existingPolicy: boolean;
  readonly policyPriorityStart: number;
  readonly denyOtherEgress: boolean;
  readonly denyPriority: number;
  readonly enableLogging: boolean;
  readonly allowAnyAddress: boolean;
}

/**
 * Checks the plan options among a props object (runtime types, ranges, their consistency). Shared by the construct
 * and the export target so both refuse the same input with the same message.
 * @param props the props (construct) or `spec.target` (export); unknown keys must have been refused before
 * @param existingPolicy whether `firewallPolicy` was given
 * @param hasTargetTags whether `targetTags` holds at least one tag
 */
export function checkGcpFirewallPlanOptions(check: InputCheck, props: Readonly<Record<string, unknown>>, existingPolicy: boolean, hasTargetTags: boolean): GcpFirewallPlanOptions {
  const namePrefix =
    check.optionalString('namePrefix', props.namePrefix, {
      allowReference: false,
      pattern: NAME_PREFIX,
      hint: 'Start with a lower-case letter and use up to 20 lower-case letters, digits and hyphens (GCP names follow RFC 1035).',
    }) ?? 'fwreq';
  const priority = check.integer('priority', props.priority, {
    min: 0,
    max: LIMITS.gcpFirewallPriorityMax,
    default: 1000,
    hint: `A VPC firewall rule priority is a whole number from 0 to ${LIMITS.gcpFirewallPriorityMax}.`,
  });
  if (props.policyPriorityStart !== undefined && props.fqdnPriorityStart !== undefined) {
    throw new FirewallRequirementsError(
      'conflicting-options',
      `Conflicting options policyPriorityStart (${describeValue(props.policyPriorityStart)}) and fqdnPriorityStart (${describeValue(props.fqdnPriorityStart)})`,
      `${String(props.policyPriorityStart)} / ${String(props.fqdnPriorityStart)}`,
      check.where('fqdnPriorityStart'),
      'fqdnPriorityStart is the deprecated name of policyPriorityStart: give only policyPriorityStart.',
    );
  }
  const startName = props.fqdnPriorityStart !== undefined ? 'fqdnPriorityStart' : 'policyPriorityStart';
  const maxStart = GCP_POLICY_PREDEFINED_PRIORITY_START - 2 - GCP_POLICY_PRIORITY_SLOTS;
  const policyPriorityStart = check.integer(startName, props[startName], {
    min: 0,
    max: maxStart,
    default: GCP_DEFAULT_POLICY_PRIORITY_START,
    hint: `Give a whole number from 0 to ${maxStart}, so that the ${GCP_POLICY_PRIORITY_SLOTS} allow priorities from it and the two deny priorities after them stay before the policy's predefined rules (${GCP_POLICY_PREDEFINED_PRIORITY_START} on).`,
  });
  const denyOtherEgress = check.boolean('denyOtherEgress', props.denyOtherEgress, true);
  const firstDeny = policyPriorityStart + GCP_POLICY_PRIORITY_SLOTS;
  const denyPriority = check.integer('denyPriority', props.denyPriority, {
    min: firstDeny,
    max: GCP_DEFAULT_DENY_PRIORITY,
    default: GCP_DEFAULT_DENY_PRIORITY,
    hint: `The egress deny must come after every allow of the policy: give a whole number from ${firstDeny} (after the allow priorities ${policyPriorityStart}-${firstDeny - 1}) to ${GCP_DEFAULT_DENY_PRIORITY} (the IPv6 deny takes the next number, before the predefined rules at ${GCP_POLICY_PREDEFINED_PRIORITY_START}).`,
  });
  if (props.denyPriority !== undefined && !denyOtherEgress) {
    throw new FirewallRequirementsError(
      'conflicting-options',
      `Conflicting options denyPriority (${describeValue(props.denyPriority)}) and denyOtherEgress: false`,
      String(props.denyPriority),
      check.where('denyPriority'),
      'denyPriority places the egress deny, which denyOtherEgress: false leaves out: drop one of them.',
    );
  }
  if (hasTargetTags && denyOtherEgress) {
    throw invalidValue(
      'targetTags with denyOtherEgress',
      'true',
      check.where('targetTags'),
      'The egress deny is a network firewall policy rule, which cannot target network tags (it would deny the egress of every instance in the network): use targetServiceAccounts, or set denyOtherEgress: false and deny egress yourself.',
    );
  }
  return {
    namePrefix,
    priority,
    hasTargetTags,
    existingPolicy,
    policyPriorityStart,
    denyOtherEgress,
    denyPriority,
    enableLogging: check.boolean('enableLogging', props.enableLogging, false),
    allowAnyAddress: check.boolean('allowAnyAddress', props.allowAnyAddress, false),
  };
}

/** Checks `targetTags` (network tags, literal RFC 1035 labels). */
export function checkTargetTags(check: InputCheck, value: unknown): string[] {
  const tags = check.stringArray('targetTags', value, { optional: true });
  tags.forEach((tag, i) => {
    if (!NETWORK_TAG.test(tag) && !tag.includes('${') && !tag.includes('#{TfToken[')) {
      throw invalidValue('network tag', tag, `${check.where('targetTags')}[${i}]`, 'A network tag is 1-63 lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen.');
    }
  });
  return tags;
}

/** Refuses network tags together with service accounts (a rule targets one kind). */
export function checkTargetChoice(check: InputCheck, tags: readonly string[], serviceAccounts: readonly string[]): void {
  if (tags.length > 0 && serviceAccounts.length > 0) {
    throw invalidValue(
      'targetTags with targetServiceAccounts',
      `${tags.join(',')} / ${serviceAccounts.join(',')}`,
      check.where('targetTags'),
      'A rule targets network tags or service accounts, not both: give one of them.',
    );
  }
}

/** One planned ingress `google_compute_firewall` (GCP denies ingress by default: allow rules are enough). */
export interface GcpVpcRulePlan {
  /** Rule name and construct id: derived from prefix, flow and network. */
  readonly name: string;
  readonly protocol: string;
  readonly ports: string[];
  readonly sourceRanges: string[];
  readonly description: string;
  readonly priority: number;
}

/** The action of a planned policy rule (the provider's `action` values). */
export enum GcpPolicyAction {
  ALLOW = 'allow',
  DENY = 'deny',
}

/** One planned `google_compute_network_firewall_policy_rule` (always egress). */
export interface GcpPolicyRulePlan {
  /** Rule name and construct id. */
  readonly ruleName: string;
  readonly action: GcpPolicyAction;
  readonly protocol: string;
  readonly ports: string[];
  /** Set for domain-name rules (at most 100). */
  readonly destFqdns?: string[];
  /** Set for CIDR rules and the deny (at most 5000). */
  readonly destIpRanges?: string[];
  readonly description: string;
  readonly priority: number;
}

/** What a GcpFirewall renders. */
export interface GcpFirewallPlan {
  /** Ingress VPC firewall rules, sorted by name. */
  readonly firewallRules: GcpVpcRulePlan[];
  /** Egress policy rules: allows sorted by name, then the denies (IPv4, IPv6). */
  readonly policyRules: GcpPolicyRulePlan[];
  /** Whether the construct creates a policy (policy rules and no `firewallPolicy` given). */
  readonly createsPolicy: boolean;
  /** Name of the created policy and of its association. */
  readonly policyName: string;
  /** Rows that do not land on the nodes (control plane, services): not opened here. */
  readonly skippedRequirements: Requirement[];
}

/**
 * Refuses every node row the GCP firewall cannot express (per added set, so the error points at the call that added
 * it): wildcard domains, ingress from domain names, service tags, unresolved placeholders, and domain names or any
 * egress when the rules target network tags. Rows that land elsewhere are not checked: they are skipped.
 */
export function checkGcpFirewallPeers(set: RequirementSet, options: Pick<GcpFirewallPlanOptions, 'hasTargetTags'>, owner: string): void {
  const { nodes } = selectNodeRequirements(set.requirements);
  RequirementSet.of(nodes).assertResolved();
  for (const r of nodes) {
    const where = `${sourceKey(r.primarySource)}: ${r.purpose}`;
    switch (r.peer.kind) {
      case PeerKind.CIDR:
        break;
      case PeerKind.WILDCARD_FQDN:
        // GCP's FQDN object documentation only says names are "in the domain name format"; that wildcards are
        // refused is unverified (no source confirms or denies it), so the construct stays on the safe side.
        throw unsupportedPeer(
          TARGET,
          r.peer.toString(),
          where,
          'GCP FQDN objects take no wildcards',
          'List the subdomains explicitly (e.g. a.example.com, b.example.com), reach Google APIs through private.googleapis.com (gkeNodesProfile googleApiAccess: private), or send the traffic through Secure Web Proxy or another proxy that filters by host name.',
        );
      case PeerKind.FQDN:
        if (r.direction === Direction.INGRESS) {
          throw unsupportedPeer(TARGET, r.peer.toString(), where, 'ingress from a domain name is not supported', 'Give the CIDRs the peer connects from.');
        }
        break;
      default:
        throw unsupportedPeer(
          TARGET,
          r.peer.toString(),
          where,
          `a ${r.peer.kind} is not a Google Cloud concept`,
          'Give CIDRs or domain names, or render this requirement with the Azure target.',
        );
    }
    if (r.direction === Direction.EGRESS && options.hasTargetTags) {
      throw invalidValue(
        'targetTags',
        `egress to ${r.peer.toString()}`,
        `${owner} (${where})`,
        'Egress rules live in a network firewall policy (so that the egress deny cannot block them), and policy rules cannot target network tags: use targetServiceAccounts instead, which both rule kinds support.',
      );
    }
  }
}

/** Plans the rules of one GcpFirewall from its merged set. Whole-set checks (limits, /0, priorities) run here. */
export function planGcpFirewall(requirements: RequirementSet, options: GcpFirewallPlanOptions, owner: string): GcpFirewallPlan {
  checkGcpFirewallPeers(requirements, options, owner);
  const { nodes, elsewhere } = selectNodeRequirements(requirements.requirements);
  const ingress = nodes.filter((r) => r.direction === Direction.INGRESS);
  const egress = nodes.filter((r) => r.direction === Direction.EGRESS);
  const optIn = `allowAnyAddress: true on ${owner}`;
  const firewallRules = planIngressRules(ingress, options, optIn);
  const allows = [...planCidrPolicyRules(egress, options, optIn), ...planFqdnPolicyRules(egress, options)];
  assignPriorities(allows, options.policyPriorityStart, owner);
  const policyRules: GcpPolicyRulePlan[] = allows.sort((a, b) => compare(a.ruleName, b.ruleName)).map(({ key: _key, ...rule }) => rule);
  if (options.denyOtherEgress) policyRules.push(...denyRules(options));
  return {
    firewallRules,
    policyRules,
    createsPolicy: policyRules.length > 0 && !options.existingPolicy,
    policyName: `${options.namePrefix}-egress`,
    skippedRequirements: [...elsewhere],
  };
}

/** The two egress denies (IPv4, IPv6) after every allow: "allow the listed flows, deny the rest". */
function denyRules(options: GcpFirewallPlanOptions): GcpPolicyRulePlan[] {
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

function compare(a: string, b: string): number {
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
function planIngressRules(ingress: readonly Requirement[], options: GcpFirewallPlanOptions, optIn: string): GcpVpcRulePlan[] {
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
function planCidrPolicyRules(egress: readonly Requirement[], options: GcpFirewallPlanOptions, optIn: string): KeyedPolicyRule[] {
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
function planFqdnPolicyRules(egress: readonly Requirement[], options: GcpFirewallPlanOptions): KeyedPolicyRule[] {
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
function assignPriorities(rules: KeyedPolicyRule[], start: number, owner: string): void {
  assertWithinLimit('GCP firewall policy allow rules', rules.length, GCP_POLICY_PRIORITY_SLOTS, owner, 'Split the requirements over several GcpFirewall constructs sharing one policy (firewallPolicy) with distinct policyPriorityStart values.');
  const taken = new Set<number>();
  for (const rule of [...rules].sort((a, b) => compare(a.key, b.key))) {
    let slot = parseInt(contentHash('priority', rule.key), 16) % GCP_POLICY_PRIORITY_SLOTS;
    while (taken.has(slot)) slot = (slot + 1) % GCP_POLICY_PRIORITY_SLOTS;
    taken.add(slot);
    rule.priority = start + slot;
  }
}
