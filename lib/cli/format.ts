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

/** Renders records in one of the CLI formats. */
export function formatRecords(records: readonly RequirementRecord[], format: string): string {
  switch (format) {
    case 'json':
      return JSON.stringify(records, null, 2) + '\n';
    case 'csv':
      return [COLUMNS.map((c) => csvCell(c.title)), ...records.map((r) => COLUMNS.map((c) => csvCell(c.value(r))))]
        .map((row) => row.join(','))
        .join('\r\n') + '\r\n';
    case 'markdown':
      return (
        [
          `| ${COLUMNS.map((c) => c.title).join(' | ')} |`,
          `|${COLUMNS.map(() => '---').join('|')}|`,
          ...records.map((r) => `| ${COLUMNS.map((c) => markdownCell(c.value(r))).join(' | ')} |`),
        ].join('\n') + '\n'
      );
    default:
      return table(records);
  }
}

/** Aligned plain-text table; long cells are cut at 60 characters, the other formats keep the full text. */
function table(records: readonly RequirementRecord[]): string {
  // Conditions are long prose: the table shows only the kind; csv, markdown and json carry the text.
  const shown = COLUMNS.filter((c) => c.title !== 'document' && c.title !== 'id').map((c) =>
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
