import { Peer } from '../../model/peer';

/**
 * Stable keys of the conditions the AKS rows carry (`Necessity.conditional(key, text)`). The profile evaluates
 * each key against its options and drops the rows whose conditions do not hold.
 */
export enum AksCondition {
  /** Node-to-control-plane tunnel ports (Azure Global): public clusters without the konnectivity-agent. */
  PUBLIC_CLUSTER_WITHOUT_KONNECTIVITY = 'public-cluster-without-konnectivity',
  /** Rows a private cluster does not need (its nodes reach the API server over private networking). */
  PUBLIC_CLUSTER = 'public-cluster',
  /** NTP to ntp.ubuntu.com (Azure Global): only nodes provisioned before March 2021. */
  NODES_PROVISIONED_BEFORE_MARCH_2021 = 'nodes-provisioned-before-march-2021',
  /** DNS to the cluster's custom DNS servers. */
  CUSTOM_DNS_SERVERS = 'custom-dns-servers',
  /** Pods (e.g. an ingress controller) that talk to the public API server IP. */
  PODS_ACCESS_PUBLIC_API_SERVER = 'pods-access-public-api-server',
  /** Istio with a plug-in CA or secure ingress gateways uses the Key Vault provider. */
  ISTIO_USES_KEY_VAULT = 'istio-plugin-ca-or-secure-ingress-gateways',
  /** Application routing terminates SSL with certificates stored in Azure Key Vault. */
  APPLICATION_ROUTING_USES_KEY_VAULT = 'application-routing-key-vault-certificates',
}

/** Placeholder names the profile fills from its options. */
export enum AksPlaceholder {
  API_SERVER_PUBLIC_IP = 'api-server-public-ip',
  CUSTOM_DNS_SERVERS = 'custom-dns-servers',
}

/** How the user fills each placeholder (and `<location>`), shown when one is left unresolved. */
export const AKS_PLACEHOLDER_HINTS: Readonly<Record<string, string>> = {
  [AksPlaceholder.API_SERVER_PUBLIC_IP]:
    "Set the apiServerPublicIp option (CLI --api-server-public-ip) to the cluster's API server public IP, or leave podsAccessApiServer off.",
  [AksPlaceholder.CUSTOM_DNS_SERVERS]: 'Set the customDnsServers option (CLI --custom-dns-servers) to the addresses of your DNS servers.',
  location: "Set the location option (CLI --location) to the cluster's Azure region, e.g. westeurope.",
};

/** The API server public IP, known only after cluster creation. */
export const API_SERVER_PUBLIC_IP = Peer.placeholder(AksPlaceholder.API_SERVER_PUBLIC_IP, AKS_PLACEHOLDER_HINTS[AksPlaceholder.API_SERVER_PUBLIC_IP]);

/** The cluster's custom DNS servers. */
export const CUSTOM_DNS_SERVERS = Peer.placeholder(AksPlaceholder.CUSTOM_DNS_SERVERS, AKS_PLACEHOLDER_HINTS[AksPlaceholder.CUSTOM_DNS_SERVERS]);
