/**
 * The Amazon EKS add-on image registry account of each AWS Region in the `aws` (commercial) partition, from the
 * registry table of "View Amazon container image registries for Amazon EKS add-ons" (`EKS_ADDON_IMAGES`), in table
 * order. "Amazon EKS replicates the images to a repository in each Amazon EKS supported AWS Region", so the table
 * is also the catalog's list of EKS regions. The table's China (`cn-*`), AWS GovCloud (`us-gov-*`) and European
 * Sovereign Cloud (`eusc-*`) rows are left out: their endpoints use other DNS suffixes than this catalog's rows.
 */
export const EKS_ADDON_REGISTRY_ACCOUNTS: Readonly<Record<string, string>> = {
  'af-south-1': '877085696533',
  'ap-east-1': '800184023465',
  'ap-east-2': '533267051163',
  'ap-southeast-3': '296578399912',
  'ap-south-2': '900889452093',
  'ap-southeast-4': '491585149902',
  'ap-southeast-6': '333609536671',
  'ap-south-1': '602401143452',
  'ap-northeast-3': '602401143452',
  'ap-northeast-2': '602401143452',
  'ap-southeast-1': '602401143452',
  'ap-southeast-2': '602401143452',
  'ap-southeast-7': '121268973566',
  'ap-northeast-1': '602401143452',
  'eu-central-1': '602401143452',
  'eu-west-1': '602401143452',
  'eu-west-2': '602401143452',
  'eu-south-1': '590381155156',
  'eu-west-3': '602401143452',
  'eu-south-2': '455263428931',
  'eu-north-1': '602401143452',
  'eu-central-2': '900612956339',
  'il-central-1': '066635153087',
  'mx-central-1': '730335286997',
  'me-south-1': '558608220178',
  'me-central-1': '759879836304',
  'us-east-1': '602401143452',
  'us-east-2': '602401143452',
  'us-west-1': '602401143452',
  'us-west-2': '602401143452',
  'ca-central-1': '602401143452',
  'ca-west-1': '761377655185',
  'sa-east-1': '602401143452',
};

/** The AWS commercial regions the catalog knows, sorted. */
export const EKS_REGIONS: readonly string[] = Object.keys(EKS_ADDON_REGISTRY_ACCOUNTS).sort();

/**
 * Rows of the add-on registry table whose literal host differs from `<account>.dkr.ecr.<region>.amazonaws.com`.
 * The catalog uses the regional form (an ECR registry is reached in its own region) and records the divergence.
 */
export const EKS_ADDON_REGISTRY_DIVERGENCES: Readonly<Record<string, string>> = {
  'ap-east-2': 'The table row for ap-east-2 reads 533267051163.dkr.ecr.ap-east-1.amazonaws.com (region ap-east-1 in the host).',
};

/** Partitions the catalog does not cover, by region prefix, with the reason. */
export const EKS_OTHER_PARTITIONS: ReadonlyArray<{ readonly prefix: string; readonly partition: string }> = [
  { prefix: 'cn-', partition: 'aws-cn (endpoints end in amazonaws.com.cn)' },
  { prefix: 'us-gov-', partition: 'aws-us-gov (AWS GovCloud)' },
  { prefix: 'eusc-', partition: 'aws-eusc (endpoints end in amazonaws.eu)' },
  { prefix: 'us-iso', partition: 'an isolated partition' },
];

/** `us-east-1`, `ap-southeast-7`: the shape of an AWS Region name. */
export const AWS_REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
