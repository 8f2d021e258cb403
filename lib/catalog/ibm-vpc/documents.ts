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

/** The date the IBM Cloud VPC catalog's data was last checked against its upstream files. */
export const IBM_VPC_DATA_CHECKED = '2026-12-08';

/**
 * "Controlling traffic with VPC security groups" (ibm-cloud-docs/containers vpc-security-group.md @ 0f16cc7f,
 * lastupdated 2023-01-06): the minimum inbound and outbound rules of the worker security groups (the randomly named
 * VPC group and `kube-<cluster-ID>`) and of a VPC ALB's own group, for clusters without Secure by Default.
 */
export const IBM_VPC_SECURITY_GROUPS_2023: SourceDocument = {
  catalog: 'ibm-vpc',
  title: 'Controlling traffic with VPC security groups (ibm-cloud-docs/containers vpc-security-group.md)',
  url: 'https://github.com/ibm-cloud-docs/containers/blob/0f16cc7f8c548c97b0b85abcd942e83918414b6c/vpc-security-group.md',
  date: '2023-01-06',
};

/**
 * "Understanding secure by default Cluster VPC Networking" (topic containers-vpc-security-group-reference,
 * lastupdated 2026-10-09): the `kube-<clusterID>` group of clusters created with Secure by Default (Kubernetes 1.30+,
 * Red Hat OpenShift 4.15+). Not read in a stored copy: its rows are transcribed from the December 2026 catalog
 * review's summary of the page, which names destinations but not protocols or ports (rows whose protocol the
 * summary does not give allow all protocols, as the 2023 minimum rules do, and say so).
 */
export const IBM_SECURE_BY_DEFAULT: SourceDocument = {
  catalog: 'ibm-vpc',
  title: 'Understanding secure by default Cluster VPC Networking',
  url: 'https://cloud.ibm.com/docs/containers?topic=containers-vpc-security-group-reference',
  date: '2026-10-09',
};

/**
 * IBM-Cloud/kube-samples `control-plane-ips/` @ 7057ed01 (2026-06-16): one file of control-plane CIDRs per region,
 * the sources of the ALB health checks on TCP 80 that a custom load-balancer security group must admit.
 */
export const IBM_CONTROL_PLANE_IPS: SourceDocument = {
  catalog: 'ibm-vpc',
  title: 'Control plane IP addresses (IBM-Cloud/kube-samples control-plane-ips)',
  url: 'https://github.com/IBM-Cloud/kube-samples/tree/7057ed01e9989c277dcab1cb24dbb9be03266917/control-plane-ips',
  date: '2026-06-16',
};
