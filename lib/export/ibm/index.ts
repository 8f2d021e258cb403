import { ExportTarget } from '../module';
import { IBM_SECURITY_GROUP_RULES_EXPORT } from './security-group-rules';

export { IBM_SECURITY_GROUP_RULES_EXPORT } from './security-group-rules';

/** The export targets of this cloud (see lib/export/module.ts); each reuses the planning code of its construct. */
export const IBM_EXPORT_TARGETS: readonly ExportTarget[] = [IBM_SECURITY_GROUP_RULES_EXPORT];
