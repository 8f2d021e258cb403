import { Necessity } from '../../model/necessity';
import { Protocol } from '../../model/protocol';
import { CatalogSection } from '../catalog-section';
import { EksCondition, EksMetadataKey, EksPlaceholder } from './conditions';
import { EKS_HOST_FORMS, EKS_PRIVATE_CLUSTERS } from './documents';

/** The VPC endpoint service name of a regional AWS service, e.g. `com.amazonaws.eu-west-1.ecr.api`. */
export function vpcEndpointService(region: string, service: string): string {
  return `com.amazonaws.${region}.${service}`;
}

function endpoint(region: string, service: string, hostForm: string, type: 'interface' | 'gateway' = 'interface'): Record<string, string> {
  return {
    [EksMetadataKey.VPC_ENDPOINT]: vpcEndpointService(region, service),
    [EksMetadataKey.VPC_ENDPOINT_TYPE]: type,
    [EksMetadataKey.HOST_FORM]: hostForm,
  };
}

/**
 * "Pod requirements" of the private-clusters page: the table of VPC endpoints for the AWS services nodes and Pods
 * reach, and the bullets after it (EKS-optimized AMI, Cluster Autoscaler). Every row is HTTPS 443 to the regional
 * host of the service; metadata `vpcEndpoint` names the endpoint service that can serve it inside the VPC instead.
 * The account-specific ECR registry row keeps an `<account-id>` token, filled per account by the profile. The
 * `com.amazonaws.route53` row has no regional host nodes call and is not transcribed.
 */
export function eksPodRequirements(region: string): CatalogSection {
  const section = new CatalogSection(EKS_PRIVATE_CLUSTERS, 'pod-requirements', 'Pod requirements', 'private-clusters-pod');
  const ecr = 'Amazon Elastic Container Registry (for pulling container images)';
  section
    .fqdns([`api.ecr.${region}.amazonaws.com`], Protocol.HTTPS, [443], `${ecr}: the ECR API (authentication, image manifests)`, {
      metadata: endpoint(region, 'ecr.api', EKS_HOST_FORMS.ecrApi),
    })
    .fqdns([`prod-${region}-starport-layer-bucket.s3.${region}.amazonaws.com`], Protocol.HTTPS, [443], `${ecr}: the Amazon S3 bucket holding the image layers`, {
      metadata: endpoint(region, 's3', EKS_HOST_FORMS.ecrLayers, 'gateway'),
    })
    .fqdns([`<${EksPlaceholder.ACCOUNT_ID}>.dkr.ecr.${region}.amazonaws.com`], Protocol.HTTPS, [443], `${ecr}: your ECR registry (Docker Registry API)`, {
      metadata: endpoint(region, 'ecr.dkr', EKS_HOST_FORMS.ecrRegistry),
    })
    .fqdns([`ec2.${region}.amazonaws.com`], Protocol.HTTPS, [443], 'Amazon EC2: the EKS-optimized AMI sets the node DNS name through the EC2 API', {
      necessity: Necessity.conditional(EksCondition.EKS_OPTIMIZED_AMI, 'If you use the EKS Optimized AMI'),
      metadata: endpoint(region, 'ec2', EKS_HOST_FORMS.ec2),
    })
    .fqdns([`eks.${region}.amazonaws.com`], Protocol.HTTPS, [443], 'Amazon EKS API: cluster introspection and node registration at launch', {
      metadata: {
        ...endpoint(region, 'eks', EKS_HOST_FORMS.eks),
        [EksMetadataKey.NOTE]: 'Self-managed nodes given apiServerEndpoint and certificateAuthority at bootstrap do not need the EKS API.',
      },
    })
    .fqdns([`elasticloadbalancing.${region}.amazonaws.com`], Protocol.HTTPS, [443], 'Elastic Load Balancing: the AWS Load Balancer Controller manages Application and Network Load Balancers', {
      necessity: Necessity.conditional(EksCondition.LOAD_BALANCER_CONTROLLER, 'If the AWS Load Balancer Controller runs in the cluster'),
      metadata: {
        ...endpoint(region, 'elasticloadbalancing', EKS_HOST_FORMS.standard),
        [EksMetadataKey.NOTE]:
          'Certificate discovery from Ingress hosts needs AWS Certificate Manager, which has no VPC interface endpoint; set enable-shield, enable-waf and enable-wafv2 to false.',
      },
    })
    .fqdns([`xray.${region}.amazonaws.com`], Protocol.HTTPS, [443], 'AWS X-Ray: tracing sent to AWS X-Ray', {
      necessity: Necessity.conditional(EksCondition.XRAY, '(Optional) AWS X-Ray (required for tracing sent to AWS X-Ray)'),
      metadata: endpoint(region, 'xray', EKS_HOST_FORMS.standard),
    })
    .fqdns([`ssm.${region}.amazonaws.com`], Protocol.HTTPS, [443], 'Amazon SSM: the SSM Agent for node management tasks (an alternative to SSH)', {
      necessity: Necessity.conditional(EksCondition.SSM, '(Optional) Amazon SSM (required for the SSM Agent for node management tasks)'),
      metadata: endpoint(region, 'ssm', EKS_HOST_FORMS.standard),
    })
    .fqdns([`logs.${region}.amazonaws.com`], Protocol.HTTPS, [443], 'Amazon CloudWatch Logs: node and Pod logs', {
      necessity: Necessity.conditional(EksCondition.CLOUDWATCH_LOGS, 'Required for node and pod logs sent to Amazon CloudWatch Logs'),
      metadata: endpoint(region, 'logs', EKS_HOST_FORMS.standard),
    })
    .fqdns([`sts.${region}.amazonaws.com`], Protocol.HTTPS, [443], 'AWS STS, regional endpoint: credentials for IAM roles for service accounts', {
      necessity: Necessity.conditional(EksCondition.IRSA, 'Required when using IAM roles for service accounts'),
      metadata: {
        ...endpoint(region, 'sts', EKS_HOST_FORMS.sts),
        [EksMetadataKey.NOTE]:
          'Most AWS v1 SDKs call the global sts.amazonaws.com, which does not use the STS VPC endpoint: configure them for the regional endpoint.',
      },
    })
    .fqdns([`eks-auth.${region}.api.aws`], Protocol.HTTPS, [443], 'Amazon EKS Auth: the EKS Pod Identity Agent exchanges Pod credentials', {
      necessity: Necessity.conditional(EksCondition.POD_IDENTITY, 'Required when using Pod Identity associations'),
      metadata: {
        ...endpoint(region, 'eks-auth', EKS_HOST_FORMS.eksAuth),
        [EksMetadataKey.NOTE]: 'Pods reach the agent on the node-local 169.254.170.23 (IPv6 fd00:ec2::23); Pod network policies must allow it.',
      },
    })
    // "The worker node VPC must also include the AWS STS VPC endpoint and autoscaling VPC endpoint."
    .fqdns([`autoscaling.${region}.amazonaws.com`], Protocol.HTTPS, [443], 'Amazon EC2 Auto Scaling: the Cluster Autoscaler resizes node groups', {
      necessity: Necessity.conditional(EksCondition.CLUSTER_AUTOSCALER, 'If the Cluster Autoscaler runs in the cluster'),
      metadata: endpoint(region, 'autoscaling', EKS_HOST_FORMS.standard),
    })
    .fqdns([`sts.${region}.amazonaws.com`], Protocol.HTTPS, [443], 'AWS STS, regional endpoint: credentials for the Cluster Autoscaler', {
      necessity: Necessity.conditional(EksCondition.CLUSTER_AUTOSCALER, 'If the Cluster Autoscaler runs in the cluster'),
      metadata: endpoint(region, 'sts', EKS_HOST_FORMS.sts),
    });
  return section;
}
