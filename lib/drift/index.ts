export { detectDriftFormat, driftCatalog, driftFile, DRIFT_FORMATS, DriftFormat } from './drift';
export type { DriftOptions } from './drift';
export { DriftOutputFormat, renderDriftReport } from './render';
export { DriftKind, hasDrift } from './report';
export type { DriftChange, DriftReport } from './report';
