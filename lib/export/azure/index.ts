import { ExportTarget } from '../module';
import { AKS_AUTHORIZED_IP_RANGES_EXPORT } from './aks-authorized-ip-ranges';
import { AZURE_FIREWALL_POLICY_EXPORT } from './azure-firewall-policy';

/** The export targets of this cloud (see lib/export/module.ts); each reuses the planning code of its construct. */
export const AZURE_EXPORT_TARGETS: readonly ExportTarget[] = [AZURE_FIREWALL_POLICY_EXPORT, AKS_AUTHORIZED_IP_RANGES_EXPORT];
