import { SourceDocument } from '../catalog-section';

/** The date of a stored page that carries none; the catalog says so instead of guessing one. */
export const UNDATED_PAGE = 'n/a (undated stored page)';

/**
 * "GKE firewall rules" (cloud.google.com/kubernetes-engine/docs/concepts/firewall-rules). The egress paragraph is
 * from the newest stored text; the table of the rules GKE creates from an older stored version of the same page.
 * Neither copy is dated.
 */
export const GKE_FIREWALL_RULES: SourceDocument = {
  catalog: 'gke',
  title: 'GKE firewall rules (Google Kubernetes Engine documentation)',
  url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/firewall-rules',
  date: UNDATED_PAGE,
};

/** "Access APIs from VMs with external IP addresses" (Private Google Access): the private.googleapis.com range. */
export const GCP_PRIVATE_GOOGLE_ACCESS: SourceDocument = {
  catalog: 'gke',
  title: 'Access APIs from VMs with external IP addresses (VPC documentation)',
  url: 'https://cloud.google.com/vpc/docs/access-apis-external-ip',
  date: UNDATED_PAGE,
};

/**
 * "Configure Artifact Registry for GKE private clusters" (zh-cn copy, last updated 2025-08-18): the
 * restricted.googleapis.com range and the registry domains that must resolve to it.
 */
export const GCP_ARTIFACT_REGISTRY_PRIVATE_CLUSTERS: SourceDocument = {
  catalog: 'gke',
  title: 'Artifact Registry for GKE private clusters (Artifact Registry documentation)',
  url: 'https://cloud.google.com/artifact-registry/docs/gke-private-clusters',
  date: '2025-08-18',
};

/**
 * Google's own Terraform module for private API access (terraform-google-network, modules/private-service-connect/
 * dns.tf @ 1bf8659d, undated): the DNS zones it creates, googleapis.com, gcr.io and pkg.dev, which give the domain set.
 */
export const GCP_PRIVATE_API_DNS: SourceDocument = {
  catalog: 'gke',
  title: 'terraform-google-network private-service-connect module, DNS zones for Google APIs',
  url: 'https://github.com/terraform-google-modules/terraform-google-network/blob/1bf8659d3d04086d096d9a3633d393e99946d53d/modules/private-service-connect/dns.tf',
  date: 'n/a (undated commit)',
};

/**
 * Google's Cloud Foundation Fabric, `modules/net-vpc/routes.tf` @ 86cc6eee (undated commit): the routes it creates
 * to the Google API VIPs, with the IPv6 ranges beside the IPv4 ones (`private-6`, `restricted-6`).
 */
export const GCP_GOOGLE_API_VIP_ROUTES: SourceDocument = {
  catalog: 'gke',
  title: 'Cloud Foundation Fabric net-vpc module, routes to the Google API VIPs',
  url: 'https://github.com/GoogleCloudPlatform/cloud-foundation-fabric/blob/86cc6eee4ceb4eadd70fe2ca27d44a8f9722491d/modules/net-vpc/routes.tf',
  date: 'n/a (undated commit)',
};
