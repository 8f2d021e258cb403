import { SourceDocument } from '../catalog-section';

const FIREWALL_TOPIC = 'https://cloud.ibm.com/docs/containers?topic=containers-vpc-firewall';

/**
 * "VPC: Opening required ports and IP addresses in your firewall" (ibm-cloud-docs/containers vpc-firewall.md,
 * lastupdated 2020-03-16): the edition the catalog was seeded from. Source of the CLI hosts, the 20000-32767
 * master range, registry port 4443, calicoctl access and the per-subnet node-port rule.
 */
export const IBM_VPC_FIREWALL_2020: SourceDocument = {
  catalog: 'ibm-vpc',
  title: 'VPC: Opening required ports and IP addresses in your firewall',
  url: FIREWALL_TOPIC,
  date: '2020-03-16',
};

/**
 * The same page, newest edition (lastupdated 2025-10-01, "Opening required ports and IP addresses in allowlists"):
 * master range 30000-32767, registry on port 443 only, the allowlist sources for other services, and the optional
 * Ingress subdomain monitoring ranges.
 */
export const IBM_VPC_FIREWALL_2025: SourceDocument = {
  catalog: 'ibm-vpc',
  title: 'Opening required ports and IP addresses in allowlists',
  url: FIREWALL_TOPIC,
  date: '2025-10-01',
};

/** IBM Cloud Container Registry overview (registry_overview.md @ 983eb1a9, lastupdated 2026-08-11): the region table. */
export const IBM_REGISTRY_OVERVIEW: SourceDocument = {
  catalog: 'ibm-vpc',
  title: 'IBM Cloud Container Registry overview (registry_overview.md), registry regions table',
  url: 'https://github.com/ibm-cloud-docs/Registry/blob/983eb1a9094fb63f51ed57191c668d54231c65ed/registry_overview.md',
  date: '2026-08-11',
};

/** IBM Cloud Container Registry firewall page (registry_firewall.md @ a2910abc, lastupdated 2026-05-27): delivery domains. */
export const IBM_REGISTRY_FIREWALL: SourceDocument = {
  catalog: 'ibm-vpc',
  title: 'IBM Cloud Container Registry firewall access (registry_firewall.md)',
  url: 'https://github.com/ibm-cloud-docs/Registry/blob/a2910abcc312e68d86b899c08bb8b67f527da3a4/registry_firewall.md',
  date: '2026-05-27',
};
