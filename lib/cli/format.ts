import { RequirementRecord } from '../model/requirement-record';

/** A requirement as `list` prints it: the record plus the listed profiles that ask for the flow. */
export interface ListedRecord extends RequirementRecord {
  /** The names of the listed profiles whose sets hold the flow, in the order they were given. */
  readonly profiles: string[];
}

/** One profile of a listing and the options it was given, for the Markdown title block. */
export interface ListedProfile {
  readonly name: string;
  /** The options as given (keyed by the profile's option names); options left at their default are absent. */
  readonly options: Readonly<Record<string, unknown>>;
}

/** What a listing shows besides the rows. */
export interface FormatContext {
  /** The profiles listed, in the order given. */
  readonly profiles: readonly ListedProfile[];
  /** When the listing was made (the Markdown title block shows it). */
  readonly generatedAt: Date;
  /**
   * The width the table must fit in, in characters; `undefined` for no limit (the whole text of every cell).
   * @default - no limit
   */
  readonly width?: number;
}

interface Column {
  readonly title: string;
  readonly value: (r: ListedRecord) => string;
}

/**
 * The columns of the CSV and Markdown formats: always these, in this order, whatever the rows hold (a cell without
 * a value is empty), so that a spreadsheet template or a diff of two listings keeps its shape. Documented in the
 * README ("Listing requirements").
 */
export const CSV_COLUMNS: readonly Column[] = [
  { title: 'id', value: (r) => r.id },
  { title: 'direction', value: (r) => r.direction },
  { title: 'protocol', value: (r) => r.protocol },
  { title: 'ports', value: (r) => r.ports.join(' ') },
  { title: 'peer kind', value: (r) => r.peer.kind },
  { title: 'peer', value: (r) => r.peer.value },
  // The vendor's literal row, when the peer is a sourced interpretation of it (e.g. a name no exact-match firewall matches).
  {
    title: 'vendor row',
    value: (r) => (r.interpretation ? `${r.interpretation.literalPeer.value}: ${r.interpretation.reason} (${r.interpretation.source.url})` : ''),
  },
  // Where the flow lands when not on the nodes: a network team opens it on the API endpoint or the service, not the nodes.
  { title: 'lands on', value: (r) => r.landing ?? '' },
  { title: 'necessity', value: (r) => r.necessity },
  { title: 'condition', value: (r) => r.condition ?? '' },
  { title: 'purpose', value: (r) => r.purpose },
  // A VPC endpoint that can serve the flow instead of the internet (metadata `vpcEndpoint`).
  { title: 'vpc endpoint', value: (r) => r.metadata?.vpcEndpoint ?? '' },
  { title: 'profiles', value: (r) => r.profiles.join(' ') },
  { title: 'source', value: (r) => r.source },
  // Whether the source's catalog is current or retired, and the day its data was last checked against upstream.
  { title: 'catalog status', value: (r) => catalogStatusText(r) },
  { title: 'also in', value: (r) => (r.alsoIn ?? []).join(' ') },
  { title: 'document', value: (r) => `${r.provenance.title} (${r.provenance.date}) ${r.provenance.url}` },
];

/** Table columns that appear only when some row has a value for them (the table is read, not parsed). */
const TABLE_OPTIONAL = new Set(['vendor row', 'lands on', 'vpc endpoint']);
/**
 * Long prose and ids stay out of the table: csv, markdown and json carry them. The catalog status is the same on
 * every row of a catalog: the table says it once per catalog, below the rows.
 */
const TABLE_HIDDEN = new Set(['id', 'condition', 'also in', 'document', 'catalog status']);

/** `retired since 2024-04-10, data checked 2026-12-08` / `current (upstream 2026-06-18), data checked 2026-12-08`. */
function catalogStatusText(r: RequirementRecord): string {
  const l = r.lifecycle;
  if (!l) return '';
  return `${l.status === 'retired' ? `retired since ${l.since}` : `${l.status} (upstream ${l.since})`}, data checked ${l.checked}`;
}

/**
 * One line per catalog of the listing: its status and the day its data was last checked; retired catalogs add their
 * evidence and successor. The table's footer and the Markdown "Catalogs" section.
 */
export function catalogStatusLines(records: readonly RequirementRecord[]): string[] {
  const byCatalog = new Map<string, RequirementRecord>();
  for (const r of records) if (r.lifecycle && !byCatalog.has(r.lifecycle.catalog)) byCatalog.set(r.lifecycle.catalog, r);
  return [...byCatalog.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([catalog, r]) => {
      const l = r.lifecycle!;
      const more = l.status === 'retired' ? `; evidence: ${l.evidence.join('; ')}${l.successor ? `; successor: ${l.successor}` : ''}` : '';
      return `catalog ${catalog}: ${catalogStatusText(r)}${more}`;
    });
}
/** The narrowest a table column is cut to when the table must fit a width. */
const MIN_TABLE_COLUMN = 12;
const GAP = 2;

function tableColumns(records: readonly ListedRecord[], profileCount: number): Column[] {
  return CSV_COLUMNS.filter((c) => {
    if (TABLE_HIDDEN.has(c.title)) return false;
    if (c.title === 'profiles') return profileCount > 1;
    if (c.title === 'ports') return true;
    return !TABLE_OPTIONAL.has(c.title) || records.some((r) => c.value(r) !== '');
  }).map((c) => (c.title === 'ports' ? { title: c.title, value: (r: ListedRecord) => r.ports.join(' ') || '-' } : c));
}

/** Renders records in one of the CLI formats (`table`, `csv`, `markdown`, `json`). */
export function formatRecords(records: readonly ListedRecord[], format: string, context?: FormatContext): string {
  const ctx: FormatContext = context ?? { profiles: profilesOf(records), generatedAt: new Date() };
  switch (format) {
    case 'json':
      return JSON.stringify(records, null, 2) + '\n';
    case 'csv':
      return (
        [CSV_COLUMNS.map((c) => csvCell(c.title)), ...records.map((r) => CSV_COLUMNS.map((c) => csvCell(c.value(r))))]
          .map((row) => row.join(','))
          .join('\r\n') + '\r\n'
      );
    case 'markdown':
      return markdown(records, ctx);
    default:
      return table(records, tableColumns(records, ctx.profiles.length), ctx.width);
  }
}

function profilesOf(records: readonly ListedRecord[]): ListedProfile[] {
  const names = [...new Set(records.flatMap((r) => r.profiles))];
  return names.map((name) => ({ name, options: {} }));
}

/** A title block (profiles, their parameters, the documents and their dates, the generation date), then the rows. */
function markdown(records: readonly ListedRecord[], ctx: FormatContext): string {
  const names = ctx.profiles.map((p) => p.name);
  const lines = [`# Firewall requirements: ${names.join(' + ') || '(no profile)'}`, ''];
  lines.push(`Generated ${ctx.generatedAt.toISOString().replace(/\.\d{3}Z$/, 'Z')} by cdktf-firewall-requirements; ${records.length} requirement(s).`, '');
  lines.push('## Parameters', '');
  for (const p of ctx.profiles) {
    const given = Object.entries(p.options);
    const text = given.length === 0 ? 'defaults' : given.map(([k, v]) => `\`${k}\` = \`${markdownCell(optionText(v))}\``).join(', ');
    lines.push(`- \`${p.name}\`: ${text}`);
  }
  lines.push('', '## Source documents', '', '| document | section(s) | date | url |', '|---|---|---|---|');
  const documents = new Map<string, { title: string; date: string; url: string; sections: Set<string> }>();
  for (const r of records) {
    const key = `${r.provenance.title}\u0000${r.provenance.date}`;
    const doc = documents.get(key) ?? { title: r.provenance.title, date: r.provenance.date, url: r.provenance.url.replace(/#.*$/, ''), sections: new Set<string>() };
    doc.sections.add(r.source);
    documents.set(key, doc);
  }
  for (const doc of [...documents.values()].sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : a.date < b.date ? -1 : 1))) {
    lines.push(`| ${markdownCell(doc.title)} | ${[...doc.sections].sort().join(', ')} | ${doc.date} | ${doc.url} |`);
  }
  const catalogs = catalogStatusLines(records);
  if (catalogs.length > 0) lines.push('', '## Catalogs', '', ...catalogs.map((l) => `- ${markdownCell(l)}`));
  lines.push('', '## Requirements', '');
  lines.push(`| ${CSV_COLUMNS.map((c) => c.title).join(' | ')} |`, `|${CSV_COLUMNS.map(() => '---').join('|')}|`);
  for (const r of records) lines.push(`| ${CSV_COLUMNS.map((c) => markdownCell(c.value(r))).join(' | ')} |`);
  return lines.join('\n') + '\n';
}

function optionText(value: unknown): string {
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/**
 * Aligned plain-text table. With a width, the widest columns are cut (never below 12 characters, with `...`) until
 * the table fits; without one, every cell is shown in full.
 */
function table(records: readonly ListedRecord[], columns: readonly Column[], width: number | undefined): string {
  const rows = [columns.map((c) => c.title.toUpperCase()), ...records.map((r) => columns.map((c) => c.value(r)))];
  const widths = columns.map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  if (width !== undefined) fitWidths(widths, width);
  const lines = rows.map((row) =>
    row
      .map((cell, i) => (cell.length > widths[i] ? cell.slice(0, widths[i] - 3) + '...' : cell.padEnd(widths[i])))
      .join(' '.repeat(GAP))
      .trimEnd(),
  );
  return lines.join('\n') + `\n${records.length} requirement(s)\n` + catalogStatusLines(records).map((l) => `${l}\n`).join('');
}

/** Narrows the widest columns, one character at a time, until the row fits `width` or every column is at its minimum. */
function fitWidths(widths: number[], width: number): void {
  const total = () => widths.reduce((a, b) => a + b, 0) + GAP * (widths.length - 1);
  while (total() > width) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) if (widths[i] > MIN_TABLE_COLUMN && (widest === -1 || widths[i] > widths[widest])) widest = i;
    if (widest === -1) return;
    widths[widest]--;
  }
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function markdownCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
