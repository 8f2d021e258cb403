import { assertNotAnyAddressList } from '../../model/any-address';
import { Cidr, IpVersion } from '../../model/cidr';
import { invalidCidr, missingOption } from '../../model/errors';
import { InputCheck } from '../../model/input';
import { Provenance } from '../../model/provenance';
import { CatalogSection } from '../catalog-section';
import { IBM_VPC_FIREWALL_2025 } from './documents';

/** Options of `ibmWorkerAllowlist`. */
export interface IbmWorkerAllowlistOptions {
  /** The cluster's VPC subnet CIDRs (`ibmcloud is subnets`), one per zone. */
  readonly subnetCidrs: string[];
  /**
   * Floating IPs of the VPC public gateways of the cluster's subnets (`ibmcloud is public-gateways`).
   * @default [] (no public sources)
   */
  readonly publicGatewayIps?: string[];
}

/**
 * What a service behind its own firewall (an IBM Cloud database, an on-premises network) must admit so the
 * cluster's workers can reach it. Worker nodes in VPC clusters have only private IP addresses: over the private
 * network they come from the VPC subnets; over the public network from the public gateways' floating IPs.
 *
 * These are sources for someone else's allowlist, not flows of the cluster's own firewall, so they are a
 * helper rather than requirements of the `ibm-vpc` profile.
 */
export interface IbmWorkerAllowlist {
  /** Canonical subnet CIDRs, aggregated exactly (adjacent subnets merge, nothing is widened), sorted. */
  readonly privateNetworkSources: string[];
  /** Public gateway floating IPs as /32s, sorted. */
  readonly publicNetworkSources: string[];
  /** The section of the firewall page that says so. */
  readonly source: Provenance;
}

const SECTION = new CatalogSection(
  IBM_VPC_FIREWALL_2025,
  'worker-allowlist',
  "Allowing traffic from your cluster in other services' allowlists",
);

/** Every option of `ibmWorkerAllowlist`. */
const OPTION_NAMES: readonly string[] = ['subnetCidrs', 'publicGatewayIps'];

/**
 * The sources other services must admit for traffic from the cluster's workers. Subnets that together cover every
 * address are refused (an allowlist entry for the whole internet admits everyone, and no VPC subnet is that wide);
 * gateway IPs are single machines.
 */
export function ibmWorkerAllowlist(raw: IbmWorkerAllowlistOptions): IbmWorkerAllowlist {
  const options = new InputCheck('ibmWorkerAllowlist').props(raw, OPTION_NAMES);
  const check = new InputCheck('ibmWorkerAllowlist option');
  const origin = (name: string, i: number) => `ibmWorkerAllowlist option ${name}[${i}]`;
  if (options.subnetCidrs === undefined || options.subnetCidrs === null || (Array.isArray(options.subnetCidrs) && options.subnetCidrs.length === 0)) {
    throw missingOption('subnetCidrs', 'ibmWorkerAllowlist', 'the allowlist is built from the cluster\'s VPC subnets', "subnetCidrs: ['10.240.0.0/24']");
  }
  const subnets = check.stringArray('subnetCidrs', options.subnetCidrs, { allowReference: false }).map((c, i) => ({ cidr: parseIpv4Cidr(c, origin('subnetCidrs', i)), origin: origin('subnetCidrs', i) }));
  const gateways = check
    .stringArray('publicGatewayIps', options.publicGatewayIps, { optional: true, allowReference: false })
    .map((c, i) => ({ cidr: parseIpv4Host(c, origin('publicGatewayIps', i)), origin: origin('publicGatewayIps', i) }));
  const noOptIn = 'Give the VPC subnets of the cluster (ibmcloud is subnets): an allowlist entry that covers every address admits everyone, so there is no opt-in.';
  assertNotAnyAddressList(subnets, 'subnet CIDR', 'ibmWorkerAllowlist option subnetCidrs', noOptIn);
  return {
    privateNetworkSources: Cidr.aggregate(subnets.map((e) => e.cidr)).map(String),
    publicNetworkSources: Cidr.aggregate(gateways.map((e) => e.cidr)).map(String),
    source: SECTION.provenance,
  };
}

/** Parses an IPv4 CIDR: IBM Cloud VPC subnets and security group rules are IPv4 only. */
export function parseIpv4Cidr(text: string, origin: string): Cidr {
  const cidr = Cidr.parse(text, origin);
  if (cidr.version !== IpVersion.IPV4) {
    throw invalidCidr(String(text), origin, 'IBM Cloud VPC subnets and security group rules are IPv4 only');
  }
  return cidr;
}

/** Parses one IPv4 machine address (a /32 or a bare address; networks, broadcast and reserved addresses refused). */
export function parseIpv4Host(text: string, origin: string): Cidr {
  const cidr = Cidr.parseHost(text, origin, 'public gateway IP');
  if (cidr.version !== IpVersion.IPV4) {
    throw invalidCidr(String(text), origin, 'IBM Cloud VPC subnets and security group rules are IPv4 only');
  }
  return cidr;
}

