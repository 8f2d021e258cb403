import * as path from 'path';
import { invalidValue } from '../model/errors';
import { CatalogGroup } from './catalog-groups';
import { namesOfCell, portSpecs } from './cells';
import { UpstreamRow, UpstreamSection } from './compare-rows';
import { compareSections } from './compare-sections';
import { cellText, MarkdownHeading, MarkdownTable, normalizeTitle, parseMarkdown } from './markdown';
import { DriftChange, DriftKind, DriftReport } from './report';

// The vendors' Markdown articles: the AKS egress article (MicrosoftDocs/azure-aks-docs
// articles/aks/outbound-rules-control-egress.md: "Destination Endpoint | Protocol | Port | Use" network tables,
// "Destination FQDN | Port | Use" tables with `HTTPS:443` ports, Azure Monitor's "Endpoint | Purpose | Port"), the
// Chainguard network-requirements page (chainguard-dev/edu content/chainguard/containers/network-requirements.md:
// "Hostname | Port | Protocol | IP | Notes") and IBM Cloud's vpc-security-group.md ("Rule purpose | Protocol | Port or
// Value | Source/Destination", the remote in a code span: "CIDR block `161.26.0.0/16`"). Columns are found by their
// header, in any order, with any extra columns.

/** Header words of the column that holds the names, most specific first. */
const NAME_COLUMNS: readonly RegExp[] = [/^destination/, /fqdn/, /^endpoint/, /hostname|^host/, /domain/, /^destination|^source|^remote/, /address|cidr/];
const PORT_COLUMN = /(^|\s)ports?(\s|$)|^port or value/;
const PROTOCOL_COLUMN = /^protocols?\b/;

/** Front matter keys that date a document, in the order they are trusted. */
const DATE_KEYS: readonly string[] = ['ms.date', 'lastupdated', 'lastmod', 'date'];

/** A document's tables as sections to compare, and its date. */
export interface MarkdownUpstream {
  readonly sections: readonly UpstreamSection[];
  readonly headings: readonly MarkdownHeading[];
  readonly date?: string;
  readonly notes: readonly string[];
}

/**
 * Reads the requirement tables of a Markdown document: every table with a name column (destination, FQDN,
 * endpoint, hostname, source...) and a port or protocol column. Tables without either (IBM's "Security group type |
 * Name | Details") are not requirement tables and are skipped (with a note). A table with ports but no name column,
 * a row with too few cells, a port that is not a port, and a document without any requirement table are errors.
 */
export function readMarkdownUpstream(text: string, file: string): MarkdownUpstream {
  const doc = parseMarkdown(text, file);
  const sections: UpstreamSection[] = [];
  const notes: string[] = [];
  for (const table of doc.tables) {
    const section = requirementTable(table, file);
    if (section) sections.push(section);
    else notes.push(`Table at line ${table.line} (${table.header.map(cellText).join(' | ')}) has no port or protocol column: not a requirement table, skipped.`);
  }
  if (sections.length === 0) {
    throw invalidValue(
      'upstream file',
      file,
      file,
      'Expected a Markdown document with requirement tables (a Destination/FQDN/Endpoint/Hostname column and a Port or Protocol column); found none.',
      'invalid-upstream',
    );
  }
  const date = documentDate(doc.frontMatter, file);
  return { sections, headings: doc.headings, ...(date ? { date } : {}), notes };
}

function requirementTable(table: MarkdownTable, file: string): UpstreamSection | undefined {
  const header = table.header.map((h) => normalizeTitle(cellText(h)));
  const portAt = header.findIndex((h) => PORT_COLUMN.test(h));
  const protocolAt = header.findIndex((h) => PROTOCOL_COLUMN.test(h));
  if (portAt === -1 && protocolAt === -1) return undefined;
  let nameAt = -1;
  for (const pattern of NAME_COLUMNS) {
    nameAt = header.findIndex((h, i) => i !== portAt && i !== protocolAt && pattern.test(h));
    if (nameAt !== -1) break;
  }
  if (nameAt === -1) {
    throw invalidValue(
      'Markdown table',
      table.header.join(' | '),
      `${file} line ${table.line}`,
      'The table has a Port/Protocol column but no column of names (Destination, FQDN, Endpoint, Hostname, Source): it cannot be compared.',
      'invalid-upstream',
    );
  }
  const needed = Math.max(nameAt, portAt, protocolAt) + 1;
  const rows: UpstreamRow[] = table.rows.map(({ cells, line }) => {
    const origin = `${file} line ${line}`;
    if (cells.length < needed) {
      throw invalidValue('table row', cells.join(' | '), origin, `Expected at least ${needed} cells like the header (${table.header.join(' | ')}).`, 'invalid-upstream');
    }
    const { names, anyOf } = namesOfCell(cells[nameAt], origin);
    return { names, anyOf, specs: portSpecs(portAt === -1 ? undefined : cells[portAt], protocolAt === -1 ? undefined : cells[protocolAt], origin), line };
  });
  const title = table.headingPath[table.headingPath.length - 1] ?? path.basename(file);
  return { title, path: table.headingPath.length > 0 ? table.headingPath : [title], rows, line: table.line };
}

/** The document date from its front matter (`ms.date: 06/18/2026`, `lastupdated: "2024-01-03"`, `lastmod: 2025-06-17T...`). */
export function documentDate(frontMatter: Readonly<Record<string, string>>, file: string): string | undefined {
  for (const key of DATE_KEYS) {
    const value = frontMatter[key];
    if (value === undefined) continue;
    const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
    if (us) return `${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}`;
    const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
    if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
    throw invalidValue(`front matter ${key}`, value, file, 'Expected a date such as 06/18/2026 or 2026-06-18.', 'invalid-upstream');
  }
  return undefined;
}

/**
 * Compares a Markdown document with a catalog's sections. The catalog document compared is the one whose URL names
 * the file (`outbound-rules-control-egress`, `network-requirements`, `vpc-security-group`) or, failing that, the one
 * whose section titles and rows the file shares most.
 */
export function driftMarkdown(catalog: string, groups: readonly CatalogGroup[], text: string, file: string, format: string): DriftReport {
  const upstream = readMarkdownUpstream(text, file);
  const chosen = chooseDocument(groups, upstream, file);
  const notes = [...upstream.notes];
  if (chosen.length === 0) notes.push(`No section of catalog ${catalog} cites this document or shares a heading or row with it.`);
  const comparison = compareSections(upstream.sections, chosen, upstream.headings, groups.filter((g) => !chosen.includes(g)));
  const catalogDate = newest(chosen.map((g) => g.date));
  const changes: DriftChange[] = [];
  if (upstream.date && catalogDate && /^\d{4}-\d{2}-\d{2}$/.test(catalogDate) && upstream.date !== catalogDate) {
    changes.push({ kind: DriftKind.DATE_MOVED, section: '(document)', item: 'date', upstream: upstream.date, catalog: catalogDate });
  }
  if (!upstream.date) notes.push('The file carries no date in its front matter.');
  return {
    catalog,
    file,
    format,
    changes: [...changes, ...comparison.changes],
    compared: comparison.compared,
    ...(upstream.date ? { upstreamDate: upstream.date } : {}),
    ...(catalogDate ? { catalogDate } : {}),
    notes: [...notes, ...comparison.notes],
  };
}

function chooseDocument(groups: readonly CatalogGroup[], upstream: MarkdownUpstream, file: string): CatalogGroup[] {
  const stem = path.basename(file).replace(/\.[^.]*$/, '').toLowerCase();
  const byDocument = new Map<string, CatalogGroup[]>();
  for (const g of groups) byDocument.set(g.documentUrl, [...(byDocument.get(g.documentUrl) ?? []), g]);
  const titles = new Set(upstream.sections.map((s) => normalizeTitle(s.title)));
  const keys = new Set(upstream.sections.flatMap((s) => s.rows.flatMap((r) => r.names.map((n) => n.key))));
  let best: CatalogGroup[] = [];
  let bestScore = 0;
  for (const [url, docGroups] of byDocument) {
    const named = stem.length > 3 && url.toLowerCase().includes(stem) ? 1000 : 0;
    const headingHits = docGroups.filter((g) => titles.has(normalizeTitle(g.title.split(' > ').pop() ?? ''))).length * 10;
    const rowHits = docGroups.reduce((n, g) => n + g.entries.filter((e) => keys.has(e.key)).length, 0);
    // Rows alone do not pick a document (0.0.0.0/0 or a common host is in many); its name or a heading must match.
    const score = named + headingHits > 0 ? named + headingHits + rowHits : 0;
    if (score > bestScore) {
      best = docGroups;
      bestScore = score;
    } else if (score === bestScore && score > 0) {
      best = [...best, ...docGroups];
    }
  }
  return best;
}

function newest(dates: readonly string[]): string | undefined {
  const valid = dates.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  return valid.length > 0 ? valid[valid.length - 1] : dates[0];
}
