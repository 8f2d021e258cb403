import { invalidValue, missingOption, unknownOption } from '../../model/errors';
import { NecessityKind } from '../../model/necessity';
import { Peer } from '../../model/peer';
import { Requirement } from '../../model/requirement';
import { RequirementSet } from '../../model/requirement-set';
import { declareOptions } from '../options/declare';
import { readOptions } from '../options/read';
import { cliProfile } from '../options/profile';
import { OptionType, ProfileDefinition } from '../profile-definition';
import { AKS_ADDONS, AKS_KEY_VAULT_FEATURE_ADDONS, AksAddon } from './addon';
import { DEFENDER_CHINA_RETIREMENT_DATE } from './addons';
import { aksAddonTables, aksTables } from './catalog';
import { AksCatalogTable } from './catalog-table';
import { AKS_CLOUD_NAMES, AKS_CLOUDS, AksCloud } from './cloud';
import { AKS_PLACEHOLDER_HINTS, AksCondition, AksPlaceholder } from './conditions';
import { aksContainerRegistrySection } from './container-registry';
import { AZURE_CLOUD_REGION_TAG } from './core';
import { AKS_REGIONS, aksCloudOfRegion, normalizeAksRegion } from './regions';
import { BoundedCache } from '../../model/bounded-cache';

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

const ORIGIN = 'profile aks';

/** Options after validation, with defaults applied. */
interface ResolvedOptions {
  readonly cloud: AksCloud;
  readonly location: string;
  readonly addons: readonly AksAddon[];
  readonly addonsUsingKeyVault: readonly AksAddon[];
  readonly containerRegistries: readonly string[];
  readonly containerRegistryDataEndpointRegions: readonly string[];
  readonly containerRegistryStorageEndpoint: boolean;
  readonly gpu: boolean;
  readonly windows: boolean;
  readonly privateCluster: boolean;
  readonly konnectivity: boolean;
  readonly customDnsServers: readonly string[];
  readonly apiServerPublicIp: string | undefined;
  readonly podsAccessApiServer: boolean;
  readonly nodesProvisionedBeforeMarch2021: boolean;
  readonly includeRecommended: boolean;
}

/**
 * The requirements of an AKS cluster with the given options: the core rules of its cloud, the node pool and
 * optional rules asked for, and the rows of every add-on, with every condition evaluated and `<location>` and
 * placeholders resolved. Validates all options first and throws `FirewallRequirementsError` naming the option.
 *
 * @example aksProfile({ location: 'westeurope', addons: [AksAddon.AZURE_MONITOR] })
 */
export function aksProfile(options: AksProfileOptions): RequirementSet {
  const o = validate(options ?? ({} as AksProfileOptions));
  // Requirement sets are immutable: clusters with the same validated options share one set.
  const key = JSON.stringify(o);
  const cached = PROFILE_CACHE.get(key);
  if (cached) return cached;
  const tables: AksCatalogTable[] = [
    ...aksTables(o.cloud, `${o.cloud}-network-rules`),
    ...aksTables(o.cloud, `${o.cloud}-fqdn-rules`),
    ...(o.includeRecommended ? aksTables(o.cloud, 'optional-recommended') : []),
    ...(o.gpu ? aksTables(o.cloud, 'gpu') : []),
    ...(o.windows ? aksTables(o.cloud, 'windows') : []),
    ...o.addons.flatMap((addon) => aksAddonTables(o.cloud, addon)),
  ];
  const apiServer = o.apiServerPublicIp ? Peer.cidr(o.apiServerPublicIp, 'option apiServerPublicIp') : undefined;
  const kept = tables
    .flatMap((t) => t.requirements)
    .filter((r) => applies(r, o))
    // The document lists the API server public IP as an alternative destination of the tunnel ports; when the
    // user knows it, one address is narrower than the region's whole AzureCloud range.
    .map((r) => (apiServer && isTunnelRow(r) ? r.withPeer(apiServer) : r));

  const values: Record<string, string[]> = { location: [o.location] };
  if (o.customDnsServers.length > 0) values[AksPlaceholder.CUSTOM_DNS_SERVERS] = [...o.customDnsServers];
  if (o.apiServerPublicIp) values[AksPlaceholder.API_SERVER_PUBLIC_IP] = [o.apiServerPublicIp];
  const registries = aksContainerRegistrySection({
    registries: o.containerRegistries,
    dataEndpointRegions: o.containerRegistryDataEndpointRegions,
    storageEndpoint: o.containerRegistryStorageEndpoint,
  }).requirements;
  const set = RequirementSet.of([...kept, ...registries]).resolve(values, ORIGIN).assertResolved(AKS_PLACEHOLDER_HINTS);
  PROFILE_CACHE.set(key, set);
  return set;
}

const PROFILE_CACHE = new BoundedCache<RequirementSet>('AKS profiles');

/** The add-ons the document has rows for in `cloud` (Defender is left out in 21Vianet, where it is retired). */
export function aksAddonsFor(cloud: AksCloud): AksAddon[] {
  return AKS_ADDONS.filter((addon) => unsupportedReason(cloud, addon) === undefined);
}

// Only the tunnel rows name the AzureCloud.<location> tag (required in 21Vianet and US Government, conditional in Azure Global).
function isTunnelRow(r: Requirement): boolean {
  return r.peer.value === AZURE_CLOUD_REGION_TAG;
}

/** Whether a row applies: unconditional rows always do; conditional ones when any of their conditions holds. */
function applies(r: Requirement, o: ResolvedOptions): boolean {
  if (r.necessity.kind !== NecessityKind.CONDITIONAL) return true;
  return r.necessity.conditions.some((c) => holds(c.key, o));
}

function holds(key: string, o: ResolvedOptions): boolean {
  switch (key) {
    case AksCondition.PUBLIC_CLUSTER_WITHOUT_KONNECTIVITY:
      return !o.privateCluster && !o.konnectivity;
    case AksCondition.PUBLIC_CLUSTER:
      return !o.privateCluster;
    case AksCondition.NODES_PROVISIONED_BEFORE_MARCH_2021:
      return o.nodesProvisionedBeforeMarch2021;
    case AksCondition.CUSTOM_DNS_SERVERS:
      return o.customDnsServers.length > 0;
    case AksCondition.PODS_ACCESS_PUBLIC_API_SERVER:
      // A private cluster's API server has no public IP; its pods reach it over private networking.
      return o.podsAccessApiServer && !o.privateCluster;
    // Key Vault only when the user says the feature uses it (addonsUsingKeyVault); without it these add-ons have
    // no rows at all.
    case AksCondition.ISTIO_USES_KEY_VAULT:
      return o.addonsUsingKeyVault.includes(AksAddon.ISTIO);
    case AksCondition.APPLICATION_ROUTING_USES_KEY_VAULT:
      return o.addonsUsingKeyVault.includes(AksAddon.APPLICATION_ROUTING);
    default:
      throw new Error(`internal: the AKS profile does not know condition ${JSON.stringify(key)}`);
  }
}

function unsupportedReason(cloud: AksCloud, addon: AksAddon): string | undefined {
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

function validate(options: AksProfileOptions): ResolvedOptions {
  // Errors name `option <name>` (the CLI flag names the same option).
  const o = readOptions(AKS_OPTION_SPECS, options, { origin: ORIGIN, optionOrigin: 'option' });
  const cloud = o.cloud as AksCloud;
  const location = validateLocation(o.location, cloud, o.allowUnlistedLocation === true);
  const addons = validateAddons(o.addons ?? [], cloud);
  return {
    cloud,
    location,
    addons,
    addonsUsingKeyVault: validateKeyVaultAddons(o.addonsUsingKeyVault ?? [], addons),
    ...validateRegistries(o, cloud),
    gpu: o.gpu === true,
    windows: o.windows === true,
    privateCluster: o.privateCluster === true,
    konnectivity: o.konnectivity !== false,
    customDnsServers: o.customDnsServers ?? [],
    apiServerPublicIp: o.apiServerPublicIp,
    podsAccessApiServer: o.podsAccessApiServer === true,
    nodesProvisionedBeforeMarch2021: o.nodesProvisionedBeforeMarch2021 === true,
    includeRecommended: o.includeRecommended === true,
  };
}

function validateLocation(location: string, cloud: AksCloud, allowUnlisted: boolean): string {
  const region = normalizeAksRegion(location);
  const valid = AKS_REGIONS[cloud];
  if (valid.includes(region)) return region;
  const other = aksCloudOfRegion(region);
  if (other !== undefined) {
    throw invalidValue(
      `location for cloud ${cloud}`,
      location,
      'option location',
      `${region} is a region of ${AKS_CLOUD_NAMES[other]}: set cloud to ${other}, or use one of: ${valid.join(', ')}.`,
      'unknown-option',
    );
  }
  // A region opened after the list was compiled: the user vouches for it, the name must still look like one.
  if (allowUnlisted && /^[a-z][a-z0-9]{2,}$/.test(region)) return region;
  throw unknownOption(
    `Azure region for cloud ${cloud}`,
    location,
    'option location',
    valid,
    allowUnlisted
      ? 'A region name is lower-case letters and digits, e.g. swedensouth.'
      : 'For a region opened after this list was compiled, set allowUnlistedLocation (CLI --allow-unlisted-location).',
  );
}

/** The add-ons (known, in document order: see the table) that `cloud` has rows for. */
function validateAddons(addons: readonly AksAddon[], cloud: AksCloud): AksAddon[] {
  addons.forEach((addon, i) => {
    const reason = unsupportedReason(cloud, addon);
    if (reason) {
      throw invalidValue(
        `add-on for cloud ${cloud}`,
        addon,
        `option addons[${i}]`,
        `${reason} Remove it from addons. Add-ons available for ${cloud}: ${aksAddonsFor(cloud).join(', ')}.`,
        'unsupported-addon',
      );
    }
  });
  // Document order, so equal option sets give equal profiles whatever order the user wrote them in.
  return AKS_ADDONS.filter((a) => addons.includes(a));
}

/** The Key Vault add-ons (in table order), each of which must also be in `addons`. */
function validateKeyVaultAddons(values: readonly AksAddon[], addons: readonly AksAddon[]): AksAddon[] {
  values.forEach((addon, i) => {
    if (!addons.includes(addon)) {
      throw invalidValue(
        'addonsUsingKeyVault',
        addon,
        `option addonsUsingKeyVault[${i}]`,
        `${addon} is not in addons: add it to addons (CLI --addons ${addon}), or drop it from addonsUsingKeyVault.`,
        'conflicting-options',
      );
    }
  });
  return AKS_KEY_VAULT_FEATURE_ADDONS.filter((a) => values.includes(a));
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

function validateRegistries(
  o: Pick<AksProfileOptions, 'containerRegistries' | 'containerRegistryDataEndpointRegions' | 'containerRegistryStorageEndpoint'>,
  cloud: AksCloud,
): Pick<ResolvedOptions, 'containerRegistries' | 'containerRegistryDataEndpointRegions' | 'containerRegistryStorageEndpoint'> {
  const names = o.containerRegistries ?? [];
  const regions = (o.containerRegistryDataEndpointRegions ?? []).map((v, i) => {
    const region = normalizeAksRegion(v);
    if (!AKS_REGIONS[cloud].includes(region)) {
      throw unknownOption(`Azure region for cloud ${cloud}`, v, `option containerRegistryDataEndpointRegions[${i}]`, AKS_REGIONS[cloud]);
    }
    return region;
  });
  const storageEndpoint = o.containerRegistryStorageEndpoint === true;
  if (names.length === 0 && (regions.length > 0 || storageEndpoint)) {
    throw missingOption(
      'containerRegistries',
      regions.length > 0 ? 'option containerRegistryDataEndpointRegions' : 'option containerRegistryStorageEndpoint',
      'the data endpoints belong to your registries',
      "containerRegistries: ['contosoregistry'] (CLI --container-registries contosoregistry)",
    );
  }
  if (names.length > 0 && cloud !== AksCloud.AZURE_PUBLIC) {
    throw invalidValue(
      'containerRegistries',
      names.join(', '),
      'option containerRegistries',
      `The container registry firewall page names the Azure public cloud's endpoints only (azurecr.io, *.blob.core.windows.net); ${AKS_CLOUD_NAMES[cloud]} is not covered. Allow your registry's endpoints (az acr show-endpoints) in your own rules.`,
      'unsupported-addon',
    );
  }
  if (names.length > 0 && regions.length === 0 && !storageEndpoint) {
    throw missingOption(
      'containerRegistryDataEndpointRegions',
      'option containerRegistries',
      'the image layers come from the registry\'s data endpoints: with dedicated data endpoints one per registry region, otherwise the shared storage endpoint *.blob.core.windows.net, which needs an explicit opt-in',
      "containerRegistryDataEndpointRegions: ['westeurope'] (CLI --container-registry-data-endpoint-regions westeurope, from az acr show-endpoints), or containerRegistryStorageEndpoint: true",
    );
  }
  return {
    containerRegistries: [...new Set(names)].sort(),
    containerRegistryDataEndpointRegions: [...new Set(regions)].sort(),
    containerRegistryStorageEndpoint: storageEndpoint,
  };
}

// --- The option table and the profile as the CLI sees it -------------------------------------------------------

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

/** The AKS profile for the CLI (`aks`). */
export const AKS_PROFILE: ProfileDefinition = cliProfile({
  name: 'aks',
  title: 'AKS',
  description: 'Azure Kubernetes Service egress: core rules per cloud, GPU and Windows node pools, optional OS updates, and add-ons.',
  options: AKS_OPTION_SPECS,
  optionOrigin: 'option',
  profile: (o) => aksProfile(o as unknown as AksProfileOptions),
});
