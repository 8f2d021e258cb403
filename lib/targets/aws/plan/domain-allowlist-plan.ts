import { Cidr } from '../../../model/cidr';
import { FirewallRequirementsError, invalidValue, limitExceeded } from '../../../model/errors';
import { InputCheck, isTerraformReference } from '../../../model/input';
import { PeerKind } from '../../../model/peer';
import { Direction, Protocol } from '../../../model/protocol';
import { sourceKey } from '../../../model/provenance';
import { Requirement } from '../../../model/requirement';
import { RequirementSet } from '../../../model/requirement-set';
import { assertNotAnyAddressList } from '../../../model/any-address';
import { selectNodeRequirements } from '../../../plan/control-plane-access';
import { LIMITS } from '../../../plan/limits';
import { sanitizeText } from '../../../plan/naming';

// Planning of the AWS Network Firewall domain allowlist, free of cdktf: the construct and the export target render
// the same plan.
//
// What an ALLOWLIST does (AWS Network Firewall Developer Guide, "Stateful domain list rule groups"): "traffic of the
// specified protocol type that does not match the domain specifications is denied". The generated rules are a pass
// rule per name and one drop rule per target type (`drop tls $HOME_NET any -> $EXTERNAL_NET any`, `drop http ...`).
// So a TLS_SNI group drops every TLS name it does not list, and an HTTP_HOST group every HTTP host it does not list;
// other protocols are untouched. Two groups that match the same protocol with different names would each drop the
// other's names wherever one group's drop runs before the other's pass (STRICT_ORDER evaluates group by group). The
// plan therefore makes ONE group per protocol holding EVERY name of that protocol: the TLS group lists all https
// names, the HTTP group all http names (a name reached both ways is in both). The groups never drop each other's
// traffic whatever the order, and no name is admitted on a protocol it was not required for (one group with both
// target types would admit every https-only name over plain http too).

/** What a domain list matches: the HTTP Host header or the TLS SNI. */
export enum DomainTargetType {
  HTTP_HOST = 'HTTP_HOST',
  TLS_SNI = 'TLS_SNI',
}

/** How the firewall policy orders its stateful rules; a rule group must use its policy's order. */
export enum StatefulRuleOrder {
  /** Pass rules of every group run before any drop rule: several allowlists act as their union. */
  DEFAULT_ACTION_ORDER = 'DEFAULT_ACTION_ORDER',
  /**
   * Groups run by priority, rules in their order. Give the policy the default actions `aws:drop_established` and
   * `aws:alert_established` (never `aws:drop_strict`, which drops the handshake before the name is seen).
   */
  STRICT_ORDER = 'STRICT_ORDER',
}

/** Smallest capacity the plan gives a rule group by default. */
export const DOMAIN_ALLOWLIST_MIN_CAPACITY = 100;
/** Longest rule group name AWS accepts. */
const RULE_GROUP_NAME_MAX = 128;
/** The longest suffix a group name gets (`-http`). */
const LONGEST_SUFFIX = '-http'.length;
const NAME_PATTERN = new RegExp(`^[a-zA-Z0-9-]{1,${RULE_GROUP_NAME_MAX - LONGEST_SUFFIX}}$`);

/** The props of `NetworkFirewallDomainAllowlist` other than the requirement sets (shared with the export target). */
export const DOMAIN_ALLOWLIST_OPTION_NAMES = ['name', 'homeNetCidrs', 'capacity', 'ruleOrder', 'tags', 'allowAnyAddress'] as const;

/** Checked options of the domain allowlist. */
export interface DomainAllowlistOptions {
  readonly name: string;
  /** The inspected source networks: literal CIDRs (normalized) and Terraform references, as given. */
  readonly homeNetCidrs: string[];
  /** @default - computed per group */
  readonly capacity?: number;
  readonly ruleOrder: StatefulRuleOrder;
  /** @default - none */
  readonly tags?: Record<string, string>;
  readonly allowAnyAddress: boolean;
}

/** Checks the allowlist's options at runtime (shared by the construct and the export target). */
export function checkDomainAllowlistOptions(check: InputCheck, props: Readonly<Record<string, unknown>>): DomainAllowlistOptions {
  const name = check.string('name', props.name, {
    allowReference: false,
    pattern: NAME_PATTERN,
    hint: `Use 1-${RULE_GROUP_NAME_MAX - LONGEST_SUFFIX} letters, digits and hyphens (the suffix -tls or -http is appended).`,
  });
  const allowAnyAddress = check.boolean('allowAnyAddress', props.allowAnyAddress, false);
  const entries = check.stringArray('homeNetCidrs', props.homeNetCidrs, { nonEmpty: true });
  const homeNet: string[] = [];
  const literal: Array<{ cidr: Cidr; origin: string }> = [];
  entries.forEach((text, i) => {
    const where = `${check.where('homeNetCidrs')}[${i}]`;
    if (isTerraformReference(text)) {
      homeNet.push(text);
      return;
    }
    const cidr = Cidr.parse(text, where);
    literal.push({ cidr, origin: where });
    homeNet.push(cidr.toString());
  });
  if (!allowAnyAddress) {
    assertNotAnyAddressList(
      literal,
      'HOME_NET',
      check.where('homeNetCidrs'),
      'Name the networks whose egress the firewall inspects (the node subnets, or the spoke VPCs of a central inspection VPC), or opt in with allowAnyAddress: true.',
    );
  }
  const capacity =
    props.capacity === undefined
      ? undefined
      : check.integer('capacity', props.capacity, { min: 1, max: LIMITS.awsNetworkFirewallMaxCapacity, hint: `capacity is a whole number from 1 to ${LIMITS.awsNetworkFirewallMaxCapacity} (a stateful rule group holds at most 30,000).` });
  const ruleOrder = check.enumValue('ruleOrder', props.ruleOrder, Object.values(StatefulRuleOrder), StatefulRuleOrder.DEFAULT_ACTION_ORDER);
  const tags = check.stringMap('tags', props.tags);
  return { name, homeNetCidrs: [...new Set(homeNet)], capacity, ruleOrder, tags, allowAnyAddress };
}

/** One planned rule group. */
export interface DomainAllowlistGroupPlan {
  /** `tls` or `http`: the construct id and the name suffix. */
  readonly suffix: string;
  /** `<name>-<suffix>`. */
  readonly name: string;
  readonly targetType: DomainTargetType;
  /** Sorted targets: names, and `.example.com` for `*.example.com`. */
  readonly targets: string[];
  /** The capacity the generated rules need (see `domainAllowlistRequiredCapacity`). */
  readonly requiredCapacity: number;
  /** The capacity the group gets: the `capacity` option, or `domainAllowlistCapacity(requiredCapacity)`. */
  readonly capacity: number;
  readonly description: string;
  readonly requirements: readonly Requirement[];
}

/** The whole plan: one group per protocol in use, the inspected networks, and the rows left to other targets. */
export interface DomainAllowlistPlan {
  /** `http` before `tls`. */
  readonly groups: readonly DomainAllowlistGroupPlan[];
  readonly homeNetCidrs: readonly string[];
  /** Rows that are not egress to a domain name from the nodes: CIDR rows, ingress rows, control-plane and service rows. */
  readonly skippedRequirements: readonly Requirement[];
}

/**
 * The capacity one group's generated rules consume: one per target plus one for the group's drop rule. AWS's
 * best-practices guide counts 1 for the first HTTPS domain (2 for HTTP) and 1 per further domain; a third-party
 * measurement gives targets + 1 for either protocol. The larger estimate is used.
 */
export function domainAllowlistRequiredCapacity(targets: number): number {
  return targets + 1;
}

/**
 * The capacity a group gets by default: what it needs doubled, so the list can grow without replacing the group
 * (capacity is fixed at creation), rounded up to a hundred, at least 100, at most 30,000.
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

/** Whether a row is one the allowlist renders: egress from the nodes to a domain name. */
function isDomainEgress(r: Requirement): boolean {
  return r.landsOnNodes && r.direction === Direction.EGRESS && r.peer.isDomain;
}

/**
 * Checks the rows of one set the allowlist would render: a domain name reached over anything but http or https
 * cannot be matched by a domain list (it matches the TLS SNI and the HTTP Host header only); unresolved placeholders
 * are refused.
 */
export function assertDomainAllowlistRows(requirements: readonly Requirement[]): void {
  const rows = requirements.filter(isDomainEgress);
  RequirementSet.of(rows).assertResolved();
  for (const r of rows) {
    if (r.protocol !== Protocol.HTTP && r.protocol !== Protocol.HTTPS) {
      throw invalidValue(
        'protocol for the domain allowlist',
        `${r.protocol} ${r.portsText || ''} to ${r.peer.toString()}`.replace(/ +/g, ' '),
        `${sourceKey(r.primarySource)}: ${r.purpose}`,
        'A domain list matches the HTTP Host header and the TLS SNI only: give the requirement as http or https, or allow the resolved addresses with SecurityGroupRules.',
        'unsupported-flow',
      );
    }
  }
}

/**
 * Plans the allowlist for a merged requirement set: the egress domain rows from the nodes become one TLS_SNI group
 * (https) and one HTTP_HOST group (http), each with every name of its protocol; everything else is skipped.
 * @param owner named in errors, e.g. `NetworkFirewallDomainAllowlist stack/allow`
 */
export function planDomainAllowlist(requirements: RequirementSet, options: DomainAllowlistOptions, owner: string): DomainAllowlistPlan {
  const { nodes, elsewhere } = selectNodeRequirements(requirements.requirements);
  assertDomainAllowlistRows(nodes);
  const rows = nodes.filter(isDomainEgress);
  const skipped = [...elsewhere, ...nodes.filter((r) => !isDomainEgress(r))];
  if (rows.length === 0) {
    throw new FirewallRequirementsError(
      'empty',
      `No domain names to allow: ${requirements.size} requirement(s), none egress to a domain name from the nodes`,
      `${requirements.size} requirement(s)`,
      owner,
      'An allowlist without names would drop all TLS and HTTP traffic from HOME_NET: add a set with egress http/https rows to domain names (e.g. eksNodesProfile or chainguardEnforceProfile), or leave the construct out.',
    );
  }
  const groups: DomainAllowlistGroupPlan[] = [];
  for (const [protocol, targetType, suffix] of [
    [Protocol.HTTP, DomainTargetType.HTTP_HOST, 'http'],
    [Protocol.HTTPS, DomainTargetType.TLS_SNI, 'tls'],
  ] as const) {
    const mine = rows.filter((r) => r.protocol === protocol);
    if (mine.length === 0) continue;
    const targets = withoutCovered(mine.map(domainListTarget));
    const requiredCapacity = domainAllowlistRequiredCapacity(targets.length);
    const name = `${options.name}-${suffix}`;
    if (requiredCapacity > LIMITS.awsNetworkFirewallMaxCapacity) {
      throw limitExceeded(
        `Network Firewall rule group ${name} capacity (${targets.length} targets + 1)`,
        requiredCapacity,
        LIMITS.awsNetworkFirewallMaxCapacity,
        owner,
        'Allow parent domains with wildcards (*.example.com), or split the names over two firewall policies.',
      );
    }
    const capacity = options.capacity ?? domainAllowlistCapacity(requiredCapacity);
    if (capacity < requiredCapacity) {
      throw invalidValue(
        'capacity',
        String(capacity),
        `${owner} capacity`,
        `${name} needs at least ${requiredCapacity} (${targets.length} targets + 1): raise capacity or leave it unset to compute it.`,
      );
    }
    const sources = [...new Set(mine.map((r) => sourceKey(r.primarySource)))].sort();
    groups.push({
      suffix,
      name,
      targetType,
      targets,
      requiredCapacity,
      capacity,
      description: sanitizeText(`Domain allowlist (${targetType}) for ${sources.join(', ')}`, 'a-zA-Z0-9 ._,:/()-', 512),
      requirements: mine,
    });
  }
  return { groups, homeNetCidrs: [...options.homeNetCidrs], skippedRequirements: skipped };
}

/** Drops names a `.domain` target of the same group already matches; sorted, distinct. */
function withoutCovered(targets: readonly string[]): string[] {
  const dotted = targets.filter((t) => t.startsWith('.'));
  return [...new Set(targets)].filter((t) => !dotted.some((d) => d !== t && (t === d.slice(1) || t.endsWith(d)))).sort();
}

/** The `rule_group` body of a planned group, in the provider's structure (camelCase; the exporter converts). */
export function domainAllowlistRuleGroupBody(group: DomainAllowlistGroupPlan, plan: DomainAllowlistPlan, ruleOrder: StatefulRuleOrder) {
  return {
    ruleVariables: { ipSets: [{ key: 'HOME_NET', ipSet: { definition: [...plan.homeNetCidrs] } }] },
    rulesSource: {
      rulesSourceList: {
        generatedRulesType: 'ALLOWLIST',
        targetTypes: [group.targetType],
        targets: [...group.targets],
      },
    },
    statefulRuleOptions: { ruleOrder },
  };
}
