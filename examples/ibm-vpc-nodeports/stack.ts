/**
 * IBM Cloud VPC, multizone cluster pulling Chainguard images: the node ports 30000-32767 opened to the cluster's three
 * subnets (one per zone) in a security group this stack creates. What a security group cannot hold is listed in
 * Terraform outputs instead: the domain names the administrators' firewall and the egress proxy must allow (security
 * groups match addresses only), among them cgr.dev and its blob storage host. (This example added the Chainguard
 * Enforce agent until the library marked Enforce retired; its output then told users to admit Enforce's CIDR ranges on
 * the API server, addresses nobody vouches for today.)
 *
 *   terraform apply -var vpc_id=<ID from `ibmcloud is vpcs`>
 *
 * then attach the groups in the `security_group_ids` output to the workers.
 */
import { TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { chainguardContainersProfile, ibmVpcProfile } from 'cdktf-firewall-requirements';
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
  // Another module (here: the platform's image module) adds its requirements before synth.
  rules.addRequirements(chainguardContainersProfile());

  new TerraformOutput(stack, 'security_group_ids', {
    description: 'Security groups to attach to the worker nodes.',
    value: rules.securityGroupIds,
  });
  return stack;
}
