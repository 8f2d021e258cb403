import { CatalogGroup } from './catalog-groups';
import { compareRows, UpstreamSection, upstreamKeys } from './compare-rows';
import { MarkdownHeading, normalizeTitle } from './markdown';
import { DriftChange, DriftKind } from './report';

/** The outcome of comparing the tables of a document with the catalog's sections of it. */
export interface SectionComparison {
  readonly changes: DriftChange[];
  readonly notes: string[];
  readonly compared: { readonly sections: number; readonly rows: number };
}

/**
 * Pairs each vendor table with a catalog section and compares their rows. A catalog section matches a table whose
 * own heading equals the section's title (for a `Parent > Child` title, the parent must be one of the table's outer
 * headings; the most specific match wins). Tables and sections left over are paired by their rows (half of the
 * smaller side's names in common): a section renamed upstream. What is still left is a section added upstream or a
 * section gone.
 * @param headings every heading path of the document, for catalog sections whose heading has no table of its own
 */
export function compareSections(
  upstream: readonly UpstreamSection[],
  catalogGroups: readonly CatalogGroup[],
  headings: readonly MarkdownHeading[],
  elsewhere: readonly CatalogGroup[] = [],
): SectionComparison {
  const groups = mergeByTitle(catalogGroups);
  const changes: DriftChange[] = [];
  const notes: string[] = [];
  const pairs: Array<{ u: UpstreamSection; g: CatalogGroup; renamed: boolean; members?: readonly UpstreamSection[] }> = [];
  const freeU = new Set(upstream);
  const freeG = new Set(groups);

  const candidates = upstream.flatMap((u) => groups.map((g) => ({ u, g, score: titleScore(g.title, u), overlap: overlap(u, g) })));
  for (const c of candidates.filter((x) => x.score > 0).sort((a, b) => b.score - a.score || b.overlap - a.overlap)) {
    if (!freeU.has(c.u) || !freeG.has(c.g)) continue;
    pairs.push({ u: c.u, g: c.g, renamed: false });
    freeU.delete(c.u);
    freeG.delete(c.g);
  }
  // A catalog section titled like an outer heading covers every table below it ("Inbound rules", "Outbound rules").
  for (const g of groups) {
    if (!freeG.has(g)) continue;
    const segments = g.title.split(' > ').map(normalizeTitle);
    const own = segments[segments.length - 1];
    const below = [...freeU].filter((u) => {
      const outer = u.path.slice(0, -1).map(normalizeTitle);
      return outer.includes(own) && segments.slice(0, -1).every((x) => outer.includes(x));
    });
    if (below.length === 0) continue;
    const at = below[0].path.map(normalizeTitle).indexOf(own);
    const merged: UpstreamSection = { title: below[0].path[at], path: below[0].path.slice(0, at + 1), rows: below.flatMap((u) => u.rows), line: below[0].line };
    pairs.push({ u: merged, g, renamed: false, members: below });
    below.forEach((u) => freeU.delete(u));
    freeG.delete(g);
  }
  const renames = [...freeU].flatMap((u) => [...freeG].map((g) => ({ u, g, overlap: overlap(u, g) })));
  for (const c of renames.filter((x) => x.overlap >= 0.5).sort((a, b) => b.overlap - a.overlap)) {
    if (!freeU.has(c.u) || !freeG.has(c.g)) continue;
    pairs.push({ u: c.u, g: c.g, renamed: true });
    freeU.delete(c.u);
    freeG.delete(c.g);
  }

  const known = (name: string, specs: UpstreamSection['rows'][number]['specs']) =>
    elsewhere.find((g) => g.entries.some((e) => e.key === name && specs.some((sp) => sp.ports === e.spec.ports)));
  for (const u of upstream) {
    const merged = pairs.find((p) => p.members?.includes(u));
    if (merged) {
      if (merged.members?.[0] === u) changes.push(...withElsewhere(compareRows(merged.u, merged.g, sectionLabel(merged.u)), merged.u, known, notes));
      continue;
    }
    const pair = pairs.find((p) => p.u === u);
    const label = sectionLabel(u);
    if (!pair) {
      const homes = u.rows.map((r) => r.names.map((n) => known(n.key, r.specs)).find((g) => g !== undefined));
      if (u.rows.length > 0 && homes.every((g) => g !== undefined)) {
        notes.push(`"${label}" (line ${u.line}) matches no catalog section, but every row of it is in the catalog: ${[...new Set(homes.map((g) => `"${g?.title}"`))].join(', ')}.`);
        continue;
      }
      changes.push({
        kind: DriftKind.SECTION_ADDED,
        section: label,
        item: label,
        upstream: `${u.rows.length} rows: ${[...new Set(u.rows.flatMap((r) => r.names.map((n) => n.text)))].join(', ')}`,
        line: u.line,
      });
      continue;
    }
    if (pair.renamed) {
      changes.push({ kind: DriftKind.SECTION_RENAMED, section: label, item: pair.g.title, upstream: label, catalog: pair.g.title, line: u.line });
    }
    changes.push(...withElsewhere(compareRows(u, pair.g, label), u, known, notes));
  }

  const matchedKeys = new Set(pairs.flatMap((p) => p.g.entries.map((e) => e.key)));
  const headingTitles = new Set(headings.map((h) => normalizeTitle(h.text)));
  for (const g of groups) {
    if (!freeG.has(g)) continue;
    const own = normalizeTitle(lastSegment(g.title));
    if (headingTitles.has(own) && g.entries.every((e) => matchedKeys.has(e.key))) {
      notes.push(`"${g.title}" has no table upstream (the heading is there); its rows repeat rows of other sections, which were compared.`);
      continue;
    }
    const included = headings.find((h) => h.includes && (normalizeTitle(h.text) === own || normalizeTitle(h.text).endsWith(` ${own}`)));
    if (included) {
      notes.push(
        `"${g.title}": upstream heading "${included.text}" (line ${included.line}) renders its rows from an include, not a table; compare the file it includes (e.g. a data file) instead.`,
      );
      continue;
    }
    changes.push({
      kind: DriftKind.SECTION_REMOVED,
      section: g.title,
      item: g.title,
      catalog: `${g.entries.length} rows: ${g.entries.map((e) => e.text).join(', ')}`,
    });
  }
  return { changes, notes, compared: { sections: upstream.length, rows: upstream.reduce((n, u) => n + u.rows.length, 0) } };
}

/**
 * A row "added upstream" that the catalog has in a section of another document (the same name and ports) is a note,
 * not drift: the catalog transcribes it from there.
 */
function withElsewhere(
  changes: DriftChange[],
  u: UpstreamSection,
  known: (name: string, specs: UpstreamSection['rows'][number]['specs']) => CatalogGroup | undefined,
  notes: string[],
): DriftChange[] {
  return changes.filter((c) => {
    if (c.kind !== DriftKind.ROW_ADDED) return true;
    const row = u.rows.find((r) => r.line === c.line);
    const name = row?.names.find((n) => n.text === c.item);
    const other = row && name ? known(name.key, row.specs) : undefined;
    if (!other) return true;
    notes.push(`${c.item} (${c.upstream ?? ''}, line ${c.line}) is in the catalog under "${other.title}" (${other.documentTitle}), not under this section.`);
    return false;
  });
}

/** A table's label in a report: its heading, with the parent heading when the document nests it under one. */
export function sectionLabel(u: UpstreamSection): string {
  return u.path.length > 2 ? `${u.path[u.path.length - 2]} > ${u.title}` : u.title;
}

function lastSegment(title: string): string {
  const parts = title.split(' > ');
  return parts[parts.length - 1];
}

/** 0 when the titles do not match; otherwise 1 + the number of parent segments that match outer headings. */
function titleScore(title: string, u: UpstreamSection): number {
  const segments = title.split(' > ').map(normalizeTitle);
  if (segments[segments.length - 1] !== normalizeTitle(u.title)) return 0;
  const outer = u.path.slice(0, -1).map(normalizeTitle);
  for (const s of segments.slice(0, -1)) if (!outer.includes(s)) return 0;
  return segments.length;
}

/** Names in common, over the smaller side's count. */
function overlap(u: UpstreamSection, g: CatalogGroup): number {
  const a = upstreamKeys(u);
  const b = new Set(g.entries.map((e) => e.key));
  const common = [...a].filter((k) => b.has(k)).length;
  return common / Math.max(1, Math.min(a.size, b.size));
}

/** Groups with the same title (a table the catalog splits per cloud) compare as one. */
function mergeByTitle(groups: readonly CatalogGroup[]): CatalogGroup[] {
  const merged = new Map<string, CatalogGroup>();
  for (const g of groups) {
    const key = g.title.split(' > ').map(normalizeTitle).join(' > ');
    const existing = merged.get(key);
    if (!existing) {
      merged.set(key, g);
      continue;
    }
    const entries = new Map(existing.entries.map((e) => [`${e.key} ${e.spec.protocol} ${e.spec.ports}`, e]));
    for (const e of g.entries) entries.set(`${e.key} ${e.spec.protocol} ${e.spec.ports}`, e);
    merged.set(key, { ...existing, sections: [...new Set([...existing.sections, ...g.sections])], entries: [...entries.values()] });
  }
  return [...merged.values()];
}
