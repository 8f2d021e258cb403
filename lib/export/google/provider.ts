import { ExportProvider } from '../module';

/**
 * `hashicorp/google` for the exported Google Cloud modules. From 5.0: the resources and arguments used
 * (`google_compute_network_firewall_policy*` since 4.44, `dest_fqdns`, `network_firewall_policy_enforcement_order`
 * since 4.60, `gcp_public_cidrs_access_enabled`) are all older, and 5.0 is the first major release with all of them.
 * Below 8.0: the 6.x and 7.x lines keep these arguments; a new major release may remove or rename them.
 */
export const GOOGLE_PROVIDER: ExportProvider = { name: 'google', source: 'hashicorp/google', version: '>= 5.0, < 8.0' };
