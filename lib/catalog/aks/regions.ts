import { AksCloud } from './cloud';

/**
 * Azure region names (the programmatic `name` column of `az account list-locations`), per cloud.
 *
 * This is the one list the AKS document does not contain. It was compiled in November 2026 from Azure's public
 * region listings and kept conservative: physical regions only (no logical geographies such as `europe`, no
 * canary/EUAP regions), no retired regions (usgoviowa). AKS is not offered in every region listed; the list only
 * catches typos and regions of the wrong cloud. Add a region here when Azure opens one.
 */
export const AKS_REGIONS: Readonly<Record<AksCloud, readonly string[]>> = {
  [AksCloud.AZURE_PUBLIC]: [
    'australiacentral',
    'australiacentral2',
    'australiaeast',
    'australiasoutheast',
    'austriaeast',
    'belgiumcentral',
    'brazilsouth',
    'brazilsoutheast',
    'canadacentral',
    'canadaeast',
    'centralindia',
    'centralus',
    'chilecentral',
    'eastasia',
    'eastus',
    'eastus2',
    'francecentral',
    'francesouth',
    'germanynorth',
    'germanywestcentral',
    'indonesiacentral',
    'israelcentral',
    'italynorth',
    'japaneast',
    'japanwest',
    'jioindiacentral',
    'jioindiawest',
    'koreacentral',
    'koreasouth',
    'malaysiawest',
    'mexicocentral',
    'newzealandnorth',
    'northcentralus',
    'northeurope',
    'norwayeast',
    'norwaywest',
    'polandcentral',
    'qatarcentral',
    'southafricanorth',
    'southafricawest',
    'southcentralus',
    'southeastasia',
    'southindia',
    'spaincentral',
    'swedencentral',
    'switzerlandnorth',
    'switzerlandwest',
    'uaecentral',
    'uaenorth',
    'uksouth',
    'ukwest',
    'westcentralus',
    'westeurope',
    'westindia',
    'westus',
    'westus2',
    'westus3',
  ],
  [AksCloud.AZURE_CHINA]: ['chinaeast', 'chinaeast2', 'chinaeast3', 'chinanorth', 'chinanorth2', 'chinanorth3'],
  [AksCloud.AZURE_US_GOVERNMENT]: ['usdodcentral', 'usdodeast', 'usgovarizona', 'usgovtexas', 'usgovvirginia'],
};

/**
 * The programmatic form of a region name: `West Europe` and `westeurope` are the same region.
 * Only spaces and case are normalized; anything else is left for validation to reject.
 */
export function normalizeAksRegion(location: string): string {
  return String(location).trim().toLowerCase().replace(/\s+/g, '');
}

/** The cloud whose region list holds `region` (already normalized), if any. */
export function aksCloudOfRegion(region: string): AksCloud | undefined {
  return (Object.keys(AKS_REGIONS) as AksCloud[]).find((cloud) => AKS_REGIONS[cloud].includes(region));
}
