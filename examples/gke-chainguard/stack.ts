/**
 * GKE pulling Chainguard images, egress allow-listed: the nodes may reach what GKE needs and Chainguard's registry
 * (cgr.dev, its blob storage host and registry authentication), and nothing else; the control plane admits only the
 * administrators' network.
 *
 * - VPC `chainguard-demo` without automatic subnets, `network_firewall_policy_enforcement_order =
 *   BEFORE_CLASSIC_FIREWALL`: the network firewall policy (allows, then the egress deny) decides before any VPC
 *   firewall rule, so a broad VPC egress allow added later cannot undo the deny. Ingress has no policy rule and falls
 *   through to the VPC firewall rules (GKE's own and the ones below).
 * - Subnet 10.20.0.0/20 with Pod (10.24.0.0/14) and Service (10.28.0.0/20) ranges and Private Google Access; private
 *   nodes (control plane 172.16.0.32/28); Cloud NAT for the pulls from cgr.dev.
 * - Google APIs and registries through private.googleapis.com (199.36.153.8/30, and its IPv6 range for dual-stack
 *   nodes), the profile's default: private DNS zones googleapis.com, gcr.io and pkg.dev answer with it (GCP FQDN
 *   objects take no wildcards, so `*.googleapis.com` cannot be a rule).
 * - `GcpFirewall` (node rows of gkeNodesProfile + chainguardContainersProfile), for the node service account:
 *   egress TCP 443 to the control plane, any protocol among nodes, Pods and Services, TCP 443 to
 *   private.googleapis.com, HTTPS to cgr.dev, its blob host and enforce.dev by name; then deny 0.0.0.0/0 and ::/0.
 *   Ingress TCP 443/10250 from the control plane as a VPC firewall rule (GKE creates the same `-master` rule).
 *   DNS and the metadata server (169.254.169.254) get no rule: GCP documents that traffic as always allowed
 *   (not confirmed in the sources this library cites).
 * - Master authorized networks: ADMIN_CIDRS only. (This example admitted the Chainguard Enforce ranges until the
 *   library marked Enforce retired: nobody vouches for those addresses today.)
 *
 *   terraform apply -var project=<PROJECT_ID>
 */
import { ComputeNetwork } from '@cdktf/provider-google/lib/compute-network';
import { ComputeRouter } from '@cdktf/provider-google/lib/compute-router';
import { ComputeRouterNat } from '@cdktf/provider-google/lib/compute-router-nat';
import { ComputeSubnetwork } from '@cdktf/provider-google/lib/compute-subnetwork';
import { ContainerCluster } from '@cdktf/provider-google/lib/container-cluster';
import { DnsManagedZone } from '@cdktf/provider-google/lib/dns-managed-zone';
import { DnsRecordSet } from '@cdktf/provider-google/lib/dns-record-set';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { chainguardContainersProfile, gkeNodesProfile } from 'cdktf-firewall-requirements';
import { GcpFirewall, GkeAuthorizedNetworks } from 'cdktf-firewall-requirements/google';

export const REGION = 'europe-west1';
/** The administrators' network (a documentation range: replace it with yours). */
export const ADMIN_CIDRS = [{ cidr: '203.0.113.0/24', purpose: 'Administrators (kubectl)' }];
export const NODE_CIDR = '10.20.0.0/20';
export const POD_CIDR = '10.24.0.0/14';
export const SERVICE_CIDR = '10.28.0.0/20';
export const CONTROL_PLANE_CIDR = '172.16.0.32/28';
/** private.googleapis.com (Private Google Access). */
const PRIVATE_GOOGLE_APIS = ['199.36.153.8', '199.36.153.9', '199.36.153.10', '199.36.153.11'];

/** The complete stack; `id` names it (the example runner passes the folder name). */
export function createStack(scope: Construct, id: string): TerraformStack {
  const stack = new TerraformStack(scope, id);
  const project = new TerraformVariable(stack, 'project', { type: 'string', description: 'Google Cloud project ID.' });
  new GoogleProvider(stack, 'google', { project: project.stringValue, region: REGION });

  const network = new ComputeNetwork(stack, 'network', {
    name: 'chainguard-demo',
    autoCreateSubnetworks: false,
    networkFirewallPolicyEnforcementOrder: 'BEFORE_CLASSIC_FIREWALL',
  });
  const subnet = new ComputeSubnetwork(stack, 'subnet', {
    name: 'chainguard-demo-nodes',
    network: network.id,
    region: REGION,
    ipCidrRange: NODE_CIDR,
    privateIpGoogleAccess: true,
    secondaryIpRange: [
      { rangeName: 'pods', ipCidrRange: POD_CIDR },
      { rangeName: 'services', ipCidrRange: SERVICE_CIDR },
    ],
  });
  const router = new ComputeRouter(stack, 'router', { name: 'chainguard-demo', network: network.id, region: REGION });
  new ComputeRouterNat(stack, 'nat', {
    name: 'chainguard-demo',
    router: router.name,
    region: REGION,
    natIpAllocateOption: 'AUTO_ONLY',
    sourceSubnetworkIpRangesToNat: 'ALL_SUBNETWORKS_ALL_IP_RANGES',
  });
  // Google APIs and registries resolve to private.googleapis.com inside the VPC.
  for (const domain of ['googleapis.com', 'gcr.io', 'pkg.dev']) {
    const zoneId = domain.replace(/\./g, '-');
    const zone = new DnsManagedZone(stack, `zone-${zoneId}`, {
      name: `chainguard-demo-${zoneId}`,
      dnsName: `${domain}.`,
      visibility: 'private',
      privateVisibilityConfig: { networks: [{ networkUrl: network.id }] },
    });
    const apex = domain === 'googleapis.com' ? 'private.googleapis.com.' : `${domain}.`;
    new DnsRecordSet(stack, `a-${zoneId}`, { managedZone: zone.name, name: apex, type: 'A', ttl: 300, rrdatas: PRIVATE_GOOGLE_APIS });
    new DnsRecordSet(stack, `cname-${zoneId}`, { managedZone: zone.name, name: `*.${domain}.`, type: 'CNAME', ttl: 300, rrdatas: [apex] });
  }
  const nodes = new ServiceAccount(stack, 'nodes', { accountId: 'chainguard-demo-nodes', displayName: 'GKE nodes of chainguard-demo' });

  // Nodes pulling images from cgr.dev (the profile's default role), with the blob host every layer comes from.
  const registry = chainguardContainersProfile();
  // Google APIs through private.googleapis.com: the default, which GcpFirewall renders (no wildcard names).
  const gke = gkeNodesProfile({
    region: REGION,
    controlPlaneCidrs: [CONTROL_PLANE_CIDR],
    nodeCidrs: [NODE_CIDR],
    podCidrs: [POD_CIDR],
    serviceCidrs: [SERVICE_CIDR],
  });

  const cluster = new ContainerCluster(stack, 'cluster', {
    name: 'chainguard-demo',
    location: REGION,
    network: network.name,
    subnetwork: subnet.name,
    initialNodeCount: 1,
    ipAllocationPolicy: { clusterSecondaryRangeName: 'pods', servicesSecondaryRangeName: 'services' },
    privateClusterConfig: { enablePrivateNodes: true, enablePrivateEndpoint: false, masterIpv4CidrBlock: CONTROL_PLANE_CIDR },
    nodeConfig: { serviceAccount: nodes.email, oauthScopes: ['https://www.googleapis.com/auth/cloud-platform'] },
  });
  // Rows that land on the control plane become authorized networks; the registry has none, so only the admins.
  GkeAuthorizedNetworks.fromRequirements({ requirementSets: [registry], cidrs: ADMIN_CIDRS, privateCluster: true }).applyTo(cluster);

  // The node rows: GKE's own egress and the registry hosts, then the egress deny, for the node service account.
  const firewall = new GcpFirewall(stack, 'node-egress', {
    requirementSets: [gke, registry],
    network: network.id,
    namePrefix: 'chainguard-demo',
    targetServiceAccounts: [nodes.email],
  });

  new TerraformOutput(stack, 'firewall_policy', {
    description: 'Network firewall policy with the node egress allows and the egress deny.',
    value: firewall.firewallPolicy?.name,
  });
  return stack;
}
