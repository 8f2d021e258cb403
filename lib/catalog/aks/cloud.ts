/** The Azure clouds the AKS document has tables for. */
export enum AksCloud {
  /** Azure public cloud ("Azure Global" in the document). */
  AZURE_PUBLIC = 'azure-public',
  /** Microsoft Azure operated by 21Vianet (Azure China). */
  AZURE_CHINA = 'azure-china',
  /** Azure US Government. */
  AZURE_US_GOVERNMENT = 'azure-us-government',
}

/** Every cloud, in document order. */
export const AKS_CLOUDS: readonly AksCloud[] = [AksCloud.AZURE_PUBLIC, AksCloud.AZURE_CHINA, AksCloud.AZURE_US_GOVERNMENT];

/** The name the document uses for each cloud, for headings and messages. */
export const AKS_CLOUD_NAMES: Readonly<Record<AksCloud, string>> = {
  [AksCloud.AZURE_PUBLIC]: 'Azure Global',
  [AksCloud.AZURE_CHINA]: 'Microsoft Azure operated by 21Vianet',
  [AksCloud.AZURE_US_GOVERNMENT]: 'Azure US Government',
};
