/**
 * IBM Cloud VPC, multizone cluster with the Chainguard Enforce agent: the node ports 30000-32767 opened to the
 * cluster's three subnets (one per zone) in a security group this stack creates. What a security group cannot or
 * must not hold is listed in Terraform outputs instead: the domain names the administrators' firewall and the egress
 * proxy must allow (security groups match addresses only), and Enforce's API-endpoint CIDRs, which land on the
 * cluster master, not on the workers.
 *
 *   terraform apply -var vpc_id=<ID from `ibmcloud is vpcs`>
 *
 * then attach the groups in the `security_group_ids` output to the workers.
 */
import { TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { chainguardEnforceProfile, ibmVpcProfile } from 'cdktf-firewall-requirements';
import { IbmProvider, IbmSecurityGroupRules } from 'cdktf-firewall-requirements/ibm';

/** The cluster's region and its VPC subnets, one per zone (`ibmcloud is subnets`). */
export const REGION = 'eu-de';
export const SUBNET_CIDRS = ['10.240.0.0/24', '10.240.64.0/24', '10.240.128.0/24'];

export function createStack(scope: Construct, id: string): TerraformStack {
  const stack = new TerraformStack(scope, id);
  new IbmProvider(stack, 'ibm', { region: REGION });

  const vpcId = new TerraformVariable(stack, 'vpc_id', {
    type: 'string',
    description: 'ID of the cluster VPC (ibmcloud is vpcs).',
  });

  const rules = new IbmSecurityGroupRules(stack, 'cluster-firewall', {
    requirementSets: [ibmVpcProfile({ region: REGION, subnetCidrs: SUBNET_CIDRS })],
    vpcId: vpcId.stringValue,
    groupNamePrefix: 'k8s-node-ports',
  });
  // Another module (here: the security team's agent) adds its requirements before synth.
  rules.addRequirements(chainguardEnforceProfile());

  new TerraformOutput(stack, 'security_group_ids', {
    description: 'Security groups to attach to the worker nodes.',
    value: rules.securityGroupIds,
  });
  return stack;
}
