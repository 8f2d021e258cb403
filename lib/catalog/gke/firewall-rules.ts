import { Peer } from '../../model/peer';
import { Direction, Protocol } from '../../model/protocol';
import { CatalogSection } from '../catalog-section';
import { GKE_PLACEHOLDER_HINTS, GkeMetadataKey, GkePlaceholder } from './conditions';
import { GKE_FIREWALL_RULES } from './documents';

const placeholder = (name: GkePlaceholder) => Peer.placeholder(name, GKE_PLACEHOLDER_HINTS[name]);

/**
 * The egress paragraph of "GKE firewall rules": GKE creates only ingress rules and relies on the implied egress
 * allow, so after an egress deny for everything the cluster needs egress allows: "Connectivity to control plane
 * endpoints always uses TCP destination port 443, but connectivity among nodes and Pods of the cluster can use any
 * protocol and destination port." The Service range row follows the same reasoning for ClusterIP traffic.
 */
export function gkeEgressDenySection(includeServiceRange: boolean): CatalogSection {
  const section = new CatalogSection(GKE_FIREWALL_RULES, 'egress-deny', 'GKE firewall rules: egress deny rules')
    .row([placeholder(GkePlaceholder.CONTROL_PLANE)], Protocol.TCP, [443], 'Nodes and Pods to the control plane endpoint (always TCP 443)')
    .row([placeholder(GkePlaceholder.NODE_RANGE)], Protocol.ANY, [], 'Among the nodes and Pods of the cluster: any protocol and port (node range)')
    .row([placeholder(GkePlaceholder.POD_RANGE)], Protocol.ANY, [], 'Among the nodes and Pods of the cluster: any protocol and port (Pod range)');
  if (includeServiceRange) {
    section.row([placeholder(GkePlaceholder.SERVICE_RANGE)], Protocol.ANY, [], 'Nodes and Pods to the Services of the cluster (Service range)', {
      metadata: { [GkeMetadataKey.NOTE]: 'The page names nodes and Pods; the Service range is added for traffic to ClusterIP addresses.' },
    });
  }
  return section;
}

/**
 * The `-master` row of the table of rules GKE creates: the control plane reaches the kubelet (TCP 10250) and
 * metrics-server (TCP 443) on the nodes. GKE creates it itself at priority 1000; an ingress deny with a higher
 * priority must leave it working. Deleting it makes the cluster stop working (troubleshooting page).
 */
export function gkeClusterFirewallRulesSection(): CatalogSection {
  return new CatalogSection(GKE_FIREWALL_RULES, 'cluster-firewall-rules', 'GKE firewall rules: cluster firewall rules').row(
    [placeholder(GkePlaceholder.CONTROL_PLANE)],
    Protocol.TCP,
    [443, 10250],
    'Control plane to the nodes: kubelet (TCP 10250) and metrics-server (TCP 443)',
    {
      direction: Direction.INGRESS,
      metadata: {
        [GkeMetadataKey.GKE_RULE]: 'gke-[cluster-name]-[cluster-hash]-master',
        [GkeMetadataKey.NOTE]: 'The table marks the rule "For private clusters only"; GKE creates it at priority 1000.',
      },
    },
  );
}
