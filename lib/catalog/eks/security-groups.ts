import { Necessity } from '../../model/necessity';
import { Peer } from '../../model/peer';
import { Protocol } from '../../model/protocol';
import { CatalogSection } from '../catalog-section';
import { EKS_PLACEHOLDER_HINTS, EksCondition, EksMetadataKey, EksPlaceholder } from './conditions';
import { EKS_SECURITY_GROUPS } from './documents';

const RESTRICTED = Necessity.conditional(
  EksCondition.RESTRICTED_CLUSTER_SECURITY_GROUP,
  'If you remove the default outbound rule of the cluster security group',
);

/**
 * "Restricting cluster traffic": the minimum outbound rules when the cluster security group's default outbound rule
 * is removed (TCP 443, TCP 10250, DNS TCP and UDP 53 to the cluster security group), and the node-to-node traffic
 * the section asks for in prose. Peers are placeholders: the cluster security group resolves to the CIDRs of its
 * network interfaces' subnets, the nodes to their subnets.
 */
export function eksRestrictedClusterTraffic(): CatalogSection {
  const clusterGroup = Peer.placeholder(EksPlaceholder.CLUSTER_SECURITY_GROUP, EKS_PLACEHOLDER_HINTS[EksPlaceholder.CLUSTER_SECURITY_GROUP]);
  const nodes = Peer.placeholder(EksPlaceholder.NODE_SUBNETS, EKS_PLACEHOLDER_HINTS[EksPlaceholder.NODE_SUBNETS]);
  return new CatalogSection(EKS_SECURITY_GROUPS, 'restricting-cluster-traffic', 'Restricting cluster traffic', 'security-group-restricting-cluster-traffic')
    .row([clusterGroup], Protocol.TCP, [443], 'Nodes to the cluster security group: the Kubernetes API server', { necessity: RESTRICTED })
    .row([clusterGroup], Protocol.TCP, [10250], 'Nodes to the cluster security group: kubelet port', { necessity: RESTRICTED })
    .row([clusterGroup], Protocol.TCP, [53], 'Nodes to the cluster security group: DNS', { necessity: RESTRICTED })
    .row([clusterGroup], Protocol.UDP, [53], 'Nodes to the cluster security group: DNS', { necessity: RESTRICTED })
    .row([nodes], Protocol.ANY, [], 'Inter-node communication: any protocol and ports the nodes use among themselves', {
      necessity: RESTRICTED,
      metadata: { [EksMetadataKey.NOTE]: 'Separate rules are required for IPv4 and IPv6 addresses.' },
    });
}
