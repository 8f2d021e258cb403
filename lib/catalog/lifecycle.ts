import { CatalogLifecycle, CatalogStatus } from '../model/lifecycle';
import { Requirement } from '../model/requirement';
import { compareText } from '../model/value';

/**
 * The day the catalogs' data was last compared with the upstream sources named in their evidence (the December
 * 2026 catalog review; the Chainguard and GKE rows were re-read in the vendors' repositories that day).
 */
export const CATALOGS_CHECKED = '2026-12-08';

const EDU = 'chainguard-dev/edu';

/**
 * Chainguard Enforce for Kubernetes: retired. Its section left the network requirements page in February 2024, the
 * paragraph on its CIDR ranges went in March, the product documentation was turned down on 2024-04-10 and the last
 * references in September. The CIDR data file has not changed since 2023-06-30 and no page renders it.
 */
export const CHAINGUARD_ENFORCE_LIFECYCLE: CatalogLifecycle = {
  catalog: 'chainguard-enforce',
  title: 'Chainguard Enforce for Kubernetes',
  status: CatalogStatus.RETIRED,
  since: '2024-04-10',
  evidence: [
    { repository: EDU, commit: 'e71950e58', date: '2023-06-30', change: 'last change of data/ips.yaml (the five /32s), rendered by no page today' },
    { repository: EDU, commit: '10d57cf78', date: '2024-01-16', change: 'data/domains.yaml drops agentless-lifecycle.enforce.dev and webhook.enforce.dev' },
    { repository: EDU, commit: 'a1583e29b', date: '2024-02-07', change: 'the network requirements page becomes Images only; its Enforce section goes' },
    { repository: EDU, commit: '70621da30', date: '2024-03-29', change: 'the paragraph about the Enforce CIDR ranges is removed' },
    { repository: EDU, commit: '115bca1e8', date: '2024-04-10', change: 'Enforce documentation turned down' },
    { repository: EDU, commit: '3260d4508', date: '2024-09-10', change: 'the remaining references to removed Enforce functionality go' },
  ],
  checked: CATALOGS_CHECKED,
  successor: 'chainguard-containers',
};

/** Chainguard Containers (the registry): the page Chainguard publishes today. */
export const CHAINGUARD_CONTAINERS_LIFECYCLE: CatalogLifecycle = {
  catalog: 'chainguard-containers',
  title: 'Chainguard Containers (cgr.dev)',
  status: CatalogStatus.CURRENT,
  since: '2026-08-11',
  evidence: [
    { repository: EDU, commit: '20ec2fc24', date: '2026-02-23', change: 'network requirements page documents the IP version of each host' },
    { repository: EDU, commit: '91f8fb595', date: '2026-08-11', change: 'page moves to content/chainguard/containers/network-requirements.md (lastmod 2025-06-17); unchanged since' },
  ],
  checked: CATALOGS_CHECKED,
};

/** AKS: the data equals the newest article, row for row. */
export const AKS_LIFECYCLE: CatalogLifecycle = {
  catalog: 'aks',
  title: 'Azure Kubernetes Service outbound network and FQDN rules',
  status: CatalogStatus.CURRENT,
  since: '2026-06-18',
  evidence: [
    { repository: 'MicrosoftDocs/azure-aks-docs', commit: '1bdcfff99', date: '2026-06-18', change: 'newest content of articles/aks/outbound-rules-control-egress.md (a later commit changes author metadata only)' },
  ],
  checked: CATALOGS_CHECKED,
};

/** EKS nodes: compared with the EKS user guide and botocore's endpoint data. */
export const EKS_LIFECYCLE: CatalogLifecycle = {
  catalog: 'eks',
  title: 'Amazon EKS nodes',
  status: CatalogStatus.CURRENT,
  since: '2026-08-07',
  evidence: [
    { repository: 'awsdocs/amazon-eks-user-guide', commit: '101184ec', date: 'n/a', change: 'private-clusters.adoc, the private-cluster endpoint table' },
    { repository: 'awsdocs/amazon-eks-user-guide', commit: '1cc6ebb4', date: 'n/a', change: 'add-ons-images.adoc, the add-on registry accounts' },
    { repository: 'boto/botocore', commit: '0e6e2404', date: '2026-08-07', change: 'partitions.json / endpoints.json, the regions and endpoint names' },
  ],
  checked: CATALOGS_CHECKED,
};

/** GKE nodes: the GKE firewall page, Private Google Access and the Google API VIP ranges. */
export const GKE_LIFECYCLE: CatalogLifecycle = {
  catalog: 'gke',
  title: 'Google Kubernetes Engine nodes',
  status: CatalogStatus.CURRENT,
  since: '2025-08-18',
  evidence: [
    { repository: 'GoogleCloudPlatform/cloud-foundation-fabric', commit: '86cc6eee', date: 'n/a', change: 'modules/net-vpc/routes.tf, the IPv4 and IPv6 ranges of private and restricted.googleapis.com' },
  ],
  checked: CATALOGS_CHECKED,
};

/** IBM Cloud VPC clusters: the firewall and security group pages of ibm-cloud-docs/containers. */
export const IBM_VPC_LIFECYCLE: CatalogLifecycle = {
  catalog: 'ibm-vpc',
  title: 'IBM Cloud Kubernetes Service on VPC',
  status: CatalogStatus.CURRENT,
  since: '2025-10-01',
  evidence: [
    { repository: 'ibm-cloud-docs/containers', commit: '0f16cc7f8c54', date: '2023-01-06', change: 'vpc-security-group.md, the worker security group rules' },
  ],
  checked: CATALOGS_CHECKED,
};

/** Every catalog's lifecycle, by catalog key. */
export const CATALOG_LIFECYCLES: Readonly<Record<string, CatalogLifecycle>> = Object.fromEntries(
  [AKS_LIFECYCLE, CHAINGUARD_CONTAINERS_LIFECYCLE, CHAINGUARD_ENFORCE_LIFECYCLE, EKS_LIFECYCLE, GKE_LIFECYCLE, IBM_VPC_LIFECYCLE].map((l) => [l.catalog, l]),
);

/** The lifecycle of a catalog, if the library knows it (not for `user` rows or documents cited only as support). */
export function catalogLifecycle(catalog: string): CatalogLifecycle | undefined {
  return Object.prototype.hasOwnProperty.call(CATALOG_LIFECYCLES, catalog) ? CATALOG_LIFECYCLES[catalog] : undefined;
}

/**
 * The retired catalogs any of `requirements` comes from (every source, not only the primary one), each once, sorted
 * by catalog key: what the CLI warns about on stderr and constructs at synth.
 */
export function retiredCatalogsOf(requirements: readonly Requirement[]): CatalogLifecycle[] {
  const found = new Map<string, CatalogLifecycle>();
  for (const r of requirements) {
    for (const source of r.sources) {
      const lifecycle = catalogLifecycle(source.catalog);
      if (lifecycle?.status === CatalogStatus.RETIRED) found.set(lifecycle.catalog, lifecycle);
    }
  }
  return [...found.values()].sort((a, b) => compareText(a.catalog, b.catalog));
}
