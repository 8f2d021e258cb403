/**
 * GKE with Chainguard Enforce: a cluster whose control plane admits the Chainguard Enforce CIDR ranges (and the
 * administrators' network), and a network firewall policy that allows the Enforce agent's egress to the
 * Chainguard and third-party hosts by name.
 *
 * - VPC `enforce-demo` without automatic subnets; one subnet 10.20.0.0/20 in the region.
 * - The nodes run as their own service account; the egress rules target that account.
 * - Master authorized networks: the Enforce ranges (ingress TCP 443 in the profile) plus ADMIN_CIDRS.
 * - The policy only adds allow rules; denying other egress is up to the network's own rules.
 *
 *   terraform apply -var project=<PROJECT_ID>
 */
import { ComputeNetwork } from '@cdktf/provider-google/lib/compute-network';
import { ComputeSubnetwork } from '@cdktf/provider-google/lib/compute-subnetwork';
import { ContainerCluster } from '@cdktf/provider-google/lib/container-cluster';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { chainguardEnforceProfile, Direction } from 'cdktf-firewall-requirements';
import { GcpFirewall, GkeAuthorizedNetworks } from 'cdktf-firewall-requirements/google';

export const REGION = 'europe-west1';
/** The administrators' network (a documentation range: replace it with yours). */
export const ADMIN_CIDRS = [{ cidr: '203.0.113.0/24', purpose: 'Administrators (kubectl)' }];

/** The complete stack; `id` names it (the example runner passes the folder name). */
export function createStack(scope: Construct, id: string): TerraformStack {
  const stack = new TerraformStack(scope, id);
  const project = new TerraformVariable(stack, 'project', { type: 'string', description: 'Google Cloud project ID.' });
  new GoogleProvider(stack, 'google', { project: project.stringValue, region: REGION });

  const network = new ComputeNetwork(stack, 'network', { name: 'enforce-demo', autoCreateSubnetworks: false });
  const subnet = new ComputeSubnetwork(stack, 'subnet', {
    name: 'enforce-demo-nodes',
    network: network.id,
    region: REGION,
    ipCidrRange: '10.20.0.0/20',
  });
  const nodes = new ServiceAccount(stack, 'nodes', { accountId: 'enforce-demo-nodes', displayName: 'GKE nodes of enforce-demo' });

  const enforce = chainguardEnforceProfile();

  const cluster = new ContainerCluster(stack, 'cluster', {
    name: 'enforce-demo',
    location: REGION,
    network: network.name,
    subnetwork: subnet.name,
    initialNodeCount: 1,
    nodeConfig: { serviceAccount: nodes.email, oauthScopes: ['https://www.googleapis.com/auth/cloud-platform'] },
  });
  // The Enforce CIDR rows are ingress TCP 443: they become authorized networks; the host rows are skipped here.
  GkeAuthorizedNetworks.fromRequirements({ requirements: enforce, cidrs: ADMIN_CIDRS }).applyTo(cluster);

  // The agent's egress: the host rows, by name, through a network firewall policy on the cluster's VPC.
  const firewall = new GcpFirewall(stack, 'enforce-agent-egress', {
    requirements: enforce.filter((r) => r.direction === Direction.EGRESS),
    network: network.id,
    namePrefix: 'enforce-agent',
    targetServiceAccounts: [nodes.email],
  });

  new TerraformOutput(stack, 'firewall_policy', {
    description: 'Network firewall policy with the Enforce agent egress rules.',
    value: firewall.firewallPolicy?.name,
  });
  return stack;
}
