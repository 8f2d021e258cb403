import { Protocol } from '../../model/protocol';
import { CatalogSection } from '../catalog-section';
import { EksMetadataKey } from './conditions';
import { EKS_PRIVATE_CLUSTERS } from './documents';

/** "Node requirements": the cluster endpoint the nodes register with (`aws eks describe-cluster --query cluster.endpoint`). */
export function eksClusterEndpoint(host: string): CatalogSection {
  return new CatalogSection(EKS_PRIVATE_CLUSTERS, 'node-requirements', 'Node requirements', 'private-clusters-node').fqdns(
    [host],
    Protocol.HTTPS,
    [443],
    'The cluster API server endpoint: nodes register with the cluster and kubelets reach the API server',
    {
      metadata: {
        [EksMetadataKey.NOTE]:
          'With endpoint private access the name resolves to the cluster network interfaces in the VPC (needs enableDnsHostnames, enableDnsSupport and AmazonProvidedDNS); VPC interface endpoints do not serve the Kubernetes API.',
      },
    },
  );
}
