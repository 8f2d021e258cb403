/** Everything the AWS constructs synthesize is checked against the provider schema (derived offline from the
 *  binding's jsii assembly): argument names, required arguments, nested blocks and value types. */
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { chainguardEnforceProfile } from '../../../lib/catalog/chainguard-enforce';
import { Direction, Peer, Protocol, RequirementSet } from '../../../lib/model';
import { EksEndpointAccess, NetworkFirewallDomainAllowlist, SecurityGroupRules } from '../../../lib/targets/aws';
import { validateStackJson } from '../../../lib/validate';
import { req } from '../../model/fixtures';
import { cidrFlow, egressFqdns } from '../helpers';

test('EKS endpoint access, security group rules and the domain allowlist validate against the aws provider schema', () => {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'aws');
  new AwsProvider(stack, 'aws', { region: 'eu-central-1' });
  const access = EksEndpointAccess.fromRequirements({ requirements: chainguardEnforceProfile({ acknowledgeRetired: true }), publicAccessCidrs: [{ cidr: '203.0.113.0/24' }] });
  new EksCluster(stack, 'Cluster', { name: 'c', roleArn: 'arn:aws:iam::123456789012:role/eks', vpcConfig: access.toVpcConfig(['subnet-a', 'subnet-b']) });
  new SecurityGroupRules(stack, 'Nodes', {
    vpcId: 'vpc-1',
    tags: { team: 'platform' },
    requirements: RequirementSet.of([
      cidrFlow('10.0.0.0/8'),
      cidrFlow('192.0.2.0/24', { direction: Direction.INGRESS, protocol: Protocol.UDP, ports: [53] }),
      req({ protocol: Protocol.ICMP, ports: [], peer: Peer.cidr('2001:db8::/32') }),
      req({ protocol: Protocol.ICMP, ports: [], peer: Peer.cidr('10.2.0.0/16') }),
      req({ protocol: Protocol.ANY, ports: [], peer: Peer.cidr('10.1.0.0/16') }),
    ]),
  });
  new NetworkFirewallDomainAllowlist(stack, 'Allow', {
    name: 'egress',
    homeNetCidrs: ['10.0.0.0/16'],
    tags: { team: 'platform' },
    requirements: egressFqdns(['a.example.com', '*.example.org']).merge(egressFqdns(['b.example.com'], 'Plain', Protocol.HTTP, [80])),
  });
  const report = validateStackJson(Testing.synth(stack));
  expect(report.unchecked).toEqual([]);
  expect(report.problems).toEqual([]);
  expect(report.resources).toBe(9);
});
