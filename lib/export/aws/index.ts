import { ExportTarget } from '../module';

/** The export targets of this cloud (see lib/export/module.ts); each reuses the planning code of its construct. */
export const AWS_EXPORT_TARGETS: readonly ExportTarget[] = [];
