/**
 * Google Cloud target (`cdktf-firewall-requirements/google`): GKE master authorized networks and GCP
 * firewall rules and policies. Needs `@cdktf/provider-google`.
 */
import './peers'; // first: checks the peer packages before anything loads them
export * from './gcp-firewall';
export * from './gke-authorized-networks';
export type { UserCidr } from '../../plan/user-cidrs';
export * from '../provider-version';
