export { ExplainVerdict, explainFlows } from './explain';
export type { CatalogRowMatch, ExplainProfiles, FlowExplanation, RowReference } from './explain';
export { FlowSource, parseFlowArgument } from './flow';
export type { Flow } from './flow';
export { readLogFlows } from './log-records';
export type { LogFlows } from './log-records';
export { ExplainOutputFormat, renderExplanations } from './render';
