import { FirewallRequirementsError, invalidValue, missingOption, unknownOption } from '../../model/errors';
import { NecessityKind } from '../../model/necessity';
import { Peer } from '../../model/peer';
import { Requirement } from '../../model/requirement';
import { RequirementSet } from '../../model/requirement-set';
import { CatalogSection } from '../catalog-section';
import { cliProfile } from '../options/profile';
import { readOptions } from '../options/read';
import { ProfileDefinition } from '../profile-definition';
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
import { EKS_OPTION_SPECS, EksNodesProfileOptions } from './options';

export { EKS_OPTION_SPECS } from './options';
export type { EksNodesProfileOptions } from './options';

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

// --- The profile as the CLI sees it ---------------------------------------------------------------------------

/** The EKS nodes profile for the CLI (`eks`). */
export const EKS_PROFILE: ProfileDefinition = cliProfile({
  name: PROFILE,
  title: 'EKS',
  description:
    'Amazon EKS nodes behind an egress allowlist: HTTPS 443 to the regional AWS endpoints (ECR, EKS, EC2, STS and optional services; VPC endpoint alternatives shown; FIPS and dual-stack names by option) and the cluster security group rules. Regions of the aws, aws-us-gov and aws-cn partitions from botocore endpoint data (checked 2026-12-08).',
  options: EKS_OPTION_SPECS,
  profile: (o) => eksNodesProfile(o as unknown as EksNodesProfileOptions),
});
