// A complete cdktf program: the EKS nodes' CIDR flows as rules of an existing security group, with the provider
// version constraint the library's AWS resources were checked against instead of the binding's exact pin.
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { eksNodesProfile, PeerKind } from 'cdktf-firewall-requirements';
import { ProviderVersionConstraint, SecurityGroupRules } from 'cdktf-firewall-requirements/aws';

export function createStack(scope: Construct, id: string): TerraformStack {
  const stack = new TerraformStack(scope, id);
  const aws = new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  ProviderVersionConstraint.apply(aws, ProviderVersionConstraint.AWS_CHECKED); // ">= 5.0, < 7.0"

  // The security group attached to the nodes beside the cluster security group: a required input.
  const nodeGroup = new TerraformVariable(stack, 'node_security_group_id', { type: 'string', description: 'Security group of the nodes.' });
  const eks = eksNodesProfile({
    region: 'eu-west-1',
    clusterSecurityGroupCidrs: ['10.0.0.0/24', '10.0.1.0/24'], // the cluster's subnets
    nodeSubnetCidrs: ['10.0.16.0/20'],
  });
  new SecurityGroupRules(stack, 'node-rules', {
    requirementSets: [eks.filter((r) => r.peer.kind === PeerKind.CIDR)], // names go to a Network Firewall allowlist
    securityGroupId: nodeGroup.stringValue,
  });
  return stack;
}

if (require.main === module) {
  const app = new App();
  createStack(app, 'aws-minimal');
  app.synth();
}
