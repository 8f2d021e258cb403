import { NetworkfirewallRuleGroup } from '@cdktf/provider-aws/lib/networkfirewall-rule-group';
import { Construct } from 'constructs';
import { Cidr } from '../../model/cidr';
import { invalidValue, limitExceeded, unsupportedPeer } from '../../model/errors';
import { PeerKind } from '../../model/peer';
import { Direction, Protocol } from '../../model/protocol';
import { sourceKey } from '../../model/provenance';
import { Requirement } from '../../model/requirement';
import { RequirementSet } from '../../model/requirement-set';
import { LIMITS } from '../../plan/limits';
import { sanitizeText } from '../../plan/naming';

/** What a domain list matches: the HTTP Host header or the TLS SNI. */
export enum DomainTargetType {
  HTTP_HOST = 'HTTP_HOST',
  TLS_SNI = 'TLS_SNI',
}

/** Smallest capacity the construct gives a rule group by default. */
export const DOMAIN_ALLOWLIST_MIN_CAPACITY = 100;

const ORIGIN = 'NetworkFirewallDomainAllowlist';
const NAME = /^[a-zA-Z0-9-]{1,119}$/;

/** Properties of `NetworkFirewallDomainAllowlist`. */
export interface NetworkFirewallDomainAllowlistProps {
  /**
   * Egress requirements to domain names over http and/or https. Anything else is refused: CIDRs belong in
   * `SecurityGroupRules`.
   */
  readonly requirements: RequirementSet;
  /**
   * Base name of the rule groups (letters, digits, hyphens); each group appends what it matches: `-tls`,
   * `-http` or `-http-tls`.
   */
  readonly name: string;
  /**
   * Capacity of each rule group, fixed when the group is created (a change replaces it), at most 30,000.
   * @default - computed, see `domainAllowlistCapacity`
   */
  readonly capacity?: number;
  /**
   * The source networks the rules inspect (`HOME_NET`).
   * @default - the firewall's own VPC
   */
  readonly homeNetCidrs?: string[];
  /**
   * Tags for every rule group.
   * @default {}
   */
  readonly tags?: Record<string, string>;
}

/** One planned rule group. */
export interface DomainAllowlistGroupPlan {
  /** `tls`, `http` or `http-tls`. */
  readonly suffix: string;
  readonly targetTypes: DomainTargetType[];
  /** Sorted targets: names, and `.example.com` for `*.example.com`. */
  readonly targets: string[];
  /** Rules AWS generates: one per target and target type. */
  readonly requiredCapacity: number;
  readonly requirements: readonly Requirement[];
}

/**
 * The capacity a domain allowlist group gets by default: the rules it needs (targets x target types) doubled
 * so the list can grow without replacing the group, rounded up to a hundred, at least 100, at most 30,000.
 * AWS does not state the capacity a domain-list entry consumes; one rule per target and target type is the
 * estimate used here (a stateful group needs at least one capacity unit per rule).
 */
export function domainAllowlistCapacity(requiredCapacity: number): number {
  const doubled = Math.ceil((2 * requiredCapacity) / 100) * 100;
  return Math.min(LIMITS.awsNetworkFirewallMaxCapacity, Math.max(DOMAIN_ALLOWLIST_MIN_CAPACITY, doubled));
}

/**
 * The target a domain-name peer becomes. A wildcard `*.example.com` becomes `.example.com`, which AWS Network
 * Firewall matches for `example.com` itself as well as every subdomain: one name wider than the requirement.
 */
export function domainListTarget(r: Requirement): string {
  return r.peer.kind === PeerKind.WILDCARD_FQDN ? r.peer.value.slice(1) : r.peer.value;
}

/**
 * Validates and groups domain requirements by the target types they need: a domain reached over https only is
 * matched on TLS SNI only, over http only on the Host header only, over both on both.
 */
export function planDomainAllowlist(requirements: readonly Requirement[]): DomainAllowlistGroupPlan[] {
  const typesByTarget = new Map<string, Set<DomainTargetType>>();
  const requirementsByTarget = new Map<string, Requirement[]>();
  for (const r of requirements) {
    const where = `${sourceKey(r.primarySource)}: ${r.purpose}`;
    if (!r.peer.isDomain) {
      throw unsupportedPeer(
        'AWS Network Firewall domain allowlist',
        r.peer.toString(),
        where,
        'a domain list matches host names only',
        r.peer.kind === PeerKind.CIDR ? 'Allow CIDRs with SecurityGroupRules.' : 'Give domain names, or render this requirement with the Azure target.',
      );
    }
    if (r.direction !== Direction.EGRESS) {
      throw unsupportedPeer('AWS Network Firewall domain allowlist', r.peer.toString(), where, 'a domain list allows outbound traffic only', 'Give the CIDRs the peer connects from to SecurityGroupRules.');
    }
    if (r.protocol !== Protocol.HTTP && r.protocol !== Protocol.HTTPS) {
      throw invalidValue(
        `protocol for the domain allowlist`,
        `${r.protocol} ${r.portsText || ''} to ${r.peer.toString()}`.replace(/ +/g, ' '),
        where,
        'A domain list matches the HTTP Host header and the TLS SNI only: give the requirement as http or https, or allow the resolved addresses with SecurityGroupRules.',
        'unsupported-flow',
      );
    }
    const target = domainListTarget(r);
    const types = typesByTarget.get(target) ?? new Set<DomainTargetType>();
    types.add(r.protocol === Protocol.HTTP ? DomainTargetType.HTTP_HOST : DomainTargetType.TLS_SNI);
    typesByTarget.set(target, types);
    requirementsByTarget.set(target, [...(requirementsByTarget.get(target) ?? []), r]);
  }
  const groups = new Map<string, { types: DomainTargetType[]; targets: string[] }>();
  for (const [target, types] of typesByTarget) {
    const sorted = [...types].sort();
    const key = sorted.join(',');
    const group = groups.get(key) ?? { types: sorted, targets: [] };
    group.targets.push(target);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((g) => {
      const targets = withoutCovered(g.targets);
      const suffix = g.types.length === 2 ? 'http-tls' : g.types[0] === DomainTargetType.HTTP_HOST ? 'http' : 'tls';
      return {
        suffix,
        targetTypes: g.types,
        targets,
        requiredCapacity: targets.length * g.types.length,
        requirements: g.targets.flatMap((t) => requirementsByTarget.get(t) ?? []),
      };
    })
    .sort((a, b) => (a.suffix < b.suffix ? -1 : 1));
}

/** Drops names a `.domain` target of the same group already matches; sorted. */
function withoutCovered(targets: readonly string[]): string[] {
  const dotted = targets.filter((t) => t.startsWith('.'));
  return [...new Set(targets)]
    .filter((t) => !dotted.some((d) => d !== t && (t === d.slice(1) || t.endsWith(d))))
    .sort();
}

/**
 * Allows egress to domain names through AWS Network Firewall: `aws_networkfirewall_rule_group`s of type
 * STATEFUL with a `rules_source_list` ALLOWLIST, matched on TLS SNI (https), the HTTP Host header (http) or
 * both, one group per combination in use.
 *
 * `*.example.com` becomes `.example.com`, which also matches `example.com` itself. Ports are not part of a
 * domain list; restrict them with security group rules if needed. Attach the groups to a firewall policy.
 */
export class NetworkFirewallDomainAllowlist extends Construct {
  /** The rule groups, sorted by suffix (`http`, `http-tls`, `tls`). */
  public readonly ruleGroups: NetworkfirewallRuleGroup[] = [];
  /** The plan behind each rule group, in the same order. */
  public readonly groups: readonly DomainAllowlistGroupPlan[];

  constructor(scope: Construct, id: string, props: NetworkFirewallDomainAllowlistProps) {
    super(scope, id);
    if (!(props.requirements instanceof RequirementSet)) {
      throw invalidValue('requirements', String(props.requirements), ORIGIN, 'Give a RequirementSet, e.g. profile.filter((r) => r.peer.isDomain).');
    }
    if (typeof props.name !== 'string' || !NAME.test(props.name)) {
      throw invalidValue('name', String(props.name), ORIGIN, 'Use 1-119 letters, digits and hyphens (a suffix such as -http-tls is appended).');
    }
    if (props.capacity !== undefined && (!Number.isInteger(props.capacity) || props.capacity < 1)) {
      throw invalidValue('capacity', String(props.capacity), ORIGIN, `Give a whole number from 1 to ${LIMITS.awsNetworkFirewallMaxCapacity}.`);
    }
    const homeNet = (props.homeNetCidrs ?? []).map((c, i) => Cidr.parse(c, `${ORIGIN} homeNetCidrs[${i}]`).toString());
    const groups = planDomainAllowlist(props.requirements.assertResolved().requirements);
    for (const g of groups) {
      const capacity = props.capacity ?? domainAllowlistCapacity(g.requiredCapacity);
      const what = `Network Firewall rule group ${props.name}-${g.suffix} capacity (${g.targets.length} targets x ${g.targetTypes.length} target types)`;
      if (g.requiredCapacity > LIMITS.awsNetworkFirewallMaxCapacity) {
        throw limitExceeded(what, g.requiredCapacity, LIMITS.awsNetworkFirewallMaxCapacity, ORIGIN, 'Split the domains over several NetworkFirewallDomainAllowlist constructs, or allow parent domains with wildcards.');
      }
      if (capacity > LIMITS.awsNetworkFirewallMaxCapacity) {
        throw limitExceeded(`${ORIGIN} capacity`, capacity, LIMITS.awsNetworkFirewallMaxCapacity, `${ORIGIN} capacity`, 'A stateful rule group holds at most 30,000: lower capacity.');
      }
      if (capacity < g.requiredCapacity) {
        throw invalidValue(
          'capacity',
          String(capacity),
          ORIGIN,
          `${props.name}-${g.suffix} needs at least ${g.requiredCapacity} (${g.targets.length} targets x ${g.targetTypes.length} target types): raise capacity or leave it unset to compute it.`,
        );
      }
    }
    this.groups = groups;
    for (const g of groups) {
      const sources = [...new Set(g.requirements.map((r) => sourceKey(r.primarySource)))].sort();
      this.ruleGroups.push(
        new NetworkfirewallRuleGroup(this, g.suffix, {
          name: `${props.name}-${g.suffix}`,
          type: 'STATEFUL',
          capacity: props.capacity ?? domainAllowlistCapacity(g.requiredCapacity),
          description: sanitizeText(`Domain allowlist (${g.targetTypes.join(', ')}) for ${sources.join(', ')}`, 'a-zA-Z0-9 ._,:/()-', 512),
          ruleGroup: {
            ...(homeNet.length > 0 ? { ruleVariables: { ipSets: [{ key: 'HOME_NET', ipSet: { definition: homeNet } }] } } : {}),
            rulesSource: {
              rulesSourceList: {
                generatedRulesType: 'ALLOWLIST',
                targetTypes: [...g.targetTypes],
                targets: [...g.targets],
              },
            },
          },
          ...(props.tags && Object.keys(props.tags).length > 0 ? { tags: { ...props.tags } } : {}),
        }),
      );
    }
  }
}
