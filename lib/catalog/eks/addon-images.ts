import { Protocol } from '../../model/protocol';
import { CatalogSection } from '../catalog-section';
import { EksMetadataKey } from './conditions';
import { EKS_ADDON_IMAGES, EKS_HOST_FORMS } from './documents';
import { vpcEndpointService } from './pod-requirements';
import { EKS_ADDON_REGISTRY_DIVERGENCES } from './regions';

/**
 * The add-on image registry table: nodes pull the images of the EKS add-ons (VPC CNI, kube-proxy, CoreDNS, ...)
 * from the registry of their region.
 */
export function eksAddonImageRegistry(region: string, account: string): CatalogSection {
  const divergence = EKS_ADDON_REGISTRY_DIVERGENCES[region];
  return new CatalogSection(EKS_ADDON_IMAGES, 'addon-image-registries', 'View Amazon container image registries for Amazon EKS add-ons', 'add-ons-images').fqdns(
    [`${account}.dkr.ecr.${region}.amazonaws.com`],
    Protocol.HTTPS,
    [443],
    'Amazon EKS add-on images (the ECR registry EKS replicates them to in each region)',
    {
      metadata: {
        [EksMetadataKey.VPC_ENDPOINT]: vpcEndpointService(region, 'ecr.dkr'),
        [EksMetadataKey.VPC_ENDPOINT_TYPE]: 'interface',
        [EksMetadataKey.HOST_FORM]: EKS_HOST_FORMS.ecrRegistry,
        ...(divergence ? { [EksMetadataKey.NOTE]: divergence } : {}),
      },
    },
  );
}
