/** Everything the Google Cloud constructs synthesize is checked against the provider schema (derived offline from
 *  the binding's jsii assembly): argument names, required arguments, nested blocks and value types. */
import { ContainerCluster } from '@cdktf/provider-google/lib/container-cluster';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { chainguardEnforceProfile } from '../../../lib/catalog/chainguard-enforce';
import { Direction, Peer, Protocol, RequirementSet } from '../../../lib/model';
import { GcpFirewall, GkeAuthorizedNetworks } from '../../../lib/targets/google';
import { validateStackJson } from '../../../lib/validate';
import { req } from '../../model/fixtures';
import { cidrFlow, egressFqdns } from '../helpers';

test('GKE authorized networks and GCP firewall output validates against the google provider schema', () => {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'google');
  new GoogleProvider(stack, 'google', { project: 'p', region: 'europe-west1' });
  const cluster = new ContainerCluster(stack, 'Cluster', { name: 'c', location: 'europe-west1', initialNodeCount: 1 });
  GkeAuthorizedNetworks.fromRequirements({ requirementSets: [chainguardEnforceProfile({ acknowledgeRetired: true })], cidrs: [{ cidr: '203.0.113.0/24' }] }).applyTo(cluster);
  new GcpFirewall(stack, 'Fw', {
    network: 'projects/p/global/networks/vpc',
    project: 'p',
    enableLogging: true,
    targetServiceAccounts: ['nodes@p.iam.gserviceaccount.com'],
    requirementSets: [egressFqdns(['a.example.com', 'b.example.com']).merge(
      RequirementSet.of([
        cidrFlow('10.0.0.0/8'),
        cidrFlow('192.0.2.0/24', { direction: Direction.INGRESS, protocol: Protocol.UDP, ports: [53] }),
        req({ protocol: Protocol.ICMP, ports: [], peer: Peer.cidr('2001:db8::/32') }),
        req({ protocol: Protocol.ANY, ports: [], peer: Peer.cidr('10.1.0.0/16') }),
      ]),
    )],
  });
  const report = validateStackJson(Testing.synth(stack));
  expect(report.unchecked).toEqual([]);
  expect(report.problems).toEqual([]);
  expect(report.resources).toBe(10);
});
