import { OptionType } from '../../lib/catalog/profile-definition';
import {
  IBM_GLOBAL_REGISTRY,
  IBM_MASTER_PORT_RANGES,
  IBM_MASTER_PORTS,
  IBM_NODE_PORTS,
  IBM_NS1_MONITORING_CIDRS,
  IBM_REGISTRY_DOMAINS_2020,
  IBM_REGISTRY_FIREWALL,
  IBM_REGISTRY_OVERVIEW,
  IBM_REGISTRY_REGION_CODES,
  IBM_REGISTRY_REGIONS,
  IBM_VPC_FIREWALL_2020,
  IBM_VPC_FIREWALL_2025,
  IBM_VPC_PROFILE,
  IBM_VPC_REGIONS,
  IBM_CONTROL_PLANE_CIDRS,
  ibmControlPlaneIps,
  IbmFirewall,
  IbmMasterPortRange,
  IbmWorkerEgress,
  IbmVpcProfileOptions,
  ibmVpcProfile,
  ibmWorkerAllowlist,
  parseMasterEndpoint,
  registryRegionFor,
} from '../../lib/catalog/ibm-vpc';
import { Direction, FirewallRequirementsError, PeerKind, Protocol, RequirementSet, toRecord } from '../../lib/model';
import { errorOf } from '../model/fixtures';

const SUBNETS = ['10.240.0.0/24', '10.240.64.0/24'];
const base: IbmVpcProfileOptions = { region: 'us-south', subnetCidrs: SUBNETS };
const FIREWALL_URL = 'https://cloud.ibm.com/docs/containers?topic=containers-vpc-firewall';

/** `direction protocol ports peer section` per requirement, in set order. */
const flows = (set: RequirementSet) => set.requirements.map((r) => `${r.direction} ${r.protocol} ${r.portsText} ${r.peer.value} ${r.primarySource.section}`);

describe('IBM Container Registry region table', () => {
  test('the 12 local regions, transcribed in table order', () => {
    expect(IBM_REGISTRY_REGIONS.map((r) => [r.code, r.formerName, r.location, r.domain, r.privateDomain, r.deprecatedDomain, r.deliveryDomains])).toEqual([
      ['au-syd', 'ap-south', 'Sydney', 'au.icr.io', 'private.au.icr.io', 'registry.au-syd.bluemix.net', ['dd0.au.icr.io']],
      ['br-sao', undefined, 'Sao Paolo', 'br.icr.io', 'private.br.icr.io', undefined, ['dd0.br.icr.io']],
      ['ca-mon', undefined, 'Montreal', 'ca2.icr.io', 'private.ca2.icr.io', undefined, ['dd0.ca2.icr.io']],
      ['ca-tor', undefined, 'Toronto', 'ca.icr.io', 'private.ca.icr.io', undefined, ['dd0.ca.icr.io']],
      ['eu-de', 'eu-central', 'Frankfurt', 'de.icr.io', 'private.de.icr.io', 'registry.eu-de.bluemix.net', ['dd0.de.icr.io']],
      ['eu-es', undefined, 'Madrid', 'es.icr.io', 'private.es.icr.io', undefined, ['dd0.es.icr.io']],
      ['eu-gb', 'uk-south', 'London', 'uk.icr.io', 'private.uk.icr.io', 'registry.eu-gb.bluemix.net', ['dd0.uk.icr.io']],
      ['in-che', undefined, 'Chennai - Airtel', 'in.icr.io', 'private.in.icr.io', undefined, ['dd0.in.icr.io']],
      ['in-mum', undefined, 'Mumbai - Airtel', 'in2.icr.io', 'private.in2.icr.io', undefined, ['dd0.in2.icr.io']],
      ['jp-osa', undefined, 'Osaka', 'jp2.icr.io', 'private.jp2.icr.io', undefined, ['dd0.jp2.icr.io']],
      ['jp-tok', 'ap-north', 'Tokyo', 'jp.icr.io', 'private.jp.icr.io', undefined, ['dd0.jp.icr.io']],
      ['us-south', undefined, 'Dallas', 'us.icr.io', 'private.us.icr.io', 'registry.ng.bluemix.net', ['dd0.us.icr.io']],
    ]);
  });

  test('the global registry', () => {
    expect(IBM_GLOBAL_REGISTRY).toEqual({
      code: 'global',
      location: 'Global',
      domain: 'icr.io',
      privateDomain: 'private.icr.io',
      deprecatedDomain: 'registry.bluemix.net',
      deliveryDomains: ['dd0.icr.io', 'dd2.icr.io'],
    });
  });

  test('region lists: registry codes, and VPC regions = registry codes + us-east', () => {
    expect(IBM_REGISTRY_REGION_CODES).toEqual(['au-syd', 'br-sao', 'ca-mon', 'ca-tor', 'eu-de', 'eu-es', 'eu-gb', 'in-che', 'in-mum', 'jp-osa', 'jp-tok', 'us-south']);
    expect(IBM_VPC_REGIONS).toEqual(['au-syd', 'br-sao', 'ca-mon', 'ca-tor', 'eu-de', 'eu-es', 'eu-gb', 'in-che', 'in-mum', 'jp-osa', 'jp-tok', 'us-east', 'us-south']);
    expect(registryRegionFor('us-east')).toBe('us-south');
    expect(registryRegionFor('eu-de')).toBe('eu-de');
    expect(IBM_REGISTRY_DOMAINS_2020).toEqual(['icr.io', 'jp.icr.io', 'au.icr.io', 'de.icr.io', 'uk.icr.io', 'us.icr.io']);
  });

  test('source documents', () => {
    expect(IBM_VPC_FIREWALL_2020).toEqual({ catalog: 'ibm-vpc', title: 'VPC: Opening required ports and IP addresses in your firewall', url: FIREWALL_URL, date: '2020-03-16' });
    expect(IBM_VPC_FIREWALL_2025).toEqual({ catalog: 'ibm-vpc', title: 'Opening required ports and IP addresses in allowlists', url: FIREWALL_URL, date: '2025-10-01' });
    expect(IBM_REGISTRY_OVERVIEW.url).toBe('https://github.com/ibm-cloud-docs/Registry/blob/983eb1a9094fb63f51ed57191c668d54231c65ed/registry_overview.md');
    expect(IBM_REGISTRY_OVERVIEW.date).toBe('2026-08-11');
    expect(IBM_REGISTRY_FIREWALL.url).toBe('https://github.com/ibm-cloud-docs/Registry/blob/a2910abcc312e68d86b899c08bb8b67f527da3a4/registry_firewall.md');
    expect(IBM_REGISTRY_FIREWALL.date).toBe('2026-05-27');
  });
});

describe('ibmVpcProfile defaults', () => {
  const set = ibmVpcProfile(base);

  test('every row, exactly', () => {
    expect(flows(set)).toEqual([
      'egress https 443 cloud.ibm.com cli-access',
      'egress https 443 containers.cloud.ibm.com cli-access',
      'egress https 443 dd0.icr.io registry-delivery-domains',
      'egress https 443 dd0.us.icr.io registry-delivery-domains',
      'egress https 443 dd2.icr.io registry-delivery-domains',
      'egress https 443 icr.io registry-regions',
      'egress https 443 us.icr.io registry-regions',
      'ingress tcp 30000-32767 10.240.0.0/24 node-ports',
      'ingress tcp 30000-32767 10.240.64.0/24 node-ports',
    ]);
    expect(set.unresolvedPlaceholders).toEqual([]);
  });

  test('counts per section', () => {
    const count = (section: string) => set.requirements.filter((r) => r.primarySource.section === section).length;
    expect([count('cli-access'), count('registry-regions'), count('registry-delivery-domains'), count('node-ports'), count('master-access'), count('calicoctl-access')]).toEqual([
      2, 2, 3, 2, 0, 0,
    ]);
  });

  test('CLI rows cite the 2020 page section and are corporate-firewall egress', () => {
    const cli = set.requirements.filter((r) => r.primarySource.section === 'cli-access');
    expect(cli.map(toRecord)).toEqual([
      expect.objectContaining({
        purpose: 'ibmcloud CLI: IBM Cloud API endpoint (ibmcloud login -a https://cloud.ibm.com/)',
        necessity: 'required',
        provenance: {
          title: 'VPC: Opening required ports and IP addresses in your firewall',
          section: 'Running `ibmcloud`, `ibmcloud ks`, and `ibmcloud cr` commands from behind a firewall',
          url: `${FIREWALL_URL}#vpc-firewall_bx`,
          date: '2020-03-16',
        },
        metadata: { firewall: 'corporate' },
      }),
      expect.objectContaining({ purpose: 'ibmcloud ks: IBM Cloud Kubernetes Service API', metadata: { firewall: 'corporate' } }),
    ]);
  });

  test('registry rows cite the registry documents', () => {
    const icr = set.requirements.find((r) => r.peer.value === 'us.icr.io')!;
    expect(icr.purpose).toBe('ibmcloud cr and image pulls: Container Registry registry us-south (Dallas)');
    expect(icr.primarySource).toEqual({
      catalog: 'ibm-vpc',
      section: 'registry-regions',
      sectionTitle: 'Registry regions',
      title: IBM_REGISTRY_OVERVIEW.title,
      url: IBM_REGISTRY_OVERVIEW.url,
      date: '2026-08-11',
    });
    const global = set.requirements.find((r) => r.peer.value === 'icr.io')!;
    expect(global.purpose).toBe('ibmcloud cr and image pulls: Container Registry global registry (IBM-provided public images)');
    const dd = set.requirements.find((r) => r.peer.value === 'dd0.us.icr.io')!;
    expect(dd.purpose).toBe('Image content delivery for us.icr.io');
    expect(dd.primarySource.url).toBe(IBM_REGISTRY_FIREWALL.url);
    expect(dd.primarySource.date).toBe('2026-05-27');
  });

  test('node ports: ingress TCP 30000-32767 from each subnet, for the VPC security group', () => {
    const nodePorts = set.requirements.filter((r) => r.direction === Direction.INGRESS);
    expect(nodePorts.map((r) => [r.protocol, r.portsText, r.peer.kind, r.peer.value, r.metadata.firewall])).toEqual([
      [Protocol.TCP, '30000-32767', PeerKind.CIDR, '10.240.0.0/24', IbmFirewall.VPC_SECURITY_GROUP],
      [Protocol.TCP, '30000-32767', PeerKind.CIDR, '10.240.64.0/24', IbmFirewall.VPC_SECURITY_GROUP],
    ]);
    expect(nodePorts[0].purpose).toBe("Node ports on the workers from the VPC load balancers on the cluster's subnet");
    expect(nodePorts[0].primarySource).toMatchObject({ sectionTitle: 'Opening required ports in VPC security groups', url: `${FIREWALL_URL}#security_groups`, date: '2020-03-16' });
    expect(IBM_NODE_PORTS).toEqual({ from: 30000, to: 32767 });
  });

  test('is deterministic and independent of subnet order and duplicates', () => {
    const again = ibmVpcProfile({ region: 'us-south', subnetCidrs: ['10.240.64.0/24', '10.240.0.0/24', '10.240.64.0/24'] });
    expect(JSON.stringify(again.requirements.map(toRecord))).toBe(JSON.stringify(set.requirements.map(toRecord)));
  });
});

describe('ibmVpcProfile registry options', () => {
  const registryPeers = (options: Partial<IbmVpcProfileOptions>) =>
    ibmVpcProfile({ ...base, ...options })
      .requirements.filter((r) => r.peer.value.endsWith('icr.io'))
      .map((r) => `${r.protocol}/${r.portsText} ${r.peer.value}`);

  test('us-east uses the us-south registry by default', () => {
    expect(registryPeers({ region: 'us-east' })).toEqual(['https/443 dd0.icr.io', 'https/443 dd0.us.icr.io', 'https/443 dd2.icr.io', 'https/443 icr.io', 'https/443 us.icr.io']);
  });

  test('the default follows the cluster region', () => {
    expect(registryPeers({ region: 'jp-osa' })).toEqual(['https/443 dd0.icr.io', 'https/443 dd0.jp2.icr.io', 'https/443 dd2.icr.io', 'https/443 icr.io', 'https/443 jp2.icr.io']);
  });

  test('selected regions replace the default', () => {
    expect(registryPeers({ registryRegions: ['eu-de', 'ca-mon'] })).toEqual([
      'https/443 ca2.icr.io',
      'https/443 dd0.ca2.icr.io',
      'https/443 dd0.de.icr.io',
      'https/443 dd0.icr.io',
      'https/443 dd2.icr.io',
      'https/443 de.icr.io',
      'https/443 icr.io',
    ]);
  });

  test('an empty list and globalRegistry false leave no registry rows', () => {
    expect(registryPeers({ registryRegions: [] })).toEqual(['https/443 dd0.icr.io', 'https/443 dd2.icr.io', 'https/443 icr.io']);
    expect(registryPeers({ registryRegions: [], globalRegistry: false })).toEqual([]);
    expect(registryPeers({ globalRegistry: false })).toEqual(['https/443 dd0.us.icr.io', 'https/443 us.icr.io']);
  });

  test('privateRegistryDomains adds the private.* domains', () => {
    expect(registryPeers({ privateRegistryDomains: true })).toEqual([
      'https/443 dd0.icr.io',
      'https/443 dd0.us.icr.io',
      'https/443 dd2.icr.io',
      'https/443 icr.io',
      'https/443 private.icr.io',
      'https/443 private.us.icr.io',
      'https/443 us.icr.io',
    ]);
    const priv = ibmVpcProfile({ ...base, privateRegistryDomains: true }).requirements.find((r) => r.peer.value === 'private.us.icr.io')!;
    expect(priv.purpose).toBe('Container Registry registry us-south (Dallas) over the IBM private network');
  });

  test('every region: 13 domains and 14 delivery domains', () => {
    const set = ibmVpcProfile({ ...base, registryRegions: [...IBM_REGISTRY_REGION_CODES] });
    expect(set.requirements.filter((r) => r.primarySource.section === 'registry-regions').length).toBe(13);
    expect(set.requirements.filter((r) => r.primarySource.section === 'registry-delivery-domains').length).toBe(14);
    expect(set.requirements.filter((r) => r.portsText === '4443')).toEqual([]);
  });

  test('legacy-2020 adds TCP 4443 to the registry hosts the 2020 page listed, and only to those', () => {
    const peers = registryPeers({ masterPortRange: IbmMasterPortRange.LEGACY_2020, registryRegions: ['us-south', 'br-sao', 'eu-gb'] });
    expect(peers.filter((p) => p.startsWith('tcp/4443'))).toEqual(['tcp/4443 icr.io', 'tcp/4443 uk.icr.io', 'tcp/4443 us.icr.io']);
    expect(peers.filter((p) => p.startsWith('https/443')).length).toBe(9);
    const set = ibmVpcProfile({ ...base, masterPortRange: IbmMasterPortRange.LEGACY_2020 });
    const legacy = set.requirements.filter((r) => r.primarySource.section === 'registry-legacy-port');
    expect(legacy.map((r) => r.peer.value)).toEqual(['icr.io', 'us.icr.io']);
    expect(legacy[0].purpose).toBe('ibmcloud cr: Container Registry port 4443 (2020-03-16 documentation)');
    expect(legacy[0].primarySource).toMatchObject({ date: '2020-03-16', url: `${FIREWALL_URL}#vpc-firewall_bx` });
    expect(registryPeers({ masterPortRange: IbmMasterPortRange.LEGACY_2020, registryRegions: ['br-sao'], globalRegistry: false })).toEqual([
      'https/443 br.icr.io',
      'https/443 dd0.br.icr.io',
    ]);
  });
});

describe('ibmVpcProfile master endpoints and etcd', () => {
  const PUBLIC = 'c3.us-south.containers.cloud.ibm.com';
  const PRIVATE = 'c3-private.us-south.containers.cloud.ibm.com';

  test('without endpoints there are no master rows', () => {
    expect(ibmVpcProfile(base).requirements.filter((r) => r.portsText.includes('32767') && r.direction === Direction.EGRESS)).toEqual([]);
  });

  test('hosts get TCP to the current range 30000-32767, citing the newest page', () => {
    const set = ibmVpcProfile({ ...base, masterEndpoints: [PUBLIC, PRIVATE] });
    const master = set.requirements.filter((r) => r.primarySource.section === 'master-access');
    expect(master.map((r) => `${r.direction} ${r.protocol} ${r.portsText} ${r.peer.value}`)).toEqual([
      `egress tcp 30000-32767 ${PRIVATE}`,
      `egress tcp 30000-32767 ${PUBLIC}`,
    ]);
    expect(master[0].purpose).toBe('kubectl: cluster master service endpoint');
    expect(master[0].metadata).toEqual({ firewall: 'corporate' });
    expect(master[0].primarySource).toEqual({
      catalog: 'ibm-vpc',
      section: 'master-access',
      sectionTitle: 'Running `kubectl` commands from behind a firewall',
      title: 'Opening required ports and IP addresses in allowlists',
      url: FIREWALL_URL,
      date: '2025-10-01',
    });
    expect(set.size).toBe(11);
  });

  test('legacy-2020 opens 20000-32767, citing the 2020 page', () => {
    const set = ibmVpcProfile({ ...base, masterEndpoints: [PUBLIC], masterPortRange: IbmMasterPortRange.LEGACY_2020 });
    const master = set.requirements.filter((r) => r.primarySource.section === 'master-access');
    expect(master.map((r) => `${r.protocol} ${r.portsText} ${r.peer.value}`)).toEqual([`tcp 20000-32767 ${PUBLIC}`]);
    expect(master[0].primarySource).toMatchObject({ date: '2020-03-16', url: `${FIREWALL_URL}#vpc-firewall_kubectl` });
  });

  test('a Service Endpoint URL narrows the rule to its port', () => {
    const set = ibmVpcProfile({ ...base, masterEndpoints: [`https://${PUBLIC}:30426`, `https://${PRIVATE}:31140/version`] });
    expect(set.requirements.filter((r) => r.primarySource.section === 'master-access').map((r) => `${r.portsText} ${r.peer.value}`)).toEqual([
      `31140 ${PRIVATE}`,
      `30426 ${PUBLIC}`,
    ]);
    expect(parseMasterEndpoint(`${PUBLIC}:20267`, IbmMasterPortRange.LEGACY_2020, 'test').ports.toString()).toBe('20267');
    expect(parseMasterEndpoint(`HTTPS://C3.US-SOUTH.containers.cloud.ibm.com`, IbmMasterPortRange.CURRENT, 'test')).toMatchObject({ host: PUBLIC });
  });

  test('the etcd port adds calicoctl rows to each master host', () => {
    const set = ibmVpcProfile({ ...base, masterEndpoints: [`https://${PUBLIC}:30426`, PUBLIC, PRIVATE], etcdPort: 31234 });
    const calico = set.requirements.filter((r) => r.primarySource.section === 'calicoctl-access');
    expect(calico.map((r) => `${r.direction} ${r.protocol} ${r.portsText} ${r.peer.value}`)).toEqual([`egress tcp 31234 ${PRIVATE}`, `egress tcp 31234 ${PUBLIC}`]);
    expect(calico[0].purpose).toBe('calicoctl: Calico policies through the master etcd port');
    expect(calico[0].primarySource).toMatchObject({
      sectionTitle: 'Running `calicoctl` commands from behind a firewall',
      url: `${FIREWALL_URL}#vpc-firewall_calicoctl`,
      date: '2020-03-16',
    });
  });

  test('master port ranges', () => {
    expect(IBM_MASTER_PORT_RANGES).toEqual(['current', 'legacy-2020']);
    expect(IBM_MASTER_PORTS).toEqual({ current: { from: 30000, to: 32767 }, 'legacy-2020': { from: 20000, to: 32767 } });
  });
});

describe('ibmVpcProfile node ports and admin access', () => {
  test('nodePortsFromAnywhere emits only the 0.0.0.0/0 row', () => {
    const set = ibmVpcProfile({ ...base, nodePortsFromAnywhere: true });
    const ingress = set.requirements.filter((r) => r.direction === Direction.INGRESS);
    expect(ingress.map((r) => `${r.protocol} ${r.portsText} ${r.peer.value} ${r.primarySource.section}`)).toEqual(['tcp 30000-32767 0.0.0.0/0 node-ports']);
    expect(ingress[0].purpose).toBe('Node ports on the workers from any source (nodePortsFromAnywhere)');
    expect(ingress[0].metadata).toEqual({ firewall: 'vpc-security-group' });
  });

  test('ingressMonitoringPort admits the NS1 Connect Monitoring ranges, for the Ingress load balancer', () => {
    expect(IBM_NS1_MONITORING_CIDRS).toEqual(['163.114.225.0/24', '163.114.230.0/24', '163.114.231.0/24']);
    expect(ibmVpcProfile(base).requirements.filter((r) => r.primarySource.section === 'ingress-monitoring')).toEqual([]);
    const set = ibmVpcProfile({ ...base, adminAccess: false, ingressMonitoringPort: 443 });
    expect(flows(set)).toEqual([
      'ingress tcp 30000-32767 10.240.0.0/24 node-ports',
      'ingress tcp 30000-32767 10.240.64.0/24 node-ports',
      'ingress tcp 443 163.114.225.0/24 ingress-monitoring',
      'ingress tcp 443 163.114.230.0/24 ingress-monitoring',
      'ingress tcp 443 163.114.231.0/24 ingress-monitoring',
    ]);
    const row = set.requirements.find((r) => r.primarySource.section === 'ingress-monitoring')!;
    expect(row.purpose).toBe('Ingress subdomain monitoring: health checks from the IBM NS1 Connect Monitoring IP ranges');
    expect(row.metadata).toEqual({ firewall: IbmFirewall.INGRESS_LOAD_BALANCER });
    expect(row.primarySource).toEqual({
      catalog: 'ibm-vpc',
      section: 'ingress-monitoring',
      sectionTitle: 'Optional: Allow incoming network traffic for Ingress subdomain monitoring',
      title: 'Opening required ports and IP addresses in allowlists',
      url: FIREWALL_URL,
      date: '2025-10-01',
    });
    expect(flows(ibmVpcProfile({ ...base, adminAccess: false, ingressMonitoringPort: 80 })).filter((f) => f.endsWith('ingress-monitoring'))).toEqual([
      'ingress tcp 80 163.114.225.0/24 ingress-monitoring',
      'ingress tcp 80 163.114.230.0/24 ingress-monitoring',
      'ingress tcp 80 163.114.231.0/24 ingress-monitoring',
    ]);
  });

  test('adminAccess false leaves only the security group rows', () => {
    const set = ibmVpcProfile({ ...base, adminAccess: false, masterEndpoints: ['c3.us-south.containers.cloud.ibm.com'], etcdPort: 31234 });
    expect(flows(set)).toEqual(['ingress tcp 30000-32767 10.240.0.0/24 node-ports', 'ingress tcp 30000-32767 10.240.64.0/24 node-ports']);
  });

  test('a full profile, every row', () => {
    const set = ibmVpcProfile({
      region: 'eu-de',
      subnetCidrs: ['10.243.0.0/24'],
      registryRegions: ['eu-de', 'eu-gb'],
      masterEndpoints: ['c7.eu-de.containers.cloud.ibm.com', 'c7-private.eu-de.containers.cloud.ibm.com'],
      etcdPort: 30999,
      masterPortRange: IbmMasterPortRange.LEGACY_2020,
      privateRegistryDomains: true,
    });
    expect(flows(set)).toEqual([
      'egress tcp 20000-32767 c7-private.eu-de.containers.cloud.ibm.com master-access',
      'egress tcp 30999 c7-private.eu-de.containers.cloud.ibm.com calicoctl-access',
      'egress tcp 20000-32767 c7.eu-de.containers.cloud.ibm.com master-access',
      'egress tcp 30999 c7.eu-de.containers.cloud.ibm.com calicoctl-access',
      'egress https 443 cloud.ibm.com cli-access',
      'egress https 443 containers.cloud.ibm.com cli-access',
      'egress https 443 dd0.de.icr.io registry-delivery-domains',
      'egress https 443 dd0.icr.io registry-delivery-domains',
      'egress https 443 dd0.uk.icr.io registry-delivery-domains',
      'egress https 443 dd2.icr.io registry-delivery-domains',
      'egress https 443 de.icr.io registry-regions',
      'egress tcp 4443 de.icr.io registry-legacy-port',
      'egress https 443 icr.io registry-regions',
      'egress tcp 4443 icr.io registry-legacy-port',
      'egress https 443 private.de.icr.io registry-regions',
      'egress https 443 private.icr.io registry-regions',
      'egress https 443 private.uk.icr.io registry-regions',
      'egress https 443 uk.icr.io registry-regions',
      'egress tcp 4443 uk.icr.io registry-legacy-port',
      'ingress tcp 30000-32767 10.243.0.0/24 node-ports',
    ]);
  });
});

describe('ibmVpcProfile rejections', () => {
  test('unknown region, with a suggestion when close', () => {
    expect(() => ibmVpcProfile({ ...base, region: 'us-sout' })).toThrow(
      `Unknown VPC region "us-sout" (from profile ibm-vpc option region). Did you mean "us-south"? Valid values: ${IBM_VPC_REGIONS.join(', ')}.`,
    );
    expect(() => ibmVpcProfile({ ...base, region: 'westeurope' })).toThrow(
      `Unknown VPC region "westeurope" (from profile ibm-vpc option region). Valid values: ${IBM_VPC_REGIONS.join(', ')}.`,
    );
  });

  test('missing region', () => {
    expect(() => ibmVpcProfile({ region: '', subnetCidrs: SUBNETS })).toThrow(
      "Missing required option region: the VPC region selects the default registry region (from profile ibm-vpc). For example: region: 'us-south' (--region us-south).",
    );
  });

  test('unknown registry region, with a suggestion when close', () => {
    expect(() => ibmVpcProfile({ ...base, registryRegions: ['eu-de', 'eu-dee'] })).toThrow(
      `Unknown registry region "eu-dee" (from profile ibm-vpc option registryRegions[1]). Did you mean "eu-de"? Valid values: ${IBM_REGISTRY_REGION_CODES.join(', ')}.`,
    );
    expect(() => ibmVpcProfile({ ...base, registryRegions: ['global'] })).toThrow(
      `Unknown registry region "global" (from profile ibm-vpc option registryRegions[0]). Valid values: ${IBM_REGISTRY_REGION_CODES.join(', ')}.`,
    );
  });

  test('missing subnetCidrs', () => {
    const message =
      "Missing required option subnetCidrs: the node ports are opened only to the cluster's VPC subnets (from profile ibm-vpc). For example: subnetCidrs: ['10.240.0.0/24', '10.240.64.0/24'] (--subnet-cidrs 10.240.0.0/24,10.240.64.0/24).";
    expect(() => ibmVpcProfile({ region: 'us-south', subnetCidrs: [] })).toThrow(message);
    expect(() => ibmVpcProfile({ region: 'us-south' } as IbmVpcProfileOptions)).toThrow(message);
    expect(() => ibmVpcProfile({ region: 'us-south', subnetCidrs: [], nodePortsFromAnywhere: true })).toThrow(message);
  });

  test('subnet CIDR with host bits: suggests the network', () => {
    expect(() => ibmVpcProfile({ ...base, subnetCidrs: ['10.240.0.0/24', '10.240.64.17/18'] })).toThrow(
      'Invalid CIDR "10.240.64.17/18": host bits are set after the prefix (from profile ibm-vpc option subnetCidrs[1]). Did you mean 10.240.64.0/18?',
    );
  });

  test('subnet CIDR that is not an address, or IPv6', () => {
    expect(() => ibmVpcProfile({ ...base, subnetCidrs: ['10.240.0/24'] })).toThrow(
      'Invalid CIDR "10.240.0/24": "10.240.0" is not a dotted-decimal IPv4 address (from profile ibm-vpc option subnetCidrs[0]). Use an IPv4 or IPv6 address or CIDR such as 10.0.0.0/16.',
    );
    expect(() => ibmVpcProfile({ ...base, subnetCidrs: ['fd00::/64'] })).toThrow(
      'Invalid CIDR "fd00::/64": IBM Cloud VPC subnets and security group rules are IPv4 only (from profile ibm-vpc option subnetCidrs[0]).',
    );
  });

  test.each([
    [0, 'Invalid port "0": 0 is outside 1-65535 (from profile ibm-vpc option etcdPort).'],
    [65536, 'Invalid port "65536": 65536 is outside 1-65535 (from profile ibm-vpc option etcdPort).'],
    [2379.5, 'Invalid port "2379.5": a port must be a whole number (from profile ibm-vpc option etcdPort).'],
  ])('etcd port %p', (etcdPort, message) => {
    expect(() => ibmVpcProfile({ ...base, masterEndpoints: ['c3.us-south.containers.cloud.ibm.com'], etcdPort })).toThrow(message);
  });

  test('ingress monitoring port out of range', () => {
    expect(() => ibmVpcProfile({ ...base, ingressMonitoringPort: 0 })).toThrow('Invalid port "0": 0 is outside 1-65535 (from profile ibm-vpc option ingressMonitoringPort).');
    expect(() => IBM_VPC_PROFILE.build({ region: 'us-south', subnetCidrs: SUBNETS, ingressMonitoringPort: 'https' })).toThrow(
      'Invalid --ingress-monitoring-port "https" (from profile ibm-vpc option ingressMonitoringPort). --ingress-monitoring-port takes a whole decimal number from 1 to 65535.',
    );
  });

  test('etcd port without master endpoints', () => {
    expect(() => ibmVpcProfile({ ...base, etcdPort: 31234 })).toThrow(
      "Missing required option masterEndpoints: calicoctl reaches the etcd port on the master endpoint host (from profile ibm-vpc option etcdPort). For example: masterEndpoints: ['c3.us-south.containers.cloud.ibm.com'] (--master-endpoints c3.us-south.containers.cloud.ibm.com).",
    );
  });

  test('unknown master port range', () => {
    expect(() => ibmVpcProfile({ ...base, masterPortRange: 'legacy' as IbmMasterPortRange })).toThrow(
      'Unknown master port range "legacy" (from profile ibm-vpc option masterPortRange). Valid values: current, legacy-2020.',
    );
    expect(() => ibmVpcProfile({ ...base, masterPortRange: 'legacy-202' as IbmMasterPortRange })).toThrow(
      'Unknown master port range "legacy-202" (from profile ibm-vpc option masterPortRange). Did you mean "legacy-2020"? Valid values: current, legacy-2020.',
    );
  });

  test('master endpoint that is not an IBM master host', () => {
    expect(() => ibmVpcProfile({ ...base, masterEndpoints: ['c3.us-south.example.com'] })).toThrow(
      'Invalid master service endpoint "c3.us-south.example.com" (from profile ibm-vpc option masterEndpoints[0]). Master service endpoints end with .containers.cloud.ibm.com, e.g. c3.us-south.containers.cloud.ibm.com or c3-private.us-south.containers.cloud.ibm.com.',
    );
    expect(() => ibmVpcProfile({ ...base, masterEndpoints: ['http://c3.us-south.containers.cloud.ibm.com:30426'] })).toThrow(
      'Invalid master service endpoint "http://c3.us-south.containers.cloud.ibm.com:30426" (from profile ibm-vpc option masterEndpoints[0]). Give the host or URL from `ibmcloud ks cluster get`, e.g. c3.us-south.containers.cloud.ibm.com or https://c3.us-south.containers.cloud.ibm.com:30426.',
    );
    expect(() => ibmVpcProfile({ ...base, masterEndpoints: ['c3_x.us-south.containers.cloud.ibm.com'] })).toThrow(
      'Invalid domain name "c3_x.us-south.containers.cloud.ibm.com": label "c3_x" is not a valid DNS label (from profile ibm-vpc option masterEndpoints[0]).',
    );
  });

  test('master URL port outside the range', () => {
    expect(() => ibmVpcProfile({ ...base, masterEndpoints: ['https://c3.us-south.containers.cloud.ibm.com:20267'] })).toThrow(
      'Invalid port "20267": it is outside the master port range 30000-32767; clusters created under the 2020 documentation use 20000-32767: set masterPortRange to legacy-2020 (from profile ibm-vpc option masterEndpoints[0]).',
    );
    expect(() =>
      ibmVpcProfile({ ...base, masterPortRange: IbmMasterPortRange.LEGACY_2020, masterEndpoints: ['https://c3.us-south.containers.cloud.ibm.com:8443'] }),
    ).toThrow('Invalid port "8443": it is outside the master port range 20000-32767 (from profile ibm-vpc option masterEndpoints[0]).');
    expect(() => ibmVpcProfile({ ...base, masterEndpoints: ['c3.us-south.containers.cloud.ibm.com:30000-30001'] })).toThrow(
      'Invalid port "30000-30001": a service endpoint URL has a single port (from profile ibm-vpc option masterEndpoints[0]).',
    );
    expect(() => ibmVpcProfile({ ...base, masterEndpoints: ['c3.us-south.containers.cloud.ibm.com:abc'] })).toThrow(
      'Invalid port "abc": it is not a port number or a low-high range (from profile ibm-vpc option masterEndpoints[0]).',
    );
  });

  test('validates before building: one bad option, nothing returned', () => {
    expect(() => ibmVpcProfile({ ...base, registryRegions: ['nowhere'] })).toThrow(FirewallRequirementsError);
  });
});

describe('ibmWorkerAllowlist', () => {
  test('aggregates the subnets exactly and lists gateway IPs', () => {
    const allowlist = ibmWorkerAllowlist({ subnetCidrs: ['10.240.1.0/24', '10.240.0.0/24', '10.240.64.0/24'], publicGatewayIps: ['169.48.1.9', '150.240.2.3/32'] });
    expect(allowlist.privateNetworkSources).toEqual(['10.240.0.0/23', '10.240.64.0/24']);
    expect(allowlist.publicNetworkSources).toEqual(['150.240.2.3/32', '169.48.1.9/32']);
    expect(allowlist.source).toEqual({
      catalog: 'ibm-vpc',
      section: 'worker-allowlist',
      sectionTitle: "Allowing traffic from your cluster in other services' allowlists",
      title: 'Opening required ports and IP addresses in allowlists',
      url: FIREWALL_URL,
      date: '2025-10-01',
    });
    expect(ibmWorkerAllowlist({ subnetCidrs: ['10.240.0.0/24'] }).publicNetworkSources).toEqual([]);
  });

  test('rejections', () => {
    expect(() => ibmWorkerAllowlist({ subnetCidrs: [] })).toThrow(
      "Missing required option subnetCidrs: the allowlist is built from the cluster's VPC subnets (from ibmWorkerAllowlist). For example: subnetCidrs: ['10.240.0.0/24'].",
    );
    expect(() => ibmWorkerAllowlist({ subnetCidrs: ['10.240.0.1/24'] })).toThrow(
      'Invalid CIDR "10.240.0.1/24": host bits are set after the prefix (from ibmWorkerAllowlist option subnetCidrs[0]). Did you mean 10.240.0.0/24?',
    );
    expect(() => ibmWorkerAllowlist({ subnetCidrs: ['10.240.0.0/24'], publicGatewayIps: ['2001:db8::1'] })).toThrow(
      'Invalid CIDR "2001:db8::1": IBM Cloud VPC subnets and security group rules are IPv4 only (from ibmWorkerAllowlist option publicGatewayIps[0]).',
    );
  });
});

describe('IBM_VPC_PROFILE', () => {
  test('CLI name and flags mirror the options', () => {
    expect(IBM_VPC_PROFILE.name).toBe('ibm-vpc');
    expect(IBM_VPC_PROFILE.options.map((o) => [o.name, o.flag, o.type, o.required ?? false, o.defaultText])).toEqual([
      ['region', 'region', OptionType.STRING, true, undefined],
      ['subnetCidrs', 'subnet-cidrs', OptionType.CIDR_LIST, true, undefined],
      ['adminAccess', 'admin-access', OptionType.BOOLEAN, false, 'true'],
      ['registryRegions', 'registry-regions', OptionType.CHOICE_LIST, false, 'the registry region of --region (us-south for us-east)'],
      ['globalRegistry', 'global-registry', OptionType.BOOLEAN, false, 'true'],
      ['privateRegistryDomains', 'private-registry-domains', OptionType.BOOLEAN, false, 'false'],
      ['masterPortRange', 'master-port-range', OptionType.CHOICE, false, 'current'],
      ['masterEndpoints', 'master-endpoints', OptionType.STRING_LIST, false, 'none'],
      ['etcdPort', 'etcd-port', OptionType.INTEGER, false, 'none'],
      ['nodePortsFromAnywhere', 'node-ports-from-anywhere', OptionType.BOOLEAN, false, 'false'],
      ['ingressMonitoringPort', 'ingress-monitoring-port', OptionType.INTEGER, false, 'none'],
      ['workerEgress', 'worker-egress', OptionType.CHOICE, false, 'none'],
      ['vpeGatewayIps', 'vpe-gateway-ips', OptionType.HOST_LIST, false, 'none'],
      ['clusterVersion', 'cluster-version', OptionType.STRING, false, 'none'],
      ['podSubnetCidr', 'pod-subnet-cidr', OptionType.STRING, false, '172.17.0.0/18'],
      ['iamPrivateEndpointIps', 'iam-private-endpoint-ips', OptionType.HOST_LIST, false, 'none'],
      ['customDnsResolvers', 'custom-dns-resolvers', OptionType.HOST_LIST, false, 'none'],
      ['loadBalancerHealthChecks', 'load-balancer-health-checks', OptionType.BOOLEAN, false, 'false'],
    ]);
    expect(IBM_VPC_PROFILE.options.find((o) => o.name === 'registryRegions')!.choices).toEqual(IBM_REGISTRY_REGION_CODES);
    expect(IBM_VPC_PROFILE.options.find((o) => o.name === 'masterPortRange')!.choices).toEqual(['current', 'legacy-2020']);
  });

  test('builds from parsed flags (strings, lists, booleans)', () => {
    const set = IBM_VPC_PROFILE.build({
      region: 'us-south',
      subnetCidrs: ['10.240.0.0/24'],
      registryRegions: ['eu-de'],
      globalRegistry: false,
      masterEndpoints: ['c3.us-south.containers.cloud.ibm.com'],
      etcdPort: '31234',
      masterPortRange: 'current',
      adminAccess: true,
      privateRegistryDomains: false,
      nodePortsFromAnywhere: false,
      ingressMonitoringPort: '8443',
    });
    expect(flows(set)).toEqual([
      'egress tcp 30000-32767 c3.us-south.containers.cloud.ibm.com master-access',
      'egress tcp 31234 c3.us-south.containers.cloud.ibm.com calicoctl-access',
      'egress https 443 cloud.ibm.com cli-access',
      'egress https 443 containers.cloud.ibm.com cli-access',
      'egress https 443 dd0.de.icr.io registry-delivery-domains',
      'egress https 443 de.icr.io registry-regions',
      'ingress tcp 30000-32767 10.240.0.0/24 node-ports',
      'ingress tcp 8443 163.114.225.0/24 ingress-monitoring',
      'ingress tcp 8443 163.114.230.0/24 ingress-monitoring',
      'ingress tcp 8443 163.114.231.0/24 ingress-monitoring',
    ]);
    expect(IBM_VPC_PROFILE.build({ region: 'us-south', subnetCidrs: SUBNETS }).size).toBe(9);
  });

  test('rejects bad flag values', () => {
    expect(() => IBM_VPC_PROFILE.build({ subnetCidrs: SUBNETS })).toThrow('Missing required option region');
    expect(() => IBM_VPC_PROFILE.build({ region: 'us-south' })).toThrow('Missing required option subnetCidrs');
    expect(() =>
      IBM_VPC_PROFILE.build({ region: 'us-south', subnetCidrs: SUBNETS, masterEndpoints: ['c3.us-south.containers.cloud.ibm.com'], etcdPort: 'etcd' }),
    ).toThrow('Invalid --etcd-port "etcd" (from profile ibm-vpc option etcdPort). --etcd-port takes a whole decimal number from 1 to 65535.');
    expect(() =>
      IBM_VPC_PROFILE.build({ region: 'us-south', subnetCidrs: SUBNETS, masterEndpoints: ['c3.us-south.containers.cloud.ibm.com'], etcdPort: '65536' }),
    ).toThrow('Invalid port "65536": 65536 is outside 1-65535 (from profile ibm-vpc option etcdPort).');
    expect(() => IBM_VPC_PROFILE.build({ region: 'us-south', subnetCidrs: SUBNETS, nodePortsFromAnywhere: 'yes' })).toThrow(
      'Invalid --node-ports-from-anywhere "yes" (from profile ibm-vpc option nodePortsFromAnywhere). --node-ports-from-anywhere is true or false.',
    );
    expect(() => IBM_VPC_PROFILE.build({ region: 'us-south', subnetCidrs: [1] })).toThrow(
      'Invalid --subnet-cidrs "1" (from profile ibm-vpc option subnetCidrs). --subnet-cidrs takes values separated by commas.',
    );
    expect(() => IBM_VPC_PROFILE.build({ region: ['us-south'], subnetCidrs: SUBNETS })).toThrow(
      'Invalid --region "us-south" (from profile ibm-vpc option region). --region takes one value.',
    );
  });
});

describe('least privilege by coverage', () => {
  const halves = ['0.0.0.0/1', '128.0.0.0/1'];

  test('subnets that together cover every address are refused without nodePortsFromAnywhere, naming them', () => {
    const e = errorOf(() => ibmVpcProfile({ ...base, subnetCidrs: halves }));
    expect(e).toBeInstanceOf(FirewallRequirementsError);
    expect(e.code).toBe('any-address');
    expect(e.message).toBe(
      'Invalid subnet CIDR "0.0.0.0/1, 128.0.0.0/1 (together 0.0.0.0/0)" (from profile ibm-vpc option subnetCidrs: profile ibm-vpc option subnetCidrs[0], profile ibm-vpc option subnetCidrs[1]). These networks together cover every IPv4 address. ' +
        'The node ports would be open to the internet. Give the VPC subnets of the cluster (ibmcloud is subnets), or set nodePortsFromAnywhere: true (--node-ports-from-anywhere) to open them to any source deliberately.',
    );
    expect(() => ibmVpcProfile({ ...base, subnetCidrs: ['10.240.0.0/24', '0.0.0.0/0'] })).toThrow(
      'Invalid subnet CIDR "0.0.0.0/0" (from profile ibm-vpc option subnetCidrs[1]). 0.0.0.0/0 allows every IPv4 address.',
    );
    const quarters = ['0.0.0.0/2', '64.0.0.0/2', '128.0.0.0/2', '192.0.0.0/2'];
    expect(() => ibmVpcProfile({ ...base, subnetCidrs: quarters })).toThrow('(together 0.0.0.0/0)');
  });

  test('nodePortsFromAnywhere is the named opt-in: one any-source row instead of the subnets', () => {
    const set = ibmVpcProfile({ ...base, subnetCidrs: halves, nodePortsFromAnywhere: true, adminAccess: false });
    expect(set.requirements.map((r) => `${r.direction} ${r.protocol} ${r.portsText} ${r.peer.value}`)).toEqual(['ingress tcp 30000-32767 0.0.0.0/0']);
  });

  test('wide subnets that leave some address out are accepted', () => {
    const set = ibmVpcProfile({ ...base, subnetCidrs: ['0.0.0.0/1', '128.0.0.0/2'], adminAccess: false });
    expect(set.requirements.map((r) => r.peer.value)).toEqual(['0.0.0.0/1', '128.0.0.0/2']);
  });

  test('the worker allowlist refuses subnets that cover every address, with no opt-in', () => {
    const e = errorOf(() => ibmWorkerAllowlist({ subnetCidrs: halves }));
    expect(e.code).toBe('any-address');
    expect(e.message).toContain('Invalid subnet CIDR "0.0.0.0/1, 128.0.0.0/1 (together 0.0.0.0/0)" (from ibmWorkerAllowlist option subnetCidrs: ibmWorkerAllowlist option subnetCidrs[0], ibmWorkerAllowlist option subnetCidrs[1])');
    expect(e.message).toContain('so there is no opt-in');
  });

  test('gateway IPs are single machines: networks and reserved addresses are refused', () => {
    expect(() => ibmWorkerAllowlist({ subnetCidrs: SUBNETS, publicGatewayIps: ['169.48.1.0/24'] })).toThrow(
      'Invalid public gateway IP "169.48.1.0/24" (from ibmWorkerAllowlist option publicGatewayIps[0]). It must be one machine\'s address, not a network',
    );
    expect(() => ibmWorkerAllowlist({ subnetCidrs: SUBNETS, publicGatewayIps: ['0.0.0.0'] })).toThrow('(from ibmWorkerAllowlist option publicGatewayIps[0])');
  });
});

describe('runtime checks of every option', () => {
  const bad = (o: Record<string, unknown>) => () => ibmVpcProfile({ ...base, ...o } as unknown as IbmVpcProfileOptions);

  test.each<[string, Record<string, unknown>, string]>([
    ['a string for subnetCidrs', { subnetCidrs: '10.240.0.0/24' }, 'Invalid subnetCidrs (string, expected an array) "10.240.0.0/24" (from profile ibm-vpc option subnetCidrs). Give subnetCidrs as an array, e.g. ["10.240.0.0/24"].'],
    ['a number in subnetCidrs', { subnetCidrs: [10] }, 'Invalid subnetCidrs (number, expected a string) "10" (from profile ibm-vpc option subnetCidrs[0])'],
    ['a token in subnetCidrs', { subnetCidrs: ['${var.subnet}'] }, 'Invalid entry of subnetCidrs "${var.subnet}" (from profile ibm-vpc option subnetCidrs[0]). subnetCidrs must hold literals known at synth'],
    ["'false' for nodePortsFromAnywhere", { nodePortsFromAnywhere: 'false' }, 'Invalid nodePortsFromAnywhere (string, expected true or false) "false" (from profile ibm-vpc option nodePortsFromAnywhere)'],
    ['1 for adminAccess', { adminAccess: 1 }, 'Invalid adminAccess (number, expected true or false) "1" (from profile ibm-vpc option adminAccess)'],
    ['a string for globalRegistry', { globalRegistry: 'yes' }, 'Invalid globalRegistry (string, expected true or false) "yes"'],
    ['a string for privateRegistryDomains', { privateRegistryDomains: 'true' }, 'Invalid privateRegistryDomains (string, expected true or false) "true"'],
    ['a string for registryRegions', { registryRegions: 'eu-de' }, 'Invalid registryRegions (string, expected an array) "eu-de" (from profile ibm-vpc option registryRegions). Give registryRegions as an array, e.g. ["eu-de"].'],
    ['a string for masterEndpoints', { masterEndpoints: 'c3.us-south.containers.cloud.ibm.com' }, 'Invalid masterEndpoints (string, expected an array)'],
    ['a number for region', { region: 7 }, 'Invalid region (number, expected a string) "7" (from profile ibm-vpc option region)'],
    ['a token for region', { region: '${var.region}' }, 'Invalid region "${var.region}" (from profile ibm-vpc option region). region must be a literal known at synth'],
    ['NaN for etcdPort', { etcdPort: NaN, masterEndpoints: ['c3.us-south.containers.cloud.ibm.com'] }, 'Invalid etcdPort "NaN" (from profile ibm-vpc option etcdPort). etcdPort is a whole number from 1 to 65535.'],
    ['Infinity for ingressMonitoringPort', { ingressMonitoringPort: Infinity }, 'Invalid ingressMonitoringPort "Infinity" (from profile ibm-vpc option ingressMonitoringPort)'],
    ['a string for ingressMonitoringPort', { ingressMonitoringPort: '443' }, 'Invalid ingressMonitoringPort (string, expected a number) "443"'],
    ['a number token for etcdPort', { etcdPort: -8.1e298, masterEndpoints: ['c3.us-south.containers.cloud.ibm.com'] }, 'Invalid etcdPort "<unresolved Terraform token>" (from profile ibm-vpc option etcdPort). etcdPort must be a literal number known at synth'],
    ['a number for masterPortRange', { masterPortRange: 2020 }, 'Unknown master port range "2020" (from profile ibm-vpc option masterPortRange). Valid values: current, legacy-2020.'],
    ['an unknown option', { nodePortsFromAnywere: true }, 'Unknown property "nodePortsFromAnywere" (from profile ibm-vpc). Did you mean "nodePortsFromAnywhere"?'],
  ])('%s', (_what, options, message) => {
    const e = errorOf(bad(options));
    expect(e).toBeInstanceOf(FirewallRequirementsError);
    expect(e.message).toContain(message);
  });

  test('options that are not an object', () => {
    expect(() => ibmVpcProfile(undefined as unknown as IbmVpcProfileOptions)).toThrow('Missing required option region');
    expect(() => ibmVpcProfile(null as unknown as IbmVpcProfileOptions)).toThrow('Invalid props "null" (from profile ibm-vpc)');
    expect(() => ibmWorkerAllowlist('10.240.0.0/24' as unknown as { subnetCidrs: string[] })).toThrow('Invalid props "10.240.0.0/24" (from ibmWorkerAllowlist)');
  });
});

describe('the workers\' own egress', () => {
  const SG_URL = 'https://github.com/ibm-cloud-docs/containers/blob/0f16cc7f8c548c97b0b85abcd942e83918414b6c/vpc-security-group.md';
  const VPE = ['10.240.0.5', '10.240.64.5'];
  const rows = (set: RequirementSet, section: string) =>
    set.requirements.filter((r) => r.primarySource.section === section).map((r) => `${r.direction} ${r.protocol} ${r.portsText || '-'} ${r.peer.value}`);

  test('minimum: ALL to 161.26.0.0/16, 166.8.0.0/14, the workers and the VPE gateways; ALL from the workers (2023-01-06 rules)', () => {
    const set = ibmVpcProfile({ ...base, workerEgress: IbmWorkerEgress.MINIMUM, vpeGatewayIps: VPE });
    expect(rows(set, 'worker-minimum-rules').sort()).toEqual(
      [
        'egress any - 161.26.0.0/16',
        'egress any - 166.8.0.0/14',
        'egress any - 10.240.0.0/24',
        'egress any - 10.240.64.0/24',
        'egress any - 10.240.0.5/32',
        'egress any - 10.240.64.5/32',
        'ingress any - 10.240.0.0/24',
        'ingress any - 10.240.64.0/24',
      ].sort(),
    );
    for (const r of set.requirements.filter((q) => q.primarySource.section === 'worker-minimum-rules')) {
      expect(r.primarySource).toMatchObject({ url: `${SG_URL}#required-group-rules-workers`, date: '2023-01-06' });
      expect(r.metadata.firewall).toBe('vpc-security-group');
      expect(r.necessity.conditions[0].text).toContain('before Kubernetes 1.30 / Red Hat OpenShift 4.15');
    }
  });

  test('secure-by-default at 1.30: Pod subnet, VPE gateways, IAM endpoints, DNS resolvers on 53; no metadata service before 1.33', () => {
    const options = {
      ...base,
      workerEgress: IbmWorkerEgress.SECURE_BY_DEFAULT,
      clusterVersion: '1.30',
      vpeGatewayIps: VPE,
      iamPrivateEndpointIps: ['166.9.10.20'],
      customDnsResolvers: ['10.240.0.53'],
    };
    const set = ibmVpcProfile(options);
    expect(rows(set, 'secure-by-default-cluster-group').sort()).toEqual(
      [
        'egress any - 161.26.0.0/16',
        'egress any - 166.8.0.0/14',
        'egress any - 172.17.0.0/18',
        'egress any - 10.240.0.5/32',
        'egress any - 10.240.64.5/32',
        'egress any - 166.9.10.20/32',
        'egress udp 53 10.240.0.53/32',
        'egress tcp 53 10.240.0.53/32',
      ].sort(),
    );
    const [pods] = set.requirements.filter((r) => r.peer.value === '172.17.0.0/18');
    expect(pods.primarySource).toMatchObject({ title: 'Understanding secure by default Cluster VPC Networking', date: '2026-10-09' });
    expect(pods.necessity.conditions[0].text).toContain('Kubernetes 1.30+ / Red Hat OpenShift 4.15+');
    expect(pods.metadata.note).toContain("catalog review's summary");
  });

  test('secure-by-default from 1.33 / 4.18 adds the metadata service; a custom Pod subnet', () => {
    for (const clusterVersion of ['1.33', '4.18', '1.34.2']) {
      const set = ibmVpcProfile({ ...base, workerEgress: IbmWorkerEgress.SECURE_BY_DEFAULT, clusterVersion, vpeGatewayIps: VPE, iamPrivateEndpointIps: ['166.9.10.20'] });
      const [metadata] = set.requirements.filter((r) => r.peer.value === '169.254.169.254/32');
      expect(metadata.necessity.conditions[0].text).toBe('Secure by Default clusters at Kubernetes 1.33+ / Red Hat OpenShift 4.18+');
    }
    const before = ibmVpcProfile({ ...base, workerEgress: IbmWorkerEgress.SECURE_BY_DEFAULT, clusterVersion: '4.17', vpeGatewayIps: VPE, iamPrivateEndpointIps: ['166.9.10.20'] });
    expect(before.requirements.some((r) => r.peer.value === '169.254.169.254/32')).toBe(false);
    const custom = ibmVpcProfile({
      ...base,
      workerEgress: IbmWorkerEgress.SECURE_BY_DEFAULT,
      clusterVersion: '1.31',
      podSubnetCidr: '172.30.0.0/16',
      vpeGatewayIps: VPE,
      iamPrivateEndpointIps: ['166.9.10.20'],
    });
    expect(custom.requirements.map((r) => r.peer.value)).toContain('172.30.0.0/16');
    expect(custom.requirements.map((r) => r.peer.value)).not.toContain('172.17.0.0/18');
  });

  test('the CLI flags', () => {
    const set = IBM_VPC_PROFILE.build({
      region: 'us-south',
      subnetCidrs: '10.240.0.0/24',
      workerEgress: 'secure-by-default',
      clusterVersion: '1.33',
      vpeGatewayIps: '10.240.0.5',
      iamPrivateEndpointIps: '166.9.10.20',
    });
    expect(set.requirements.map((r) => r.peer.value)).toEqual(expect.arrayContaining(['172.17.0.0/18', '169.254.169.254/32', '10.240.0.5/32']));
  });

  test('rejections', () => {
    const bad = (o: Partial<IbmVpcProfileOptions>) => () => ibmVpcProfile({ ...base, ...o } as IbmVpcProfileOptions);
    expect(bad({ workerEgress: IbmWorkerEgress.MINIMUM })).toThrow('vpe-gateway-ips');
    expect(bad({ workerEgress: IbmWorkerEgress.MINIMUM })).toThrow('Set vpeGatewayIps (CLI --vpe-gateway-ips)');
    expect(bad({ workerEgress: IbmWorkerEgress.SECURE_BY_DEFAULT, vpeGatewayIps: VPE })).toThrow('Missing required option clusterVersion');
    expect(bad({ workerEgress: IbmWorkerEgress.SECURE_BY_DEFAULT, clusterVersion: '1.29', vpeGatewayIps: VPE })).toThrow(
      'Secure by Default exists for clusters created at Kubernetes 1.30+ / Red Hat OpenShift 4.15+; for this cluster use workerEgress: minimum.',
    );
    expect(bad({ workerEgress: IbmWorkerEgress.SECURE_BY_DEFAULT, clusterVersion: 'latest', vpeGatewayIps: VPE })).toThrow('Invalid clusterVersion "latest"');
    expect(bad({ workerEgress: IbmWorkerEgress.SECURE_BY_DEFAULT, clusterVersion: '1.33', vpeGatewayIps: VPE })).toThrow('Set iamPrivateEndpointIps');
    expect(bad({ workerEgress: 'all' as IbmWorkerEgress })).toThrow('Unknown worker egress "all"');
    expect(bad({ vpeGatewayIps: VPE })).toThrow('vpeGatewayIps is used only with workerEgress');
    expect(bad({ workerEgress: IbmWorkerEgress.MINIMUM, vpeGatewayIps: VPE, clusterVersion: '1.33' })).toThrow('clusterVersion is used only with workerEgress: secure-by-default');
    expect(bad({ workerEgress: IbmWorkerEgress.MINIMUM, vpeGatewayIps: ['10.240.0.0/24'] })).toThrow(FirewallRequirementsError);
    expect(bad({ workerEgress: IbmWorkerEgress.MINIMUM, vpeGatewayIps: '10.240.0.5' as unknown as string[] })).toThrow(FirewallRequirementsError);
  });
});

describe('control-plane CIDRs for a custom load-balancer security group', () => {
  test('the kube-samples files, one per region', () => {
    expect(IBM_CONTROL_PLANE_CIDRS.map((f) => [f.file, f.region, f.cidrs.length])).toEqual([
      ['dal', 'us-south', 6],
      ['fra', 'eu-de', 6],
      ['lon', 'eu-gb', 6],
      ['mad', 'eu-es', 6],
      ['osa', 'jp-osa', 6],
      ['sao', 'br-sao', 6],
      ['syd', 'au-syd', 3],
      ['tok', 'jp-tok', 6],
      ['tor', 'ca-tor', 6],
      ['wdc', 'us-east', 6],
    ]);
    expect(ibmControlPlaneIps('au-syd')!.cidrs).toEqual(['130.198.77.96/27', '135.90.83.160/27', '168.1.56.160/27']);
  });

  test('loadBalancerHealthChecks: inbound TCP 80 from each CIDR, for the load balancer, citing the file', () => {
    const set = ibmVpcProfile({ ...base, loadBalancerHealthChecks: true });
    const checks = set.requirements.filter((r) => r.primarySource.section === 'control-plane-ips-dal');
    expect(checks.map((r) => `${r.direction} ${r.protocol} ${r.portsText} ${r.peer.value}`).sort()).toEqual(
      ['150.238.229.128/27', '150.238.79.96/27', '169.47.195.48/28', '169.59.222.192/27', '169.62.175.0/28', '52.116.235.224/28'].map((c) => `ingress tcp 80 ${c}`).sort(),
    );
    for (const r of checks) {
      expect(r.metadata.firewall).toBe(IbmFirewall.INGRESS_LOAD_BALANCER);
      expect(r.primarySource.url).toBe('https://github.com/IBM-Cloud/kube-samples/tree/7057ed01e9989c277dcab1cb24dbb9be03266917/control-plane-ips');
      expect(r.metadata.note).toContain('control-plane-ips-dal.txt, last changed b29b0db 2022-04-11');
    }
  });

  test('a region without a file is refused, naming the regions that have one', () => {
    expect(() => ibmVpcProfile({ region: 'ca-mon', subnetCidrs: SUBNETS, loadBalancerHealthChecks: true })).toThrow(
      'IBM-Cloud/kube-samples control-plane-ips has no file for ca-mon',
    );
  });
});
