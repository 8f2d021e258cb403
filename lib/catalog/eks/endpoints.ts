import { invalidValue } from '../../model/errors';
import { AWS_ENDPOINTS, AwsPartitionData } from './endpoint-data';

/** Which host names of the AWS endpoints the nodes use. */
export interface EksEndpointVariants {
  /** The FIPS endpoints (`ecr-fips`, `ec2-fips`, `fips.eks`, `sts-fips`, ...) instead of the standard ones. */
  readonly fips: boolean;
  /** The dual-stack names (`api.aws`) beside the IPv4 ones, for IPv6 egress. */
  readonly dualStack: boolean;
}

/** The host names of one service in one region for the chosen variants. */
export interface ResolvedHosts {
  /** The name nodes use over IPv4: the standard name, or the FIPS name with `fips`. */
  readonly primary: string;
  /** Whether `primary` is a FIPS name from the endpoint data. */
  readonly primaryIsFips: boolean;
  /** The dual-stack name, with `dualStack` where one is published. @default - none */
  readonly dualStack?: string;
  /** What the endpoint data does not give (no FIPS name anywhere, no dual-stack name here). @default - none */
  readonly note?: string;
}

/**
 * Resolves a service's host names in a region from the botocore data (`AWS_ENDPOINTS`). Without data for the
 * service or region (a service botocore does not list, or a region opened after the transcription) the standard
 * form `<service>.<region>.<dnsSuffix>` is used. With `fips`, a service that has FIPS names somewhere in the
 * partition but none in this region is refused: nodes that must use FIPS endpoints cannot use that service there.
 */
export function resolveServiceHosts(
  service: string,
  label: string,
  region: string,
  partition: AwsPartitionData,
  variants: EksEndpointVariants,
  origin: string,
): ResolvedHosts {
  const byRegion = AWS_ENDPOINTS[service];
  const row = byRegion?.[region];
  const standard = row?.host ?? (service === 'eks-auth' ? `${service}.${region}.${partition.dualStackDnsSuffix}` : `${service}.${region}.${partition.dnsSuffix}`);
  const notes: string[] = [];
  let primary = standard;
  let primaryIsFips = false;
  if (variants.fips) {
    if (row?.fips) {
      primary = row.fips;
      primaryIsFips = true;
    } else {
      const elsewhere = partition.regions.filter((r) => byRegion?.[r]?.fips !== undefined);
      if (elsewhere.length > 0) {
        throw invalidValue(
          'fips',
          'true',
          origin,
          `AWS publishes no FIPS endpoint of ${label} (${service}) in ${region}: botocore endpoints.json gives one only in ${elsewhere.join(', ')}. ` +
            `Run the cluster in one of those regions, or set fips to false (CLI --no-fips) to use the standard endpoint ${standard}.`,
          'conflicting-options',
        );
      }
      notes.push(`AWS publishes no FIPS endpoint of ${label} in the endpoint data; the standard name stays.`);
    }
  }
  let dualStack: string | undefined;
  if (variants.dualStack) {
    if (service === 'eks') {
      dualStack = primaryIsFips ? undefined : `eks.${region}.${partition.dualStackDnsSuffix}`;
    } else if (service === 'eks-auth') {
      // Its standard name is already dual-stack.
      dualStack = undefined;
    } else {
      dualStack = primaryIsFips ? row?.fipsDualStack : row?.dualStack;
    }
    if (dualStack === undefined && service !== 'eks-auth') {
      notes.push(`No ${primaryIsFips ? 'FIPS ' : ''}dual-stack name of ${label} is published for ${region}: it is reached over IPv4 only.`);
    }
  }
  return { primary, primaryIsFips, ...(dualStack ? { dualStack } : {}), ...(notes.length > 0 ? { note: notes.join(' ') } : {}) };
}

/** Whether the endpoint data has a FIPS name of the service in the region. */
export function hasFipsEndpoint(service: string, region: string): boolean {
  return AWS_ENDPOINTS[service]?.[region]?.fips !== undefined;
}
