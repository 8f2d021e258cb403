import { ExportTarget } from '../module';
import { GCP_FIREWALL_EXPORT } from './gcp-firewall';
import { GKE_AUTHORIZED_NETWORKS_EXPORT } from './gke-authorized-networks';

export { GCP_FIREWALL_EXPORT } from './gcp-firewall';
export { GKE_AUTHORIZED_NETWORKS_EXPORT } from './gke-authorized-networks';
export { GOOGLE_PROVIDER } from './provider';

/** The export targets of this cloud (see lib/export/module.ts); each reuses the planning code of its construct. */
export const GOOGLE_EXPORT_TARGETS: readonly ExportTarget[] = [GCP_FIREWALL_EXPORT, GKE_AUTHORIZED_NETWORKS_EXPORT];
