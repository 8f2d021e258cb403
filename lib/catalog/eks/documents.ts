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
} as const;
