// The AKS catalog (every table of "Outbound network and FQDN rules for AKS clusters") and the AKS profile.
export { AKS_ADDONS, AKS_KEY_VAULT_FEATURE_ADDONS, AksAddon, aksAddonSection } from './addon';
export { DEFENDER_CHINA_RETIREMENT_DATE, KEY_VAULT_HOSTS_SOURCE, MARKETPLACE_DATA_ENDPOINTS } from './addons';
export { AKS_CATALOG, AKS_EXTENSION_TABLES, AKS_FQDN_TAG, AKS_FQDN_TAG_SECTIONS, aksAddonTables, aksCatalogSet, aksTables } from './catalog';
export type { AksCatalogTable } from './catalog-table';
export { AKS_CLOUD_NAMES, AKS_CLOUDS, AksCloud } from './cloud';
export { AKS_PLACEHOLDER_HINTS, AksCondition, AksPlaceholder } from './conditions';
export { AZURE_CLOUD_REGION_TAG } from './core';
export { AKS_DOCUMENT } from './document';
export { AKS_NOTES } from './notes';
export type { AksNote } from './notes';
export { AKS_OPTION_SPECS, AKS_PROFILE, aksAddonsFor, aksProfile } from './profile';
export type { AksProfileOptions } from './profile';
export { AKS_REGIONS, aksCloudOfRegion, normalizeAksRegion } from './regions';
export { ACR_FIREWALL_DOCUMENT, aksContainerRegistrySection } from './container-registry';
export type { AksContainerRegistryRows } from './container-registry';
export { AKS_BACKUP_EXTENSION_DOCUMENT, BACKUP_TABLES } from './extensions';
