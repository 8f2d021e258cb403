import { ExplainVerdict, FlowExplanation } from './explain';

/** Output formats of explain. */
export enum ExplainOutputFormat {
  TEXT = 'text',
  JSON = 'json',
}

/** What explain read, besides the explanations. */
export interface ExplainSummary {
  /** Records that were allowed (not explained). */
  readonly allowedRecords: number;
  /** The log formats recognized. */
  readonly formats: readonly string[];
}

/** Renders explanations as text, or as JSON (`{ flows: [...], allowedRecords, formats }`). */
export function renderExplanations(explanations: readonly FlowExplanation[], summary: ExplainSummary, format: ExplainOutputFormat): string {
  if (format === ExplainOutputFormat.JSON) return `${JSON.stringify({ ...summary, flows: explanations }, null, 2)}\n`;
  const lines: string[] = [];
  const skipped = summary.allowedRecords > 0 ? ` (${summary.allowedRecords} allowed records not explained)` : '';
  lines.push(`${explanations.length} denied flow${explanations.length === 1 ? '' : 's'}${skipped}.`);
  for (const e of explanations) {
    const where = e.flow.record > 0 ? ` (${e.flow.source}, record ${e.flow.record})` : '';
    lines.push('', `${e.flow.text}${where}`, `  ${e.summary}`);
    if (e.verdict === ExplainVerdict.ALLOWED_BY_PROFILE) {
      for (const r of e.profileRows) lines.push(`  row: ${r.peer} ${r.protocol} ${r.ports || '-'} (${r.source}, "${r.sectionTitle}", ${r.document}, ${r.date})`);
    }
    for (const r of e.catalogRows) {
      const literal = r.literalPeer ? ` (the vendor writes ${r.literalPeer})` : '';
      lines.push(`  catalog: ${r.peer}${literal} ${r.protocol} ${r.ports || '-'} in ${r.source} ("${r.sectionTitle}", ${r.document}, ${r.url}); ${r.bringIn}`);
    }
    for (const reason of e.reasons) lines.push(`  - ${reason}`);
  }
  return `${lines.join('\n')}\n`;
}
