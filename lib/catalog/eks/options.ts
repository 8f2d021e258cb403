// The options of the EKS nodes profile: the typed interface and its declaration table (checks, CLI flags, help,
// export spec schema and README tables all derive from the table).
import { invalidValue } from '../../model/errors';
import { declareOptions } from '../options/declare';
import { OptionType } from '../profile-definition';
import { EKS_FEATURES, EksFeature } from './conditions';

/** Options of the EKS nodes profile: where the cluster runs and which AWS services its nodes and Pods use. */
export interface EksNodesProfileOptions {
  /**
   * The cluster's AWS Region, e.g. `eu-west-1` (see `EKS_REGIONS`): any region of the commercial (`aws`), AWS
   * GovCloud (`aws-us-gov`, e.g. `us-gov-west-1`) or China (`aws-cn`, e.g. `cn-north-1`, host names in
   * `amazonaws.com.cn`) partition. Host names come from the partition's endpoint data.
   */
  readonly region: string;
  /**
   * Accept a region missing from `EKS_REGIONS` (opened after the list was compiled). The name must still look like
   * an AWS Region (`xx-name-N`), and `addonRegistryAccountId` must then be given.
   * @default false
   */
  readonly allowUnlistedRegion?: boolean;
  /**
   * The account of the EKS add-on image registry (`<account>.dkr.ecr.<region>.amazonaws.com`).
   * @default - the account the add-on registry table gives for `region`
   */
  readonly addonRegistryAccountId?: string;
  /**
   * 12-digit ids of the AWS accounts whose ECR registries the nodes pull your images from; each adds
   * `<account>.dkr.ecr.<region>.amazonaws.com`. The ECR API and layer bucket rows are always included (the add-on
   * images come from ECR too).
   * @default [] (no registries of your own)
   */
  readonly ecrAccountIds?: string[];
  /**
   * Whether the nodes run the EKS-optimized AMI. Accepted for compatibility; it no longer changes the rows: EC2 is
   * needed on every node (the VPC CNI plugin calls it to assign Pod IP addresses), whatever the AMI.
   * @default true
   * @deprecated EC2 is always included.
   */
  readonly eksOptimizedAmi?: boolean;
  /**
   * Whether Pods use IAM roles for service accounts (adds the regional STS endpoint; never the global one).
   * @default true
   */
  readonly irsa?: boolean;
  /**
   * Optional services in use: `pod-identity` (EKS Auth), `cluster-autoscaler` (Auto Scaling and STS),
   * `load-balancer-controller` (Elastic Load Balancing), `cloudwatch-logs`, `ssm`, `xray`, `oidc-discovery` (the
   * cluster's OIDC issuer).
   * @default []
   */
  readonly features?: EksFeature[];
  /**
   * With the `ssm` feature: the SSM Agent on the nodes is older than 3.3.40.0, so it still uses the `ec2messages`
   * channel (adds `ec2messages.<region>`). From 3.3.40.0 the agent stops using it once `ssmmessages` connects.
   * @default false
   */
  readonly ssmEc2Messages?: boolean;
  /**
   * Use the FIPS endpoints (`ecr-fips`, `<account>.dkr.ecr-fips`, `ec2-fips`, `fips.eks`, `sts-fips`, `ssm-fips`,
   * `logs-fips`, ...) instead of the standard ones, as AWS publishes them for the region in botocore's endpoint data.
   * A selected service that has FIPS endpoints elsewhere in the partition but none in the region is refused with
   * the regions that have one; a service with no FIPS endpoint at all keeps its standard name (noted on the row).
   * @default false
   */
  readonly fips?: boolean;
  /**
   * Add the dual-stack (IPv4 and IPv6) names beside the IPv4 ones, for nodes that egress over IPv6:
   * `ecr.<region>.api.aws`, `<account>.dkr-ecr.<region>.on.aws`, `ec2.<region>.api.aws`, `eks.<region>.api.aws`,
   * `logs.<region>.api.aws`, `oidc-eks.<region>.api.aws` (China: the partition's dual-stack suffix), where published.
   * A service without a published dual-stack name in the region keeps only its IPv4 name (noted on the row).
   * @default false
   */
  readonly dualStack?: boolean;
  /**
   * The cluster endpoint (`aws eks describe-cluster --query cluster.endpoint`), as a URL or host name, e.g.
   * `https://0123456789ABCDEF0123456789ABCDEF.gr7.eu-west-1.eks.amazonaws.com`. Adds HTTPS 443 to that host, for an
   * egress proxy or FQDN firewall between the nodes and the endpoint.
   * @default - no endpoint host row (required when endpointPrivateAccess is false)
   */
  readonly clusterEndpoint?: string;
  /**
   * Whether the cluster endpoint has private access enabled, so nodes reach the API server through the cluster
   * network interfaces in the VPC. When false, nodes go out to the public endpoint and `clusterEndpoint` is required.
   * @default true
   */
  readonly endpointPrivateAccess?: boolean;
  /**
   * Whether the default outbound rule of the cluster security group was removed ("Restricting cluster traffic"):
   * adds the minimum rules to the cluster security group (TCP 443, TCP 10250, TCP and UDP 53) and node-to-node
   * traffic (any protocol). Needs `clusterSecurityGroupCidrs` and `nodeSubnetCidrs`.
   * @default - true when clusterSecurityGroupCidrs or nodeSubnetCidrs is given, else false
   */
  readonly restrictClusterSecurityGroup?: boolean;
  /**
   * CIDRs of the subnets holding the cluster security group's network interfaces (the subnets given to the
   * cluster): the peer of the restricted cluster security group rules.
   * @default []
   */
  readonly clusterSecurityGroupCidrs?: string[];
  /**
   * CIDRs of the node subnets (IPv4 and IPv6): the peer of the node-to-node rule.
   * @default []
   */
  readonly nodeSubnetCidrs?: string[];
}

/** The options of the EKS profile, one per `EksNodesProfileOptions` property (the compiler checks both list the same). */
export const EKS_OPTION_SPECS = declareOptions<EksNodesProfileOptions>({
  region: {
    type: OptionType.STRING,
    required: true,
    missing: { reason: "the AWS service endpoints are regional and name the cluster's region", example: "region: 'eu-west-1' (CLI --region eu-west-1)" },
    hint: 'Give the AWS Region name as a string, e.g. eu-west-1.',
    description: "The cluster's AWS Region (aws, aws-us-gov or aws-cn partition), e.g. eu-west-1, us-gov-west-1, cn-north-1.",
  },
  allowUnlistedRegion: {
    type: OptionType.BOOLEAN,
    defaultValue: false,
    description: 'Accept a region missing from the built-in list (needs --addon-registry-account-id).',
  },
  addonRegistryAccountId: {
    type: OptionType.STRING,
    check: accountId,
    description: 'Account of the EKS add-on image registry.',
    defaultText: "the region's account from the add-on registry table",
  },
  ecrAccountIds: {
    type: OptionType.STRING_LIST,
    check: accountId,
    defaultValue: [],
    description: 'AWS account ids of your ECR registries (adds <account>.dkr.ecr.<region>.amazonaws.com each).',
  },
  eksOptimizedAmi: { type: OptionType.BOOLEAN, defaultValue: true, description: 'Deprecated, no effect: EC2 is needed on every node (the VPC CNI calls it).' },
  irsa: { type: OptionType.BOOLEAN, defaultValue: true, description: 'Pods use IAM roles for service accounts (adds regional STS).' },
  features: {
    type: OptionType.CHOICE_LIST,
    choices: EKS_FEATURES,
    label: 'EKS feature',
    defaultValue: [],
    description: 'Optional AWS services in use (all = every one).',
  },
  ssmEc2Messages: { type: OptionType.BOOLEAN, defaultValue: false, description: 'With --features ssm: the SSM Agent is older than 3.3.40.0 (adds ec2messages).' },
  fips: { type: OptionType.BOOLEAN, defaultValue: false, description: 'Use the FIPS endpoints where AWS publishes them; refuses a service that has none in the region.' },
  dualStack: { type: OptionType.BOOLEAN, defaultValue: false, description: 'Add the dual-stack (IPv6) api.aws names beside the IPv4 ones, where published.' },
  clusterEndpoint: {
    type: OptionType.STRING,
    hint: 'Give the cluster endpoint URL or host as a string (aws eks describe-cluster --query cluster.endpoint).',
    description: 'The cluster endpoint URL or host (aws eks describe-cluster --query cluster.endpoint): adds HTTPS 443 to it.',
    defaultText: 'none',
  },
  endpointPrivateAccess: {
    type: OptionType.BOOLEAN,
    defaultValue: true,
    description: 'Endpoint private access is enabled; --no-endpoint-private-access needs --cluster-endpoint.',
  },
  restrictClusterSecurityGroup: {
    type: OptionType.BOOLEAN,
    description: "The cluster security group's default outbound rule was removed: adds its minimum rules and node-to-node traffic.",
    defaultText: 'true when --cluster-security-group-cidrs or --node-subnet-cidrs is given',
  },
  clusterSecurityGroupCidrs: {
    type: OptionType.CIDR_LIST,
    defaultValue: [],
    description: "CIDRs of the subnets holding the cluster security group's network interfaces.",
  },
  nodeSubnetCidrs: { type: OptionType.CIDR_LIST, defaultValue: [], description: 'CIDRs of the node subnets (node-to-node rule).' },
});

/** A 12-digit AWS account id. */
function accountId(value: string, where: string): string {
  if (!/^\d{12}$/.test(value.trim())) {
    throw invalidValue('AWS account id', value, where, 'An AWS account id is 12 digits, e.g. 123456789012 (aws sts get-caller-identity --query Account).');
  }
  return value.trim();
}
