import { DriftChange, DriftKind, DriftReport } from './report';

/** Output formats of a drift report. */
export enum DriftOutputFormat {
  TEXT = 'text',
  JSON = 'json',
  /** For a pull-request or issue body. */
  MARKDOWN = 'markdown',
}

const WORDS: Readonly<Record<DriftKind, string>> = {
  [DriftKind.ROW_ADDED]: 'added upstream',
  [DriftKind.ROW_REMOVED]: 'gone upstream',
  [DriftKind.PORTS_CHANGED]: 'ports/protocol changed',
  [DriftKind.SECTION_ADDED]: 'section added upstream',
  [DriftKind.SECTION_REMOVED]: 'section gone upstream',
  [DriftKind.SECTION_RENAMED]: 'section renamed',
  [DriftKind.DATE_MOVED]: 'document date moved',
  [DriftKind.VALUE_CHANGED]: 'value changed',
};

/** Renders a report; JSON is the report itself (stable key order, two-space indent). */
export function renderDriftReport(report: DriftReport, format: DriftOutputFormat): string {
  switch (format) {
    case DriftOutputFormat.JSON:
      return `${JSON.stringify(report, null, 2)}\n`;
    case DriftOutputFormat.MARKDOWN:
      return markdown(report);
    default:
      return text(report);
  }
}

function summary(report: DriftReport): string {
  const n = report.changes.length;
  const counted = `${report.compared.sections} sections, ${report.compared.rows} rows compared`;
  return n === 0
    ? `No drift: catalog ${report.catalog} matches ${report.file} (${report.format}; ${counted}).`
    : `Drift: ${n} difference${n === 1 ? '' : 's'} between catalog ${report.catalog} and ${report.file} (${report.format}; ${counted}).`;
}

function describe(c: DriftChange): string {
  const parts = [`${WORDS[c.kind]}: ${c.item}`];
  if (c.upstream !== undefined) parts.push(`upstream ${c.upstream}`);
  if (c.catalog !== undefined) parts.push(`catalog ${c.catalog}`);
  if (c.line !== undefined) parts.push(`line ${c.line}`);
  return parts.join('; ');
}

function text(report: DriftReport): string {
  const lines = [summary(report)];
  let section: string | undefined;
  for (const c of report.changes) {
    if (c.section !== section) {
      section = c.section;
      lines.push(`  ${section}`);
    }
    lines.push(`    ${describe(c)}`);
  }
  for (const note of report.notes) lines.push(`  note: ${note}`);
  return `${lines.join('\n')}\n`;
}

function cell(value: string | number | undefined): string {
  return value === undefined ? '' : String(value).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function markdown(report: DriftReport): string {
  const lines = [`### Catalog drift: \`${report.catalog}\``, '', summary(report), ''];
  if (report.upstreamDate || report.catalogDate) {
    lines.push(`Upstream date: ${report.upstreamDate ?? 'none'}; catalog edition: ${report.catalogDate ?? 'none'}.`, '');
  }
  if (report.changes.length > 0) {
    lines.push('| change | section | item | upstream | catalog | line |', '|---|---|---|---|---|---|');
    for (const c of report.changes) {
      lines.push(`| ${WORDS[c.kind]} | ${cell(c.section)} | \`${cell(c.item)}\` | ${cell(c.upstream)} | ${cell(c.catalog)} | ${cell(c.line)} |`);
    }
    lines.push('');
  }
  if (report.notes.length > 0) {
    lines.push('Notes:', '', ...report.notes.map((n) => `- ${n}`), '');
  }
  return `${lines.join('\n')}`;
}
