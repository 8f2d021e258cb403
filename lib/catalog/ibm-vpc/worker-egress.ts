import { Necessity } from '../../model/necessity';
import { Peer } from '../../model/peer';
import { PortRange } from '../../model/port-range';
import { Direction, Protocol } from '../../model/protocol';
import { CatalogSection } from '../catalog-section';
import { IBM_CONTROL_PLANE_IPS, IBM_SECURE_BY_DEFAULT, IBM_VPC_SECURITY_GROUPS_2023 } from './documents';
import { IbmControlPlaneIps } from './control-plane-ips';

/** Which outbound rules the workers' own security group carries (`IbmVpcProfileOptions.workerEgress`). */
export enum IbmWorkerEgress {
  /** No worker outbound rows (the VPC's default group allows all outbound traffic). */
  NONE = 'none',
  /**
   * The minimum rules of the worker security groups for clusters without Secure by Default (created before
   * Kubernetes 1.30 / Red Hat OpenShift 4.15): vpc-security-group.md, 2023-01-06.
   */
  MINIMUM = 'minimum',
  /** The `kube-<clusterID>` rules of Secure by Default clusters (Kubernetes 1.30+ / Red Hat OpenShift 4.15+). */
  SECURE_BY_DEFAULT = 'secure-by-default',
}

/** Every worker egress choice. */
export const IBM_WORKER_EGRESS_CHOICES: readonly IbmWorkerEgress[] = [IbmWorkerEgress.NONE, IbmWorkerEgress.MINIMUM, IbmWorkerEgress.SECURE_BY_DEFAULT];

/** IBM's infrastructure network: worker provisioning, DNS, NTP. */
export const IBM_INFRASTRUCTURE_CIDR = '161.26.0.0/16';
/** IBM Cloud private service endpoints. */
export const IBM_PRIVATE_SERVICE_ENDPOINTS_CIDR = '166.8.0.0/14';
/** The default Pod subnet of a VPC cluster. */
export const IBM_DEFAULT_POD_SUBNET = '172.17.0.0/18';
/** The VPC instance metadata service. */
export const IBM_METADATA_SERVICE = '169.254.169.254';

/** Placeholders of the worker egress rows, filled from profile options. */
export enum IbmPlaceholder {
  /** The IP addresses of the cluster's VPE gateways (one per zone with workers). */
  VPE_GATEWAY_IPS = 'vpe-gateway-ips',
  /** The IP addresses of the IAM private endpoints. */
  IAM_PRIVATE_ENDPOINT_IPS = 'iam-private-endpoint-ips',
}

/** How to fill each placeholder. */
export const IBM_PLACEHOLDER_HINTS: Readonly<Record<IbmPlaceholder, string>> = {
  [IbmPlaceholder.VPE_GATEWAY_IPS]:
    "Set vpeGatewayIps (CLI --vpe-gateway-ips) to the IP addresses of the cluster's virtual private endpoint gateways (one per zone with workers): " +
    'VPC dashboard > Virtual private endpoint gateways, or ibmcloud is endpoint-gateways.',
  [IbmPlaceholder.IAM_PRIVATE_ENDPOINT_IPS]:
    'Set iamPrivateEndpointIps (CLI --iam-private-endpoint-ips) to the IP addresses of the IAM private endpoints your Secure by Default cluster group allows (ibmcloud is sg kube-<clusterID> lists them).',
};

const VPE_GATEWAYS = Peer.placeholder(IbmPlaceholder.VPE_GATEWAY_IPS, IBM_PLACEHOLDER_HINTS[IbmPlaceholder.VPE_GATEWAY_IPS]);
const IAM_ENDPOINTS = Peer.placeholder(IbmPlaceholder.IAM_PRIVATE_ENDPOINT_IPS, IBM_PLACEHOLDER_HINTS[IbmPlaceholder.IAM_PRIVATE_ENDPOINT_IPS]);

/** Condition keys of the worker rows; the text says which cluster versions each set applies to. */
export enum IbmCondition {
  WITHOUT_SECURE_BY_DEFAULT = 'without-secure-by-default',
  SECURE_BY_DEFAULT = 'secure-by-default',
  SECURE_BY_DEFAULT_METADATA = 'secure-by-default-metadata',
  CUSTOM_DNS_RESOLVERS = 'custom-dns-resolvers',
  CUSTOM_LOAD_BALANCER_GROUP = 'custom-load-balancer-security-group',
}

const MINIMUM = Necessity.conditional(
  IbmCondition.WITHOUT_SECURE_BY_DEFAULT,
  'Clusters without Secure by Default (created before Kubernetes 1.30 / Red Hat OpenShift 4.15): minimum rules when you modify or replace the worker security groups',
);
const SBD = Necessity.conditional(IbmCondition.SECURE_BY_DEFAULT, 'Secure by Default clusters (created at Kubernetes 1.30+ / Red Hat OpenShift 4.15+): the kube-<clusterID> group');
const SBD_METADATA = Necessity.conditional(IbmCondition.SECURE_BY_DEFAULT_METADATA, 'Secure by Default clusters at Kubernetes 1.33+ / Red Hat OpenShift 4.18+');
const SBD_DNS = Necessity.conditional(IbmCondition.CUSTOM_DNS_RESOLVERS, 'Secure by Default clusters whose VPC uses custom DNS resolvers');

const SECURITY_GROUP = { firewall: 'vpc-security-group' };
const ALL_PROTOCOLS_NOTE =
  'The source says ALL protocols; the IBM target renders it with narrowAnyProtocol: true as icmp_tcp_udp (the admitted provider range has no every-protocol rule before 2.1.0).';

/**
 * The minimum rules of the worker security groups (vpc-security-group.md, 2023-01-06, "Required inbound and outbound
 * rules for cluster workers"): outbound ALL to 161.26.0.0/16, 166.8.0.0/14, the `kube-<cluster_ID>` group (the
 * workers, by their subnets) and the VPE gateway IPs; inbound ALL among the workers. With them, a group built from
 * the profile can be the workers' only group without cutting off their egress. `workerSubnets` stand for the
 * cluster's workers (the groups hold exactly the workers; a subnet also holds whatever else runs in it).
 */
export function ibmWorkerMinimumRules(workerSubnets: readonly string[]): CatalogSection {
  const outbound = { necessity: MINIMUM, metadata: { ...SECURITY_GROUP, note: ALL_PROTOCOLS_NOTE }, direction: Direction.EGRESS };
  const s = new CatalogSection(IBM_VPC_SECURITY_GROUPS_2023, 'worker-minimum-rules', 'Required inbound and outbound rules for cluster workers', 'required-group-rules-workers');
  s.cidrs([IBM_INFRASTRUCTURE_CIDR], Protocol.ANY, [], 'Workers to IBM infrastructure: allow worker nodes to be created (provisioning, DNS, NTP)', outbound);
  s.cidrs([IBM_PRIVATE_SERVICE_ENDPOINTS_CIDR], Protocol.ANY, [], 'Workers to IBM Cloud services that support private cloud service endpoints', outbound);
  s.cidrs([...workerSubnets], Protocol.ANY, [], 'Workers to the kube-<cluster_ID> group: all worker nodes of the cluster (by their subnets)', outbound);
  s.row([VPE_GATEWAYS], Protocol.ANY, [], 'Workers to the virtual private endpoint gateways used to talk to the Kubernetes master', outbound);
  s.cidrs([...workerSubnets], Protocol.ANY, [], 'Workers from the other workers of the cluster (the randomly named VPC security group, by their subnets)', {
    necessity: MINIMUM,
    metadata: { ...SECURITY_GROUP, note: ALL_PROTOCOLS_NOTE },
    direction: Direction.INGRESS,
  });
  return s;
}

/**
 * The `kube-<clusterID>` group of a Secure by Default cluster (Kubernetes 1.30+ / Red Hat OpenShift 4.15+), outbound:
 * 161.26.0.0/16, 166.8.0.0/14, the Pod subnet, the VPE gateways (`kube-vpegw-<clusterID>` and `kube-vpegw-<vpcID>`),
 * the IAM private endpoints, the custom DNS resolvers on 53 (when the VPC uses them) and, from Kubernetes 1.33 /
 * OpenShift 4.18, the metadata service 169.254.169.254. Public outbound traffic stays blocked unless outbound
 * traffic protection is turned off.
 */
export function ibmSecureByDefaultRules(podSubnet: string, dnsResolvers: readonly string[]): CatalogSection {
  const note = `${ALL_PROTOCOLS_NOTE} Transcribed from the catalog review's summary of the page, which gives no protocol for this row.`;
  const outbound = (necessity: Necessity) => ({ necessity, metadata: { ...SECURITY_GROUP, note } });
  const s = new CatalogSection(IBM_SECURE_BY_DEFAULT, 'secure-by-default-cluster-group', 'Secure by default: the kube-<clusterID> security group (outbound)');
  s.cidrs([IBM_INFRASTRUCTURE_CIDR], Protocol.ANY, [], 'Secure by Default workers to IBM infrastructure (provisioning, DNS, NTP)', outbound(SBD));
  s.cidrs([IBM_PRIVATE_SERVICE_ENDPOINTS_CIDR], Protocol.ANY, [], 'Secure by Default workers to IBM Cloud private service endpoints', outbound(SBD));
  s.cidrs([podSubnet], Protocol.ANY, [], 'Secure by Default workers to the cluster Pod subnet', outbound(SBD));
  s.row([VPE_GATEWAYS], Protocol.ANY, [], 'Secure by Default workers to the VPE gateways (kube-vpegw-<clusterID> and kube-vpegw-<vpcID> groups)', outbound(SBD));
  s.row([IAM_ENDPOINTS], Protocol.ANY, [], 'Secure by Default workers to the IAM private endpoints', outbound(SBD));
  for (const protocol of [Protocol.UDP, Protocol.TCP]) {
    s.cidrs([...dnsResolvers], protocol, [53], 'Secure by Default workers to the custom DNS resolvers', { necessity: SBD_DNS, metadata: SECURITY_GROUP });
  }
  s.cidrs([`${IBM_METADATA_SERVICE}/32`], Protocol.ANY, [], 'Secure by Default workers to the VPC instance metadata service', outbound(SBD_METADATA));
  return s;
}

/**
 * A custom security group on the VPC load balancer of the Ingress (replacing `kube-<vpc-id>`): inbound TCP 80 from
 * each control-plane CIDR of the region, for the ALB health checks (vpc-security-group.md, "Required inbound and
 * outbound rules for VPC ALBs", with the CIDRs of the region's kube-samples file). Marked
 * `firewall: ingress-load-balancer`: they belong on that group, not the workers'.
 */
export function ibmLoadBalancerHealthChecks(file: IbmControlPlaneIps): CatalogSection {
  const s = new CatalogSection(IBM_CONTROL_PLANE_IPS, `control-plane-ips-${file.file}`, `control-plane-ips-${file.file}.txt`);
  s.cidrs([...file.cidrs], Protocol.TCP, [PortRange.single(80)], `ALB health checks from the IBM Cloud control plane (${file.region}) to a custom load-balancer security group`, {
    direction: Direction.INGRESS,
    necessity: Necessity.conditional(IbmCondition.CUSTOM_LOAD_BALANCER_GROUP, 'If you replace the kube-<vpc-id> group of the VPC ALB with your own security group'),
    metadata: {
      firewall: 'ingress-load-balancer',
      note: `kube-samples control-plane-ips/control-plane-ips-${file.file}.txt, last changed ${file.lastChanged}; required by vpc-security-group.md (2023-01-06), Required inbound rules for VPC ALBs.${file.note ? ` ${file.note}` : ''}`,
    },
  });
  return s;
}
