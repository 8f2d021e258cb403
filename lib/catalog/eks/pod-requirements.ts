import { Necessity } from '../../model/necessity';
import { Protocol } from '../../model/protocol';
import { CatalogSection, SourceDocument } from '../catalog-section';
import { EksCondition, EksMetadataKey, EksPlaceholder } from './conditions';
import {
  AWS_ENDPOINT_DATA,
  EKS_HOST_FORMS,
  EKS_PRIVATE_CLUSTERS,
  SSM_AGENT_RELEASE_NOTES,
  SSM_SESSION_MANAGER_PRIVATELINK,
  VPC_CNI_IAM_POLICY,
} from './documents';
import { AwsPartitionData } from './endpoint-data';
import { EksEndpointVariants, resolveServiceHosts } from './endpoints';
import { awsPartitionOf } from './regions';

/** The VPC endpoint service name of a regional AWS service, e.g. `com.amazonaws.eu-west-1.ecr.api`. */
export function vpcEndpointService(region: string, service: string): string {
  if (region.startsWith('cn-')) {
    // Not transcribed: in China some endpoint services are named cn.com.amazonaws.<region>.<service>, others
    // com.amazonaws.<region>.<service>.
    return `${service} endpoint service in ${region} (aws ec2 describe-vpc-endpoint-services --region ${region})`;
  }
  return `com.amazonaws.${region}.${service}`;
}

function endpoint(region: string, service: string, hostForm: string, type: 'interface' | 'gateway' = 'interface'): Record<string, string> {
  return {
    [EksMetadataKey.VPC_ENDPOINT]: vpcEndpointService(region, service),
    [EksMetadataKey.VPC_ENDPOINT_TYPE]: type,
    [EksMetadataKey.HOST_FORM]: hostForm,
  };
}

const STANDARD_VARIANTS: EksEndpointVariants = { fips: false, dualStack: false };

/** One row of a regional AWS service: where it is required, and the service whose host names it takes. */
interface ServiceRow {
  /** endpoints.json service key, e.g. `api.ecr`, `ssmmessages`. */
  readonly service: string;
  /** VPC endpoint service suffix, e.g. `ecr.api`. */
  readonly vpcService: string;
  /** Name of the service in errors and notes. */
  readonly label: string;
  readonly purpose: string;
  readonly necessity?: Necessity;
  /** Where the standard host name form comes from. */
  readonly hostForm: string;
  readonly note?: string;
  /** The section that requires the row. @default the private-clusters Pod requirements */
  readonly section?: CatalogSection;
}

/**
 * Emits a service row: the standard (or, with `fips`, the FIPS) name into its own section, and with `dualStack` the
 * dual-stack name into the endpoint data's dual-stack section. A FIPS name is cited from the endpoint data's FIPS
 * section, since the requiring document names only the standard endpoint.
 */
class ServiceRows {
  public readonly fipsSection: CatalogSection;
  public readonly dualStackSection: CatalogSection;
  private readonly partition: AwsPartitionData;

  constructor(
    private readonly region: string,
    private readonly variants: EksEndpointVariants,
    private readonly origin: string,
  ) {
    this.partition = awsPartitionOf(region)!;
    this.fipsSection = new CatalogSection(AWS_ENDPOINT_DATA, 'fips-endpoints', 'FIPS endpoints (variants tagged fips)');
    this.dualStackSection = new CatalogSection(AWS_ENDPOINT_DATA, 'dual-stack-endpoints', 'Dual-stack endpoints (variants tagged dualstack)');
  }

  public add(section: CatalogSection, row: ServiceRow): void {
    const hosts = resolveServiceHosts(row.service, row.label, this.region, this.partition, this.variants, this.origin);
    const notes = [row.note, hosts.note].filter((n): n is string => n !== undefined);
    const metadata = {
      ...endpoint(this.region, row.vpcService, hosts.primaryIsFips ? EKS_HOST_FORMS.botocoreFips : row.hostForm),
      ...(notes.length > 0 ? { [EksMetadataKey.NOTE]: notes.join(' ') } : {}),
    };
    const necessity = row.necessity ? { necessity: row.necessity } : {};
    if (hosts.primaryIsFips) {
      this.fipsSection.fqdns([hosts.primary], Protocol.HTTPS, [443], `${row.purpose} (FIPS endpoint)`, { ...necessity, metadata });
    } else {
      section.fqdns([hosts.primary], Protocol.HTTPS, [443], row.purpose, { ...necessity, metadata });
    }
    if (hosts.dualStack) {
      const form = row.service === 'eks' ? EKS_HOST_FORMS.eksDualStack : EKS_HOST_FORMS.botocoreDualStack;
      this.dualStackSection.fqdns([hosts.dualStack], Protocol.HTTPS, [443], `${row.purpose} (dual-stack name, IPv4 and IPv6)`, {
        ...necessity,
        metadata: endpoint(this.region, row.vpcService, form),
      });
    }
  }

  /** Adds a row whose host the caller gives (forms botocore does not list). */
  public addHost(section: CatalogSection, host: string, purpose: string, necessity: Necessity | undefined, metadata: Record<string, string>): void {
    section.fqdns([host], Protocol.HTTPS, [443], purpose, { ...(necessity ? { necessity } : {}), metadata });
  }
}

/** The ECR registry host forms of a region: standard, FIPS and dual-stack, for `account` (an id or a `<token>`). */
export function ecrRegistryHosts(account: string, region: string, variants: EksEndpointVariants, origin: string): { primary: string; primaryIsFips: boolean; dualStack?: string } {
  const partition = awsPartitionOf(region)!;
  // The registry follows the ECR API: FIPS and dual-stack registry names exist where the API has them.
  const api = resolveServiceHosts('api.ecr', 'Amazon ECR', region, partition, variants, origin);
  const onAws = partition.id === 'aws-cn' ? 'on.amazonwebservices.com.cn' : 'on.aws';
  const primary = api.primaryIsFips ? `${account}.dkr.ecr-fips.${region}.${partition.dnsSuffix}` : `${account}.dkr.ecr.${region}.${partition.dnsSuffix}`;
  const dualStack = api.dualStack ? `${account}.${api.primaryIsFips ? 'dkr-ecr-fips' : 'dkr-ecr'}.${region}.${onAws}` : undefined;
  return { primary, primaryIsFips: api.primaryIsFips, ...(dualStack ? { dualStack } : {}) };
}

/**
 * "Pod requirements" of the private-clusters page: the table of VPC endpoints for the AWS services nodes and Pods
 * reach, and the bullets after it (EC2, Cluster Autoscaler), plus the Session Manager channels. Every row is HTTPS
 * 443 to the regional host of the service, named from the botocore endpoint data (`AWS_ENDPOINTS`) in the region's
 * partition; metadata `vpcEndpoint` names the endpoint service that can serve it inside the VPC instead. The
 * account-specific ECR registry row keeps an `<account-id>` token, filled per account by the profile. The
 * `com.amazonaws.route53` row has no regional host nodes call and is not transcribed.
 *
 * With `variants.fips` the FIPS name replaces the standard one wherever AWS publishes one; a service with FIPS names
 * elsewhere in the partition but none in this region is refused. With `variants.dualStack` the dual-stack name of
 * each service is added beside the IPv4 one, where it is published.
 */
export function eksEndpointSections(region: string, variants: EksEndpointVariants = STANDARD_VARIANTS, origin = 'catalog eks/pod-requirements'): CatalogSection[] {
  const section = new CatalogSection(EKS_PRIVATE_CLUSTERS, 'pod-requirements', 'Pod requirements', 'private-clusters-pod');
  const vpcCni = new CatalogSection(VPC_CNI_IAM_POLICY, 'vpc-cni-ec2', 'IAM Policy: Amazon VPC CNI plugin (EC2 actions)');
  const sessionManager = new CatalogSection(SSM_SESSION_MANAGER_PRIVATELINK, 'session-manager-endpoints', 'Use PrivateLink to set up a VPC endpoint for Session Manager');
  const agentNotes = new CatalogSection(SSM_AGENT_RELEASE_NOTES, 'ssm-agent-3-3-40-0', 'Release 3.3.40.0');
  const rows = new ServiceRows(region, variants, origin);
  const partition = awsPartitionOf(region)!;
  const suffix = partition.dnsSuffix;
  const ecr = 'Amazon Elastic Container Registry (for pulling container images)';

  rows.add(section, { service: 'api.ecr', vpcService: 'ecr.api', label: 'Amazon ECR', purpose: `${ecr}: the ECR API (authentication, image manifests)`, hostForm: EKS_HOST_FORMS.ecrApi });
  rows.addHost(section, `prod-${region}-starport-layer-bucket.s3.${region}.${suffix}`, `${ecr}: the Amazon S3 bucket holding the image layers`, undefined, {
    ...endpoint(region, 's3', EKS_HOST_FORMS.ecrLayers, 'gateway'),
    ...layerBucketNote(partition, variants),
  });
  const registry = ecrRegistryHosts(`<${EksPlaceholder.ACCOUNT_ID}>`, region, variants, origin);
  const registryPurpose = `${ecr}: your ECR registry (Docker Registry API)`;
  if (registry.primaryIsFips) {
    rows.addHost(rows.fipsSection, registry.primary, `${registryPurpose} (FIPS endpoint)`, undefined, endpoint(region, 'ecr.dkr', EKS_HOST_FORMS.ecrFipsRegistry));
  } else {
    rows.addHost(section, registry.primary, registryPurpose, undefined, endpoint(region, 'ecr.dkr', EKS_HOST_FORMS.ecrRegistry));
  }
  if (registry.dualStack) {
    rows.addHost(rows.dualStackSection, registry.dualStack, `${registryPurpose} (dual-stack name, IPv4 and IPv6)`, undefined, endpoint(region, 'ecr.dkr', EKS_HOST_FORMS.ecrDualStackRegistry));
  }
  // The first row of the endpoint table, unconditional; the VPC CNI on every node calls EC2 for Pod IP addresses,
  // whatever the AMI (the page's bullet adds that the EKS-optimized AMI also sets the node DNS name through it).
  rows.add(vpcCni, {
    service: 'ec2',
    vpcService: 'ec2',
    label: 'Amazon EC2',
    purpose: 'Amazon EC2 API: the VPC CNI plugin (aws-node, on every node) assigns Pod IP addresses and network interfaces; the EKS-optimized AMI sets the node DNS name',
    hostForm: EKS_HOST_FORMS.ec2,
    note: 'Needed on every node, not only with the EKS-optimized AMI: the first row of the private-clusters endpoint table (Amazon EC2) and the VPC CNI IAM policy (ec2:AssignPrivateIpAddresses, ec2:CreateNetworkInterface, ec2:AttachNetworkInterface, ec2:DescribeInstances, ...).',
  });
  rows.add(section, {
    service: 'eks',
    vpcService: 'eks',
    label: 'Amazon EKS',
    purpose: 'Amazon EKS API: cluster introspection and node registration at launch',
    hostForm: EKS_HOST_FORMS.eks,
    note: 'Self-managed nodes given apiServerEndpoint and certificateAuthority at bootstrap do not need the EKS API.',
  });
  rows.add(section, {
    service: 'elasticloadbalancing',
    vpcService: 'elasticloadbalancing',
    label: 'Elastic Load Balancing',
    purpose: 'Elastic Load Balancing: the AWS Load Balancer Controller manages Application and Network Load Balancers',
    necessity: Necessity.conditional(EksCondition.LOAD_BALANCER_CONTROLLER, 'If the AWS Load Balancer Controller runs in the cluster'),
    hostForm: EKS_HOST_FORMS.standard,
    note: 'Certificate discovery from Ingress hosts needs AWS Certificate Manager, which has no VPC interface endpoint; set enable-shield, enable-waf and enable-wafv2 to false.',
  });
  rows.add(section, {
    service: 'xray',
    vpcService: 'xray',
    label: 'AWS X-Ray',
    purpose: 'AWS X-Ray: tracing sent to AWS X-Ray',
    necessity: Necessity.conditional(EksCondition.XRAY, '(Optional) AWS X-Ray (required for tracing sent to AWS X-Ray)'),
    hostForm: EKS_HOST_FORMS.standard,
  });
  const ssm = Necessity.conditional(EksCondition.SSM, '(Optional) Amazon SSM (required for the SSM Agent for node management tasks)');
  rows.add(section, {
    service: 'ssm',
    vpcService: 'ssm',
    label: 'AWS Systems Manager',
    purpose: 'Amazon SSM: the SSM Agent for node management tasks (an alternative to SSH)',
    necessity: ssm,
    hostForm: EKS_HOST_FORMS.standard,
  });
  rows.add(sessionManager, {
    service: 'ssmmessages',
    vpcService: 'ssmmessages',
    label: 'Session Manager messages (ssmmessages)',
    purpose: 'Session Manager: the SSM Agent data channel for sessions (ssmmessages)',
    necessity: ssm,
    hostForm: EKS_HOST_FORMS.ssmChannels,
  });
  rows.add(agentNotes, {
    service: 'ec2messages',
    vpcService: 'ec2messages',
    label: 'EC2 messages (ec2messages)',
    purpose: 'SSM Agent older than 3.3.40.0: the ec2messages channel (from 3.3.40.0 the agent stops using it once ssmmessages connects)',
    necessity: Necessity.conditional(EksCondition.SSM_EC2_MESSAGES, 'If the SSM Agent on the nodes is older than 3.3.40.0'),
    hostForm: EKS_HOST_FORMS.ssmChannels,
  });
  rows.add(section, {
    service: 'logs',
    vpcService: 'logs',
    label: 'Amazon CloudWatch Logs',
    purpose: 'Amazon CloudWatch Logs: node and Pod logs',
    necessity: Necessity.conditional(EksCondition.CLOUDWATCH_LOGS, 'Required for node and pod logs sent to Amazon CloudWatch Logs'),
    hostForm: EKS_HOST_FORMS.standard,
  });
  rows.add(section, {
    service: 'sts',
    vpcService: 'sts',
    label: 'AWS STS',
    purpose: 'AWS STS, regional endpoint: credentials for IAM roles for service accounts',
    necessity: Necessity.conditional(EksCondition.IRSA, 'Required when using IAM roles for service accounts'),
    hostForm: EKS_HOST_FORMS.sts,
    note: 'Most AWS v1 SDKs call the global sts.amazonaws.com, which does not use the STS VPC endpoint: configure them for the regional endpoint.',
  });
  rows.add(section, {
    service: 'eks-auth',
    vpcService: 'eks-auth',
    label: 'Amazon EKS Auth',
    purpose: 'Amazon EKS Auth: the EKS Pod Identity Agent exchanges Pod credentials',
    necessity: Necessity.conditional(EksCondition.POD_IDENTITY, 'Required when using Pod Identity associations'),
    hostForm: EKS_HOST_FORMS.eksAuth,
    note: 'Pods reach the agent on the node-local 169.254.170.23 (IPv6 fd00:ec2::23); Pod network policies must allow it.',
  });
  // "The worker node VPC must also include the AWS STS VPC endpoint and autoscaling VPC endpoint."
  const autoscaler = Necessity.conditional(EksCondition.CLUSTER_AUTOSCALER, 'If the Cluster Autoscaler runs in the cluster');
  rows.add(section, {
    service: 'autoscaling',
    vpcService: 'autoscaling',
    label: 'Amazon EC2 Auto Scaling',
    purpose: 'Amazon EC2 Auto Scaling: the Cluster Autoscaler resizes node groups',
    necessity: autoscaler,
    hostForm: EKS_HOST_FORMS.standard,
  });
  rows.add(section, {
    service: 'sts',
    vpcService: 'sts',
    label: 'AWS STS',
    purpose: 'AWS STS, regional endpoint: credentials for the Cluster Autoscaler',
    necessity: autoscaler,
    hostForm: EKS_HOST_FORMS.sts,
  });
  return [section, vpcCni, sessionManager, agentNotes, rows.fipsSection, rows.dualStackSection].filter((s) => s.length > 0);
}

/**
 * The rows of the private-clusters page's "Pod requirements" section alone, with standard names.
 * @deprecated Use `eksEndpointSections`, which also returns the EC2 row (VPC CNI), the Session Manager channels and
 *   the FIPS and dual-stack variants.
 */
export function eksPodRequirements(region: string): CatalogSection {
  return eksEndpointSections(region).find((s) => s.key === 'pod-requirements')!;
}

function layerBucketNote(partition: AwsPartitionData, variants: EksEndpointVariants): Record<string, string> {
  const notes: string[] = [];
  if (partition.id === 'aws-cn') notes.push('The bucket name outside the commercial partition follows the same form; not checked against a China document.');
  if (variants.fips) notes.push('No FIPS name of the layer bucket is published; the standard name stays.');
  if (variants.dualStack) notes.push('No dual-stack name of the layer bucket was found in the sources read: layer downloads stay IPv4.');
  return notes.length > 0 ? { [EksMetadataKey.NOTE]: notes.join(' ') } : {};
}

/** The document a section of `eksPodRequirements` cites (for tests and docs). */
export const EKS_POD_REQUIREMENT_DOCUMENTS: readonly SourceDocument[] = [
  EKS_PRIVATE_CLUSTERS,
  VPC_CNI_IAM_POLICY,
  SSM_SESSION_MANAGER_PRIVATELINK,
  SSM_AGENT_RELEASE_NOTES,
  AWS_ENDPOINT_DATA,
];
