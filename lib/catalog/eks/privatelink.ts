import { Necessity } from '../../model/necessity';
import { Protocol } from '../../model/protocol';
import { CatalogSection } from '../catalog-section';
import { EksCondition, EksMetadataKey } from './conditions';
import { EKS_HOST_FORMS, EKS_VPC_INTERFACE_ENDPOINTS } from './documents';
import { EksEndpointVariants } from './endpoints';
import { vpcEndpointService } from './pod-requirements';
import { awsPartitionOf } from './regions';

/**
 * The OIDC issuer of the cluster (IRSA discovery document and keys), from the PrivateLink page: `oidc.eks.<region>`
 * in the region's DNS suffix, and with dual-stack the IPv6 clusters' `oidc-eks.<region>.<dual-stack suffix>`.
 */
export function eksOidcIssuer(region: string, variants: EksEndpointVariants = { fips: false, dualStack: false }): CatalogSection {
  const partition = awsPartitionOf(region)!;
  const necessity = Necessity.conditional(EksCondition.OIDC_DISCOVERY, 'If workloads fetch the OIDC issuer discovery document and keys');
  const notes = [
    ...(partition.id === 'aws' ? [] : [`The page gives the commercial form; the ${partition.id} name uses its DNS suffix ${partition.dnsSuffix} (not checked against a document).`]),
    ...(variants.fips ? ['No FIPS name of the OIDC issuer is published; the standard name stays.'] : []),
  ];
  const metadata = {
    [EksMetadataKey.VPC_ENDPOINT]: vpcEndpointService(region, 'oidc-eks'),
    [EksMetadataKey.VPC_ENDPOINT_TYPE]: 'interface',
    [EksMetadataKey.HOST_FORM]: EKS_HOST_FORMS.oidc,
    ...(notes.length > 0 ? { [EksMetadataKey.NOTE]: notes.join(' ') } : {}),
  };
  const section = new CatalogSection(EKS_VPC_INTERFACE_ENDPOINTS, 'oidc-issuer', 'Access Amazon EKS using AWS PrivateLink', 'vpc-interface-endpoints').fqdns(
    [`oidc.eks.${region}.${partition.dnsSuffix}`],
    Protocol.HTTPS,
    [443],
    "The cluster's OIDC issuer: discovery document and signing keys of service account tokens",
    { necessity, metadata },
  );
  if (variants.dualStack) {
    section.fqdns(
      [`oidc-eks.${region}.${partition.dualStackDnsSuffix}`],
      Protocol.HTTPS,
      [443],
      "The cluster's OIDC issuer for IPv6 clusters (dual-stack name, IPv4 and IPv6)",
      { necessity, metadata: { ...metadata, [EksMetadataKey.NOTE]: [...notes, 'IPv6 clusters use this name.'].join(' ') } },
    );
  }
  return section;
}
