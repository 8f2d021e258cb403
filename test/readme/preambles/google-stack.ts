// Preamble of the README's Google Cloud block: a GKE cluster whose nodes run as `nodes`, and the profile `registry` (Chainguard's registry).
import { ComputeNetwork } from '@cdktf/provider-google/lib/compute-network';
import { ContainerCluster } from '@cdktf/provider-google/lib/container-cluster';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { App, TerraformStack } from 'cdktf';
import { chainguardContainersProfile } from 'cdktf-firewall-requirements';

const app = new App();
const stack = new TerraformStack(app, 'readme-google');
new GoogleProvider(stack, 'google', { project: 'demo-project', region: 'europe-west1' });

const registry = chainguardContainersProfile();

const network = new ComputeNetwork(stack, 'network', { name: 'gke-demo', autoCreateSubnetworks: true });
const nodes = new ServiceAccount(stack, 'nodes', { accountId: 'gke-demo-nodes' });
const cluster = new ContainerCluster(stack, 'cluster', {
  name: 'gke-demo',
  location: 'europe-west1',
  network: network.name,
  initialNodeCount: 1,
  nodeConfig: { serviceAccount: nodes.email, oauthScopes: ['https://www.googleapis.com/auth/cloud-platform'] },
});

// README BLOCK

app.synth();
