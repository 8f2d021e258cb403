import { Cidr } from '../../../model/cidr';
import { invalidValue, limitExceeded, unknownOption, unsupportedPeer } from '../../../model/errors';
import { PeerKind } from '../../../model/peer';
import { Direction, isApplicationProtocol, Protocol, transportOf } from '../../../model/protocol';
import { Provenance, sourceKey } from '../../../model/provenance';
import { Requirement } from '../../../model/requirement';
import { RequirementSet } from '../../../model/requirement-set';
import { assertNotAnyAddress } from '../../../plan/any-address';
import { selectNodeRequirements } from '../../../plan/control-plane-access';
import { aggregateCidrs } from '../../../plan/flow-group';
import { assertWithinLimit, LIMITS } from '../../../plan/limits';
import { contentHash, sanitizeText, stableName } from '../../../plan/naming';

// Planning for Azure Firewall policy rules. No cdktf here: the plan is plain data that the construct renders,
// so it can be tested (and later rendered to plain Terraform JSON) on its own.

/** How the construct renders the FQDN rows of the sections an Azure Firewall FQDN tag covers. */
export enum AzureFirewallRuleMode {
  /** Every row is an explicit rule that cites its source (the default). */
  EXPLICIT_FQDNS = 'explicit-fqdns',
  /**
   * The rows the FQDN tag covers become one application rule with the tag (`destination_fqdn_tags`); everything
   * the tag does not cover (network rules, add-ons, other catalogs) stays explicit.
   */
  FQDN_TAG = 'fqdn-tag',
}

/** The two kinds of filter rule collection this target renders. */
export enum AzureRuleCollectionKind {
  APPLICATION = 'application',
  NETWORK = 'network',
}

/** One `protocols` block of an application rule. */
export interface PlannedApplicationProtocol {
  /** `Http` or `Https`. */
  readonly type: string;
  readonly port: number;
}

/** One application rule, without its sources (the construct adds them). */
export interface PlannedApplicationRule {
  readonly name: string;
  readonly description: string;
  readonly protocols: readonly PlannedApplicationProtocol[];
  /** @default - none */
  readonly destinationFqdns?: readonly string[];
  /** @default - none */
  readonly destinationFqdnTags?: readonly string[];
}

/** One network rule, without its sources (the construct adds them). */
export interface PlannedNetworkRule {
  readonly name: string;
  readonly description: string;
  /** `TCP`, `UDP`, `ICMP` or `Any`. */
  readonly protocols: readonly string[];
  /** Ports and ranges as strings, `*` for ICMP and Any. */
  readonly destinationPorts: readonly string[];
  /** CIDRs, addresses and service tags. @default - none */
  readonly destinationAddresses?: readonly string[];
  /** Domain names (network-rule FQDN filtering needs DNS proxy). @default - none */
  readonly destinationFqdns?: readonly string[];
}

/** One rule collection: the rules of one source section of one kind (or a part of them, when split). */
export interface PlannedCollection {
  readonly kind: AzureRuleCollectionKind;
  /** `catalog/section` the rules come from. */
  readonly section: string;
  readonly name: string;
  readonly priority: number;
  /** Set for application collections. @default - none */
  readonly applicationRules?: readonly PlannedApplicationRule[];
  /** Set for network collections. @default - none */
  readonly networkRules?: readonly PlannedNetworkRule[];
  /** Estimated serialized size in bytes, sources included. */
  readonly estimatedBytes: number;
}

/** One rule collection group (one Terraform resource). */
export interface PlannedGroup {
  readonly name: string;
  readonly priority: number;
  /** Collections sorted by priority, application and network mixed. */
  readonly collections: readonly PlannedCollection[];
  readonly estimatedBytes: number;
}

/** Everything the planner needs besides the requirements. */
export interface AzureRulePlanOptions {
  readonly mode: AzureFirewallRuleMode;
  /** Whether DNS proxy is enabled on the policy (network rules may then name FQDNs). */
  readonly dnsProxyEnabled: boolean;
  /** The FQDN tag used in FQDN_TAG mode, e.g. `AzureKubernetesService`. */
  readonly fqdnTag: string;
  /** `catalog/section` keys whose application FQDN rows the tag covers. */
  readonly fqdnTagSections: readonly string[];
  /** Number of source entries each rule carries (an IP group counts as one). */
  readonly sourceCount: number;
  /** Bytes the source attributes add to each rule, for the size estimate. */
  readonly sourceBytesPerRule: number;
  /** Name of the first rule collection group; further groups get `-2`, `-3`, ... */
  readonly groupName: string;
  /** Priority of the first group; further groups take the next priorities. */
  readonly basePriority: number;
  /** Most groups this plan may use. */
  readonly maxGroups: number;
  /** Most estimated bytes per group. */
  readonly maxGroupBytes: number;
  /** Base priority per section (`catalog/section`), replacing the derived one. */
  readonly collectionPriorities: Readonly<Record<string, number>>;
  /** Whether network-rule destinations that cover every address (per flow, after aggregation) are allowed. */
  readonly allowAnyAddress: boolean;
  /** Named in errors, e.g. `AzureFirewallPolicyRules aks-egress`. */
  readonly origin: string;
}

/** The result: groups to render, what was skipped and the counts that were checked. */
export interface AzureRulePlan {
  readonly groups: readonly PlannedGroup[];
  /**
   * Requirements not rendered: ingress ones (an egress firewall does not admit them) and every one that does not
   * land on the nodes (see `elsewhere`).
   */
  readonly skipped: readonly Requirement[];
  /** The skipped requirements that land on the cluster API endpoint or a service beside the cluster. */
  readonly elsewhere: readonly Requirement[];
  /** Sum over network rules of sources x destinations (the Azure Firewall 20,000 limit). */
  readonly networkRulePairs: number;
  /** FQDNs over all network rules (Azure advises at most 1,000 per firewall for performance). */
  readonly networkRuleFqdns: number;
}

/** Rule descriptions are cut to this length (a readability choice; the provider documents no limit). */
export const AZURE_RULE_DESCRIPTION_MAX = 512;
/** Rule and collection names are cut to this length (a readability choice; hashes keep them unique). */
export const AZURE_NAME_MAX = 80;
/** Characters kept in descriptions: printable ASCII without quotes, backslash, `$`, `%` and braces (Terraform interpolation). */
const DESCRIPTION_CHARS = "A-Za-z0-9 .,:;/()<>#*_+=?&'@!\\[\\]|~^-";

/** Priority slots for derived collection priorities: section base = 100 + 10 * slot; network +0, application +5. */
const PRIORITY_SLOTS = Math.floor((LIMITS.azurePriorityMax - 5 - LIMITS.azurePriorityMin) / 10) + 1;
const APPLICATION_OFFSET = 5;

/** Network-rule protocol names. */
const NETWORK_PROTOCOLS: Readonly<Record<string, string>> = {
  [Protocol.TCP]: 'TCP',
  [Protocol.UDP]: 'UDP',
  [Protocol.ICMP]: 'ICMP',
  [Protocol.ANY]: 'Any',
};

/** Application-rule protocol names. */
const APPLICATION_PROTOCOLS: Readonly<Record<string, string>> = {
  [Protocol.HTTP]: 'Http',
  [Protocol.HTTPS]: 'Https',
};

/**
 * The derived base priority of a section's collections: a stable hash of the section key into 6,490 slots of 10,
 * so that adding a section never moves another section's priorities. The network collection takes the base,
 * the application collection base + 5.
 */
export function derivedSectionPriority(section: string): number {
  const slot = parseInt(contentHash('azure-rule-collection', section), 16) % PRIORITY_SLOTS;
  return LIMITS.azurePriorityMin + 10 * slot;
}

/** Estimated serialized size of a value (UTF-8 bytes of its JSON). */
export function estimateBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/**
 * Plans the rule collection groups for the egress requirements of `sets`: one application and/or one network
 * collection per source section; a flow listed by several sections appears in each of them (with that
 * section's purpose), so that every collection depends only on its own section. Validates everything and
 * throws before anything is rendered.
 */
export function planAzureFirewallRules(sets: readonly RequirementSet[], options: AzureRulePlanOptions): AzureRulePlan {
  validatePriority(options.basePriority, 'basePriority', options.origin);
  const all = RequirementSet.union(sets);
  const { egress, skipped, elsewhere } = selectEgressRequirements(all);
  if (egress.size === 0) {
    throw invalidValue(
      'requirement sets',
      `${all.size} requirement(s), none egress from the nodes`,
      options.origin,
      'An Azure Firewall policy filters egress traffic; pass requirement sets with egress requirements (ingress CIDRs to the API server belong in AksAuthorizedIpRanges).',
    );
  }
  egress.assertResolved();
  for (const r of egress.requirements) checkExpressible(r, options);
  assertNoAnyAddressDestination(egress.requirements, options);

  const sections = collectSections(egress.requirements);
  const tagSections = new Set(options.fqdnTagSections);
  if (options.mode === AzureFirewallRuleMode.FQDN_TAG && ![...sections.keys()].some((s) => tagSections.has(s))) {
    throw invalidValue(
      'mode',
      AzureFirewallRuleMode.FQDN_TAG,
      options.origin,
      `None of the requirements comes from a section the ${options.fqdnTag} FQDN tag covers (${[...tagSections].join(', ')}). ` +
        'Use AzureFirewallRuleMode.EXPLICIT_FQDNS, or pass the AKS profile.',
    );
  }

  const priorities = sectionPriorities([...sections.keys()], options);
  const collections: PlannedCollection[] = [];
  let networkRulePairs = 0;
  let networkRuleFqdns = 0;
  for (const [section, entry] of sections) {
    const useTag = options.mode === AzureFirewallRuleMode.FQDN_TAG && tagSections.has(section);
    const { applicationRules, networkRules } = planSection(entry, useTag, options);
    const base = priorities.get(section) as number;
    if (networkRules.length > 0) {
      collections.push(collection(AzureRuleCollectionKind.NETWORK, section, base, undefined, networkRules, options));
      for (const rule of networkRules) {
        networkRulePairs += options.sourceCount * ((rule.destinationAddresses?.length ?? 0) + (rule.destinationFqdns?.length ?? 0));
        networkRuleFqdns += rule.destinationFqdns?.length ?? 0;
      }
    }
    if (applicationRules.length > 0) {
      collections.push(collection(AzureRuleCollectionKind.APPLICATION, section, base + APPLICATION_OFFSET, applicationRules, undefined, options));
    }
  }
  assertWithinLimit(
    'Azure Firewall unique source/destination pairs in network rules',
    networkRulePairs,
    LIMITS.azureNetworkRuleSourceDestinationPairs,
    options.origin,
    'Pairs are sources x destinations summed over network rules, and an IP group counts as one address: ' +
      'put the sources in an IP group (FirewallRuleSources.ipGroupIds or FirewallRuleSources.newIpGroup), ' +
      'use fewer, wider source ranges, or spread the sections over several firewall policies.',
  );

  collections.sort((a, b) => a.priority - b.priority);
  const groups = packGroups(collections, options);
  assertWithinLimit(
    'Azure Firewall rule collection groups for one policy',
    groups.length,
    options.maxGroups,
    options.origin,
    `Groups split at ${options.maxGroupBytes} estimated bytes each. Put the sources in an IP group to shrink every rule, ` +
      'spread the requirement sets over several firewall policies, or raise maxRuleCollectionGroups if the policy allows more.',
  );
  const last = groups[groups.length - 1];
  if (last.priority > LIMITS.azurePriorityMax) {
    throw invalidValue(
      'rule collection group priority',
      String(last.priority),
      options.origin,
      `The ${groups.length} groups take priorities ${options.basePriority}-${last.priority}, past ${LIMITS.azurePriorityMax}; ` +
        `lower basePriority to at most ${LIMITS.azurePriorityMax - groups.length + 1}.`,
    );
  }
  return { groups, skipped, elsewhere, networkRulePairs, networkRuleFqdns };
}

interface SectionEntry {
  readonly section: string;
  readonly provenance: Provenance;
  readonly requirements: Requirement[];
}

/** Every section each requirement is listed in, sorted by section key. */
function collectSections(requirements: readonly Requirement[]): Map<string, SectionEntry> {
  const bySection = new Map<string, SectionEntry>();
  for (const r of requirements) {
    const seen = new Set<string>();
    for (const source of r.sources) {
      const key = sourceKey(source);
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = bySection.get(key);
      if (entry) entry.requirements.push(r);
      else bySection.set(key, { section: key, provenance: source, requirements: [r] });
    }
  }
  return new Map([...bySection.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function sectionPriorities(sections: readonly string[], options: AzureRulePlanOptions): Map<string, number> {
  for (const [section, priority] of Object.entries(options.collectionPriorities)) {
    if (!sections.includes(section)) {
      throw unknownOption('section in collectionPriorities', section, options.origin, sections);
    }
    validatePriority(priority, `collectionPriorities[${JSON.stringify(section)}]`, options.origin, LIMITS.azurePriorityMax - APPLICATION_OFFSET);
  }
  const out = new Map<string, number>();
  const owner = new Map<number, string>();
  for (const section of sections) {
    const base = options.collectionPriorities[section] ?? derivedSectionPriority(section);
    // Each section uses base (network) and base + 5 (application); two sections clash when their bases are closer than that.
    for (const [taken, other] of owner) {
      if (Math.abs(taken - base) <= APPLICATION_OFFSET) {
        throw invalidValue(
          'rule collection priority',
          String(base),
          options.origin,
          `Sections ${other} (priorities ${taken} and ${taken + APPLICATION_OFFSET}) and ${section} (priorities ${base} and ` +
            `${base + APPLICATION_OFFSET}) collide. Set collectionPriorities: { ${JSON.stringify(section)}: <a free priority> } ` +
            `(${LIMITS.azurePriorityMin}-${LIMITS.azurePriorityMax - APPLICATION_OFFSET}, at least 6 away from the others).`,
        );
      }
    }
    owner.set(base, section);
    out.set(section, base);
  }
  return out;
}

function validatePriority(value: number, what: string, origin: string, max: number = LIMITS.azurePriorityMax): void {
  if (!Number.isInteger(value) || value < LIMITS.azurePriorityMin || value > max) {
    throw invalidValue(what, String(value), origin, `Azure Firewall priorities are whole numbers from ${LIMITS.azurePriorityMin} to ${max}.`);
  }
}

interface RuleDraft {
  readonly sortKey: string;
  readonly key: string;
  readonly readable: string;
  readonly purposes: string[];
}

interface ApplicationDraft extends RuleDraft {
  readonly protocols: Map<string, PlannedApplicationProtocol>;
  readonly fqdn?: string;
  readonly tag?: string;
  covered: number;
}

interface NetworkDraft extends RuleDraft {
  readonly protocol: string;
  readonly ports: readonly string[];
  readonly addresses: string[];
  readonly fqdns: string[];
}

function planSection(
  entry: SectionEntry,
  useTag: boolean,
  options: AzureRulePlanOptions,
): { applicationRules: PlannedApplicationRule[]; networkRules: PlannedNetworkRule[] } {
  const apps = new Map<string, ApplicationDraft>();
  const nets = new Map<string, NetworkDraft>();
  const cidrGroups = new Map<string, { protocol: string; ports: string[]; requirements: Requirement[] }>();
  const purposesOf = (r: Requirement) => [...r.purposesFrom(entry.provenance), ...interpretationNote(r)];

  for (const r of entry.requirements) {
    const origin = requirementOrigin(r, entry.section);
    const peer = r.peer;
    if (isApplicationProtocol(r.protocol) && (peer.isDomain || peer.kind === PeerKind.FQDN_TAG)) {
      const coveredByTag = useTag && peer.isDomain;
      const tag = peer.kind === PeerKind.FQDN_TAG ? peer.value : coveredByTag ? options.fqdnTag : undefined;
      const key = tag !== undefined ? `application|fqdn-tag:${tag}` : `application|${peer.key}`;
      let draft = apps.get(key);
      if (!draft) {
        draft = {
          key,
          sortKey: `${tag !== undefined ? '0' : '1'} ${peer.value}`,
          readable: tag !== undefined ? `${tag} fqdn tag` : peer.value,
          purposes: [],
          protocols: new Map(),
          fqdn: tag === undefined ? peer.value : undefined,
          tag,
          covered: 0,
        };
        apps.set(key, draft);
      }
      if (coveredByTag) draft.covered++;
      else addAll(draft.purposes, purposesOf(r));
      for (const range of r.ports) {
        const type = APPLICATION_PROTOCOLS[r.protocol];
        draft.protocols.set(`${type}:${range.from}`, { type, port: range.from });
      }
      continue;
    }

    const protocol = NETWORK_PROTOCOLS[transportOf(r.protocol)];
    const ports = r.ports.length > 0 ? r.ports.map((p) => p.toString()) : ['*'];
    const flow = `${protocol}|${ports.join(',')}`;
    switch (peer.kind) {
      case PeerKind.CIDR: {
        const group = cidrGroups.get(flow);
        if (group) group.requirements.push(r);
        else cidrGroups.set(flow, { protocol, ports, requirements: [r] });
        break;
      }
      case PeerKind.SERVICE_TAG:
        addNetwork(nets, `network|${flow}|${peer.key}`, peer.value, protocol, ports, [peer.value], [], purposesOf(r));
        break;
      case PeerKind.FQDN:
        addNetwork(nets, `network|${flow}|${peer.key}`, peer.value, protocol, ports, [], [peer.value], purposesOf(r));
        break;
      default:
        // checkExpressible refused every other peer before planning.
        throw new Error(`internal: ${origin} reached network planning`);
    }
  }

  // CIDRs of one flow merge exactly into one rule (nothing widened).
  for (const [flow, group] of cidrGroups) {
    const cidrs = Cidr.aggregate(group.requirements.map((r) => r.peer.cidr as Cidr)).map((c) => c.toString());
    const purposes: string[] = [];
    for (const r of group.requirements) addAll(purposes, purposesOf(r));
    const readable = cidrs.length === 1 ? cidrs[0] : `${cidrs[0]} and ${cidrs.length - 1} more`;
    addNetwork(nets, `network|${flow}|cidrs:${cidrs.join(',')}`, readable, group.protocol, group.ports, cidrs, [], purposes);
  }

  const source = provenanceText(entry.provenance);
  const applicationRules = [...apps.values()]
    .sort((a, b) => compareText(a.sortKey, b.sortKey))
    .map((d): PlannedApplicationRule => {
      const purposes = d.covered > 0 ? [`The ${d.tag} FQDN tag covers the ${d.covered} FQDN rows of this section`, ...d.purposes] : d.purposes;
      const protocols = [...d.protocols.values()].sort((a, b) => compareText(a.type, b.type) || a.port - b.port);
      return {
        name: stableName(d.readable, d.key, AZURE_NAME_MAX),
        description: describe(purposes, source),
        protocols,
        ...(d.fqdn !== undefined ? { destinationFqdns: [d.fqdn] } : {}),
        ...(d.tag !== undefined ? { destinationFqdnTags: [d.tag] } : {}),
      };
    });
  const networkRules = [...nets.values()]
    .sort((a, b) => compareText(a.sortKey, b.sortKey))
    .map(
      (d): PlannedNetworkRule => ({
        name: stableName(d.readable, d.key, AZURE_NAME_MAX),
        description: describe(d.purposes, source),
        protocols: [d.protocol],
        destinationPorts: d.ports,
        ...(d.addresses.length > 0 ? { destinationAddresses: d.addresses } : {}),
        ...(d.fqdns.length > 0 ? { destinationFqdns: d.fqdns } : {}),
      }),
    );
  return { applicationRules, networkRules };
}

function addNetwork(
  nets: Map<string, NetworkDraft>,
  key: string,
  readable: string,
  protocol: string,
  ports: readonly string[],
  addresses: string[],
  fqdns: string[],
  purposes: string[],
): void {
  const existing = nets.get(key);
  if (existing) {
    addAll(existing.purposes, purposes);
    return;
  }
  const portText = ports.join(' ') === '*' ? '' : ` ${ports.join(' ')}`;
  nets.set(key, {
    key,
    sortKey: `${readable} ${protocol} ${ports.join(',')}`,
    readable: `${readable} ${protocol}${portText}`,
    purposes: [...purposes],
    protocol,
    ports,
    addresses,
    fqdns,
  });
}

function addAll(target: string[], items: readonly string[]): void {
  for (const item of items) if (!target.includes(item)) target.push(item);
}

/**
 * The provenance a rule description carries: only what stays the same across editions of a document (the
 * catalog/section key and the section title). The edition date and the commit-pinned URL change with every edition;
 * writing them into every description would change every rule when a user switches editions, although only the
 * changed flows differ. Listings (the CLI) show dates and URLs.
 */
export function provenanceText(p: Provenance): string {
  return `Source: ${sourceKey(p)}, ${p.sectionTitle}`;
}

/** What a rule says about an interpreted row: the vendor's literal spelling, so a reviewer can find the row. */
function interpretationNote(r: Requirement): string[] {
  return r.interpretation ? [`Listed as ${r.interpretation.literalPeer.toString()}; rendered as ${r.peer.toString()} (interpretation)`] : [];
}

function requirementOrigin(r: Requirement, section = sourceKey(r.primarySource)): string {
  return `${section}: ${r.peer.toString()} ${r.protocol}/${r.portsText || '-'} (${r.purpose})`;
}

/** The egress requirements that land on the nodes (what the policy renders), and the rest. */
export function selectEgressRequirements(all: RequirementSet): { egress: RequirementSet; skipped: Requirement[]; elsewhere: Requirement[] } {
  const { nodes, elsewhere } = selectNodeRequirements(all.requirements);
  const egress = nodes.filter((r) => r.direction === Direction.EGRESS);
  const skipped = all.requirements.filter((r) => !egress.includes(r));
  return { egress: RequirementSet.of(egress), skipped, elsewhere: [...elsewhere] };
}

/**
 * Refuses a requirement Azure Firewall cannot express as given: application-rule port ranges or ports past 64000,
 * network-rule FQDNs without DNS proxy, wildcards in network rules, unresolved placeholders.
 */
export function checkExpressible(r: Requirement, options: Pick<AzureRulePlanOptions, 'dnsProxyEnabled'>): void {
  const origin = requirementOrigin(r);
  const peer = r.peer;
  if (peer.kind === PeerKind.PLACEHOLDER) RequirementSet.of([r]).assertResolved();
  if (isApplicationProtocol(r.protocol) && (peer.isDomain || peer.kind === PeerKind.FQDN_TAG)) {
    for (const range of r.ports) {
      if (!range.isSingle) {
        throw invalidValue(
          'application rule port',
          range.toString(),
          origin,
          'An Azure Firewall application rule takes single ports (one protocols block each); list the ports one by one, or state the flow as tcp so it becomes a network rule.',
        );
      }
      if (range.from > LIMITS.azureApplicationRulePortMax) {
        throw invalidValue(
          'application rule port',
          range.toString(),
          origin,
          `Azure Firewall application rule ports go up to ${LIMITS.azureApplicationRulePortMax}; state the flow as tcp so it becomes a network rule.`,
        );
      }
    }
    return;
  }
  switch (peer.kind) {
    case PeerKind.CIDR:
    case PeerKind.SERVICE_TAG:
      return;
    case PeerKind.FQDN:
      if (!options.dnsProxyEnabled) {
        throw unsupportedPeer(
          'An Azure Firewall network rule',
          peer.value,
          origin,
          'FQDNs in network rules work only with DNS proxy enabled on the firewall policy',
          'Enable DNS proxy on the policy (azurerm_firewall_policy dns { proxy_enabled = true }) and set dnsProxyEnabled: true on this construct.',
        );
      }
      return;
    case PeerKind.WILDCARD_FQDN:
      throw unsupportedPeer(
        'An Azure Firewall network rule',
        peer.value,
        origin,
        'FQDN filtering in network rules does not support wildcards',
        'State the flow as http or https so it becomes an application rule (which takes left-most wildcards), or list the exact names.',
      );
    default:
      // FQDN tags only come with http/https (model rule).
      throw unsupportedPeer('An Azure Firewall network rule', peer.toString(), origin, `a ${peer.kind} peer is not a network destination`, 'Use a CIDR, a service tag or a domain name.');
  }
}

/**
 * Refuses network-rule destinations that cover every address, judged per rendered flow (protocol and ports) over
 * every section after exact aggregation: 0.0.0.0/1 in one section and 128.0.0.0/1 in another open the same flow to
 * every IPv4 address, just as 0.0.0.0/0 does. `allowAnyAddress` is the named opt-in.
 */
function assertNoAnyAddressDestination(requirements: readonly Requirement[], options: AzureRulePlanOptions): void {
  if (options.allowAnyAddress) return;
  const byFlow = new Map<string, Requirement[]>();
  for (const r of requirements) {
    if (r.peer.kind !== PeerKind.CIDR) continue;
    const flow = `${NETWORK_PROTOCOLS[transportOf(r.protocol)]}|${r.portsText || '*'}`;
    const list = byFlow.get(flow);
    if (list) list.push(r);
    else byFlow.set(flow, [r]);
  }
  for (const flow of [...byFlow.keys()].sort()) {
    for (const network of aggregateCidrs(byFlow.get(flow) as Requirement[])) {
      assertNotAnyAddress(network, `allowAnyAddress: true on AzureFirewallPolicyRules (${options.origin})`);
    }
  }
}

/** Purposes first, then the source; the purposes are cut so that the source always survives. */
function describe(purposes: readonly string[], source: string): string {
  const cleanSource = sanitizeText(source, DESCRIPTION_CHARS, AZURE_RULE_DESCRIPTION_MAX);
  const budget = AZURE_RULE_DESCRIPTION_MAX - cleanSource.length - 2;
  const purpose = budget > 3 ? sanitizeText(purposes.join(' / '), DESCRIPTION_CHARS, budget) : '';
  if (!purpose) return cleanSource;
  return /[.!?]$/.test(purpose) ? `${purpose} ${cleanSource}` : `${purpose}. ${cleanSource}`;
}

function collection(
  kind: AzureRuleCollectionKind,
  section: string,
  priority: number,
  applicationRules: PlannedApplicationRule[] | undefined,
  networkRules: PlannedNetworkRule[] | undefined,
  options: AzureRulePlanOptions,
): PlannedCollection {
  const name = stableName(`${section} ${kind}`, `${section}|${kind}`, AZURE_NAME_MAX);
  const c = { kind, section, name, priority, applicationRules, networkRules, estimatedBytes: 0 };
  return { ...c, estimatedBytes: collectionBytes(c, options) };
}

function rulesOf(c: PlannedCollection): ReadonlyArray<PlannedApplicationRule | PlannedNetworkRule> {
  return c.applicationRules ?? c.networkRules ?? [];
}

function ruleBytes(rule: PlannedApplicationRule | PlannedNetworkRule, options: AzureRulePlanOptions): number {
  return estimateBytes(rule) + options.sourceBytesPerRule + 1;
}

function collectionBytes(c: PlannedCollection, options: AzureRulePlanOptions): number {
  const header = estimateBytes({ name: c.name, action: 'Allow', priority: c.priority, rule: [] });
  return header + rulesOf(c).reduce((sum, rule) => sum + ruleBytes(rule, options), 0);
}

function withRules(c: PlannedCollection, rules: ReadonlyArray<PlannedApplicationRule | PlannedNetworkRule>, name: string, options: AzureRulePlanOptions): PlannedCollection {
  const base = {
    ...c,
    name,
    applicationRules: c.kind === AzureRuleCollectionKind.APPLICATION ? (rules as PlannedApplicationRule[]) : undefined,
    networkRules: c.kind === AzureRuleCollectionKind.NETWORK ? (rules as PlannedNetworkRule[]) : undefined,
  };
  return { ...base, estimatedBytes: collectionBytes(base, options) };
}

/**
 * Packs collections (in priority order) into groups of at most `maxGroupBytes`: a collection that fits stays
 * whole, starting a new group when the current one is full; one larger than a whole group is split by rules
 * into parts (`<name>-2`, ...) that keep its priority, each in its own group.
 */
function packGroups(collections: readonly PlannedCollection[], options: AzureRulePlanOptions): PlannedGroup[] {
  const limit = options.maxGroupBytes;
  const groups: PlannedCollection[][] = [[]];
  let used = 0;
  const open = () => {
    if (groups[groups.length - 1].length > 0) groups.push([]);
    used = 0;
  };
  for (const c of collections) {
    if (used + c.estimatedBytes <= limit) {
      groups[groups.length - 1].push(c);
      used += c.estimatedBytes;
      continue;
    }
    if (c.estimatedBytes <= limit) {
      open();
      groups[groups.length - 1].push(c);
      used = c.estimatedBytes;
      continue;
    }
    // Larger than a group: split by rules. The header allowance covers the `-<part>` name suffix.
    open();
    const header = collectionBytes(withRules(c, [], `${c.name}-9999`, options), options);
    let part: Array<PlannedApplicationRule | PlannedNetworkRule> = [];
    let partBytes = header;
    let partIndex = 1;
    const flush = () => {
      const piece = withRules(c, part, partIndex === 1 ? c.name : `${c.name}-${partIndex}`, options);
      groups[groups.length - 1].push(piece);
      used = piece.estimatedBytes;
      partIndex++;
      part = [];
      partBytes = header;
    };
    for (const rule of rulesOf(c)) {
      const bytes = ruleBytes(rule, options);
      if (partBytes + bytes > limit) {
        if (part.length === 0) {
          throw limitExceeded(
            `Estimated size in bytes of rule ${rule.name} in Azure Firewall rule collection ${c.name}`,
            header + bytes,
            limit,
            options.origin,
            'One rule cannot be split across groups. Put the sources in an IP group (FirewallRuleSources.ipGroupIds or FirewallRuleSources.newIpGroup) to shrink it.',
          );
        }
        flush();
        open();
      }
      part.push(rule);
      partBytes += bytes;
    }
    flush();
  }
  return groups.map((collectionsOfGroup, i) => ({
    name: i === 0 ? options.groupName : `${options.groupName}-${i + 1}`,
    priority: options.basePriority + i,
    collections: collectionsOfGroup,
    estimatedBytes: collectionsOfGroup.reduce((sum, c) => sum + c.estimatedBytes, 0),
  }));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

