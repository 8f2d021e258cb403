/**
 * Where a flow lands: on the cluster's nodes (their pods), on the managed cluster API endpoint, or on a service
 * beside the cluster. It decides which construct may render the flow: node firewalls (security groups, VPC
 * firewall rules, Azure Firewall) render node flows only; API server allowlists (EKS public access CIDRs, GKE
 * master authorized networks, AKS authorized IP ranges) render control-plane flows only.
 */
export enum Landing {
  /** The flow starts or ends on the nodes (egress from pods, ingress to node ports). The default. */
  NODES = 'nodes',
  /**
   * Ingress to the cluster's API endpoint, which the cloud runs outside the nodes. Opening it on the nodes would
   * admit the peer to every node and still not reach the API server.
   */
  CONTROL_PLANE = 'control-plane',
  /**
   * Ingress to a service the user runs beside the cluster (e.g. the image registry Chainguard Enforce reads in
   * agentless mode): neither a node firewall nor an API server allowlist; listed for the team that runs it.
   */
  SERVICE = 'service',
}

/** Every landing, for validation messages. */
export const LANDINGS: readonly string[] = Object.values(Landing);

/** The constructs that render control-plane flows, for error messages and reports. */
export const CONTROL_PLANE_CONSTRUCTS = 'EksEndpointAccess (AWS), GkeAuthorizedNetworks (Google Cloud) or AksAuthorizedIpRanges (Azure)';
