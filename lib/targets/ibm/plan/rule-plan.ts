import { IpVersion } from '../../../model/cidr';
import { invalidValue, unsupportedPeer } from '../../../model/errors';
import { PeerKind } from '../../../model/peer';
import { Direction, Protocol, transportOf } from '../../../model/protocol';
import { sourceKey } from '../../../model/provenance';
import { Requirement } from '../../../model/requirement';
import { RequirementSet } from '../../../model/requirement-set';
import { selectNodeRequirements } from '../../../plan/control-plane-access';
import { stableName } from '../../../plan/naming';
import { assertNoAnyAddressRules } from './any-address-rules';
import { FIREWALL_METADATA_KEY, IBM_NODE_PORT_RANGE, IBM_SECURITY_GROUP_FIREWALL, IbmPlannedRule, IbmPlanOptions, IbmRulePlan } from './rule-plan-types';
import { IBM_PROVIDER_VERSION_CONSTRAINT, IbmRuleDirection, IbmRuleProtocol } from './rule-types';

// Planning of the IBM target: requirement sets to security group rules and their groups. No cdktf here (not even
// types): IbmSecurityGroupRules renders this plan and the plain-Terraform exporter writes it as a module.

export { FIREWALL_METADATA_KEY, IBM_NODE_PORT_RANGE, IBM_RULES_PER_SECURITY_GROUP, IBM_SECURITY_GROUPS_PER_TARGET, IBM_SECURITY_GROUP_FIREWALL } from './rule-plan-types';
export type { IbmPlanOptions, IbmPlannedRule, IbmRulePlan } from './rule-plan-types';

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
