import { Protocol } from '../../model/protocol';
import { CatalogSection } from '../catalog-section';
import { EksMetadataKey } from './conditions';
import { AWS_ENDPOINT_DATA, EKS_ADDON_IMAGES, EKS_AMI_ECR_URI, EKS_HOST_FORMS } from './documents';
import { EksEndpointVariants } from './endpoints';
import { ecrRegistryHosts, vpcEndpointService } from './pod-requirements';
import { EKS_ADDON_REGISTRY_DIVERGENCES, EksAddonRegistrySource, eksRegion } from './regions';

/**
 * The add-on image registry: nodes pull the images of the EKS add-ons (VPC CNI, kube-proxy, CoreDNS, ...) from the
 * registry of their region. The row cites the document that gives the region's account (the add-on images table, or
 * for ap-southeast-5 the EKS AMI build's get-ecr-uri.sh). With FIPS the FIPS registry name is used (as FIPS-enabled
 * nodes do where it resolves), with dual-stack the dual-stack name is added.
 */
export function eksAddonImageRegistrySections(
  region: string,
  account: string,
  variants: EksEndpointVariants = { fips: false, dualStack: false },
  origin = 'catalog eks/addon-image-registries',
): CatalogSection[] {
  const divergence = EKS_ADDON_REGISTRY_DIVERGENCES[region];
  const fromScript = eksRegion(region)?.addonRegistrySource === EksAddonRegistrySource.EKS_AMI_GET_ECR_URI;
  const section = fromScript
    ? new CatalogSection(EKS_AMI_ECR_URI, 'addon-image-registries', 'get-ecr-uri.sh: region to add-on registry account')
    : new CatalogSection(EKS_ADDON_IMAGES, 'addon-image-registries', 'View Amazon container image registries for Amazon EKS add-ons', 'add-ons-images');
  const hosts = ecrRegistryHosts(account, region, variants, origin);
  const purpose = 'Amazon EKS add-on images (the ECR registry EKS replicates them to in each region)';
  const metadata = (hostForm: string) => ({
    [EksMetadataKey.VPC_ENDPOINT]: vpcEndpointService(region, 'ecr.dkr'),
    [EksMetadataKey.VPC_ENDPOINT_TYPE]: 'interface',
    [EksMetadataKey.HOST_FORM]: hostForm,
    ...(divergence ? { [EksMetadataKey.NOTE]: divergence } : {}),
  });
  if (hosts.primaryIsFips) {
    const fips = new CatalogSection(EKS_AMI_ECR_URI, 'addon-image-registries-fips', 'get-ecr-uri.sh: FIPS registry on FIPS-enabled nodes');
    fips.fqdns([hosts.primary], Protocol.HTTPS, [443], `${purpose} (FIPS endpoint)`, { metadata: metadata(EKS_HOST_FORMS.ecrFipsRegistry) });
    return [fips, ...dualStackRow(hosts.dualStack, purpose, metadata)];
  }
  section.fqdns([hosts.primary], Protocol.HTTPS, [443], purpose, { metadata: metadata(fromScript ? EKS_HOST_FORMS.ecrAddonScript : EKS_HOST_FORMS.ecrRegistry) });
  return [section, ...dualStackRow(hosts.dualStack, purpose, metadata)];
}

function dualStackRow(host: string | undefined, purpose: string, metadata: (hostForm: string) => Record<string, string>): CatalogSection[] {
  if (!host) return [];
  return [
    new CatalogSection(AWS_ENDPOINT_DATA, 'dual-stack-endpoints', 'Dual-stack endpoints (variants tagged dualstack)').fqdns(
      [host],
      Protocol.HTTPS,
      [443],
      `${purpose} (dual-stack name, IPv4 and IPv6)`,
      { metadata: metadata(EKS_HOST_FORMS.ecrDualStackRegistry) },
    ),
  ];
}

/**
 * The add-on image registry row with its standard name.
 * @deprecated Use `eksAddonImageRegistrySections`, which also takes the FIPS and dual-stack variants.
 */
export function eksAddonImageRegistry(region: string, account: string): CatalogSection {
  return eksAddonImageRegistrySections(region, account)[0];
}
