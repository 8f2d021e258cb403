import { invalidValue, missingOption, unknownOption } from '../../model/errors';
import { NecessityKind } from '../../model/necessity';
import { Peer } from '../../model/peer';
import { Requirement } from '../../model/requirement';
import { RequirementSet } from '../../model/requirement-set';
import { readOptions } from '../options/read';
import { cliProfile } from '../options/profile';
import { ProfileDefinition } from '../profile-definition';
import { AKS_ADDONS, AKS_KEY_VAULT_FEATURE_ADDONS, AksAddon } from './addon';
import { aksAddonTables, aksTables } from './catalog';
import { AksCatalogTable } from './catalog-table';
import { AKS_CLOUD_NAMES, AksCloud } from './cloud';
import { AKS_PLACEHOLDER_HINTS, AksCondition, AksPlaceholder } from './conditions';
import { aksContainerRegistrySection } from './container-registry';
import { AZURE_CLOUD_REGION_TAG } from './core';
import { AKS_REGIONS, aksCloudOfRegion, normalizeAksRegion } from './regions';
import { BoundedCache } from '../../model/bounded-cache';
import { AKS_OPTION_SPECS, aksAddonsFor, AksProfileOptions, unsupportedReason } from './options';

export { AKS_OPTION_SPECS, aksAddonsFor } from './options';
export type { AksProfileOptions } from './options';

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

// --- The profile as the CLI sees it ---------------------------------------------------------------------------

/** The AKS profile for the CLI (`aks`). */
export const AKS_PROFILE: ProfileDefinition = cliProfile({
  name: 'aks',
  title: 'AKS',
  description: 'Azure Kubernetes Service egress: core rules per cloud, GPU and Windows node pools, optional OS updates, and add-ons.',
  options: AKS_OPTION_SPECS,
  optionOrigin: 'option',
  profile: (o) => aksProfile(o as unknown as AksProfileOptions),
});
