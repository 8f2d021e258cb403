/**
 * Google Cloud target (`cdktf-firewall-requirements/google`): GKE master authorized networks and GCP
 * firewall rules and policies. Needs `@cdktf/provider-google`.
 */
export * from './gcp-firewall';
export * from './gke-authorized-networks';
export type { UserCidr } from '../../plan/user-cidrs';
