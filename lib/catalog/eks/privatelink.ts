import { Necessity } from '../../model/necessity';
import { Protocol } from '../../model/protocol';
import { CatalogSection } from '../catalog-section';
import { EksCondition, EksMetadataKey } from './conditions';
import { EKS_HOST_FORMS, EKS_VPC_INTERFACE_ENDPOINTS } from './documents';
import { vpcEndpointService } from './pod-requirements';

/** The OIDC issuer of the cluster (IRSA discovery document and keys), from the PrivateLink page. */
export function eksOidcIssuer(region: string): CatalogSection {
  return new CatalogSection(EKS_VPC_INTERFACE_ENDPOINTS, 'oidc-issuer', 'Access Amazon EKS using AWS PrivateLink', 'vpc-interface-endpoints').fqdns(
    [`oidc.eks.${region}.amazonaws.com`],
    Protocol.HTTPS,
    [443],
    "The cluster's OIDC issuer: discovery document and signing keys of service account tokens",
    {
      necessity: Necessity.conditional(EksCondition.OIDC_DISCOVERY, 'If workloads fetch the OIDC issuer discovery document and keys'),
      metadata: {
        [EksMetadataKey.VPC_ENDPOINT]: vpcEndpointService(region, 'oidc-eks'),
        [EksMetadataKey.VPC_ENDPOINT_TYPE]: 'interface',
        [EksMetadataKey.HOST_FORM]: EKS_HOST_FORMS.oidc,
      },
    },
  );
}
