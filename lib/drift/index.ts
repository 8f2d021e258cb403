export { detectDriftFormat, driftCatalog, driftFile, DRIFT_FORMATS, DriftFormat, DriftOptions } from './drift';
export { DriftOutputFormat, renderDriftReport } from './render';
export { DriftChange, DriftKind, DriftReport, hasDrift } from './report';
