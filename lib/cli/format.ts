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

/**
 * Columns shown only when some record has a value for them, each after the column it explains, so that listings
 * of profiles without such rows keep their shape.
 */
const OPTIONAL_COLUMNS: Array<{ after: string; title: string; value: (r: RequirementRecord) => string }> = [
  // Where the flow lands when not on the nodes: a network team opens it on the API endpoint or the service, not the nodes.
  { after: 'peer', title: 'lands on', value: (r) => r.landing ?? '' },
  // The vendor's literal row, when the peer is a sourced interpretation of it (e.g. a name no exact-match firewall matches).
  {
    after: 'peer',
    title: 'vendor row',
    value: (r) => (r.interpretation ? `${r.interpretation.literalPeer.value}: ${r.interpretation.reason} (${r.interpretation.source.url})` : ''),
  },
  // A VPC endpoint that can serve the flow instead of the internet (metadata `vpcEndpoint`).
  { after: 'purpose', title: 'vpc endpoint', value: (r) => r.metadata?.vpcEndpoint ?? '' },
];

function columnsFor(records: readonly RequirementRecord[]): typeof COLUMNS {
  let columns = COLUMNS;
  for (const optional of OPTIONAL_COLUMNS) {
    if (!records.some((r) => optional.value(r) !== '')) continue;
    const at = columns.findIndex((c) => c.title === optional.after) + 1;
    columns = [...columns.slice(0, at), optional, ...columns.slice(at)];
  }
  return columns;
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
