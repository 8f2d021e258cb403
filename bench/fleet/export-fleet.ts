/**
 * The benchmark fleet as export specs: for each cluster, the exports (target + spec) that produce the same firewall
 * resources as bench/fleet/library-fleet.ts synthesizes with cdktf. Plain data: no cdktf here.
 *
 * The target option names follow the constructs' props (conventions rule 6); the per-cloud targets define them,
 * so when a target lands with other names, adjust them here (the bench reports a refused option as an error row).
 */
import { ClusterSpec, FleetCloud } from './spec';

/** One export of one cluster. */
export interface FleetExport {
  readonly target: string;
  readonly spec: { readonly profiles: Record<string, Record<string, unknown>>; readonly target: Record<string, unknown> };
  /** The resource types of the cdktf stack this export corresponds to (compared for identical rule content). */
  readonly resourceTypes?: readonly string[];
}

const ENFORCE = { 'chainguard-enforce': { acknowledgeRetired: true } };

/** The exports of one cluster. */
export function clusterExports(c: ClusterSpec): FleetExport[] {
  const operators = [{ cidr: c.operatorCidr, purpose: 'operators' }];
  switch (c.cloud) {
    case FleetCloud.AKS:
      return [
        { target: 'azure-firewall-policy', spec: { profiles: { aks: { location: c.region, addons: [...c.addons] }, ...ENFORCE }, target: { sources: 'addresses', sourceCount: c.subnetCidrs.length, basePriority: 200, ruleCollectionGroupName: 'egress-rules' } } },
        { target: 'aks-authorized-ip-ranges', spec: { profiles: ENFORCE, target: { cidrs: operators, firewallPublicIps: [c.firewallPublicIp] } } },
      ];
    case FleetCloud.GKE:
      return [
        { target: 'gke-authorized-networks', spec: { profiles: ENFORCE, target: { cidrs: operators } } },
        { target: 'gcp-firewall', spec: { profiles: ENFORCE, target: { namePrefix: c.name } } },
      ];
    case FleetCloud.EKS:
      return [
        { target: 'eks-endpoint-access', spec: { profiles: ENFORCE, target: { cidrs: operators } } },
        { target: 'aws-network-firewall', spec: { profiles: ENFORCE, target: { name: `${c.name}-egress`, homeNetCidrs: [...c.subnetCidrs] } } },
      ];
    case FleetCloud.IBM:
      return [{ target: 'ibm-security-group-rules', spec: { profiles: { 'ibm-vpc': { region: c.region, subnetCidrs: [...c.subnetCidrs] }, ...ENFORCE }, target: { groupNamePrefix: `${c.name}-node-ports` } } }];
  }
}

/** Every target the fleet export uses. */
export const FLEET_EXPORT_TARGETS = [
  'azure-firewall-policy',
  'aks-authorized-ip-ranges',
  'gke-authorized-networks',
  'gcp-firewall',
  'eks-endpoint-access',
  'aws-network-firewall',
  'ibm-security-group-rules',
];
