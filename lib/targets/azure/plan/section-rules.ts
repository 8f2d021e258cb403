import { Cidr } from '../../../model/cidr';
import { PeerKind } from '../../../model/peer';
import { isApplicationProtocol, transportOf } from '../../../model/protocol';
import { Provenance, sourceKey } from '../../../model/provenance';
import { Requirement } from '../../../model/requirement';
import { sanitizeText, stableName } from '../../../plan/naming';
import { requirementOrigin } from './rule-checks';
import { APPLICATION_PROTOCOLS, AZURE_NAME_MAX, AZURE_RULE_DESCRIPTION_MAX, AzureRulePlanOptions, DESCRIPTION_CHARS, NETWORK_PROTOCOLS, PlannedApplicationProtocol, PlannedApplicationRule, PlannedNetworkRule } from './rule-plan-types';
import { SectionEntry } from './section-priorities';

// The rules of one section: application rules per domain name (with their protocol blocks), network rules per
// protocol and ports, each with a description of its purposes and its source. No cdktf here.

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

export function planSection(
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

/** Purposes first, then the source; the purposes are cut so that the source always survives. */
function describe(purposes: readonly string[], source: string): string {
  const cleanSource = sanitizeText(source, DESCRIPTION_CHARS, AZURE_RULE_DESCRIPTION_MAX);
  const budget = AZURE_RULE_DESCRIPTION_MAX - cleanSource.length - 2;
  const purpose = budget > 3 ? sanitizeText(purposes.join(' / '), DESCRIPTION_CHARS, budget) : '';
  if (!purpose) return cleanSource;
  return /[.!?]$/.test(purpose) ? `${purpose} ${cleanSource}` : `${purpose}. ${cleanSource}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
