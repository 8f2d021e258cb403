import { invalidValue } from '../model/errors';
import { Requirement } from '../model/requirement';
import { RequirementSet } from '../model/requirement-set';
import { HostMatch, matchHost, normalizeProtocol, portMatches, protocolMatches } from '../explain/flow-match';
import { parseJson } from './eks-data';
import { DriftChange, DriftKind, DriftReport } from './report';

// What a running AKS cluster says it needs: `az aks egress-endpoints list -g RG -n NAME -o json` (the REST operation
// Managed Clusters - List Outbound Network Dependencies Endpoints). The CLI prints a JSON array of categories
// `{ category, endpoints: [{ domainName, endpointDetails: [{ port, protocol, description, ipAddress? }] }] }`; the REST
// response wraps the same array in `{ value: [...] }` (both are read). `protocol` is written `Https`, `Http`, `Tcp`
// or `Udp`. The comparison asks "will my allowlist work for this cluster": every endpoint the cluster lists that the
// user's profile does not allow is drift.

/** One endpoint port of the cluster's list. */
export interface ClusterEndpoint {
  readonly category: string;
  readonly domainName: string;
  readonly port?: number;
  readonly protocol?: string;
  readonly description: string;
}

/** Reads the JSON of `az aks egress-endpoints list`. */
export function readEgressEndpoints(text: string, file: string): ClusterEndpoint[] {
  const data = parseJson(text, file, 'the output of az aks egress-endpoints list -o json');
  const list = Array.isArray(data) ? data : (data as { value?: unknown })?.value;
  const expected = 'Expected a list of { "category", "endpoints": [{ "domainName", "endpointDetails": [{ "port", "protocol" }] }] } (az aks egress-endpoints list -o json).';
  if (!Array.isArray(list)) throw invalidValue('upstream file', file, file, expected, 'invalid-upstream');
  const out: ClusterEndpoint[] = [];
  list.forEach((c: unknown, i: number) => {
    const cat = c as { category?: unknown; endpoints?: unknown };
    if (typeof cat?.category !== 'string' || !Array.isArray(cat.endpoints)) throw invalidValue('category', JSON.stringify(c).slice(0, 80), `${file} at $[${i}]`, expected, 'invalid-upstream');
    cat.endpoints.forEach((e: unknown, j: number) => {
      const ep = e as { domainName?: unknown; endpointDetails?: unknown };
      if (typeof ep?.domainName !== 'string' || (ep.endpointDetails !== undefined && !Array.isArray(ep.endpointDetails))) {
        throw invalidValue('endpoint', JSON.stringify(e).slice(0, 80), `${file} at $[${i}].endpoints[${j}]`, expected, 'invalid-upstream');
      }
      const details = (ep.endpointDetails as unknown[] | undefined) ?? [];
      if (details.length === 0) out.push({ category: cat.category as string, domainName: ep.domainName, description: '' });
      details.forEach((d: unknown, k: number) => {
        const detail = d as { port?: unknown; protocol?: unknown; description?: unknown };
        if (detail?.port !== undefined && (typeof detail.port !== 'number' || !Number.isInteger(detail.port))) {
          throw invalidValue('port', String(detail.port), `${file} at $[${i}].endpoints[${j}].endpointDetails[${k}]`, 'Expected a whole number.', 'invalid-upstream');
        }
        out.push({
          category: cat.category as string,
          domainName: ep.domainName as string,
          ...(typeof detail.port === 'number' ? { port: detail.port } : {}),
          ...(detail.protocol !== undefined ? { protocol: normalizeProtocol(detail.protocol) } : {}),
          description: typeof detail.description === 'string' ? detail.description : '',
        });
      });
    });
  });
  if (out.length === 0) throw invalidValue('upstream file', file, file, `${expected} The list is empty.`, 'invalid-upstream');
  return out;
}

/** The profile rows that allow an endpoint (name, port and protocol). */
export function allowingRows(allowed: readonly Requirement[], endpoint: { domainName: string; port?: number; protocol?: string }): Requirement[] {
  return allowed.filter((r) => {
    const m = matchHost(r.peer, endpoint.domainName.replace(/^\*\./, 'x.'));
    const sameWildcard = endpoint.domainName.startsWith('*.') && r.peer.value === endpoint.domainName.toLowerCase();
    return (sameWildcard || m === HostMatch.EXACT || m === HostMatch.WILDCARD) && portMatches(r, endpoint.port) && protocolMatches(r, endpoint.protocol);
  });
}

/** Compares a cluster's endpoint list with what a profile allows. */
export function driftEgressEndpoints(profileSet: RequirementSet, text: string, file: string, profileSource: string): DriftReport {
  const endpoints = readEgressEndpoints(text, file);
  const allowed = profileSet.requirements.filter((r) => r.direction === 'egress');
  const changes: DriftChange[] = [];
  const used = new Set<string>();
  for (const e of endpoints) {
    const rows = allowingRows(allowed, e);
    rows.forEach((r) => used.add(r.id));
    if (rows.length === 0) {
      changes.push({
        kind: DriftKind.ROW_ADDED,
        section: e.category,
        item: e.domainName,
        upstream: `${e.protocol ?? '*'} ${e.port ?? '-'}${e.description ? ` (${e.description})` : ''}`,
        catalog: 'not allowed by the profile',
      });
    }
  }
  const unused = allowed.filter((r) => !used.has(r.id) && r.peer.isDomain);
  const notes = [
    `Compared with the profile of ${profileSource}: ${allowed.length} egress rows.`,
    ...(unused.length > 0 ? [`${unused.length} domain rows of the profile are not in the cluster's list (allowed but not reported as needed): ${unused.map((r) => r.peer.value).join(', ')}.`] : []),
  ];
  const categories = new Set(endpoints.map((e) => e.category));
  return { catalog: 'profile', file, format: 'aks-egress-endpoints-json', changes, compared: { sections: categories.size, rows: endpoints.length }, notes };
}
