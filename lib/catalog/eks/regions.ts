import { AWS_PARTITIONS, AwsPartitionData } from './endpoint-data';

/** Where an add-on registry account comes from. */
export enum EksAddonRegistrySource {
  /** The registry table of "View Amazon container image registries for Amazon EKS add-ons" (`EKS_ADDON_IMAGES`). */
  ADDON_IMAGES_TABLE = 'add-ons-images',
  /** The region-to-account map of the EKS AMI build (`EKS_AMI_ECR_URI`), for a region the table leaves out. */
  EKS_AMI_GET_ECR_URI = 'get-ecr-uri',
}

/** One region of the EKS region table. */
export interface EksRegion {
  /** The AWS Region, e.g. `ap-southeast-5`. */
  readonly name: string;
  /** The partition it belongs to (`aws`, `aws-us-gov`, `aws-cn`), from botocore `partitions.json`. */
  readonly partition: string;
  /** The account of the region's EKS add-on image registry. */
  readonly addonRegistryAccountId: string;
  /** Which document gives that account. */
  readonly addonRegistrySource: EksAddonRegistrySource;
}

const TABLE = EksAddonRegistrySource.ADDON_IMAGES_TABLE;

/**
 * The EKS add-on image registry account of each region, by region. The registry table of the add-on images page
 * (`EKS_ADDON_IMAGES`, in its row order) gives every region but ap-southeast-5, whose account comes from the EKS AMI
 * build's `get-ecr-uri.sh` (`EKS_AMI_ECR_URI`; its CHANGELOG "Add ECR image sources for ap-southeast-5", release
 * v20240729). The European Sovereign Cloud row (`eusc-de-east-1`) is left out: its partition is not transcribed.
 */
const ADDON_ACCOUNTS: ReadonlyArray<readonly [string, string, EksAddonRegistrySource]> = [
  ['af-south-1', '877085696533', TABLE],
  ['ap-east-1', '800184023465', TABLE],
  ['ap-east-2', '533267051163', TABLE],
  ['ap-southeast-3', '296578399912', TABLE],
  ['ap-south-2', '900889452093', TABLE],
  ['ap-southeast-4', '491585149902', TABLE],
  ['ap-southeast-6', '333609536671', TABLE],
  ['ap-south-1', '602401143452', TABLE],
  ['ap-northeast-3', '602401143452', TABLE],
  ['ap-northeast-2', '602401143452', TABLE],
  ['ap-southeast-1', '602401143452', TABLE],
  ['ap-southeast-2', '602401143452', TABLE],
  ['ap-southeast-7', '121268973566', TABLE],
  ['ap-northeast-1', '602401143452', TABLE],
  ['cn-north-1', '918309763551', TABLE],
  ['cn-northwest-1', '961992271922', TABLE],
  ['eu-central-1', '602401143452', TABLE],
  ['eu-west-1', '602401143452', TABLE],
  ['eu-west-2', '602401143452', TABLE],
  ['eu-south-1', '590381155156', TABLE],
  ['eu-west-3', '602401143452', TABLE],
  ['eu-south-2', '455263428931', TABLE],
  ['eu-north-1', '602401143452', TABLE],
  ['eu-central-2', '900612956339', TABLE],
  ['il-central-1', '066635153087', TABLE],
  ['mx-central-1', '730335286997', TABLE],
  ['me-south-1', '558608220178', TABLE],
  ['me-central-1', '759879836304', TABLE],
  ['us-east-1', '602401143452', TABLE],
  ['us-east-2', '602401143452', TABLE],
  ['us-west-1', '602401143452', TABLE],
  ['us-west-2', '602401143452', TABLE],
  ['ca-central-1', '602401143452', TABLE],
  ['ca-west-1', '761377655185', TABLE],
  ['sa-east-1', '602401143452', TABLE],
  ['us-gov-east-1', '151742754352', TABLE],
  ['us-gov-west-1', '013241004608', TABLE],
  ['ap-southeast-5', '151610086707', EksAddonRegistrySource.EKS_AMI_GET_ECR_URI],
];

/**
 * The EKS region table: every region of the `aws`, `aws-us-gov` and `aws-cn` partitions in botocore
 * `partitions.json` (`AWS_PARTITIONS`; EKS has an endpoint in each of them in `endpoints.json`), with the account of
 * its add-on image registry. Sorted by region name. A region without an account would be a transcription error
 * (a test checks that there is none).
 */
export const EKS_REGION_TABLE: readonly EksRegion[] = AWS_PARTITIONS.flatMap((p) =>
  p.regions.map((name) => {
    const row = ADDON_ACCOUNTS.find(([r]) => r === name);
    return { name, partition: p.id, addonRegistryAccountId: row?.[1] ?? '', addonRegistrySource: row?.[2] ?? TABLE };
  }),
).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/** The EKS add-on image registry account of each region of `EKS_REGION_TABLE`. */
export const EKS_ADDON_REGISTRY_ACCOUNTS: Readonly<Record<string, string>> = Object.fromEntries(
  EKS_REGION_TABLE.map((r) => [r.name, r.addonRegistryAccountId]),
);

/** Every region the catalog knows (all three partitions), sorted. */
export const EKS_REGIONS: readonly string[] = EKS_REGION_TABLE.map((r) => r.name);

/** The regions of the `aws` (commercial) partition, sorted. */
export const EKS_COMMERCIAL_REGIONS: readonly string[] = EKS_REGION_TABLE.filter((r) => r.partition === 'aws').map((r) => r.name);

/** The row of a region, if the table has it. */
export function eksRegion(name: string): EksRegion | undefined {
  return EKS_REGION_TABLE.find((r) => r.name === name);
}

/**
 * The partition of a region: the table's, or for a name the table does not have, the partition whose
 * `regionRegex` it matches.
 * @returns undefined when no transcribed partition has such region names
 */
export function awsPartitionOf(region: string): AwsPartitionData | undefined {
  const id = eksRegion(region)?.partition;
  if (id !== undefined) return AWS_PARTITIONS.find((p) => p.id === id);
  return AWS_PARTITIONS.find((p) => p.regionRegex.test(region));
}

/**
 * Rows of the add-on registry table whose literal host differs from `<account>.dkr.ecr.<region>.<dnsSuffix>`.
 * The catalog uses the regional form (an ECR registry is reached in its own region) and records the divergence.
 */
export const EKS_ADDON_REGISTRY_DIVERGENCES: Readonly<Record<string, string>> = {
  'ap-east-2': 'The table row for ap-east-2 reads 533267051163.dkr.ecr.ap-east-1.amazonaws.com (region ap-east-1 in the host).',
};

/** Partitions the catalog does not cover, by region prefix, with the reason. */
export const EKS_OTHER_PARTITIONS: ReadonlyArray<{ readonly prefix: string; readonly partition: string }> = [
  { prefix: 'eusc-', partition: 'aws-eusc (European Sovereign Cloud; endpoints end in amazonaws.eu), whose endpoint data this catalog does not transcribe' },
  { prefix: 'us-iso', partition: 'an isolated partition, whose endpoint data this catalog does not transcribe' },
  { prefix: 'eu-isoe-', partition: 'an isolated partition, whose endpoint data this catalog does not transcribe' },
];

/** `us-east-1`, `ap-southeast-7`: the shape of an AWS Region name in the commercial partition. */
export const AWS_REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
