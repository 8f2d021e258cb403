import { RequirementRecord } from '../model/requirement-record';

/** Columns shown by the table, CSV and Markdown formats. */
const COLUMNS: Array<{ title: string; value: (r: RequirementRecord) => string }> = [
  { title: 'id', value: (r) => r.id },
  { title: 'direction', value: (r) => r.direction },
  { title: 'protocol', value: (r) => r.protocol },
  { title: 'ports', value: (r) => r.ports.join(' ') || '-' },
  { title: 'peer kind', value: (r) => r.peer.kind },
  { title: 'peer', value: (r) => r.peer.value },
  { title: 'necessity', value: (r) => (r.condition ? `${r.necessity}: ${r.condition}` : r.necessity) },
  { title: 'purpose', value: (r) => r.purpose },
  { title: 'source', value: (r) => r.source },
  { title: 'document', value: (r) => `${r.provenance.title} (${r.provenance.date}) ${r.provenance.url}` },
];

/** Shown after `purpose` only when some record names a VPC endpoint that can serve it (metadata `vpcEndpoint`). */
const VPC_ENDPOINT_COLUMN = { title: 'vpc endpoint', value: (r: RequirementRecord) => r.metadata?.vpcEndpoint ?? '' };

function columnsFor(records: readonly RequirementRecord[]): typeof COLUMNS {
  if (!records.some((r) => r.metadata?.vpcEndpoint)) return COLUMNS;
  const at = COLUMNS.findIndex((c) => c.title === 'purpose') + 1;
  return [...COLUMNS.slice(0, at), VPC_ENDPOINT_COLUMN, ...COLUMNS.slice(at)];
}

/** Renders records in one of the CLI formats. */
export function formatRecords(records: readonly RequirementRecord[], format: string): string {
  const columns = columnsFor(records);
  switch (format) {
    case 'json':
      return JSON.stringify(records, null, 2) + '\n';
    case 'csv':
      return [columns.map((c) => csvCell(c.title)), ...records.map((r) => columns.map((c) => csvCell(c.value(r))))]
        .map((row) => row.join(','))
        .join('\r\n') + '\r\n';
    case 'markdown':
      return (
        [
          `| ${columns.map((c) => c.title).join(' | ')} |`,
          `|${columns.map(() => '---').join('|')}|`,
          ...records.map((r) => `| ${columns.map((c) => markdownCell(c.value(r))).join(' | ')} |`),
        ].join('\n') + '\n'
      );
    default:
      return table(records, columns);
  }
}

/** Aligned plain-text table; long cells are cut at 60 characters, the other formats keep the full text. */
function table(records: readonly RequirementRecord[], columns: typeof COLUMNS): string {
  // Conditions are long prose: the table shows only the kind; csv, markdown and json carry the text.
  const shown = columns.filter((c) => c.title !== 'document' && c.title !== 'id').map((c) =>
    c.title === 'necessity' ? { title: c.title, value: (r: RequirementRecord) => r.necessity } : c,
  );
  const rows = [shown.map((c) => c.title.toUpperCase()), ...records.map((r) => shown.map((c) => c.value(r)))];
  const widths = shown.map((_, i) => Math.min(60, Math.max(...rows.map((row) => row[i].length))));
  const lines = rows.map((row) =>
    row
      .map((cell, i) => (cell.length > widths[i] ? cell.slice(0, widths[i] - 3) + '...' : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd(),
  );
  return lines.join('\n') + `\n${records.length} requirement(s)\n`;
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function markdownCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
