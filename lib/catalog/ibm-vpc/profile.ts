import { invalidValue, missingOption, unknownOption } from '../../model/errors';
import { PortRange } from '../../model/port-range';
import { Direction, Protocol } from '../../model/protocol';
import { RequirementSet } from '../../model/requirement-set';
import { CatalogSection } from '../catalog-section';
import { cliProfile } from '../options/profile';
import { readOptions } from '../options/read';
import { ProfileDefinition } from '../profile-definition';
import { IBM_REGISTRY_FIREWALL, IBM_REGISTRY_OVERVIEW, IBM_VPC_FIREWALL_2020, IBM_VPC_FIREWALL_2025 } from './documents';
import { IbmMasterEndpoint, IbmMasterPortRange, parseMasterEndpoint } from './master';
import {
  IBM_GLOBAL_REGISTRY,
  IBM_REGISTRY_DOMAINS_2020,
  IBM_REGISTRY_REGION_CODES,
  IBM_VPC_REGIONS,
  IbmRegistryRegion,
  ibmRegistryRegion,
  registryRegionFor,
} from './registry';
import { IBM_VPC_OPTION_SPECS, IbmVpcProfileOptions } from './options';
import { ibmControlPlaneIps, IBM_CONTROL_PLANE_CIDRS } from './control-plane-ips';
import {
  IBM_DEFAULT_POD_SUBNET,
  IBM_PLACEHOLDER_HINTS,
  ibmLoadBalancerHealthChecks,
  IbmPlaceholder,
  ibmSecureByDefaultRules,
  IbmWorkerEgress,
  ibmWorkerMinimumRules,
  IBM_METADATA_SERVICE,
} from './worker-egress';

export { IBM_VPC_OPTION_SPECS } from './options';
export type { IbmVpcProfileOptions } from './options';

/** Which firewall a requirement of the `ibm-vpc` profile belongs in (metadata key `firewall`). */
export enum IbmFirewall {
  /** The firewall in front of the administrators' network: flows from there to IBM Cloud (egress from that network). */
  CORPORATE = 'corporate',
  /** A non-default VPC security group of the cluster's workers. */
  VPC_SECURITY_GROUP = 'vpc-security-group',
  /**
   * The VPC security group or ACL in front of the cluster's Ingress (the load balancer the Ingress subdomain
   * resolves to). The page says "VPC Security Groups or VPC ACLs" without naming one, so a target that renders
   * the workers' security group lists these rows instead of rendering them.
   */
  INGRESS_LOAD_BALANCER = 'ingress-load-balancer',
}

/** Worker node ports, TCP, which VPC load balancers on the cluster's subnets reach. */
export const IBM_NODE_PORTS: { readonly from: number; readonly to: number } = { from: 30000, to: 32767 };

/** "IBM NS1 Connect Monitoring IP Ranges" (2025-10-01 page): the sources of the Ingress subdomain health checks. */
export const IBM_NS1_MONITORING_CIDRS: readonly string[] = ['163.114.225.0/24', '163.114.230.0/24', '163.114.231.0/24'];

const PROFILE = 'ibm-vpc';
const origin = (option: string) => `profile ${PROFILE} option ${option}`;

const CORPORATE = { firewall: IbmFirewall.CORPORATE };
const SECURITY_GROUP = { firewall: IbmFirewall.VPC_SECURITY_GROUP };

/**
 * The IBM Cloud VPC cluster requirements: a resolved set. Corporate-firewall rows (metadata `firewall: corporate`)
 * are egress from the administrators' network; the node-port rows (`firewall: vpc-security-group`) are ingress to
 * the workers; the optional monitoring rows (`firewall: ingress-load-balancer`) are ingress to the Ingress load
 * balancer. Every option is validated before anything is built.
 */
export function ibmVpcProfile(options: IbmVpcProfileOptions): RequirementSet {
  const o = validate(options);
  const sections: CatalogSection[] = [];

  if (o.adminAccess) {
    sections.push(
      new CatalogSection(IBM_VPC_FIREWALL_2020, 'cli-access', 'Running `ibmcloud`, `ibmcloud ks`, and `ibmcloud cr` commands from behind a firewall', 'vpc-firewall_bx')
        .fqdns(['cloud.ibm.com'], Protocol.HTTPS, [443], 'ibmcloud CLI: IBM Cloud API endpoint (ibmcloud login -a https://cloud.ibm.com/)', { metadata: CORPORATE })
        .fqdns(['containers.cloud.ibm.com'], Protocol.HTTPS, [443], 'ibmcloud ks: IBM Cloud Kubernetes Service API', { metadata: CORPORATE }),
    );
    sections.push(...registrySections(o));
    if (o.masterEndpoints.length > 0) {
      sections.push(masterSection(o));
    }
    if (o.etcdPort !== undefined) {
      const calico = new CatalogSection(IBM_VPC_FIREWALL_2020, 'calicoctl-access', 'Running `calicoctl` commands from behind a firewall', 'vpc-firewall_calicoctl');
      calico.fqdns(hostsOf(o.masterEndpoints), Protocol.TCP, [o.etcdPort], 'calicoctl: Calico policies through the master etcd port', { metadata: CORPORATE });
      sections.push(calico);
    }
  }

  const nodePorts = new CatalogSection(IBM_VPC_FIREWALL_2020, 'node-ports', 'Opening required ports in VPC security groups', 'security_groups');
  const nodePortRange = [PortRange.range(IBM_NODE_PORTS.from, IBM_NODE_PORTS.to)];
  if (o.nodePortsFromAnywhere) {
    nodePorts.cidrs(['0.0.0.0/0'], Protocol.TCP, nodePortRange, 'Node ports on the workers from any source (nodePortsFromAnywhere)', {
      direction: Direction.INGRESS,
      metadata: SECURITY_GROUP,
    });
  } else {
    nodePorts.cidrs(o.subnetCidrs, Protocol.TCP, nodePortRange, "Node ports on the workers from the VPC load balancers on the cluster's subnet", {
      direction: Direction.INGRESS,
      metadata: SECURITY_GROUP,
    });
  }
  sections.push(nodePorts);

  if (o.ingressMonitoringPort !== undefined) {
    sections.push(
      new CatalogSection(IBM_VPC_FIREWALL_2025, 'ingress-monitoring', 'Optional: Allow incoming network traffic for Ingress subdomain monitoring').cidrs(
        [...IBM_NS1_MONITORING_CIDRS],
        Protocol.TCP,
        [o.ingressMonitoringPort],
        'Ingress subdomain monitoring: health checks from the IBM NS1 Connect Monitoring IP ranges',
        { direction: Direction.INGRESS, metadata: { firewall: IbmFirewall.INGRESS_LOAD_BALANCER } },
      ),
    );
  }

  if (o.workerEgress === IbmWorkerEgress.MINIMUM) sections.push(ibmWorkerMinimumRules(o.subnetCidrs));
  if (o.loadBalancerHealthChecks) sections.push(ibmLoadBalancerHealthChecks(ibmControlPlaneIps(o.region)!));
  const sets = sections.map((s) => s.toSet());
  if (o.workerEgress === IbmWorkerEgress.SECURE_BY_DEFAULT) {
    const sbd = ibmSecureByDefaultRules(o.podSubnetCidr, o.customDnsResolvers).requirements;
    // The metadata service row applies from Kubernetes 1.33 / OpenShift 4.18 only.
    sets.push(RequirementSet.of(o.metadataService ? sbd : sbd.filter((r) => r.peer.value !== `${IBM_METADATA_SERVICE}/32`)));
  }
  const values: Record<string, string[]> = {};
  if (o.vpeGatewayIps.length > 0) values[IbmPlaceholder.VPE_GATEWAY_IPS] = o.vpeGatewayIps;
  if (o.iamPrivateEndpointIps.length > 0) values[IbmPlaceholder.IAM_PRIVATE_ENDPOINT_IPS] = o.iamPrivateEndpointIps;
  return RequirementSet.union(sets)
    .resolve(values, `profile ${PROFILE}`)
    .assertResolved(IBM_PLACEHOLDER_HINTS);
}

/** Options after validation, with defaults applied. */
interface ValidOptions {
  readonly region: string;
  readonly subnetCidrs: string[];
  readonly adminAccess: boolean;
  readonly registryRegions: IbmRegistryRegion[];
  readonly globalRegistry: boolean;
  readonly privateRegistryDomains: boolean;
  readonly masterPortRange: IbmMasterPortRange;
  readonly masterEndpoints: IbmMasterEndpoint[];
  readonly etcdPort?: number;
  readonly nodePortsFromAnywhere: boolean;
  readonly ingressMonitoringPort?: number;
  readonly workerEgress: IbmWorkerEgress;
  readonly vpeGatewayIps: string[];
  readonly podSubnetCidr: string;
  readonly iamPrivateEndpointIps: string[];
  readonly customDnsResolvers: string[];
  readonly metadataService: boolean;
  readonly loadBalancerHealthChecks: boolean;
}

/**
 * Checks every option at run time (JavaScript callers pass strings for lists and booleans, NaN, tokens), applies
 * the defaults, and refuses subnets that together cover every address unless `nodePortsFromAnywhere`.
 */
function validate(raw: IbmVpcProfileOptions): ValidOptions {
  const o = readOptions(IBM_VPC_OPTION_SPECS, raw, { origin: `profile ${PROFILE}` });
  const region = o.region;
  if (!IBM_VPC_REGIONS.includes(region)) {
    throw unknownOption('VPC region', region, origin('region'), IBM_VPC_REGIONS);
  }
  const registryCodes = o.registryRegions ?? [registryRegionFor(region)];
  const registryRegions = registryCodes.map((code, i) => {
    const row = ibmRegistryRegion(code);
    if (!row) throw unknownOption('registry region', code, origin(`registryRegions[${i}]`), IBM_REGISTRY_REGION_CODES);
    return row;
  });
  const masterPortRange = o.masterPortRange as IbmMasterPortRange;
  const masterEndpoints = (o.masterEndpoints ?? []).map((e, i) => parseMasterEndpoint(e, masterPortRange, origin(`masterEndpoints[${i}]`)));
  if (o.etcdPort !== undefined && masterEndpoints.length === 0) {
    throw missingOption(
      'masterEndpoints',
      origin('etcdPort'),
      'calicoctl reaches the etcd port on the master endpoint host',
      "masterEndpoints: ['c3.us-south.containers.cloud.ibm.com'] (--master-endpoints c3.us-south.containers.cloud.ibm.com)",
    );
  }
  return {
    region,
    subnetCidrs: o.subnetCidrs,
    adminAccess: o.adminAccess !== false,
    registryRegions,
    globalRegistry: o.globalRegistry !== false,
    privateRegistryDomains: o.privateRegistryDomains === true,
    masterPortRange,
    masterEndpoints,
    etcdPort: o.etcdPort,
    nodePortsFromAnywhere: o.nodePortsFromAnywhere === true,
    ingressMonitoringPort: o.ingressMonitoringPort,
    ...validateWorkerEgress(o),
  };
}

function validateWorkerEgress(
  o: IbmVpcProfileOptions,
): Pick<ValidOptions, 'workerEgress' | 'vpeGatewayIps' | 'podSubnetCidr' | 'iamPrivateEndpointIps' | 'customDnsResolvers' | 'metadataService' | 'loadBalancerHealthChecks'> {
  const region = o.region;
  const workerEgress = o.workerEgress as IbmWorkerEgress;
  const sbd = workerEgress === IbmWorkerEgress.SECURE_BY_DEFAULT;
  const vpeGatewayIps = [...new Set(o.vpeGatewayIps ?? [])];
  const iamPrivateEndpointIps = [...new Set(o.iamPrivateEndpointIps ?? [])];
  const customDnsResolvers = [...new Set(o.customDnsResolvers ?? [])];
  const podSubnet = o.podSubnetCidr;
  const version = o.clusterVersion;
  const onlyWith = (name: string, needs: string) =>
    invalidValue(name, 'given', origin(name), `${name} is used only with workerEgress: ${needs}; set workerEgress (CLI --worker-egress ${needs}) or drop it.`, 'conflicting-options');
  if (workerEgress === IbmWorkerEgress.NONE && vpeGatewayIps.length > 0) throw onlyWith('vpeGatewayIps', `${IbmWorkerEgress.MINIMUM} or ${IbmWorkerEgress.SECURE_BY_DEFAULT}`);
  if (!sbd) {
    for (const [name, given] of [
      ['podSubnetCidr', podSubnet !== undefined],
      ['iamPrivateEndpointIps', iamPrivateEndpointIps.length > 0],
      ['customDnsResolvers', customDnsResolvers.length > 0],
      ['clusterVersion', version !== undefined],
    ] as const) {
      if (given) throw onlyWith(name, IbmWorkerEgress.SECURE_BY_DEFAULT);
    }
  }
  let metadataService = false;
  if (sbd) {
    if (version === undefined) {
      throw missingOption(
        'clusterVersion',
        origin('workerEgress'),
        'Secure by Default exists from Kubernetes 1.30 / Red Hat OpenShift 4.15, and the metadata service rule from 1.33 / 4.18',
        "clusterVersion: '1.33' (Kubernetes) or '4.18' (Red Hat OpenShift) (CLI --cluster-version 1.33)",
      );
    }
    const m = /^\s*(1|4)\.(\d{1,3})(?:\.\d+)?\s*$/.exec(version);
    if (!m) {
      throw invalidValue('clusterVersion', version, origin('clusterVersion'), "Give major.minor: '1.33' for Kubernetes, '4.18' for Red Hat OpenShift.");
    }
    const minor = Number(m[2]);
    const openshift = m[1] === '4';
    if (minor < (openshift ? 15 : 30)) {
      throw invalidValue(
        'clusterVersion',
        version,
        origin('clusterVersion'),
        `Secure by Default exists for clusters created at Kubernetes 1.30+ / Red Hat OpenShift 4.15+; for this cluster use workerEgress: ${IbmWorkerEgress.MINIMUM}.`,
        'conflicting-options',
      );
    }
    metadataService = minor >= (openshift ? 18 : 33);
  }
  const loadBalancerHealthChecks = o.loadBalancerHealthChecks === true;
  if (loadBalancerHealthChecks && ibmControlPlaneIps(region) === undefined) {
    throw invalidValue(
      'loadBalancerHealthChecks',
      'true',
      origin('loadBalancerHealthChecks'),
      `IBM-Cloud/kube-samples control-plane-ips has no file for ${region} (it has ${IBM_CONTROL_PLANE_CIDRS.map((f) => f.region).join(', ')}): ask IBM support for the region's control-plane CIDRs.`,
      'conflicting-options',
    );
  }
  return {
    workerEgress,
    vpeGatewayIps,
    podSubnetCidr: podSubnet ?? IBM_DEFAULT_POD_SUBNET,
    iamPrivateEndpointIps,
    customDnsResolvers,
    metadataService,
    loadBalancerHealthChecks,
  };
}


function registrySections(o: ValidOptions): CatalogSection[] {
  const selected = [...(o.globalRegistry ? [IBM_GLOBAL_REGISTRY] : []), ...o.registryRegions];
  const regions = new CatalogSection(IBM_REGISTRY_OVERVIEW, 'registry-regions', 'Registry regions');
  const delivery = new CatalogSection(IBM_REGISTRY_FIREWALL, 'registry-delivery-domains', 'Delivery domains of icr.io');
  for (const r of selected) {
    const name = r === IBM_GLOBAL_REGISTRY ? 'global registry (IBM-provided public images)' : `registry ${r.code} (${r.location})`;
    regions.fqdns([r.domain], Protocol.HTTPS, [443], `ibmcloud cr and image pulls: Container Registry ${name}`, { metadata: CORPORATE });
    if (o.privateRegistryDomains) {
      regions.fqdns([r.privateDomain], Protocol.HTTPS, [443], `Container Registry ${name} over the IBM private network`, { metadata: CORPORATE });
    }
    delivery.fqdns([...r.deliveryDomains], Protocol.HTTPS, [443], `Image content delivery for ${r.domain}`, { metadata: CORPORATE });
  }
  const out = [regions, delivery];
  if (o.masterPortRange === IbmMasterPortRange.LEGACY_2020) {
    const legacy = new CatalogSection(
      IBM_VPC_FIREWALL_2020,
      'registry-legacy-port',
      'Running `ibmcloud`, `ibmcloud ks`, and `ibmcloud cr` commands from behind a firewall',
      'vpc-firewall_bx',
    );
    const domains = selected.map((r) => r.domain).filter((d) => IBM_REGISTRY_DOMAINS_2020.includes(d));
    legacy.fqdns(domains, Protocol.TCP, [4443], 'ibmcloud cr: Container Registry port 4443 (2020-03-16 documentation)', { metadata: CORPORATE });
    out.push(legacy);
  }
  return out.filter((s) => s.length > 0);
}

function masterSection(o: ValidOptions): CatalogSection {
  const title = 'Running `kubectl` commands from behind a firewall';
  const section =
    o.masterPortRange === IbmMasterPortRange.LEGACY_2020
      ? new CatalogSection(IBM_VPC_FIREWALL_2020, 'master-access', title, 'vpc-firewall_kubectl')
      : new CatalogSection(IBM_VPC_FIREWALL_2025, 'master-access', title);
  for (const e of o.masterEndpoints) {
    section.fqdns([e.host], Protocol.TCP, [e.ports], 'kubectl: cluster master service endpoint', { metadata: CORPORATE });
  }
  return section;
}

function hostsOf(endpoints: readonly IbmMasterEndpoint[]): string[] {
  return [...new Set(endpoints.map((e) => e.host))];
}

// --- The profile as the CLI sees it ---------------------------------------------------------------------------

/** The IBM Cloud VPC profile as the CLI sees it; flags mirror `IbmVpcProfileOptions`. */
export const IBM_VPC_PROFILE: ProfileDefinition = cliProfile({
  name: PROFILE,
  title: 'IBM Cloud VPC',
  description:
    'IBM Cloud Kubernetes Service VPC cluster: corporate-firewall access to IBM Cloud, Container Registry and the cluster master, the node ports 30000-32767 from the cluster subnets, and by option the workers\' own egress (minimum rules, or Secure by Default for Kubernetes 1.30+ / OpenShift 4.15+) and the ALB health checks from the control plane (data checked 2026-12-08).',
  options: IBM_VPC_OPTION_SPECS,
  profile: (o) => ibmVpcProfile(o as unknown as IbmVpcProfileOptions),
});
