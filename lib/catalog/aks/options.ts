// The options of the AKS profile: the typed interface and its declaration table (checks, CLI flags, help, export
// spec schema and README tables all derive from the table), with the add-on and registry checks the table uses.
import { invalidValue } from '../../model/errors';
import { declareOptions } from '../options/declare';
import { OptionType } from '../profile-definition';
import { AKS_ADDONS, AKS_KEY_VAULT_FEATURE_ADDONS, AksAddon } from './addon';
import { DEFENDER_CHINA_RETIREMENT_DATE } from './addons';
import { aksAddonTables } from './catalog';
import { AKS_CLOUD_NAMES, AKS_CLOUDS, AksCloud } from './cloud';

/** Options of the AKS profile: which cloud, region, node pools and add-ons the cluster has. */
export interface AksProfileOptions {
  /**
   * The Azure cloud the cluster runs in.
   * @default AksCloud.AZURE_PUBLIC
   */
  readonly cloud?: AksCloud;
  /** The cluster's Azure region, e.g. `westeurope` (`West Europe` is accepted too). */
  readonly location: string;
  /**
   * Features, add-ons and integrations in use; each adds its own rows.
   * @default []
   */
  readonly addons?: AksAddon[];
  /**
   * The add-ons among `istio` and `application-routing` that use Azure Key Vault: Istio with a plug-in CA or secure
   * ingress gateways, application routing terminating SSL with Key Vault certificates. Each adds the Key Vault
   * provider's row (`*.vault.azure.net`, any tenant's vaults); without it these add-ons add no rows (the core rules
   * cover them). Each must also be in `addons`.
   * @default [] (no Key Vault rows for istio or application-routing)
   */
  readonly addonsUsingKeyVault?: AksAddon[];
  /**
   * Names of your own Azure Container Registries the nodes pull from (e.g. `contosoregistry`, or its login server
   * `contosoregistry.azurecr.io`), like `ecrAccountIds` for EKS. Each adds HTTPS 443 to its login server
   * `<name>.azurecr.io`, plus `azurecr.io` (the registry certificate); the image layers come from the data
   * endpoints (`containerRegistryDataEndpointRegions`) or the storage endpoint (`containerRegistryStorageEndpoint`),
   * one of which is required. Azure public cloud only (the registry firewall page names no other cloud's names).
   * @default [] (no registries of your own)
   */
  readonly containerRegistries?: string[];
  /**
   * With dedicated data endpoints (Premium tier): the regions the registries are located or geo-replicated in;
   * each adds `<name>.<region>.data.azurecr.io` for every registry (`az acr show-endpoints --name <name>`).
   * @default []
   */
  readonly containerRegistryDataEndpointRegions?: string[];
  /**
   * For registries without dedicated data endpoints: allow their storage endpoint, `*.blob.core.windows.net` (every
   * Azure blob storage account, of any tenant). An explicit opt-in because of its width.
   * @default false
   */
  readonly containerRegistryStorageEndpoint?: boolean;
  /**
   * Whether the cluster has GPU-enabled node pools.
   * @default false
   */
  readonly gpu?: boolean;
  /**
   * Whether the cluster has Windows Server node pools.
   * @default false
   */
  readonly windows?: boolean;
  /**
   * Whether the cluster is a private cluster (nodes reach the API server over private networking). Drops TCP 443
   * to the API server IP and, in Azure Global, the `*.hcp.<location>.azmk8s.io` rule and the tunnel ports; the
   * 21Vianet and US Government tables state no private-cluster exception for their other rows.
   * @default false
   */
  readonly privateCluster?: boolean;
  /**
   * Whether the konnectivity-agent is enabled. In Azure Global, when it is not (and the cluster is public), the
   * UDP 1194 and TCP 9000 tunnel rows are added. The 21Vianet (UDP 1194, TCP 9000, TCP 22) and US Government
   * (UDP 1194, TCP 9000) tables list the tunnel ports without that condition, so there they are always included.
   * @default true
   */
  readonly konnectivity?: boolean;
  /**
   * Addresses of the custom DNS servers the nodes use; each gets a UDP 53 row.
   * @default [] (Azure-provided DNS: no rows)
   */
  readonly customDnsServers?: string[];
  /**
   * The API server's public IP. When given, the tunnel rows go to this single address instead of the
   * `AzureCloud.<location>` service tag (least privilege); it is also the target of podsAccessApiServer.
   * @default - none
   */
  readonly apiServerPublicIp?: string;
  /**
   * Whether pods or deployments (e.g. an ingress controller) talk to the API server by IP: adds TCP 443 to
   * apiServerPublicIp, which must then be set. Not used for private clusters.
   * @default false
   */
  readonly podsAccessApiServer?: boolean;
  /**
   * Whether some nodes were provisioned before March 2021 (they need NTP to ntp.ubuntu.com; Azure Global).
   * @default false
   */
  readonly nodesProvisionedBeforeMarch2021?: boolean;
  /**
   * Whether to include the optional recommended OS-update rules.
   * @default false
   */
  readonly includeRecommended?: boolean;
  /**
   * Accept a location that is not in the library's region list for the cloud (see `AKS_REGIONS`), for regions
   * Azure opened after the list was compiled. The name must still be a lower-case region name such as
   * `swedensouth`; a region of another cloud is still refused.
   * @default false
   */
  readonly allowUnlistedLocation?: boolean;
}

/** The options of the AKS profile, one per `AksProfileOptions` property (the compiler checks both list the same). */
export const AKS_OPTION_SPECS = declareOptions<AksProfileOptions>({
  cloud: {
    type: OptionType.CHOICE,
    choices: AKS_CLOUDS,
    defaultValue: AksCloud.AZURE_PUBLIC,
    description: 'Azure cloud: azure-public, azure-china (operated by 21Vianet) or azure-us-government.',
  },
  location: {
    type: OptionType.STRING,
    required: true,
    missing: { reason: "the AKS FQDNs and service tags name the cluster's Azure region", example: "location: 'westeurope' (CLI --location westeurope)" },
    hint: 'Give the Azure region name as a string, e.g. westeurope.',
    description: "The cluster's Azure region, e.g. westeurope.",
  },
  addons: {
    type: OptionType.CHOICE_LIST,
    choices: AKS_ADDONS,
    label: 'AKS add-on',
    defaultValue: [],
    // `all` means every add-on the chosen cloud has rules for (an unknown cloud is reported by aksProfile).
    expandAll: (o) => {
      const cloud = (o.cloud ?? AksCloud.AZURE_PUBLIC) as AksCloud;
      return AKS_CLOUDS.includes(cloud) ? aksAddonsFor(cloud) : [];
    },
    description: 'Features, add-ons and integrations in use (all = every add-on the cloud has rules for).',
  },
  addonsUsingKeyVault: {
    type: OptionType.CHOICE_LIST,
    choices: AKS_KEY_VAULT_FEATURE_ADDONS,
    label: 'add-on using Key Vault',
    defaultValue: [],
    description: 'Of --addons, istio (plug-in CA, secure gateways) and application-routing (Key Vault certificates) that use Key Vault: adds *.vault.azure.net.',
  },
  containerRegistries: {
    type: OptionType.STRING_LIST,
    check: registryName,
    defaultValue: [],
    description: 'Your Azure Container Registry names (adds <name>.azurecr.io; needs data endpoint regions or the storage endpoint).',
  },
  containerRegistryDataEndpointRegions: {
    type: OptionType.STRING_LIST,
    defaultValue: [],
    description: "Regions of the registries' dedicated data endpoints (adds <name>.<region>.data.azurecr.io each).",
  },
  containerRegistryStorageEndpoint: {
    type: OptionType.BOOLEAN,
    defaultValue: false,
    description: 'Registries without dedicated data endpoints: allow *.blob.core.windows.net (every storage account).',
  },
  gpu: { type: OptionType.BOOLEAN, defaultValue: false, description: 'The cluster has GPU-enabled node pools.' },
  windows: { type: OptionType.BOOLEAN, defaultValue: false, description: 'The cluster has Windows Server node pools.' },
  privateCluster: {
    type: OptionType.BOOLEAN,
    defaultValue: false,
    description: 'Private cluster: drops TCP 443 to the API server IP and, in Azure Global, the API server FQDN rule and the tunnel ports.',
  },
  konnectivity: {
    type: OptionType.BOOLEAN,
    defaultValue: true,
    description:
      'The konnectivity-agent is enabled; set it to false to add the UDP 1194 / TCP 9000 tunnel ports in Azure Global (the other clouds always include theirs).',
  },
  // Host addresses: one machine each, so a DNS server list never becomes a rule to a network (let alone every address).
  customDnsServers: {
    type: OptionType.HOST_LIST,
    label: 'custom DNS server',
    defaultValue: [],
    description: 'Addresses of custom DNS servers the nodes use (adds UDP 53 to each).',
  },
  apiServerPublicIp: {
    type: OptionType.HOST,
    label: 'public IP of the API server',
    hint: "Give the API server's public IP address as a string, e.g. 20.61.10.5.",
    defaultText: 'none',
    description: "The API server's public IP: the tunnel ports go to it instead of the AzureCloud.<location> service tag.",
  },
  podsAccessApiServer: {
    type: OptionType.BOOLEAN,
    defaultValue: false,
    description: 'Pods (e.g. an ingress controller) talk to the API server IP: adds TCP 443 to it (needs --api-server-public-ip).',
  },
  nodesProvisionedBeforeMarch2021: {
    type: OptionType.BOOLEAN,
    flag: 'nodes-provisioned-before-march-2021',
    defaultValue: false,
    description: 'Some nodes were provisioned before March 2021: adds NTP (UDP 123) to ntp.ubuntu.com in Azure Global.',
  },
  includeRecommended: { type: OptionType.BOOLEAN, defaultValue: false, description: 'Include the optional recommended OS-update rules.' },
  allowUnlistedLocation: {
    type: OptionType.BOOLEAN,
    defaultValue: false,
    description: 'Accept a region missing from the built-in list (opened after it was compiled).',
  },
});

/** The add-ons the document has rows for in `cloud` (Defender is left out in 21Vianet, where it is retired). */
export function aksAddonsFor(cloud: AksCloud): AksAddon[] {
  return AKS_ADDONS.filter((addon) => unsupportedReason(cloud, addon) === undefined);
}

/** Why `addon` cannot be selected in `cloud`, or undefined when it can. */
export function unsupportedReason(cloud: AksCloud, addon: AksAddon): string | undefined {
  if (cloud === AksCloud.AZURE_CHINA && addon === AksAddon.DEFENDER) {
    return (
      `Microsoft Defender for Containers is retired in ${AKS_CLOUD_NAMES[cloud]} (${DEFENDER_CHINA_RETIREMENT_DATE}); ` +
      'the document keeps its rows only for reference.'
    );
  }
  if (aksAddonTables(cloud, addon).length === 0) {
    return `The document lists no rules for ${addon} in ${AKS_CLOUD_NAMES[cloud]}.`;
  }
  return undefined;
}

/** An ACR name: 5-50 letters and digits; a login server `<name>.azurecr.io` is accepted too. */
const ACR_NAME = /^[a-z0-9]{5,50}$/;

function registryName(value: string, where: string): string {
  const name = value.trim().toLowerCase().replace(/\.azurecr\.io$/, '');
  if (!ACR_NAME.test(name)) {
    throw invalidValue(
      'container registry name',
      value,
      where,
      'An Azure Container Registry name is 5-50 letters and digits, e.g. contosoregistry (or its login server contosoregistry.azurecr.io).',
    );
  }
  return name;
}
