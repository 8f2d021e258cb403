/** How the nodes reach Google APIs (Artifact Registry, Container Registry, logging, monitoring, ...). */
export enum GkeGoogleApiAccess {
  /**
   * By name: `*.googleapis.com`, `gcr.io`, `*.gcr.io`, `pkg.dev`, `*.pkg.dev` on HTTPS 443, for an egress proxy or an
   * FQDN firewall that matches wildcards (GCP FQDN objects do not: `GcpFirewall` refuses this mode).
   */
  DOMAINS = 'domains',
  /** Private Google Access through `private.googleapis.com`: TCP 443 to 199.36.153.8/30 and 2600:2d00:2:2000::/64. The default. */
  PRIVATE = 'private',
  /** VPC Service Controls through `restricted.googleapis.com`: TCP 443 to 199.36.153.4/30 and 2600:2d00:2:1000::/64. */
  RESTRICTED = 'restricted',
}

/** Every Google API access mode. */
export const GKE_GOOGLE_API_ACCESS_MODES: readonly GkeGoogleApiAccess[] = [GkeGoogleApiAccess.DOMAINS, GkeGoogleApiAccess.PRIVATE, GkeGoogleApiAccess.RESTRICTED];

/** Placeholders of the GKE rows, filled from profile options. */
export enum GkePlaceholder {
  /** The control plane's private endpoint address or its /28 range. */
  CONTROL_PLANE = 'control-plane',
  NODE_RANGE = 'node-range',
  POD_RANGE = 'pod-range',
  SERVICE_RANGE = 'service-range',
  /** The cluster's region inside a host name. */
  REGION = 'region',
}

/** How to fill each placeholder, shown when one is left unresolved. */
export const GKE_PLACEHOLDER_HINTS: Readonly<Record<string, string>> = {
  [GkePlaceholder.CONTROL_PLANE]:
    'Set controlPlaneCidrs (CLI --control-plane-cidrs) to the control plane range or private endpoint address ' +
    '(gcloud container clusters describe CLUSTER --format="value(privateClusterConfig.masterIpv4CidrBlock)").',
  [GkePlaceholder.NODE_RANGE]: "Set nodeCidrs (CLI --node-cidrs) to the primary range of the nodes' subnet.",
  [GkePlaceholder.POD_RANGE]: 'Set podCidrs (CLI --pod-cidrs) to the Pod address range(s) of the cluster.',
  [GkePlaceholder.SERVICE_RANGE]: 'Set serviceCidrs (CLI --service-cidrs) to the Service address range of the cluster.',
  [GkePlaceholder.REGION]: "Set region (CLI --region) to the cluster's region.",
};

/** Metadata keys the GKE requirements carry. */
export enum GkeMetadataKey {
  /** GKE's own name for the firewall rule the row mirrors, e.g. `gke-[cluster-name]-[cluster-hash]-master`. */
  GKE_RULE = 'gkeRule',
  /** DNS the row depends on (private and restricted VIP rows). */
  DNS = 'dns',
  /** A caveat from the document. */
  NOTE = 'note',
}
