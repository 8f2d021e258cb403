import { Necessity } from '../../model/necessity';
import { Peer } from '../../model/peer';
import { Protocol } from '../../model/protocol';
import { CatalogSection } from '../catalog-section';
import { AksCatalogTable, aksTable } from './catalog-table';
import { AKS_CLOUD_NAMES, AksCloud } from './cloud';
import { API_SERVER_PUBLIC_IP, AksCondition, CUSTOM_DNS_SERVERS } from './conditions';

// "Required outbound network rules and FQDNs for AKS clusters": one network table and one FQDN/application
// table per cloud.

/** The service tag the tunnel rows name; the profile swaps it for the API server IP when the user knows it. */
export const AZURE_CLOUD_REGION_TAG = 'AzureCloud.<location>';

const TUNNEL_PURPOSE = 'For tunneled secure communication between the nodes and the control plane.';
const TUNNEL_GLOBAL = Necessity.conditional(
  AksCondition.PUBLIC_CLUSTER_WITHOUT_KONNECTIVITY,
  "This isn't required for private clusters, or for clusters with the konnectivity-agent enabled.",
);
// The 21Vianet and US Government tables list the tunnel ports without that condition (21Vianet even adds TCP 22
// and a *.tun FQDN), so there they are required.
const TUNNEL_OTHER = Necessity.required();
const TUNNEL_ALTERNATIVES = {
  documentedAlternatives: '*, AzureCloud.<Region> service tag, RegionCIDRs, APIServerPublicIP (only known after cluster creation)',
};

const NTP_PURPOSE = 'Required for Network Time Protocol (NTP) time synchronization on Linux nodes.';
const NTP_ALTERNATIVES = { documentedAlternatives: '* (ntp.ubuntu.com is for Azure Firewall network rules)' };
const DNS_PURPOSE = "If you're using custom DNS servers, you must ensure they're accessible by the cluster nodes.";
const DNS_CONDITION = Necessity.conditional(AksCondition.CUSTOM_DNS_SERVERS, 'If using custom DNS servers.');
const API_IP_CONDITION_TEXT = 'If running pods/deployments, like Ingress Controller, that access the API Server.';

function networkRules(
  s: CatalogSection,
  tunnelPorts: ReadonlyArray<[Protocol, number]>,
  tunnel: Necessity,
  ntp: Necessity,
  apiIp: { purpose: string; condition: string },
): void {
  for (const [protocol, port] of tunnelPorts) {
    s.row([Peer.serviceTag(AZURE_CLOUD_REGION_TAG)], protocol, [port], TUNNEL_PURPOSE, { necessity: tunnel, metadata: TUNNEL_ALTERNATIVES });
  }
  s.fqdns(['ntp.ubuntu.com'], Protocol.UDP, [123], NTP_PURPOSE, { necessity: ntp, metadata: NTP_ALTERNATIVES });
  s.row([CUSTOM_DNS_SERVERS], Protocol.UDP, [53], DNS_PURPOSE, { necessity: DNS_CONDITION });
  s.row([API_SERVER_PUBLIC_IP], Protocol.TCP, [443], apiIp.purpose, {
    necessity: Necessity.conditional(AksCondition.PODS_ACCESS_PUBLIC_API_SERVER, apiIp.condition),
  });
}

const HTTPS = Protocol.HTTPS;
const API_SERVER = 'Required for Node <-> API server communication.';
const MCR =
  'Required to access images in Microsoft Container Registry (MCR). This registry contains first-party images/charts (for example, coreDNS, etc.). ' +
  'These images are required for the correct creation and functioning of the cluster, including scale and upgrade operations.';
const MCR_CDN = 'Required for MCR storage backed by the Azure content delivery network (CDN).';
const ARM = 'Required for Kubernetes operations against the Azure API.';
const ENTRA = 'Required for Microsoft Entra authentication.';
const PACKAGES =
  'This address is the Microsoft packages repository used for cached apt-get operations. Example packages include Moby, PowerShell, and Azure CLI.';
const BINARIES = 'This address is for the repository required to download and install required binaries like kubenet and Azure CNI.';
const PACKAGES_AKS =
  'This address will be replacing acs-mirror.azureedge.net in the future and will be used to download and install required Kubernetes and Azure CNI binaries.';

function networkTable(cloud: AksCloud, rows: (s: CatalogSection) => void): AksCatalogTable {
  const heading = `${AKS_CLOUD_NAMES[cloud]} required network rules`;
  return aksTable({ section: `${cloud}-network-rules`, clouds: [cloud], title: heading, anchorHeading: heading, rows });
}

function fqdnTable(cloud: AksCloud, rows: (s: CatalogSection) => void): AksCatalogTable {
  const heading = `${AKS_CLOUD_NAMES[cloud]} required FQDN / application rules`;
  return aksTable({ section: `${cloud}-fqdn-rules`, clouds: [cloud], title: heading, anchorHeading: heading, rows });
}

/** Azure Global required network rules. */
export const AZURE_PUBLIC_NETWORK_RULES = networkTable(AksCloud.AZURE_PUBLIC, (s) =>
  networkRules(
    s,
    [
      [Protocol.UDP, 1194],
      [Protocol.TCP, 9000],
    ],
    TUNNEL_GLOBAL,
    Necessity.conditional(AksCondition.NODES_PROVISIONED_BEFORE_MARCH_2021, "This isn't required for nodes provisioned after March 2021."),
    {
      purpose:
        'Required if running pods/deployments that access the API Server (like Ingress Controller), those pods/deployments would use the API IP.',
      condition: `${API_IP_CONDITION_TEXT} This port isn't required for private clusters.`,
    },
  ),
);

/** Azure Global required FQDN / application rules. */
export const AZURE_PUBLIC_FQDN_RULES = fqdnTable(AksCloud.AZURE_PUBLIC, (s) => {
  s.fqdns(
    ['*.hcp.<location>.azmk8s.io'],
    HTTPS,
    [443],
    `${API_SERVER} This is required for clusters with konnectivity-agent enabled. Konnectivity also uses Application-Layer Protocol Negotiation ` +
      '(ALPN) to communicate between agent and server. Blocking or rewriting the ALPN extension will cause a failure.',
    {
      necessity: Necessity.conditional(
        AksCondition.PUBLIC_CLUSTER,
        // The document's sentence speaks of private clusters only; the lead sentence says where the row applies.
        'Required for public clusters. Private clusters use the Konnectivity tunnel. However, for private clusters this rule is not required ' +
          'because communication between the nodes and the API server flows over private networking.',
      ),
    },
  );
  s.fqdns(['mcr.microsoft.com'], HTTPS, [443], MCR);
  s.fqdns(['*.data.mcr.microsoft.com', 'mcr-0001.mcr-msedge.net'], HTTPS, [443], MCR_CDN);
  s.fqdns(['management.azure.com'], HTTPS, [443], ARM);
  s.fqdns(['login.microsoftonline.com'], HTTPS, [443], ENTRA);
  s.fqdns(['packages.microsoft.com'], HTTPS, [443], PACKAGES);
  // Still listed in the newest edition next to its announced successor, so both stay.
  s.fqdns(['acs-mirror.azureedge.net'], HTTPS, [443], BINARIES);
  s.fqdns(['packages.aks.azure.com'], HTTPS, [443], PACKAGES_AKS);
});

/** Microsoft Azure operated by 21Vianet required network rules (adds TCP 22 to the tunnel ports). */
export const AZURE_CHINA_NETWORK_RULES = networkTable(AksCloud.AZURE_CHINA, (s) =>
  networkRules(
    s,
    [
      [Protocol.UDP, 1194],
      [Protocol.TCP, 9000],
      [Protocol.TCP, 22],
    ],
    TUNNEL_OTHER,
    Necessity.required(),
    {
      purpose:
        'Required if running pods/deployments that access the API Server (like Ingress Controller), those pod/deployments would use the API IP.',
      condition: API_IP_CONDITION_TEXT,
    },
  ),
);

/** Microsoft Azure operated by 21Vianet required FQDN / application rules. */
export const AZURE_CHINA_FQDN_RULES = fqdnTable(AksCloud.AZURE_CHINA, (s) => {
  s.fqdns(['*.hcp.<location>.cx.prod.service.azk8s.cn'], HTTPS, [443], API_SERVER);
  s.fqdns(['*.tun.<location>.cx.prod.service.azk8s.cn'], HTTPS, [443], API_SERVER);
  s.fqdns(['mcr.microsoft.com'], HTTPS, [443], MCR);
  s.fqdns(['*.data.mcr.microsoft.com'], HTTPS, [443], 'Required for MCR storage backed by the Azure Content Delivery Network (CDN).');
  s.fqdns(['management.chinacloudapi.cn'], HTTPS, [443], ARM);
  s.fqdns(['login.chinacloudapi.cn'], HTTPS, [443], ENTRA);
  s.fqdns(['packages.microsoft.com'], HTTPS, [443], PACKAGES);
  s.fqdns(['*.azk8s.cn'], HTTPS, [443], BINARIES);
  s.fqdns(
    ['mcr.azure.cn', '*.data.mcr.azure.cn'],
    HTTPS,
    [443],
    'Required to access images in Microsoft Container Registry (MCR) in China Cloud (Mooncake). This registry serves as a cache for mcr.microsoft.com with improved reliability and performance.',
  );
});

/** Azure US Government required network rules. */
export const AZURE_US_GOVERNMENT_NETWORK_RULES = networkTable(AksCloud.AZURE_US_GOVERNMENT, (s) =>
  networkRules(
    s,
    [
      [Protocol.UDP, 1194],
      [Protocol.TCP, 9000],
    ],
    TUNNEL_OTHER,
    Necessity.required(),
    {
      purpose:
        'Required if running pods/deployments that access the API Server (like Ingress Controller), those pods/deployments would use the API IP.',
      condition: API_IP_CONDITION_TEXT,
    },
  ),
);

/** Azure US Government required FQDN / application rules. */
export const AZURE_US_GOVERNMENT_FQDN_RULES = fqdnTable(AksCloud.AZURE_US_GOVERNMENT, (s) => {
  s.fqdns(['*.hcp.<location>.cx.aks.containerservice.azure.us'], HTTPS, [443], API_SERVER);
  s.fqdns(['mcr.microsoft.com'], HTTPS, [443], MCR);
  s.fqdns(['*.data.mcr.microsoft.com'], HTTPS, [443], MCR_CDN);
  s.fqdns(['management.usgovcloudapi.net'], HTTPS, [443], ARM);
  s.fqdns(['login.microsoftonline.us'], HTTPS, [443], ENTRA);
  s.fqdns(['packages.microsoft.com'], HTTPS, [443], PACKAGES);
  s.fqdns(['acs-mirror.azureedge.net'], HTTPS, [443], 'This address is for the repository required to install required binaries like kubenet and Azure CNI.');
  s.fqdns(['packages.aks.azure.com'], HTTPS, [443], PACKAGES_AKS);
});

/** The core tables of every cloud, in document order. */
export const AKS_CORE_TABLES: readonly AksCatalogTable[] = [
  AZURE_PUBLIC_NETWORK_RULES,
  AZURE_PUBLIC_FQDN_RULES,
  AZURE_CHINA_NETWORK_RULES,
  AZURE_CHINA_FQDN_RULES,
  AZURE_US_GOVERNMENT_NETWORK_RULES,
  AZURE_US_GOVERNMENT_FQDN_RULES,
];
