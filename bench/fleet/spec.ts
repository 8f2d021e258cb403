/**
 * The benchmark fleet: N clusters cycling through AKS, GKE, EKS and IBM Cloud VPC, each with Chainguard
 * Enforce. Plain data only (no library import): the library fleet and the hand-written fleet build the same
 * clusters from it.
 */

/** The cloud of one cluster. */
export enum FleetCloud {
  AKS = 'aks',
  GKE = 'gke',
  EKS = 'eks',
  IBM = 'ibm',
}

/** One cluster of the fleet. */
export interface ClusterSpec {
  readonly cloud: FleetCloud;
  /** Stack and cluster name, e.g. `aks-0004`. */
  readonly name: string;
  readonly region: string;
  /** AKS add-on values (AksAddon), empty elsewhere. */
  readonly addons: readonly string[];
  /** The node subnets. */
  readonly subnetCidrs: readonly string[];
  /** The operators' network, authorized on the API server. */
  readonly operatorCidr: string;
  /** Literal firewall addresses (AKS: the egress route's next hop and public IP). */
  readonly firewallPrivateIp: string;
  readonly firewallPublicIp: string;
  /**
   * Key of the vendor data the cluster needs (cloud, region, add-ons): clusters with the same key share the same
   * requirement tables, which is how a hand-written fleet would keep them.
   */
  readonly variant: string;
}

const AKS_REGIONS = ['westeurope', 'eastus', 'northeurope', 'uksouth'];
const AKS_ADDON_SETS: readonly string[][] = [
  ['azure-monitor'],
  ['azure-monitor', 'azure-policy', 'defender'],
  ['workload-identity', 'key-vault-secrets-provider', 'istio'],
];
const GCP_REGIONS = ['europe-west4', 'us-central1'];
const AWS_REGIONS = ['eu-west-1', 'us-east-1'];
const IBM_REGIONS = ['eu-de', 'us-south', 'jp-tok'];

const CLOUDS = [FleetCloud.AKS, FleetCloud.GKE, FleetCloud.EKS, FleetCloud.IBM];

/** The first `n` clusters (the same ones for every n: a bigger fleet extends a smaller one). */
export function fleet(n: number): ClusterSpec[] {
  return Array.from({ length: n }, (_, i) => cluster(i));
}

function cluster(i: number): ClusterSpec {
  const cloud = CLOUDS[i % CLOUDS.length];
  const k = Math.floor(i / CLOUDS.length);
  // 10.<hi>.<lo>.0/24 per cluster (up to 65,536 clusters); IBM clusters get three zones' subnets.
  const hi = Math.floor(i / 256) % 256;
  const lo = i % 256;
  const subnet = (zone: number) => `10.${hi}.${lo}.${zone * 64}/26`;
  const base = {
    cloud,
    name: `${cloud}-${String(i).padStart(4, '0')}`,
    operatorCidr: `198.51.100.${(i % 64) * 4}/30`,
    firewallPrivateIp: `10.${hi}.${lo}.196`,
    firewallPublicIp: `20.${50 + (hi % 100)}.${lo}.${1 + (k % 250)}`,
  };
  switch (cloud) {
    case FleetCloud.AKS: {
      const region = AKS_REGIONS[k % AKS_REGIONS.length];
      const addons = AKS_ADDON_SETS[Math.floor(k / AKS_REGIONS.length) % AKS_ADDON_SETS.length];
      return { ...base, region, addons, subnetCidrs: [subnet(0)], variant: `aks/${region}/${addons.join('+')}` };
    }
    case FleetCloud.GKE: {
      const region = GCP_REGIONS[k % GCP_REGIONS.length];
      return { ...base, region, addons: [], subnetCidrs: [subnet(0)], variant: `gke/${region}` };
    }
    case FleetCloud.EKS: {
      const region = AWS_REGIONS[k % AWS_REGIONS.length];
      // Two zones' subnets, not adjacent (so that neither side could merge them into one rule).
      return { ...base, region, addons: [], subnetCidrs: [subnet(0), subnet(2)], variant: `eks/${region}` };
    }
    case FleetCloud.IBM: {
      const region = IBM_REGIONS[k % IBM_REGIONS.length];
      return { ...base, region, addons: [], subnetCidrs: [subnet(0), subnet(1), subnet(2)], variant: `ibm/${region}` };
    }
  }
}

/** Node ports opened to the node subnets on EKS (the load balancers' health checks and traffic). */
export const NODE_PORTS = { from: 30000, to: 32767 };
