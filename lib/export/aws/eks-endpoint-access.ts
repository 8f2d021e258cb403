import { checkEksEndpointOptions, planEksEndpointAccess } from '../../targets/aws/plan/eks-endpoint-access-plan';
import { TargetOptionTable } from '../../targets/target-options';
import { defineExportTarget } from '../define-target';
import { ExportTarget } from '../module';
import { AWS_PROVIDER } from './common';

/**
 * `EksEndpointAccess` as a plain Terraform module: no resources (the cluster is the user's), outputs with the values
 * to pass to `aws_eks_cluster.vpc_config`.
 */
export const EKS_ENDPOINT_ACCESS_EXPORT: ExportTarget = defineExportTarget({
  name: 'eks-endpoint-access',
  description: 'EKS endpoint settings (public_access_cidrs, endpoint_public_access, endpoint_private_access) to pass to aws_eks_cluster.vpc_config.',
  cloud: 'aws',
  options: TargetOptionTable.unchecked({
    cidrs: 'More networks to admit to the public endpoint: [{ cidr, purpose }].',
    publicAccessCidrs: 'Deprecated alias of cidrs.',
    nodeEgressCidrs: 'Public egress addresses of the nodes (NAT gateway EIPs), needed when private access is off.',
    endpointPrivateAccess: 'endpoint_private_access; default true.',
    endpointPublicAccess: 'endpoint_public_access; default true.',
    ipFamily: 'ipv4 (default) or ipv6.',
    allowAnyAddress: 'Allow a list that covers every address (the public endpoint open to everyone); default false.',
  }),
  build(requirements, p, origin, check) {
    const plan = planEksEndpointAccess(check.requirementSet('requirements', requirements), checkEksEndpointOptions(check, p), check);
    return {
      providers: [AWS_PROVIDER],
      variables: {},
      resources: {},
      outputs: {
        endpoint_private_access: { value: plan.endpointPrivateAccess, description: 'aws_eks_cluster.vpc_config.endpoint_private_access' },
        endpoint_public_access: { value: plan.endpointPublicAccess, description: 'aws_eks_cluster.vpc_config.endpoint_public_access' },
        public_access_cidrs: {
          value: [...plan.publicAccessCidrs],
          description: 'aws_eks_cluster.vpc_config.public_access_cidrs (empty when the public endpoint is off: leave the argument unset then).',
        },
      },
    };
  },
});
