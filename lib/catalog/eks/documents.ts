import { SourceDocument } from '../catalog-section';

const EKS_GUIDE = 'https://github.com/awsdocs/amazon-eks-user-guide/blob';
const ECR_GUIDE = 'https://github.com/awsdocs/amazon-ecr-user-guide/blob';

/**
 * The date the provenance of an undated commit carries. The store gives no date for some commits; the catalog
 * says so instead of guessing one. The URL names the commit.
 */
export const UNDATED = 'n/a (undated commit)';

/**
 * "Deploy private clusters with limited internet access" (Amazon EKS User Guide, private-clusters.adoc @ 101184ec,
 * undated; newer than the 2024-12-18 mirror, it has the control-plane egress note and the eks-auth, eks, ssm and
 * route53 endpoint rows). Rendered at https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html.
 */
export const EKS_PRIVATE_CLUSTERS: SourceDocument = {
  catalog: 'eks',
  title: 'Deploy private clusters with limited internet access (Amazon EKS User Guide)',
  url: `${EKS_GUIDE}/101184ecc138f7f661b484f2cabac7022b726a6b/latest/ug/clusters/private-clusters.adoc`,
  date: UNDATED,
};

/** "View Amazon EKS security group requirements for clusters" (sec-group-reqs.adoc @ 4d52b4d0, 2024-12-18). */
export const EKS_SECURITY_GROUPS: SourceDocument = {
  catalog: 'eks',
  title: 'View Amazon EKS security group requirements for clusters (Amazon EKS User Guide)',
  url: `${EKS_GUIDE}/4d52b4d05e3478582e7d10a73cbd9ba9194dd5f7/latest/ug/networking/sec-group-reqs.adoc`,
  date: '2024-12-18',
};

/**
 * "View Amazon container image registries for Amazon EKS add-ons" (add-ons-images.adoc @ 1cc6ebb4, undated; the
 * newest stored version, with ap-southeast-6, ap-southeast-7 and mx-central-1).
 */
export const EKS_ADDON_IMAGES: SourceDocument = {
  catalog: 'eks',
  title: 'View Amazon container image registries for Amazon EKS add-ons (Amazon EKS User Guide)',
  url: `${EKS_GUIDE}/1cc6ebb4a163f7f42689fdb6860cc4e93a03d24e/latest/ug/workloads/add-ons-images.adoc`,
  date: UNDATED,
};

/** "Access Amazon EKS using AWS PrivateLink" (vpc-interface-endpoints.adoc @ 2d5965b6, undated): the OIDC endpoint. */
export const EKS_VPC_INTERFACE_ENDPOINTS: SourceDocument = {
  catalog: 'eks',
  title: 'Access Amazon EKS using AWS PrivateLink (Amazon EKS User Guide)',
  url: `${EKS_GUIDE}/2d5965b6fe15a1c7582e8af4cb49b5becfcfe3f3/latest/ug/security/vpc-interface-endpoints.adoc`,
  date: UNDATED,
};

/** Where each host name form comes from (metadata `hostForm`); the rows cite the section that requires them. */
export const EKS_HOST_FORMS = {
  ecrApi: `Amazon ECR User Guide, vpc-endpoints.md (${ECR_GUIDE}/1e8d7c3ff7874609fcc8561366be5851583eb4c7/doc_source/vpc-endpoints.md): --endpoint-url https://api.ecr.region.amazonaws.com`,
  ecrRegistry: `Amazon ECR User Guide, Registries.md (${ECR_GUIDE}/9df4699f34b98cb4a9e146aa9ec1c2b50f57f97f/doc_source/Registries.md): https://aws_account_id.dkr.ecr.region.amazonaws.com`,
  ecrLayers:
    'Amazon ECR User Guide, vpc-endpoints.md: bucket arn:aws:s3:::prod-region-starport-layer-bucket/*; AWS CLI reference, get-download-url-for-layer: https://prod-us-west-2-starport-layer-bucket.s3.us-west-2.amazonaws.com/...',
  sts: 'private-clusters.adoc, Pod requirements: the regional endpoint sts.region-code.amazonaws.com',
  ec2: 'AWS SDK endpoint rule set for EC2: https://ec2.{Region}.{dnsSuffix}',
  eks: 'vpc-interface-endpoints.adoc: eks.region-code.amazonaws.com',
  eksAuth:
    'boto/botocore eks-auth/2023-11-26/endpoint-rule-set-1.json @ cd9207757d459bba9c524475b601e59f55760a3a: https://eks-auth.{Region}.{dualStackDnsSuffix}, api.aws in the aws partition',
  oidc: 'vpc-interface-endpoints.adoc: oidc.eks.region-code.amazonaws.com (IPv6 clusters: oidc-eks.region-code.api.aws)',
  standard: 'the standard regional endpoint <service>.<region>.amazonaws.com; not individually checked against a document',
  botocore:
    'boto/botocore endpoints.json @ 0e6e2404b85dc336dd2889814e089bde7d1a4c55 (2026-08-07): the host name of the service in the region (AWS_ENDPOINTS)',
  botocoreFips: 'boto/botocore endpoints.json @ 0e6e2404b85dc336dd2889814e089bde7d1a4c55: the region\'s variant tagged fips',
  botocoreDualStack: 'boto/botocore endpoints.json @ 0e6e2404b85dc336dd2889814e089bde7d1a4c55: the region\'s variant tagged dualstack',
  eksDualStack:
    'boto/botocore eks/2017-11-01/endpoint-rule-set-1.json @ 0e6e2404b85dc336dd2889814e089bde7d1a4c55: https://eks.{Region}.{dualStackDnsSuffix}; vpc-interface-endpoints.adoc: new EKS endpoints created after August 2024 support dual-stack',
  ecrAddonScript: 'awslabs/amazon-eks-ami get-ecr-uri.sh @ 09eea9e8a26a56d71cc993d396d49c0f45c9cffc: ${acct}.dkr.ecr.${region}.${aws_domain}',
  ecrFipsRegistry: 'awslabs/amazon-eks-ami get-ecr-uri.sh @ 09eea9e8a26a56d71cc993d396d49c0f45c9cffc: <account>.dkr.ecr-fips.<region>.<domain> on FIPS-enabled nodes',
  ecrDualStackRegistry:
    'awslabs/amazon-eks-ami ecr-credential-provider-config.json @ 09eea9e8a26a56d71cc993d396d49c0f45c9cffc: registry patterns *.dkr-ecr.*.on.aws, *.dkr-ecr-fips.*.on.aws, *.dkr-ecr.*.on.amazonwebservices.com.cn; available where botocore lists the ECR API dual-stack name (inference)',
  ssmChannels: 'session-manager-getting-started-privatelink.md: com.amazonaws.region.ssmmessages; host <service>.<region>.<dnsSuffix> (standard form; botocore has no entry for ssmmessages or ec2messages)',
} as const;

/** The date the EKS catalog's data was last checked against its upstream files. */
export const EKS_DATA_CHECKED = '2026-12-08';

/**
 * botocore's endpoint data (boto/botocore `partitions.json` and `endpoints.json` @ 0e6e2404, 2026-08-07): the
 * regions of each partition, their DNS suffixes and the FIPS and dual-stack host names of each service
 * (`AWS_ENDPOINTS`). The region table and every regional host name come from it, not from one AWS page.
 */
export const AWS_ENDPOINT_DATA: SourceDocument = {
  catalog: 'eks',
  title: 'botocore endpoint data (boto/botocore botocore/data/endpoints.json and partitions.json)',
  url: 'https://github.com/boto/botocore/blob/0e6e2404b85dc336dd2889814e089bde7d1a4c55/botocore/data/endpoints.json',
  date: '2026-08-07',
};

/**
 * The EKS AMI build's `get-ecr-uri.sh` (awslabs/amazon-eks-ami @ 09eea9e8, 2025-01-21): the add-on registry account of
 * each region, including ap-southeast-5 (151610086707), which the add-on images table leaves out, and the FIPS
 * registry form `<account>.dkr.ecr-fips.<region>.<domain>` that FIPS-enabled nodes use where it resolves.
 */
export const EKS_AMI_ECR_URI: SourceDocument = {
  catalog: 'eks',
  title: 'Amazon EKS AMI build: templates/al2/runtime/get-ecr-uri.sh (awslabs/amazon-eks-ami)',
  url: 'https://github.com/awslabs/amazon-eks-ami/blob/09eea9e8a26a56d71cc993d396d49c0f45c9cffc/templates/al2/runtime/get-ecr-uri.sh',
  date: '2025-01-21',
};

/**
 * The IAM policy of the Amazon VPC CNI plugin (aws/amazon-vpc-cni-k8s docs/iam-policy.md @ 3ecdfeb5, undated): the
 * plugin (`aws-node`, on every node by default) calls EC2 to manage Pod IP addresses (AssignPrivateIpAddresses,
 * CreateNetworkInterface, AttachNetworkInterface, DescribeInstances, ...).
 */
export const VPC_CNI_IAM_POLICY: SourceDocument = {
  catalog: 'eks',
  title: 'Amazon VPC CNI plugin IAM policy (aws/amazon-vpc-cni-k8s docs/iam-policy.md)',
  url: 'https://github.com/aws/amazon-vpc-cni-k8s/blob/3ecdfeb5c84d8725af1d69e7fa78ac5dc771e5a6/docs/iam-policy.md',
  date: UNDATED,
};

/**
 * "Use PrivateLink to set up a VPC endpoint for Session Manager" (awsdocs/aws-systems-manager-user-guide
 * session-manager-getting-started-privatelink.md @ 37a6ea53, undated): besides the Systems Manager endpoints,
 * `com.amazonaws.region.ssmmessages` for Session Manager.
 */
export const SSM_SESSION_MANAGER_PRIVATELINK: SourceDocument = {
  catalog: 'eks',
  title: 'Session Manager: use PrivateLink to set up a VPC endpoint (AWS Systems Manager User Guide)',
  url: 'https://github.com/awsdocs/aws-systems-manager-user-guide/blob/37a6ea534fde7ba7dbee06b7abd387b1d3fa5407/doc_source/session-manager-getting-started-privatelink.md',
  date: UNDATED,
};

/**
 * The SSM Agent release notes (aws/amazon-ssm-agent RELEASENOTES.md @ ec59d8a5), release 3.3.40.0 (2024-02-07): the
 * agent stops using `ec2messages` once `ssmmessages` is connected, so older agents still need `ec2messages`. The
 * entry was read in two stored quotations of the release notes, not in the stored file itself.
 */
export const SSM_AGENT_RELEASE_NOTES: SourceDocument = {
  catalog: 'eks',
  title: 'Amazon SSM Agent release notes, 3.3.40.0 (aws/amazon-ssm-agent RELEASENOTES.md)',
  url: 'https://github.com/aws/amazon-ssm-agent/blob/ec59d8a5a313f62120a60ff932ee7c686048faad/RELEASENOTES.md',
  date: '2024-02-07',
};
