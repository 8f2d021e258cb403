import { ComputeFirewall } from '@cdktf/provider-google/lib/compute-firewall';
import { ComputeNetworkFirewallPolicy } from '@cdktf/provider-google/lib/compute-network-firewall-policy';
import { ComputeNetworkFirewallPolicyAssociation } from '@cdktf/provider-google/lib/compute-network-firewall-policy-association';
import { ComputeNetworkFirewallPolicyRule } from '@cdktf/provider-google/lib/compute-network-firewall-policy-rule';
import { Construct } from 'constructs';
import { Cidr, IpVersion } from '../../model/cidr';
import { invalidValue, unsupportedPeer } from '../../model/errors';
import { PeerKind } from '../../model/peer';
import { PortRange } from '../../model/port-range';
import { Direction, Protocol, transportOf } from '../../model/protocol';
import { sourceKey } from '../../model/provenance';
import { Requirement } from '../../model/requirement';
import { RequirementSet } from '../../model/requirement-set';
import { purposesOf } from '../../plan/control-plane-access';
import { assertNotAnyAddress } from '../../plan/any-address';
import { aggregateCidrs } from '../../plan/flow-group';
import { assertWithinLimit, LIMITS } from '../../plan/limits';
import { chunk, contentHash, sanitizeText, stableName } from '../../plan/naming';
import { terraformLiteral } from '../terraform-text';

/** Characters kept in rule descriptions (printable ASCII). */
export const GCP_DESCRIPTION_CHARACTERS = '\\x20-\\x7E';
/** Longest description written; kept short so a rule list stays readable. */
export const GCP_DESCRIPTION_MAX_LENGTH = 256;
/** Names of Compute Engine resources: RFC 1035, 1-63 characters. */
export const GCP_NAME_MAX_LENGTH = 63;
/** How many priorities, from `fqdnPriorityStart` on, the FQDN policy rules are spread over. */
export const GCP_FQDN_PRIORITY_SLOTS = 10000;
/** Highest network firewall policy rule priority. */
export const GCP_POLICY_PRIORITY_MAX = 2147483647;

const TARGET = 'GCP firewall';
const NAME_PREFIX = /^[a-z][a-z0-9-]{0,19}$/;

/** Properties of `GcpFirewall`. */
export interface GcpFirewallProps {
  /**
   * The flows to allow: CIDR peers become `google_compute_firewall` rules (ingress and egress), domain names
   * become egress rules of a network firewall policy.
   */
  readonly requirements: RequirementSet;
  /**
   * The VPC network: its name or self link for the firewall rules. When the construct creates the firewall
   * policy it also associates it with this network, which then needs the network's id or self link.
   */
  readonly network: string;
  /**
   * Project of every resource.
   * @default - the provider's project
   */
  readonly project?: string;
  /**
   * Start of every rule, policy and association name: a lower-case letter, then up to 19 lower-case letters,
   * digits or hyphens. Names must be unique in the project, so give each `GcpFirewall` its own prefix.
   * @default 'fwreq'
   */
  readonly namePrefix?: string;
  /**
   * Priority of the `google_compute_firewall` rules, 0 (first) to 65535.
   * @default 1000
   */
  readonly priority?: number;
  /**
   * Network tags of the instances the CIDR rules apply to. Network firewall policy rules cannot target
   * network tags, so this cannot be combined with domain-name requirements; use `targetServiceAccounts`.
   * @default - every instance in the network
   */
  readonly targetTags?: string[];
  /**
   * Service accounts of the instances every rule applies to (both rule kinds support them).
   * @default - every instance in the network
   */
  readonly targetServiceAccounts?: string[];
  /**
   * An existing network firewall policy (name or id) to add the domain-name rules to. The construct then
   * creates neither a policy nor an association.
   * @default - a new policy associated with `network`, created only when there are domain-name requirements
   */
  readonly firewallPolicy?: string;
  /**
   * First priority of the domain-name policy rules. Each rule gets a priority from this value to this value
   * + 9999, derived from its content (priorities identify policy rules, so they must not shift).
   * @default 10000
   */
  readonly fqdnPriorityStart?: number;
  /**
   * Whether every rule logs its matches.
   * @default false
   */
  readonly enableLogging?: boolean;
  /**
   * Whether a CIDR requirement may allow every address (`0.0.0.0/0` or `::/0`, or networks that together cover
   * them all). Without it such a peer is refused: least privilege means naming the networks a flow needs. Opt in
   * when something else narrows the traffic, e.g. a proxy or a firewall policy that filters by host name.
   * @default false
   */
  readonly allowAnyAddress?: boolean;
}

/** One planned `google_compute_firewall`. */
interface CidrRulePlan {
  readonly name: string;
  readonly direction: Direction;
  readonly protocol: string;
  readonly ports: string[];
  readonly cidr: Cidr;
  readonly description: string;
}

/** One planned `google_compute_network_firewall_policy_rule`. */
interface FqdnRulePlan {
  readonly key: string;
  readonly ruleName: string;
  readonly protocol: string;
  readonly ports: string[];
  readonly fqdns: string[];
  readonly description: string;
  priority: number;
}

/**
 * Allows the flows of a requirement set on a Google Cloud VPC network.
 *
 * - CIDR peers: one `google_compute_firewall` per aggregated network and flow (direction, protocol, ports),
 *   named from that content, so adding a network adds one rule and changes no other.
 * - Domain names (egress): a `google_compute_network_firewall_policy` (or the one given) with
 *   `google_compute_network_firewall_policy_rule`s matching `dest_fqdns`, at most 100 names per rule.
 *
 * Everything is validated before any resource is created. Wildcard domains are refused: GCP FQDN objects
 * take no wildcards. A CIDR peer that is every address (`0.0.0.0/0`, `::/0`) is refused unless
 * `allowAnyAddress` is set (least privilege).
 */
export class GcpFirewall extends Construct {
  /** The VPC firewall rules, sorted by name. */
  public readonly firewallRules: ComputeFirewall[] = [];
  /** The policy created for the domain-name rules, if the construct created one. */
  public readonly firewallPolicy?: ComputeNetworkFirewallPolicy;
  /** The association of the created policy with the network, if the construct created one. */
  public readonly policyAssociation?: ComputeNetworkFirewallPolicyAssociation;
  /** The domain-name policy rules, sorted by flow and chunk. */
  public readonly policyRules: ComputeNetworkFirewallPolicyRule[] = [];

  constructor(scope: Construct, id: string, props: GcpFirewallProps) {
    super(scope, id);
    const prefix = props.namePrefix ?? 'fwreq';
    validateProps(props, prefix);
    const requirements = props.requirements.assertResolved().requirements;
    checkPeers(requirements, props);
    const cidrRules = planCidrRules(requirements, prefix, props.allowAnyAddress === true);
    const fqdnRules = planFqdnRules(requirements, prefix, props.fqdnPriorityStart ?? 10000);

    const project = props.project !== undefined ? { project: props.project } : {};
    const logging = props.enableLogging ? { enableLogging: true } : {};
    const serviceAccounts = props.targetServiceAccounts?.length ? { targetServiceAccounts: [...props.targetServiceAccounts] } : {};

    for (const rule of cidrRules) {
      this.firewallRules.push(
        new ComputeFirewall(this, rule.name, {
          name: rule.name,
          network: props.network,
          ...project,
          description: rule.description,
          direction: rule.direction === Direction.EGRESS ? 'EGRESS' : 'INGRESS',
          priority: props.priority ?? 1000,
          allow: [{ protocol: rule.protocol, ...(rule.ports.length ? { ports: rule.ports } : {}) }],
          ...(rule.direction === Direction.EGRESS ? { destinationRanges: [rule.cidr.toString()] } : { sourceRanges: [rule.cidr.toString()] }),
          ...(props.targetTags?.length ? { targetTags: [...props.targetTags] } : {}),
          ...serviceAccounts,
          ...logging,
        }),
      );
    }

    if (fqdnRules.length === 0) return;
    let policy = props.firewallPolicy;
    if (policy === undefined) {
      const name = `${prefix}-fqdn-egress`;
      this.firewallPolicy = new ComputeNetworkFirewallPolicy(this, 'FqdnPolicy', {
        name,
        ...project,
        description: 'Egress to domain names required by the cluster',
      });
      this.policyAssociation = new ComputeNetworkFirewallPolicyAssociation(this, 'FqdnPolicyAssociation', {
        name,
        ...project,
        attachmentTarget: props.network,
        firewallPolicy: this.firewallPolicy.name,
      });
      policy = this.firewallPolicy.name;
    }
    for (const rule of fqdnRules) {
      this.policyRules.push(
        new ComputeNetworkFirewallPolicyRule(this, rule.ruleName, {
          firewallPolicy: policy,
          ...project,
          ruleName: rule.ruleName,
          description: rule.description,
          priority: rule.priority,
          direction: 'EGRESS',
          action: 'allow',
          match: {
            destFqdns: rule.fqdns,
            layer4Configs: [{ ipProtocol: rule.protocol, ...(rule.ports.length ? { ports: rule.ports } : {}) }],
          },
          ...serviceAccounts,
          ...logging,
        }),
      );
    }
  }
}

function validateProps(props: GcpFirewallProps, prefix: string): void {
  const origin = 'GcpFirewall';
  if (!(props.requirements instanceof RequirementSet)) {
    throw invalidValue('requirements', String(props.requirements), origin, 'Give a RequirementSet, e.g. a profile or RequirementSet.of([...]).');
  }
  if (typeof props.network !== 'string' || props.network.trim() === '') {
    throw invalidValue('network', String(props.network ?? ''), origin, 'Give the VPC network name, id or self link, e.g. network.id.');
  }
  if (!NAME_PREFIX.test(prefix)) {
    throw invalidValue(
      'namePrefix',
      prefix,
      origin,
      'Start with a lower-case letter and use up to 20 lower-case letters, digits and hyphens (GCP names follow RFC 1035).',
    );
  }
  const priority = props.priority ?? 1000;
  if (!Number.isInteger(priority) || priority < 0 || priority > LIMITS.gcpFirewallPriorityMax) {
    throw invalidValue('priority', String(priority), origin, `A VPC firewall rule priority is a whole number from 0 to ${LIMITS.gcpFirewallPriorityMax}.`);
  }
  const start = props.fqdnPriorityStart ?? 10000;
  const maxStart = GCP_POLICY_PRIORITY_MAX - GCP_FQDN_PRIORITY_SLOTS + 1;
  if (!Number.isInteger(start) || start < 0 || start > maxStart) {
    throw invalidValue(
      'fqdnPriorityStart',
      String(start),
      origin,
      `Give a whole number from 0 to ${maxStart}, so that the ${GCP_FQDN_PRIORITY_SLOTS} priorities from it stay within 0-${GCP_POLICY_PRIORITY_MAX}.`,
    );
  }
  if (props.targetTags?.length && props.targetServiceAccounts?.length) {
    throw invalidValue(
      'targetTags with targetServiceAccounts',
      `${props.targetTags.join(',')} / ${props.targetServiceAccounts.join(',')}`,
      origin,
      'A google_compute_firewall rule targets network tags or service accounts, not both: give one of them.',
    );
  }
}

/** Rejects every peer the GCP firewall cannot express, before anything is created. */
function checkPeers(requirements: readonly Requirement[], props: GcpFirewallProps): void {
  for (const r of requirements) {
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
          'List the subdomains explicitly (e.g. a.example.com, b.example.com), or send the traffic through Secure Web Proxy or another proxy that filters by host name.',
        );
      case PeerKind.FQDN:
        if (r.direction === Direction.INGRESS) {
          throw unsupportedPeer(TARGET, r.peer.toString(), where, 'ingress from a domain name is not supported', 'Give the CIDRs the peer connects from.');
        }
        if (props.targetTags?.length) {
          throw invalidValue(
            'targetTags',
            props.targetTags.join(','),
            `GcpFirewall (domain name ${r.peer.toString()} from ${where})`,
            'Network firewall policy rules, which carry the domain names, cannot target network tags: use targetServiceAccounts instead, which both rule kinds support.',
          );
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
  }
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
  return terraformLiteral(sanitizeText(purposesOf(requirements).join(' / '), GCP_DESCRIPTION_CHARACTERS, GCP_DESCRIPTION_MAX_LENGTH));
}

/** Groups by direction, transport protocol and ports (http/https become tcp). */
function groupByLayer4(requirements: readonly Requirement[]): Array<{ direction: Direction; protocol: Protocol; ports: readonly PortRange[]; requirements: Requirement[] }> {
  const groups = new Map<string, { direction: Direction; protocol: Protocol; ports: readonly PortRange[]; requirements: Requirement[] }>();
  for (const r of requirements) {
    const protocol = transportOf(r.protocol);
    const key = `${r.direction}/${protocol}/${r.portsText}`;
    const group = groups.get(key);
    if (group) group.requirements.push(r);
    else groups.set(key, { direction: r.direction, protocol, ports: r.ports, requirements: [r] });
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
}

function planCidrRules(requirements: readonly Requirement[], prefix: string, allowAnyAddress: boolean): CidrRulePlan[] {
  const rules: CidrRulePlan[] = [];
  for (const group of groupByLayer4(requirements.filter((r) => r.peer.kind === PeerKind.CIDR))) {
    for (const network of aggregateCidrs(group.requirements)) {
      if (!allowAnyAddress) assertNotAnyAddress(network, 'allowAnyAddress: true on GcpFirewall');
      const protocol = gcpProtocol(group.protocol, network.cidr.version);
      const ports = portsOf(group.ports);
      const portsText = ports.join(',') || 'all';
      const short = group.direction === Direction.EGRESS ? 'e' : 'i';
      const readable = `${prefix}-${short}-${protocol}-${portsText}-${network.cidr.toString()}`;
      const key = `${prefix}|${group.direction}|${protocol}|${portsText}|${network.cidr.toString()}`;
      rules.push({
        name: stableName(readable, key, GCP_NAME_MAX_LENGTH),
        direction: group.direction,
        protocol,
        ports,
        cidr: network.cidr,
        description: describe(network.requirements),
      });
    }
  }
  return rules.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}


function planFqdnRules(requirements: readonly Requirement[], prefix: string, priorityStart: number): FqdnRulePlan[] {
  const rules: FqdnRulePlan[] = [];
  for (const group of groupByLayer4(requirements.filter((r) => r.peer.kind === PeerKind.FQDN))) {
    const protocol = gcpProtocol(group.protocol, IpVersion.IPV4);
    const ports = portsOf(group.ports);
    const portsText = ports.join(',') || 'all';
    const names = [...new Set(group.requirements.map((r) => r.peer.value))].sort();
    // Sorted chunks: adding a name changes the chunks from its position on (dest_fqdns is updated in
    // place); rule names and priorities stay, because they come from the flow and the chunk number.
    chunk(names, LIMITS.gcpFqdnsPerPolicyRule).forEach((fqdns, index) => {
      const key = `${prefix}|egress|${protocol}|${portsText}|${index + 1}`;
      const inChunk = new Set(fqdns);
      rules.push({
        key,
        ruleName: stableName(`${prefix}-fqdn-${protocol}-${portsText}-${index + 1}`, key, GCP_NAME_MAX_LENGTH),
        protocol,
        ports,
        fqdns,
        description: describe(group.requirements.filter((r) => inChunk.has(r.peer.value))),
        priority: 0,
      });
    });
  }
  assignPriorities(rules, priorityStart);
  return rules;
}

/**
 * Gives each rule a priority derived from its key: `start` + a hash slot; a taken slot moves on to the next
 * free one, taking keys in sorted order. Policy rules are identified by their priority, so a rule keeps its
 * priority when others are added (unless their hash slots collide).
 */
function assignPriorities(rules: FqdnRulePlan[], start: number): void {
  assertWithinLimit('GCP firewall policy rules', rules.length, GCP_FQDN_PRIORITY_SLOTS, 'GcpFirewall', 'Split the requirements over several GcpFirewall constructs.');
  const taken = new Set<number>();
  for (const rule of [...rules].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    let slot = parseInt(contentHash('priority', rule.key), 16) % GCP_FQDN_PRIORITY_SLOTS;
    while (taken.has(slot)) slot = (slot + 1) % GCP_FQDN_PRIORITY_SLOTS;
    taken.add(slot);
    rule.priority = start + slot;
  }
}
