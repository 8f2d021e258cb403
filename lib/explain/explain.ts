import { PROFILES } from '../catalog';
import { catalogLifecycle } from '../catalog/lifecycle';
import { CatalogStatus } from '../model/lifecycle';
import { catalogRequirements } from '../drift/catalog-rows';
import { Landing } from '../model/landing';
import { Peer } from '../model/peer';
import { sourceKey } from '../model/provenance';
import { Requirement } from '../model/requirement';
import { RequirementSet } from '../model/requirement-set';
import { Flow, FlowSource } from './flow';
import { HostMatch, matchHost, portMatches, protocolMatches } from './flow-match';
import { profileRows, ProfileRows } from './option-variants';

/** What explain concluded about one denied flow. */
export enum ExplainVerdict {
  /** A row of the user's profile allows the flow: the firewall should not have denied it (see `reasons`). */
  ALLOWED_BY_PROFILE = 'allowed-by-profile',
  /** The profile does not allow it, but a catalog row does (see `catalogRows` for the option that brings it in). */
  CATALOG_ROW = 'catalog-row',
  /** No catalog knows the flow. */
  UNKNOWN = 'unknown',
}

/** A requirement row, as explain cites it. */
export interface RowReference {
  readonly id: string;
  /** `catalog/section`. */
  readonly source: string;
  readonly sectionTitle: string;
  readonly document: string;
  readonly url: string;
  readonly date: string;
  /** The peer the row renders. */
  readonly peer: string;
  /** The vendor's literal spelling, when the row interprets it. @default - none */
  readonly literalPeer?: string;
  readonly protocol: string;
  readonly ports: string;
  readonly landing: string;
  /** How the peer meets the flow: `exact`, `wildcard`. */
  readonly match: string;
}

/** A catalog row that would allow a flow, with what brings it in. */
export interface CatalogRowMatch extends RowReference {
  /** The profile (catalog) the row belongs to. */
  readonly profile: string;
  /** Whether the user's spec uses that profile. */
  readonly profileInSpec: boolean;
  /** The option variants that produce the row: `default`, or `option: value`. */
  readonly options: readonly string[];
  /** What to change, in words. */
  readonly bringIn: string;
}

/** The explanation of one denied flow. */
export interface FlowExplanation {
  readonly flow: Flow;
  readonly verdict: ExplainVerdict;
  /** Rows of the profile that allow the flow. */
  readonly profileRows: readonly RowReference[];
  /** Why the firewall may still have denied it (when allowed), or why a close row did not match. */
  readonly reasons: readonly string[];
  /** Catalog rows that would allow it (when the profile does not). */
  readonly catalogRows: readonly CatalogRowMatch[];
  /** One sentence. */
  readonly summary: string;
}

/** The profiles of the user's spec, with the options they were built with, and the merged set. */
export interface ExplainProfiles {
  readonly profiles: ReadonlyArray<{ readonly name: string; readonly options: Readonly<Record<string, unknown>> }>;
  readonly requirements: RequirementSet;
}

/**
 * Explains denied flows against a user's profiles: whether the profile allows each flow and, if it does, which row
 * (and so which rule collection, rule group or rule) should have matched and why it may not have; if it does not,
 * which catalog row would allow it and which option or profile brings that row in, found by building each profile
 * with each declared option turned on (never a list kept by hand).
 */
export function explainFlows(flows: readonly Flow[], profiles: ExplainProfiles): FlowExplanation[] {
  const index = new CatalogIndex(profiles);
  return flows.map((flow) => explainFlow(flow, profiles.requirements.requirements, index));
}

function explainFlow(flow: Flow, allowed: readonly Requirement[], index: CatalogIndex): FlowExplanation {
  const matching = matchingRows(flow, allowed);
  if (matching.length > 0) {
    const refs = matching.map(({ r, m }) => reference(r, m));
    return {
      flow,
      verdict: ExplainVerdict.ALLOWED_BY_PROFILE,
      profileRows: refs,
      reasons: allowedReasons(flow, matching.map((x) => x.r)),
      catalogRows: [],
      summary: `The profile allows ${flow.text} (${refs.map((r) => `${r.peer} in ${r.source}`).join('; ')}): the firewall should have let it through.`,
    };
  }
  const reasons = nearMisses(flow, allowed);
  const catalogRows = index.find(flow);
  if (catalogRows.length === 0 && flow.ip && !flow.host) reasons.push(...index.byPort(flow, allowed));
  if (catalogRows.length > 0) {
    const first = catalogRows[0];
    return {
      flow,
      verdict: ExplainVerdict.CATALOG_ROW,
      profileRows: [],
      reasons,
      catalogRows,
      summary: `The profile does not allow ${flow.text}; ${first.source} ("${first.sectionTitle}", ${first.document}) does: ${first.bringIn}.`,
    };
  }
  return {
    flow,
    verdict: ExplainVerdict.UNKNOWN,
    profileRows: [],
    reasons,
    catalogRows: [],
    summary: `No catalog knows ${flow.text}: it is not a documented requirement of any platform or agent this library catalogs. If a workload needs it, allow it as a row of your own.`,
  };
}

function hostMatch(peer: Peer, flow: Flow): HostMatch {
  if (flow.host) {
    const m = matchHost(peer, flow.host);
    if (m !== HostMatch.NONE) return m;
  }
  return flow.ip ? matchHost(peer, flow.ip) : HostMatch.NONE;
}

function matchingRows(flow: Flow, rows: readonly Requirement[]): Array<{ r: Requirement; m: HostMatch }> {
  const out: Array<{ r: Requirement; m: HostMatch }> = [];
  for (const r of rows) {
    if (r.direction !== flow.direction) continue;
    const m = hostMatch(r.peer, flow);
    if ((m === HostMatch.EXACT || m === HostMatch.WILDCARD) && portMatches(r, flow.port) && protocolMatches(r, flow.protocol)) out.push({ r, m });
  }
  return out;
}

function reference(r: Requirement, m: HostMatch): RowReference {
  const p = r.primarySource;
  return {
    id: r.id,
    source: sourceKey(p),
    sectionTitle: p.sectionTitle,
    document: p.title,
    url: p.url,
    date: p.date,
    peer: r.peer.value,
    ...(r.interpretation ? { literalPeer: r.interpretation.literalPeer.value } : {}),
    protocol: r.protocol,
    ports: r.portsText,
    landing: r.landing,
    match: m,
  };
}

/** Why a firewall built from the profile may still deny a flow the profile allows. */
function allowedReasons(flow: Flow, rows: readonly Requirement[]): string[] {
  const reasons: string[] = [];
  const add = (s: string) => {
    if (!reasons.includes(s)) reasons.push(s);
  };
  for (const r of rows) {
    const peer = r.peer.value;
    if (r.landing !== Landing.NODES) {
      add(`${peer} lands on ${r.landing === Landing.CONTROL_PLANE ? 'the cluster API endpoint' : 'a service beside the cluster'}: node firewalls never render it; admit it where it lands (API server allowlist or the service's own firewall).`);
    }
    if (flow.source === FlowSource.AZURE_NETWORK_RULE && r.peer.isDomain && (r.protocol === 'https' || r.protocol === 'http')) {
      add(`The profile allows ${peer} as an application rule (matched by TLS SNI or Host header), but a network rule judged this flow by address: the client connected without a name the firewall could read, or a network rule collection with a higher priority denied it first.`);
    }
    if (flow.source === FlowSource.AZURE_NETWORK_RULE && r.peer.isDomain && r.protocol !== 'https' && r.protocol !== 'http') {
      add(`${peer} is a domain name in a network rule: Azure Firewall resolves it only with DNS proxy enabled on the policy (dnsProxyEnabled: true) and the nodes using the firewall as their DNS server; with DNS proxy off the rule never matches.`);
    }
    if (flow.source === FlowSource.AWS_NETWORK_FIREWALL_ALERT && r.peer.isDomain && (flow.protocol === 'http' || flow.protocol === 'https') && (r.protocol === 'http' || r.protocol === 'https') && r.protocol !== flow.protocol) {
      const other = flow.protocol === 'http' ? 'HTTP_HOST' : 'TLS_SNI';
      add(`The profile allows ${peer} over ${r.protocol.toUpperCase()} only. An AWS Network Firewall domain list of type ALLOWLIST drops every name of the protocols it inspects: a list for ${flow.protocol === 'http' ? 'TLS_SNI and HTTP_HOST' : 'HTTP_HOST and TLS_SNI'} built from this profile has no ${other} entry for ${peer}, so the allowlist of the other protocol denies it.`);
    }
    if (r.peer.isDomain && !flow.host && flow.ip) {
      add(`The record names only the address ${flow.ip}; the profile allows the name ${peer}. Name rules match the TLS SNI / Host header (or the addresses the firewall itself resolved), not an address the client resolved elsewhere.`);
    }
    if (flow.source === FlowSource.GCP_FIREWALL && r.peer.isDomain) {
      add(`Google Cloud firewall policy FQDN objects match the addresses Cloud DNS resolves for ${peer}; traffic to an address resolved elsewhere (another resolver, a pinned or cached address) is denied.`);
    }
  }
  const sections = [...new Set(rows.map((r) => sourceKey(r.primarySource)))];
  const fw = flow.firewall;
  const deniedBy = fw.RuleCollection || fw.Rule ? ` The log names rule collection ${fw.RuleCollection ?? '?'} rule ${fw.Rule ?? '?'}${fw.RuleCollectionGroup ? ` (group ${fw.RuleCollectionGroup})` : ''}: a deny rule there takes precedence.` : '';
  const noMatch = /no rule matched/i.test(fw.ActionReason ?? '') ? ' The log says no rule matched: the allow rule for this row is not in the deployed policy.' : '';
  const renders: Record<string, string> = {
    [FlowSource.AZURE_APPLICATION_RULE]: 'AzureFirewallPolicyRules renders one rule collection per section',
    [FlowSource.AZURE_NETWORK_RULE]: 'AzureFirewallPolicyRules renders one rule collection per section',
    [FlowSource.AWS_NETWORK_FIREWALL_ALERT]: 'NetworkFirewallDomainAllowlist lists each name in the domain list of its protocol; SecurityGroupRules renders CIDR rows',
    [FlowSource.GCP_FIREWALL]: 'GcpFirewall renders one egress allow rule per flow, above its closing deny rules',
  };
  const how = renders[flow.source] ? ` (${renders[flow.source]})` : '';
  add(
    `The rule that should have matched comes from ${sections.join(', ')}${how}. Check that it is deployed from this profile and that the source ${flow.localIp ?? 'address'} is among its sources.${deniedBy}${noMatch}`,
  );
  return reasons;
}

/** Rows of the profile that nearly match: the right name with another port or protocol, or an exact parent name. */
function nearMisses(flow: Flow, rows: readonly Requirement[]): string[] {
  const out: string[] = [];
  for (const r of rows) {
    const m = hostMatch(r.peer, flow);
    if (m === HostMatch.PARENT_ONLY) {
      out.push(
        `The profile allows ${r.peer.value} exactly (${sourceKey(r.primarySource)}); ${flow.host} is a name below it. Azure Firewall and AWS Network Firewall match an exact name only itself: only a left-most wildcard (*.${r.peer.value}) matches the names below.`,
      );
    } else if ((m === HostMatch.EXACT || m === HostMatch.WILDCARD) && r.direction === flow.direction) {
      out.push(`The profile allows ${r.peer.value} on ${r.protocol} ${r.portsText || '(every port)'} (${sourceKey(r.primarySource)}), not on ${flow.protocol ?? '?'} ${flow.port ?? '?'}.`);
    }
  }
  return [...new Set(out)];
}

/** Every catalog's rows with the option variants that produce them, built once per explain call. */
class CatalogIndex {
  private readonly built = new Map<string, { rows: ProfileRows; extra: Requirement[] }>();

  constructor(private readonly profiles: ExplainProfiles) {}

  public find(flow: Flow): CatalogRowMatch[] {
    const out: CatalogRowMatch[] = [];
    for (const def of PROFILES) {
      const entry = this.rowsOf(def.name);
      if (!entry) continue;
      const inSpec = this.profiles.profiles.some((p) => p.name === def.name);
      const seen = new Set<string>();
      const candidates = [...entry.rows.rows.values(), ...entry.extra];
      for (const { r, m } of matchingRows(flow, candidates)) {
        if (seen.has(r.id)) continue;
        seen.add(r.id);
        const variants = entry.rows.variantsOf.get(r.id) ?? sectionVariants(entry.rows, r);
        const labels = [...new Set(variants.map((v) => v.label))];
        out.push({ ...reference(r, m), profile: def.name, profileInSpec: inSpec, options: labels, bringIn: bringIn(def.name, inSpec, labels) });
      }
    }
    return out.sort((a, b) => Number(b.profileInSpec) - Number(a.profileInSpec));
  }

  /**
   * For a flow known only by its address (not on 80 or 443, where names are too many to guess from): the domain rows
   * of the profile and the catalogs on the same protocol and port, which the address may belong to.
   */
  public byPort(flow: Flow, allowed: readonly Requirement[]): string[] {
    if (flow.port === undefined || flow.port === 443 || flow.port === 80) return [];
    const sameFlow = (r: Requirement) => r.peer.isDomain && r.direction === flow.direction && r.ports.length > 0 && portMatches(r, flow.port) && protocolMatches(r, flow.protocol);
    const out: string[] = [];
    const inProfile = allowed.filter(sameFlow);
    for (const r of inProfile) {
      const dns = flow.source === FlowSource.AZURE_NETWORK_RULE ? ' A name in an Azure Firewall network rule matches only with DNS proxy enabled (dnsProxyEnabled: true).' : '';
      out.push(`The record names only an address; the profile allows ${r.peer.value} on ${r.protocol} ${r.portsText} (${sourceKey(r.primarySource)}): if ${flow.ip} is that name's address, that rule should have matched.${dns}`);
    }
    if (inProfile.length > 0) return out;
    for (const def of PROFILES) {
      const entry = this.rowsOf(def.name);
      if (!entry) continue;
      for (const r of [...entry.rows.rows.values()].filter(sameFlow)) {
        const labels = [...new Set((entry.rows.variantsOf.get(r.id) ?? []).map((v) => v.label))];
        const inSpec = this.profiles.profiles.some((p) => p.name === def.name);
        out.push(`The record names only an address; ${r.peer.value} on ${r.protocol} ${r.portsText} (${sourceKey(r.primarySource)}) is a catalog row on this port: if ${flow.ip} is its address, ${bringIn(def.name, inSpec, labels)}.`);
      }
    }
    return [...new Set(out)].slice(0, 5);
  }

  private rowsOf(name: string): { rows: ProfileRows; extra: Requirement[] } | undefined {
    if (this.built.has(name)) return this.built.get(name);
    const def = PROFILES.find((p) => p.name === name);
    if (!def) return undefined;
    const spec = this.profiles.profiles.find((p) => p.name === name);
    let entry: { rows: ProfileRows; extra: Requirement[] } | undefined;
    try {
      const rows = profileRows(def, spec?.options);
      // Unresolved catalog rows (`*.hcp.<location>.azmk8s.io`) match any location; their options come from their section.
      let extra: Requirement[] = [];
      try {
        extra = catalogRequirements(name);
      } catch {
        extra = [];
      }
      entry = { rows, extra: extra.filter((r) => !rows.rows.has(r.id)) };
    } catch {
      entry = undefined;
    }
    this.built.set(name, entry as { rows: ProfileRows; extra: Requirement[] });
    return entry;
  }
}

/** The variants of the profile rows that share a row's section (an add-on's table is brought in by the add-on). */
function sectionVariants(rows: ProfileRows, r: Requirement) {
  const key = sourceKey(r.primarySource);
  for (const [id, row] of rows.rows) {
    if (row.sources.some((s) => sourceKey(s) === key)) return rows.variantsOf.get(id) ?? [];
  }
  return [];
}

function bringIn(profile: string, inSpec: boolean, labels: readonly string[]): string {
  const options = labels.filter((l) => l !== 'default');
  const inDefaults = labels.includes('default');
  if (inSpec) {
    if (inDefaults) return `profile ${profile} already has this row with its current options; its placeholders or location may differ from this flow`;
    return options.length > 0 ? `set ${options.map((o) => `"${o}"`).join(' or ')} in profiles["${profile}"] of the spec` : `profile ${profile} has the row only with options not tried here`;
  }
  const lifecycle = catalogLifecycle(profile);
  const retired = lifecycle?.status === CatalogStatus.RETIRED ? ` (retired since ${lifecycle.since}: only with "acknowledgeRetired": true)` : '';
  if (inDefaults || options.length === 0) return `add profile "${profile}" to the spec (its defaults include the row)${retired}`;
  return `add profile "${profile}" to the spec with ${options.map((o) => `"${o}"`).join(' or ')}${retired}`;
}
