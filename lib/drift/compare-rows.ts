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
  const usedPlaceholders = new Set<string>();
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
      const placeholder = n.kind === NameKind.PLACEHOLDER || n.kind === NameKind.ANY ? matchPlaceholder(n, row, group, usedPlaceholders) : undefined;
      if (placeholder) {
        usedPlaceholders.add(placeholder.key);
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

/** The catalog placeholder (unused so far) a vendor placeholder stands for: same ports, closest name. */
function matchPlaceholder(name: UpstreamName, row: UpstreamRow, group: CatalogGroup, used: ReadonlySet<string>): CatalogEntry | undefined {
  const candidates = group.entries.filter((e) => e.placeholder && !used.has(e.key) && row.specs.some((s) => specsAgree(s, e.spec)));
  if (candidates.length === 0) return undefined;
  return [...candidates].sort((a, b) => similarity(b.key, name.key) - similarity(a.key, name.key))[0];
}

/** Shared letters of two names, order-insensitive: enough to pair `CustomDNSIP` with `custom-dns-servers`. */
function similarity(a: string, b: string): number {
  const letters = (s: string) => s.replace(/[^a-z0-9]/g, '');
  const x = letters(a);
  const y = letters(b);
  let common = 0;
  for (let i = 0; i < Math.min(x.length, y.length) && x[i] === y[i]; i++) common++;
  return common;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Every name of a table, as comparison keys (for pairing renamed sections). */
export function upstreamKeys(section: UpstreamSection): Set<string> {
  return new Set(section.rows.flatMap((r) => r.names.map((n) => n.key)));
}
