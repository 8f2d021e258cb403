import * as path from 'path';
import { invalidValue } from '../model/errors';
import { PeerKind } from '../model/peer';
import { Requirement } from '../model/requirement';
import { classifyName, NameKind } from './cells';
import { DriftChange, DriftKind, DriftReport } from './report';

// IBM-Cloud/kube-samples `control-plane-ips/control-plane-ips-<region>.txt` (`dal`, `fra`, `lon`, `osa`, `sao`, `syd`,
// `tok`, `tor`, `wdc`, ...): one IPv4 CIDR per line, the control-plane subnets of a region that health-check ALBs on
// TCP 80 (see the folder's README). Blank lines and `#` comments are ignored; anything else is an error.

/** Reads a control-plane IP file: its CIDRs with their lines. */
export function readControlPlaneIps(text: string, file: string): Array<{ cidr: string; line: number }> {
  const out: Array<{ cidr: string; line: number }> = [];
  text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') return;
    const name = classifyName(line);
    if (name.kind !== NameKind.CIDR) {
      throw invalidValue('line', line, `${file} line ${i + 1}`, 'Expected one CIDR per line, e.g. 150.238.229.128/27 (control-plane-ips-<region>.txt).', 'invalid-upstream');
    }
    out.push({ cidr: name.key, line: i + 1 });
  });
  if (out.length === 0) throw invalidValue('upstream file', file, file, 'Expected one CIDR per line; the file has none.', 'invalid-upstream');
  return out;
}

/** The region code of a control-plane file name (`control-plane-ips-dal.txt` -> `dal`). */
export function controlPlaneRegion(file: string): string | undefined {
  return /control-plane-ips-([a-z0-9-]+)\.txt$/i.exec(path.basename(file))?.[1]?.toLowerCase();
}

/**
 * Compares a control-plane IP file with the catalog rows that cite the control-plane-ips files: those of the file's
 * region (by the file name the row cites, or its `region` metadata) or, when the name gives no region, the region
 * whose rows share the most CIDRs with the file.
 */
export function driftControlPlaneIps(catalog: string, requirements: readonly Requirement[], text: string, file: string): DriftReport {
  const upstream = readControlPlaneIps(text, file);
  const rows = requirements.filter((r) => r.peer.kind === PeerKind.CIDR && r.sources.some((s) => /control-plane-ips/i.test(`${s.url} ${s.section} ${s.title}`)));
  const regionOf = (r: Requirement): string =>
    (r.sources.map((s) => /control-plane-ips-([a-z0-9]+)/i.exec(`${s.section} ${s.sectionTitle} ${s.url}`)?.[1] ?? '').find((x) => x !== '') ?? '').toLowerCase();
  const byRegion = new Map<string, Set<string>>();
  for (const r of rows) {
    const region = regionOf(r);
    byRegion.set(region, new Set([...(byRegion.get(region) ?? []), r.peer.value]));
  }
  let region = controlPlaneRegion(file);
  const notes: string[] = [];
  if (region === undefined || !byRegion.has(region)) {
    const keys = new Set(upstream.map((u) => u.cidr));
    const best = [...byRegion.entries()].sort((a, b) => [...b[1]].filter((c) => keys.has(c)).length - [...a[1]].filter((c) => keys.has(c)).length)[0];
    if (best && [...best[1]].some((c) => keys.has(c))) {
      notes.push(`Compared with the catalog's ${best[0] || 'control-plane'} CIDRs (the file name names ${region ? `region ${region}, which the catalog does not have` : 'no region'}).`);
      region = best[0];
    }
  }
  const catalogCidrs = region !== undefined ? (byRegion.get(region) ?? new Set<string>()) : new Set<string>();
  if (rows.length === 0) notes.push(`Catalog ${catalog} has no rows citing the control-plane-ips files.`);
  const section = `control-plane CIDRs${region ? ` (${region})` : ''}`;
  const upstreamKeys = new Set(upstream.map((u) => u.cidr));
  const changes: DriftChange[] = [
    ...upstream.filter((u) => !catalogCidrs.has(u.cidr)).map((u) => ({ kind: DriftKind.ROW_ADDED, section, item: u.cidr, line: u.line })),
    ...[...catalogCidrs].filter((c) => !upstreamKeys.has(c)).map((c) => ({ kind: DriftKind.ROW_REMOVED, section, item: c })),
  ];
  return { catalog, file, format: 'ibm-control-plane-ips', changes, compared: { sections: 1, rows: upstream.length }, notes: [...notes, 'The file carries no date; name the kube-samples commit you compared.'] };
}
