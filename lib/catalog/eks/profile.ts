import { FirewallRequirementsError, invalidValue, missingOption, unknownOption } from '../../model/errors';
import { NecessityKind } from '../../model/necessity';
import { Peer } from '../../model/peer';
import { Requirement } from '../../model/requirement';
import { RequirementSet } from '../../model/requirement-set';
import { CatalogSection } from '../catalog-section';
import { declareOptions } from '../options/declare';
import { cliProfile } from '../options/profile';
import { readOptions } from '../options/read';
import { OptionType, ProfileDefinition } from '../profile-definition';
import { eksAddonImageRegistrySections } from './addon-images';
import { EKS_FEATURES, EKS_PLACEHOLDER_HINTS, EksCondition, EksFeature, EksPlaceholder } from './conditions';
import { eksClusterEndpoint } from './node-requirements';
import { eksEndpointSections } from './pod-requirements';
import { eksOidcIssuer } from './privatelink';
import { AWS_ENDPOINTS } from './endpoint-data';
import { EksEndpointVariants } from './endpoints';
import { AWS_REGION_PATTERN, awsPartitionOf, EKS_ADDON_REGISTRY_ACCOUNTS, EKS_OTHER_PARTITIONS, EKS_REGIONS } from './regions';
import { eksRestrictedClusterTraffic } from './security-groups';
import { BoundedCache } from '../../model/bounded-cache';

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

const PROFILE = 'eks';
const ORIGIN = `profile ${PROFILE}`;
const origin = (option: string) => `${ORIGIN} option ${option}`;

interface ValidOptions {
  readonly region: string;
  readonly addonRegistryAccountId: string;
  readonly ecrAccountIds: readonly string[];
  readonly irsa: boolean;
  readonly ssmEc2Messages: boolean;
  readonly variants: EksEndpointVariants;
  readonly features: readonly EksFeature[];
  readonly clusterEndpoint: string | undefined;
  readonly restrict: boolean;
  readonly clusterSecurityGroupCidrs: readonly string[];
  readonly nodeSubnetCidrs: readonly string[];
}

/**
 * What EKS nodes need behind an egress allowlist: HTTPS 443 to the regional AWS service endpoints (ECR API, the
 * add-on and your ECR registries, the ECR layer bucket, EKS, and EC2, STS and the optional services by option),
 * the cluster endpoint host when given, and the cluster security group rules when its default outbound rule was
 * removed. Rows that a VPC endpoint can serve instead carry metadata `vpcEndpoint`. Validates every option first.
 *
 * @example eksNodesProfile({ region: 'eu-west-1', ecrAccountIds: ['123456789012'], features: [EksFeature.POD_IDENTITY] })
 */
export function eksNodesProfile(options: EksNodesProfileOptions): RequirementSet {
  const o = validate(options);
  const key = JSON.stringify(o);
  const cached = PROFILE_CACHE.get(key);
  if (cached) return cached;

  const sections: CatalogSection[] = [
    ...eksEndpointSections(o.region, o.variants, ORIGIN),
    ...eksAddonImageRegistrySections(o.region, o.addonRegistryAccountId, o.variants, ORIGIN),
    eksOidcIssuer(o.region, o.variants),
    eksRestrictedClusterTraffic(),
    ...(o.clusterEndpoint ? [eksClusterEndpoint(o.clusterEndpoint)] : []),
  ];
  const kept = sections.flatMap((s) => s.requirements).filter((r) => applies(r, o));
  const isRegistryTemplate = (r: Requirement) => r.peer.placeholders.includes(EksPlaceholder.ACCOUNT_ID);
  // One registry row per account: a `<token>` takes one value.
  const registries = o.ecrAccountIds.map((account) =>
    RequirementSet.of(kept.filter(isRegistryTemplate)).resolve({ [EksPlaceholder.ACCOUNT_ID]: [account] }, ORIGIN),
  );
  const values: Record<string, string[]> = {};
  if (o.restrict) {
    values[EksPlaceholder.CLUSTER_SECURITY_GROUP] = [...o.clusterSecurityGroupCidrs];
    values[EksPlaceholder.NODE_SUBNETS] = [...o.nodeSubnetCidrs];
  }
  const set = RequirementSet.of(kept.filter((r) => !isRegistryTemplate(r)))
    .resolve(values, ORIGIN)
    .merge(...registries)
    .assertResolved(EKS_PLACEHOLDER_HINTS);
  PROFILE_CACHE.set(key, set);
  return set;
}

const PROFILE_CACHE = new BoundedCache<RequirementSet>('EKS profiles');

function applies(r: Requirement, o: ValidOptions): boolean {
  if (r.necessity.kind !== NecessityKind.CONDITIONAL) return true;
  return r.necessity.conditions.some((c) => holds(c.key, o));
}

function holds(key: string, o: ValidOptions): boolean {
  switch (key) {
    case EksCondition.SSM_EC2_MESSAGES:
      return o.ssmEc2Messages && o.features.includes(EksFeature.SSM);
    case EksCondition.IRSA:
      return o.irsa;
    case EksCondition.RESTRICTED_CLUSTER_SECURITY_GROUP:
      return o.restrict;
    case EksCondition.CLUSTER_AUTOSCALER:
    case EksCondition.POD_IDENTITY:
    case EksCondition.CLOUDWATCH_LOGS:
    case EksCondition.SSM:
    case EksCondition.XRAY:
    case EksCondition.LOAD_BALANCER_CONTROLLER:
    case EksCondition.OIDC_DISCOVERY:
      return o.features.includes(key as string as EksFeature);
    default:
      throw new Error(`internal: the EKS profile does not know condition ${JSON.stringify(key)}`);
  }
}

function validate(options: EksNodesProfileOptions): ValidOptions {
  const o = readOptions(EKS_OPTION_SPECS, options, { origin: ORIGIN });
  const region = validateRegion(o.region, o.allowUnlistedRegion === true);
  const addonRegistryAccountId = o.addonRegistryAccountId ?? EKS_ADDON_REGISTRY_ACCOUNTS[region];
  if (addonRegistryAccountId === undefined) {
    throw missingOption(
      'addonRegistryAccountId',
      origin('region'),
      `${region} is not in the add-on registry table, so the account of its EKS add-on image registry is unknown`,
      "addonRegistryAccountId: '602401143452' (CLI --addon-registry-account-id 602401143452), from the table in the EKS User Guide",
    );
  }
  const ecrAccountIds = [...new Set(o.ecrAccountIds ?? [])].sort();
  // In catalog order, so equal selections give equal profiles whatever order they were written in.
  const features = EKS_FEATURES.filter((f) => o.features?.includes(f));

  const privateAccess = o.endpointPrivateAccess !== false;
  const clusterEndpoint = o.clusterEndpoint === undefined ? undefined : endpointHost(o.clusterEndpoint, region);
  if (!privateAccess && clusterEndpoint === undefined) {
    throw missingOption(
      'clusterEndpoint',
      origin('endpointPrivateAccess'),
      'without endpoint private access the nodes reach the API server through its public endpoint, whose host name is per cluster',
      `clusterEndpoint: 'https://0123456789ABCDEF0123456789ABCDEF.gr7.${region}.eks.amazonaws.com' (aws eks describe-cluster --query cluster.endpoint)`,
    );
  }

  const clusterSecurityGroupCidrs = o.clusterSecurityGroupCidrs ?? [];
  const nodeSubnetCidrs = o.nodeSubnetCidrs ?? [];
  const given = clusterSecurityGroupCidrs.length > 0 || nodeSubnetCidrs.length > 0;
  const restrict = o.restrictClusterSecurityGroup ?? given;
  if (!restrict && given) {
    throw new FirewallRequirementsError(
      'conflicting-options',
      'Conflicting options restrictClusterSecurityGroup=false and clusterSecurityGroupCidrs/nodeSubnetCidrs',
      'false',
      origin('restrictClusterSecurityGroup'),
      'The CIDRs are only used by the restricted cluster security group rules: drop them, or set restrictClusterSecurityGroup to true.',
    );
  }
  if (restrict) {
    const example = "clusterSecurityGroupCidrs: ['10.0.0.0/24', '10.0.1.0/24'], nodeSubnetCidrs: ['10.0.16.0/20']";
    if (clusterSecurityGroupCidrs.length === 0) {
      throw missingOption('clusterSecurityGroupCidrs', origin('restrictClusterSecurityGroup'), EKS_PLACEHOLDER_HINTS[EksPlaceholder.CLUSTER_SECURITY_GROUP], example);
    }
    if (nodeSubnetCidrs.length === 0) {
      throw missingOption('nodeSubnetCidrs', origin('restrictClusterSecurityGroup'), EKS_PLACEHOLDER_HINTS[EksPlaceholder.NODE_SUBNETS], example);
    }
  }
  // eksOptimizedAmi is still checked by readOptions, so that a wrong value fails as before; no row depends on it any more.
  const ssmEc2Messages = o.ssmEc2Messages === true;
  if (ssmEc2Messages && !features.includes(EksFeature.SSM)) {
    throw new FirewallRequirementsError(
      'conflicting-options',
      'Option ssmEc2Messages needs the ssm feature',
      'true',
      origin('ssmEc2Messages'),
      "ec2messages is a channel of the SSM Agent: add 'ssm' to features (CLI --features ssm), or drop ssmEc2Messages.",
    );
  }
  const variants = { fips: o.fips === true, dualStack: o.dualStack === true };
  const partition = awsPartitionOf(region)!;
  if (variants.fips && !partition.regions.some((r) => Object.values(AWS_ENDPOINTS).some((byRegion) => byRegion[r]?.fips !== undefined))) {
    throw invalidValue(
      'fips',
      'true',
      origin('fips'),
      `The endpoint data has no FIPS endpoint in the ${partition.id} partition (${region}): set fips to false (CLI --no-fips).`,
      'conflicting-options',
    );
  }
  return {
    region,
    addonRegistryAccountId,
    ecrAccountIds,
    irsa: o.irsa !== false,
    ssmEc2Messages,
    variants,
    features,
    clusterEndpoint,
    restrict,
    clusterSecurityGroupCidrs,
    nodeSubnetCidrs,
  };
}

function validateRegion(value: string, allowUnlisted: boolean): string {
  const region = value.trim().toLowerCase();
  if (EKS_REGIONS.includes(region)) return region;
  const other = EKS_OTHER_PARTITIONS.find((p) => region.startsWith(p.prefix));
  if (other) {
    throw invalidValue(
      'region',
      value,
      origin('region'),
      `${region} is in ${other.partition}. The catalog covers the aws (commercial), aws-us-gov (GovCloud) and aws-cn (China) partitions: ${EKS_REGIONS.join(', ')}.`,
      'unknown-option',
    );
  }
  if (allowUnlisted && (AWS_REGION_PATTERN.test(region) || awsPartitionOf(region) !== undefined)) return region;
  throw unknownOption(
    'AWS Region',
    value,
    origin('region'),
    EKS_REGIONS,
    allowUnlisted
      ? 'An AWS Region name looks like eu-west-1.'
      : 'For a region opened after this list was compiled, set allowUnlistedRegion (CLI --allow-unlisted-region) and addonRegistryAccountId.',
  );
}

/** A 12-digit AWS account id. */
function accountId(value: string, where: string): string {
  if (!/^\d{12}$/.test(value.trim())) {
    throw invalidValue('AWS account id', value, where, 'An AWS account id is 12 digits, e.g. 123456789012 (aws sts get-caller-identity --query Account).');
  }
  return value.trim();
}

/** The host of the cluster endpoint URL, which must be an EKS endpoint of `region`. */
function endpointHost(value: string, region: string): string {
  const example = `https://0123456789ABCDEF0123456789ABCDEF.gr7.${region}.eks.${awsPartitionOf(region)!.dnsSuffix}`;
  const host = value.trim().replace(/^https:\/\//i, '').replace(/\/+$/, '').toLowerCase();
  const labels = host.split('.');
  const partition = awsPartitionOf(region)!;
  const eksName = host.endsWith(`.${region}.eks.${partition.dnsSuffix}`) || (host.endsWith(`.${partition.dualStackDnsSuffix}`) && labels.includes(region));
  if (host.includes('*')) {
    // A wildcard would allow HTTPS to every cluster endpoint of the region (anyone's API server), not this one.
    throw invalidValue(
      'cluster endpoint',
      value,
      origin('clusterEndpoint'),
      `A cluster endpoint is one host, not a pattern: give this cluster's endpoint as aws eks describe-cluster --query cluster.endpoint prints it, e.g. ${example}.`,
      'invalid-fqdn',
    );
  }
  if (!eksName || labels.length < 6 || /[/:]/.test(host)) {
    throw invalidValue(
      'cluster endpoint',
      value,
      origin('clusterEndpoint'),
      `Give the endpoint of a cluster in ${region} as aws eks describe-cluster --query cluster.endpoint prints it, e.g. ${example}.`,
    );
  }
  return Peer.fqdn(host, origin('clusterEndpoint')).value;
}

// --- The option table and the profile as the CLI sees it -------------------------------------------------------

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

/** The EKS nodes profile for the CLI (`eks`). */
export const EKS_PROFILE: ProfileDefinition = cliProfile({
  name: PROFILE,
  title: 'EKS',
  description:
    'Amazon EKS nodes behind an egress allowlist: HTTPS 443 to the regional AWS endpoints (ECR, EKS, EC2, STS and optional services; VPC endpoint alternatives shown; FIPS and dual-stack names by option) and the cluster security group rules. Regions of the aws, aws-us-gov and aws-cn partitions from botocore endpoint data (checked 2026-12-08).',
  options: EKS_OPTION_SPECS,
  profile: (o) => eksNodesProfile(o as unknown as EksNodesProfileOptions),
});
