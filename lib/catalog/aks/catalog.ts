import { RequirementSet } from '../../model/requirement-set';
import { AksAddon } from './addon';
import { AKS_ADDON_TABLES } from './addons';
import { AksCatalogTable } from './catalog-table';
import { AksCloud } from './cloud';
import { AKS_CORE_TABLES } from './core';
import { AKS_DOCUMENT } from './document';
import { BACKUP_TABLES } from './extensions';
import { GPU_RULES, OPTIONAL_RECOMMENDED_RULES, WINDOWS_RULES } from './node-pools';

/** Every table of the AKS document, in document order. */
export const AKS_CATALOG: readonly AksCatalogTable[] = [
  ...AKS_CORE_TABLES,
  OPTIONAL_RECOMMENDED_RULES,
  GPU_RULES,
  WINDOWS_RULES,
  ...AKS_ADDON_TABLES,
];

/** The Azure Firewall FQDN tag that stands for the AKS core FQDNs. */
export const AKS_FQDN_TAG = 'AzureKubernetesService';

/**
 * `catalog/section` keys whose FQDN rows the `AzureKubernetesService` FQDN tag covers: the core required
 * FQDN/application rules of each cloud ("The FQDN tag contains all the FQDNs listed in outbound network and
 * FQDN rules for AKS clusters and is automatically updated", companion article "Limit network traffic with
 * Azure Firewall in AKS").
 */
export const AKS_FQDN_TAG_SECTIONS: readonly string[] = [AksCloud.AZURE_PUBLIC, AksCloud.AZURE_CHINA, AksCloud.AZURE_US_GOVERNMENT].map(
  (cloud) => `${AKS_DOCUMENT.catalog}/${cloud}-fqdn-rules`,
);

/** The tables of `section` that apply to `cloud`, in document order. */
export function aksTables(cloud: AksCloud, section: string): AksCatalogTable[] {
  return AKS_CATALOG.filter((t) => t.section === section && t.clouds.includes(cloud));
}

/**
 * Add-on tables from other documents than the AKS egress page: the Azure Backup extension's prerequisites. Kept out
 * of `AKS_CATALOG`, which is the egress page's tables.
 */
export const AKS_EXTENSION_TABLES: readonly AksCatalogTable[] = BACKUP_TABLES;

/** The tables of `addon` for `cloud` (empty when the documents have none for that cloud). */
export function aksAddonTables(cloud: AksCloud, addon: AksAddon): AksCatalogTable[] {
  return [...AKS_CATALOG, ...AKS_EXTENSION_TABLES].filter((t) => t.addon === addon && t.clouds.includes(cloud));
}

/** Every row of the catalog as one (unresolved) requirement set. */
export function aksCatalogSet(): RequirementSet {
  return RequirementSet.of(AKS_CATALOG.flatMap((t) => t.requirements));
}
