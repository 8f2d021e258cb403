import { ExportTarget } from '../module';
import { EKS_ENDPOINT_ACCESS_EXPORT } from './eks-endpoint-access';
import { AWS_NETWORK_FIREWALL_EXPORT } from './network-firewall';
import { AWS_SECURITY_GROUP_RULES_EXPORT } from './security-group-rules';

export { EKS_ENDPOINT_ACCESS_EXPORT } from './eks-endpoint-access';
export { AWS_NETWORK_FIREWALL_EXPORT } from './network-firewall';
export { AWS_SECURITY_GROUP_RULES_EXPORT } from './security-group-rules';

/** The export targets of this cloud (see lib/export/module.ts); each reuses the planning code of its construct. */
export const AWS_EXPORT_TARGETS: readonly ExportTarget[] = [AWS_SECURITY_GROUP_RULES_EXPORT, AWS_NETWORK_FIREWALL_EXPORT, EKS_ENDPOINT_ACCESS_EXPORT];
