// The options of the IBM Cloud VPC profile: the typed interface and its declaration table (checks, CLI flags,
// help, export spec schema and README tables all derive from the table).
import { PortRange } from '../../model/port-range';
import { declareOptions } from '../options/declare';
import { OptionType } from '../profile-definition';
import { IBM_MASTER_PORT_RANGES, IbmMasterPortRange } from './master';
import { IBM_REGISTRY_REGION_CODES, IBM_VPC_REGIONS } from './registry';
import { parseIpv4Cidr, parseIpv4Host } from './worker-allowlist';
import { IBM_DEFAULT_POD_SUBNET, IBM_WORKER_EGRESS_CHOICES, IbmWorkerEgress } from './worker-egress';

/** Options of the IBM Cloud VPC profile. */
export interface IbmVpcProfileOptions {
  /**
   * The cluster's VPC region, e.g. `us-south`. Valid regions are the registry region codes of the Container
   * Registry region table plus `us-east` (see `IBM_VPC_REGIONS`).
   */
  readonly region: string;
  /**
   * The cluster's VPC subnet CIDRs, one per zone (the IPv4 CIDR Block column of `ibmcloud is subnets`). IPv4,
   * without host bits. Each gets its own inbound node-port rule; required even with `nodePortsFromAnywhere`, so
   * that widening stays a deliberate second step.
   */
  readonly subnetCidrs: string[];
  /**
   * Include the corporate-firewall rows for administrators: `ibmcloud`/`ibmcloud ks` hosts, the registry hosts,
   * and (when given) the master endpoints and the etcd port. Turn off to get only the VPC security group rows.
   * @default true
   */
  readonly adminAccess?: boolean;
  /**
   * Container Registry regions to allow (codes from the registry region table, e.g. `us-south`, `eu-de`; see
   * `IBM_REGISTRY_REGION_CODES`). Each adds its domain and delivery domain on HTTPS 443. An empty list adds none.
   * @default - the registry region of `region` (`us-south` for `us-east`)
   */
  readonly registryRegions?: string[];
  /**
   * Allow the global registry `icr.io` (IBM-provided public images) and its delivery domains.
   * @default true
   */
  readonly globalRegistry?: boolean;
  /**
   * Also allow the private domain (`private.<domain>`) of each selected registry, for access over the IBM
   * private network.
   * @default false
   */
  readonly privateRegistryDomains?: boolean;
  /**
   * The documentation the cluster was created under. `current`: master ports 30000-32767 and registry port 443.
   * `legacy-2020` (the 2020-03-16 page): master ports 20000-32767, and the registry hosts that page listed
   * (`icr.io`, `jp.icr.io`, `au.icr.io`, `de.icr.io`, `uk.icr.io`, `us.icr.io`) also get TCP 4443, which only
   * that page names.
   * @default IbmMasterPortRange.CURRENT
   */
  readonly masterPortRange?: IbmMasterPortRange;
  /**
   * The master service endpoints from `ibmcloud ks cluster get` (Public and Private Service Endpoint URL): host
   * names such as `c3.us-south.containers.cloud.ibm.com` and `c3-private.us-south.containers.cloud.ibm.com`, or the
   * URLs themselves. A host gets TCP to the whole master port range; a URL with a port gets only that port (the
   * page's "allow access for a specific existing cluster"). Without endpoints the profile has no master rows:
   * the hosts are per cluster and cannot be guessed.
   * @default [] (no master rows)
   */
  readonly masterEndpoints?: string[];
  /**
   * The etcd port for `calicoctl` (`kubectl get cm -n kube-system cluster-info -o yaml | grep etcd_host`). Adds
   * TCP to this port on each master endpoint host; needs `masterEndpoints`.
   * @default - no calicoctl rows
   */
  readonly etcdPort?: number;
  /**
   * Open the node ports 30000-32767 to any source (0.0.0.0/0) instead of the cluster's subnets. The per-subnet
   * rows are then left out: the any-source rule covers them and each would cost one of the 250 rules of a
   * security group.
   * @default false (only from `subnetCidrs`)
   */
  readonly nodePortsFromAnywhere?: boolean;
  /**
   * Allow the Ingress subdomain health checks ("Optional: Allow incoming network traffic for Ingress subdomain
   * monitoring", 2025-10-01 page): inbound TCP on this port from the IBM NS1 Connect Monitoring ranges
   * (`IBM_NS1_MONITORING_CIDRS`). The checks use HTTPS on 443, or 80 or a custom TCP port. The rows are marked
   * `firewall: ingress-load-balancer`, not for the workers' security group.
   * @default - no monitoring rows
   */
  readonly ingressMonitoringPort?: number;
  /**
   * The workers' own outbound rules, so that a group built from the profile can be the workers' only group:
   * - `minimum`: clusters without Secure by Default (created before Kubernetes 1.30 / Red Hat OpenShift 4.15):
   *   ALL to 161.26.0.0/16 and 166.8.0.0/14, to the workers (`subnetCidrs`) and to the VPE gateways
   *   (`vpeGatewayIps`), and ALL from the workers, the minimum rules of vpc-security-group.md (2023-01-06);
   * - `secure-by-default`: the `kube-<clusterID>` group of Secure by Default clusters: 161.26.0.0/16,
   *   166.8.0.0/14, the Pod subnet (`podSubnetCidr`), the VPE gateways (`vpeGatewayIps`), the IAM private endpoints
   *   (`iamPrivateEndpointIps`), custom DNS resolvers on 53 (`customDnsResolvers`) and, from Kubernetes 1.33 /
   *   OpenShift 4.18 (`clusterVersion`), 169.254.169.254.
   * The rows allow ALL protocols as the documents do: render them with the IBM target's `narrowAnyProtocol: true`.
   * @default IbmWorkerEgress.NONE
   */
  readonly workerEgress?: IbmWorkerEgress;
  /**
   * The IP addresses of the cluster's virtual private endpoint gateways (one per zone with workers); required by
   * `workerEgress`.
   * @default []
   */
  readonly vpeGatewayIps?: string[];
  /**
   * The cluster's version, `1.30`-style for Kubernetes or `4.15`-style for Red Hat OpenShift; required by
   * `workerEgress: secure-by-default` (which exists from 1.30 / 4.15) and decides the metadata service row (1.33 /
   * 4.18).
   * @default - none
   */
  readonly clusterVersion?: string;
  /**
   * The cluster's Pod subnet, with `workerEgress: secure-by-default`.
   * @default 172.17.0.0/18
   */
  readonly podSubnetCidr?: string;
  /**
   * The IAM private endpoint IP addresses, required by `workerEgress: secure-by-default`.
   * @default []
   */
  readonly iamPrivateEndpointIps?: string[];
  /**
   * Custom DNS resolvers of the VPC, with `workerEgress: secure-by-default`: each gets UDP and TCP 53.
   * @default [] (no custom resolvers)
   */
  readonly customDnsResolvers?: string[];
  /**
   * Add the ALB health checks a custom load-balancer security group (replacing `kube-<vpc-id>`) must admit: inbound
   * TCP 80 from each control-plane CIDR of the region (`IBM_CONTROL_PLANE_CIDRS`, from kube-samples). Marked
   * `firewall: ingress-load-balancer`.
   * @default false
   */
  readonly loadBalancerHealthChecks?: boolean;
}

/** The options of the IBM Cloud VPC profile, one per `IbmVpcProfileOptions` property (the compiler checks both list the same). */
export const IBM_VPC_OPTION_SPECS = declareOptions<IbmVpcProfileOptions>({
  region: {
    type: OptionType.STRING,
    required: true,
    missing: { reason: 'the VPC region selects the default registry region', example: "region: 'us-south' (--region us-south)" },
    hint: "Give the VPC region, e.g. 'us-south'.",
    description: `VPC region of the cluster (${IBM_VPC_REGIONS.join(', ')}).`,
  },
  subnetCidrs: {
    type: OptionType.CIDR_LIST,
    required: true,
    missing: {
      reason: "the node ports are opened only to the cluster's VPC subnets",
      example: "subnetCidrs: ['10.240.0.0/24', '10.240.64.0/24'] (--subnet-cidrs 10.240.0.0/24,10.240.64.0/24)",
    },
    label: 'subnet CIDR',
    check: (cidr: string, where: string) => parseIpv4Cidr(cidr, where).toString(),
    // By coverage: 0.0.0.0/1 + 128.0.0.0/1 opens the node ports to the internet just as 0.0.0.0/0 does.
    allowAnyAddressWith: 'nodePortsFromAnywhere',
    anyAddressHint:
      'The node ports would be open to the internet. Give the VPC subnets of the cluster (ibmcloud is subnets), or set nodePortsFromAnywhere: true (--node-ports-from-anywhere) to open them to any source deliberately.',
    description: "The cluster's VPC subnet CIDRs (one per zone); node ports are opened to each.",
  },
  adminAccess: {
    type: OptionType.BOOLEAN,
    defaultValue: true,
    description: 'Corporate-firewall rows (ibmcloud, registry, master, etcd); --no-admin-access for the security group rows only.',
  },
  registryRegions: {
    type: OptionType.CHOICE_LIST,
    choices: IBM_REGISTRY_REGION_CODES,
    label: 'registry region',
    description: 'Container Registry regions to allow (domain and delivery domain, HTTPS 443).',
    defaultText: 'the registry region of --region (us-south for us-east)',
  },
  globalRegistry: { type: OptionType.BOOLEAN, defaultValue: true, description: 'Allow the global registry icr.io.' },
  privateRegistryDomains: { type: OptionType.BOOLEAN, defaultValue: false, description: 'Also allow the private.* registry domains (IBM private network).' },
  masterPortRange: {
    type: OptionType.CHOICE,
    choices: IBM_MASTER_PORT_RANGES,
    label: 'master port range',
    defaultValue: IbmMasterPortRange.CURRENT,
    description: 'current: master ports 30000-32767; legacy-2020: 20000-32767 and registry port 4443 (2020-03-16 documentation).',
  },
  masterEndpoints: {
    type: OptionType.STRING_LIST,
    description: 'Master service endpoint hosts or URLs from `ibmcloud ks cluster get`; without them there are no master rows.',
    defaultText: 'none',
  },
  etcdPort: { type: OptionType.INTEGER, min: 1, max: 65535, check: port, description: 'etcd port for calicoctl (needs --master-endpoints).', defaultText: 'none' },
  nodePortsFromAnywhere: { type: OptionType.BOOLEAN, defaultValue: false, description: 'Open the node ports to 0.0.0.0/0 instead of the cluster subnets.' },
  ingressMonitoringPort: {
    type: OptionType.INTEGER,
    min: 1,
    max: 65535,
    check: port,
    description: 'Allow Ingress subdomain health checks from the IBM NS1 Connect Monitoring ranges on this TCP port (443 for HTTPS, 80, or a custom port).',
    defaultText: 'none',
  },
  workerEgress: {
    type: OptionType.CHOICE,
    choices: IBM_WORKER_EGRESS_CHOICES,
    label: 'worker egress',
    defaultValue: IbmWorkerEgress.NONE,
    description:
      "The workers' outbound rules: minimum (clusters without Secure by Default, before Kubernetes 1.30 / OpenShift 4.15) or secure-by-default (1.30+ / 4.15+; metadata service from 1.33 / 4.18).",
  },
  vpeGatewayIps: {
    type: OptionType.HOST_LIST,
    check: ipv4Host,
    description: "IP addresses of the cluster's VPE gateways (needed by --worker-egress).",
    defaultText: 'none',
  },
  clusterVersion: {
    type: OptionType.STRING,
    description: 'Cluster version, 1.33 (Kubernetes) or 4.18 (OpenShift): needed by --worker-egress secure-by-default.',
    defaultText: 'none',
  },
  podSubnetCidr: {
    type: OptionType.STRING,
    check: (cidr: string, where: string) => parseIpv4Cidr(cidr, where).toString(),
    description: 'Pod subnet (secure-by-default).',
    defaultText: IBM_DEFAULT_POD_SUBNET,
  },
  iamPrivateEndpointIps: {
    type: OptionType.HOST_LIST,
    check: ipv4Host,
    description: 'IAM private endpoint IP addresses (needed by --worker-egress secure-by-default).',
    defaultText: 'none',
  },
  customDnsResolvers: {
    type: OptionType.HOST_LIST,
    check: ipv4Host,
    description: 'Custom DNS resolvers of the VPC (secure-by-default): UDP and TCP 53 to each.',
    defaultText: 'none',
  },
  loadBalancerHealthChecks: {
    type: OptionType.BOOLEAN,
    defaultValue: false,
    description: "A custom load-balancer security group: TCP 80 from the region's control-plane CIDRs (ALB health checks).",
  },
});

/** One IPv4 machine address, canonical. */
function ipv4Host(text: string, where: string): string {
  return parseIpv4Host(text, where).toString();
}

/** A port option: a literal whole number from 1 to 65535, with the library's port message. */
function port(value: number, where: string): number {
  return PortRange.single(value, where).from;
}
