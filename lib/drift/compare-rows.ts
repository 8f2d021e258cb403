import { CatalogEntry, CatalogGroup } from './catalog-groups';
import { NameKind, PortSpec, specsAgree, specText, UpstreamName } from './cells';
import { DriftChange, DriftKind } from './report';

/** One row of a vendor table: the names it lists and the protocols and ports they take. */
export interface UpstreamRow {
  readonly names: readonly UpstreamName[];
  /** One of the names is enough (the cell offers alternatives). */
  readonly anyOf: boolean;
  readonly specs: readonly PortSpec[];
  /** 1-based line in the upstream file. */
  readonly line: number;
}

/** One table of a vendor document. */
export interface UpstreamSection {
  /** The table's own heading. */
  readonly title: string;
  /** Every heading above the table, outermost first, its own last. */
  readonly path: readonly string[];
  readonly rows: readonly UpstreamRow[];
  readonly line: number;
}

/**
 * Compares the rows of one vendor table with the catalog group it matches: rows added upstream, rows gone, and
 * names whose ports or protocol changed. A name that a row offers as one of several alternatives counts when the
 * catalog has any of them; a vendor placeholder (`CustomDNSIP`) matches a catalog placeholder with the same
 * protocol and port.
 */
export function compareRows(upstream: UpstreamSection, group: CatalogGroup, sectionLabel: string): DriftChange[] {
  const changes: DriftChange[] = [];
  const byKey = new Map<string, CatalogEntry[]>();
  for (const e of group.entries) byKey.set(e.key, [...(byKey.get(e.key) ?? []), e]);
  const assigned = assignPlaceholders(upstream, group, byKey);
  const upstreamSpecs = new Map<string, Array<{ spec: PortSpec; line: number }>>();
  const record = (key: string, row: UpstreamRow) =>
    upstreamSpecs.set(key, [...(upstreamSpecs.get(key) ?? []), ...row.specs.map((spec) => ({ spec, line: row.line }))]);

  for (const row of upstream.rows) {
    const known = row.names.filter((n) => byKey.has(n.key));
    const unknown = row.names.filter((n) => !byKey.has(n.key));
    for (const n of known) record(n.key, row);
    if (row.anyOf && known.length > 0) continue;
    const pending = row.anyOf ? unknown.filter((n) => n.kind !== NameKind.NAME && n.kind !== NameKind.CIDR) : unknown;
    let matchedAny = false;
    for (const n of pending) {
      const placeholder = assigned.get(n);
      if (placeholder) {
        record(placeholder.key, row);
        matchedAny = true;
        if (row.anyOf) break;
      } else if (!row.anyOf) {
        changes.push({ kind: DriftKind.ROW_ADDED, section: sectionLabel, item: n.text, upstream: row.specs.map(specText).join(', '), line: row.line });
      }
    }
    if (row.anyOf && !matchedAny) {
      changes.push({
        kind: DriftKind.ROW_ADDED,
        section: sectionLabel,
        item: row.names.map((n) => n.text).join(' or '),
        upstream: row.specs.map(specText).join(', '),
        line: row.line,
      });
    }
  }

  for (const [key, entries] of byKey) {
    const specs = upstreamSpecs.get(key);
    if (!specs) {
      for (const e of entries) changes.push({ kind: DriftKind.ROW_REMOVED, section: sectionLabel, item: e.text, catalog: specText(e.spec) });
      continue;
    }
    const onlyUpstream = specs.filter((u) => !entries.some((e) => specsAgree(u.spec, e.spec)));
    const onlyCatalog = entries.filter((e) => !specs.some((u) => specsAgree(u.spec, e.spec)));
    const item = entries[0].text;
    if (onlyUpstream.length > 0 && onlyCatalog.length > 0) {
      changes.push({
        kind: DriftKind.PORTS_CHANGED,
        section: sectionLabel,
        item,
        upstream: unique(onlyUpstream.map((u) => specText(u.spec))).join(', '),
        catalog: unique(onlyCatalog.map((e) => specText(e.spec))).join(', '),
        line: onlyUpstream[0].line,
      });
    } else if (onlyUpstream.length > 0) {
      changes.push({ kind: DriftKind.PORTS_CHANGED, section: sectionLabel, item, upstream: unique(onlyUpstream.map((u) => specText(u.spec))).join(', '), catalog: unique(entries.map((e) => specText(e.spec))).join(', '), line: onlyUpstream[0].line });
    } else if (onlyCatalog.length > 0) {
      changes.push({ kind: DriftKind.PORTS_CHANGED, section: sectionLabel, item, upstream: unique(specs.map((u) => specText(u.spec))).join(', '), catalog: unique(entries.map((e) => specText(e.spec))).join(', '), line: specs[0].line });
    }
  }
  return changes;
}

/**
 * Pairs the vendor's placeholders (`CustomDNSIP`, "Virtual private endpoint gateway IP addresses") with the catalog's
 * (`custom-dns-servers`, `vpe-gateway-ips`, or a value filled in for an option) of the same protocol and port: the
 * pairs whose words agree most first, then any unused one, then (rather than report a row the catalog has) a used one.
 */
function assignPlaceholders(upstream: UpstreamSection, group: CatalogGroup, byKey: ReadonlyMap<string, unknown>): Map<UpstreamName, CatalogEntry> {
  const pending = upstream.rows.flatMap((row) => row.names.filter((n) => n.kind === NameKind.PLACEHOLDER && !byKey.has(n.key)).map((n) => ({ n, row })));
  const pairs = pending.flatMap(({ n, row }) =>
    group.entries.filter((e) => e.placeholder && row.specs.some((s) => specsAgree(s, e.spec))).map((e) => ({ n, e, score: similarity(n.key, e.key) })),
  );
  const out = new Map<UpstreamName, CatalogEntry>();
  const used = new Set<CatalogEntry>();
  for (const p of [...pairs].sort((a, b) => b.score - a.score)) {
    if (out.has(p.n) || used.has(p.e)) continue;
    out.set(p.n, p.e);
    used.add(p.e);
  }
  for (const p of pairs) if (!out.has(p.n)) out.set(p.n, p.e);
  return out;
}

/**
 * How many words of a catalog placeholder the vendor's text has: the same word, singular or plural, or the initials
 * of the vendor's words (`vpe` for "virtual private endpoint").
 */
function similarity(upstreamKey: string, catalogKey: string): number {
  const words = (s: string) => s.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '');
  const up = words(upstreamKey);
  const initials = up.map((w) => w[0]).join('');
  const stem = (w: string) => w.replace(/e?s$/, '');
  return words(catalogKey).filter((w) => up.some((u) => stem(u) === stem(w)) || (w.length > 1 && initials.includes(w))).length;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Every name of a table, as comparison keys (for pairing renamed sections). */
export function upstreamKeys(section: UpstreamSection): Set<string> {
  return new Set(section.rows.flatMap((r) => r.names.map((n) => n.key)));
}
