/** Conditions of the conditional EKS rows; the profile evaluates each from its options. */
export enum EksCondition {
  /**
   * Nodes run the EKS-optimized AMI, which sets the node DNS name through the EC2 API.
   * @deprecated No row depends on it any more: EC2 is needed on every node (the VPC CNI calls it).
   */
  EKS_OPTIMIZED_AMI = 'eks-optimized-ami',
  /** Pods use IAM roles for service accounts (IRSA). */
  IRSA = 'irsa',
  /** The Cluster Autoscaler runs in the cluster. */
  CLUSTER_AUTOSCALER = 'cluster-autoscaler',
  /** Pods use EKS Pod Identity associations. */
  POD_IDENTITY = 'pod-identity',
  /** Node and Pod logs go to Amazon CloudWatch Logs. */
  CLOUDWATCH_LOGS = 'cloudwatch-logs',
  /** The SSM Agent manages the nodes (Systems Manager and Session Manager). */
  SSM = 'ssm',
  /** The SSM Agent on the nodes is older than 3.3.40.0 and still needs the ec2messages channel. */
  SSM_EC2_MESSAGES = 'ssm-ec2-messages',
  /** Traces go to AWS X-Ray. */
  XRAY = 'xray',
  /** The AWS Load Balancer Controller runs in the cluster. */
  LOAD_BALANCER_CONTROLLER = 'load-balancer-controller',
  /** Workloads fetch the cluster's OIDC issuer discovery document and keys. */
  OIDC_DISCOVERY = 'oidc-discovery',
  /** The default outbound rule of the cluster security group was removed ("Restricting cluster traffic"). */
  RESTRICTED_CLUSTER_SECURITY_GROUP = 'restricted-cluster-security-group',
}

/** Optional features of an EKS cluster; each selects the rows of its condition. */
export enum EksFeature {
  POD_IDENTITY = 'pod-identity',
  CLUSTER_AUTOSCALER = 'cluster-autoscaler',
  LOAD_BALANCER_CONTROLLER = 'load-balancer-controller',
  CLOUDWATCH_LOGS = 'cloudwatch-logs',
  SSM = 'ssm',
  XRAY = 'xray',
  OIDC_DISCOVERY = 'oidc-discovery',
}

/** Every feature, in the order of the endpoint table. */
export const EKS_FEATURES: readonly EksFeature[] = [
  EksFeature.LOAD_BALANCER_CONTROLLER,
  EksFeature.XRAY,
  EksFeature.SSM,
  EksFeature.CLOUDWATCH_LOGS,
  EksFeature.POD_IDENTITY,
  EksFeature.CLUSTER_AUTOSCALER,
  EksFeature.OIDC_DISCOVERY,
];

/** Placeholders of the EKS rows, filled from profile options. */
export enum EksPlaceholder {
  /** The addresses of the cluster security group's network interfaces: the cluster's subnets. */
  CLUSTER_SECURITY_GROUP = 'cluster-security-group',
  /** The subnets of the nodes, for node-to-node traffic. */
  NODE_SUBNETS = 'node-subnets',
  /** An AWS account id inside an ECR registry host name. */
  ACCOUNT_ID = 'account-id',
}

/** How to fill each placeholder, shown when one is left unresolved. */
export const EKS_PLACEHOLDER_HINTS: Readonly<Record<EksPlaceholder, string>> = {
  [EksPlaceholder.CLUSTER_SECURITY_GROUP]:
    'The cluster security group sits on the 2-4 network interfaces EKS creates in the subnets given to the cluster ' +
    '(and on managed node group interfaces). Set clusterSecurityGroupCidrs (CLI --cluster-security-group-cidrs) to ' +
    'the CIDRs of those subnets (aws eks describe-cluster --query cluster.resourcesVpcConfig.subnetIds, then aws ec2 ' +
    'describe-subnets); in an AWS security group you can reference the group itself ' +
    '(aws eks describe-cluster --query cluster.resourcesVpcConfig.clusterSecurityGroupId).',
  [EksPlaceholder.NODE_SUBNETS]:
    'Set nodeSubnetCidrs (CLI --node-subnet-cidrs) to the CIDRs of the subnets your nodes run in, IPv4 and IPv6 ' +
    '(the document asks for separate rules per address family).',
  [EksPlaceholder.ACCOUNT_ID]: 'Set ecrAccountIds (CLI --ecr-account-ids) to the 12-digit AWS account ids of the ECR registries the nodes pull from.',
};

/** Metadata keys the EKS requirements carry. */
export enum EksMetadataKey {
  /** The VPC endpoint service that can serve the row instead of egress to the internet, e.g. `com.amazonaws.eu-west-1.ecr.api`. */
  VPC_ENDPOINT = 'vpcEndpoint',
  /** Whether that endpoint is an `interface` endpoint (PrivateLink) or a `gateway` endpoint (S3). */
  VPC_ENDPOINT_TYPE = 'vpcEndpointType',
  /** Where the host name form comes from, when the requiring section gives only the endpoint service. */
  HOST_FORM = 'hostForm',
  /** A caveat from the document. */
  NOTE = 'note',
}
