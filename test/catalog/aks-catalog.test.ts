import {
  AKS_CATALOG,
  AKS_FQDN_TAG,
  AKS_FQDN_TAG_SECTIONS,
  AKS_NOTES,
  AksCatalogTable,
  AksCloud,
  aksCatalogSet,
} from '../../lib/catalog/aks';
import { learnAnchor } from '../../lib/catalog/aks/catalog-table';
import { Direction, NecessityKind, Peer, PeerKind, Requirement } from '../../lib/model';

const PUBLIC = AksCloud.AZURE_PUBLIC;
const CHINA = AksCloud.AZURE_CHINA;
const US_GOV = AksCloud.AZURE_US_GOVERNMENT;
const ALL = [PUBLIC, CHINA, US_GOV];
const DOC = 'https://learn.microsoft.com/azure/aks/outbound-rules-control-egress';

/** `protocol ports kind:value necessity[:conditionKey]`, one line per row. */
function rowOf(r: Requirement): string {
  const necessity = r.necessity.kind === NecessityKind.CONDITIONAL ? `conditional:${r.necessity.conditions.map((c) => c.key).join('+')}` : r.necessity.kind;
  return `${r.protocol} ${r.portsText} ${r.peer.kind}:${r.peer.value} ${necessity}`;
}

const https = (host: string, necessity = 'required') => `https 443 ${host.startsWith('*.') ? 'wildcard-fqdn' : 'fqdn'}:${host} ${necessity}`;
const http = (host: string, necessity = 'required') => `http 80 ${host.startsWith('*.') ? 'wildcard-fqdn' : 'fqdn'}:${host} ${necessity}`;
const TUNNEL = 'conditional:public-cluster-without-konnectivity';
const DNS = 'placeholder:custom-dns-servers conditional:custom-dns-servers';
const API_IP = 'placeholder:api-server-public-ip conditional:pods-access-public-api-server';

interface Expected {
  section: string;
  clouds: AksCloud[];
  title: string;
  anchor: string;
  rows: string[];
}

/** Every table of the newest edition (2026-06-18), every row, in document order. */
const EXPECTED: Expected[] = [
  {
    section: 'azure-public-network-rules',
    clouds: [PUBLIC],
    title: 'Azure Global required network rules',
    anchor: 'azure-global-required-network-rules',
    rows: [
      `udp 1194 service-tag:AzureCloud.<location> ${TUNNEL}`,
      `tcp 9000 service-tag:AzureCloud.<location> ${TUNNEL}`,
      'udp 123 fqdn:ntp.ubuntu.com conditional:nodes-provisioned-before-march-2021',
      `udp 53 ${DNS}`,
      `tcp 443 ${API_IP}`,
    ],
  },
  {
    section: 'azure-public-fqdn-rules',
    clouds: [PUBLIC],
    title: 'Azure Global required FQDN / application rules',
    anchor: 'azure-global-required-fqdn--application-rules',
    rows: [
      https('*.hcp.<location>.azmk8s.io', 'conditional:public-cluster'),
      https('mcr.microsoft.com'),
      https('*.data.mcr.microsoft.com'),
      https('mcr-0001.mcr-msedge.net'),
      https('management.azure.com'),
      https('login.microsoftonline.com'),
      https('packages.microsoft.com'),
      https('acs-mirror.azureedge.net'),
      https('packages.aks.azure.com'),
    ],
  },
  {
    section: 'azure-china-network-rules',
    clouds: [CHINA],
    title: 'Microsoft Azure operated by 21Vianet required network rules',
    anchor: 'microsoft-azure-operated-by-21vianet-required-network-rules',
    rows: [
      'udp 1194 service-tag:AzureCloud.<location> required',
      'tcp 9000 service-tag:AzureCloud.<location> required',
      'tcp 22 service-tag:AzureCloud.<location> required',
      'udp 123 fqdn:ntp.ubuntu.com required',
      `udp 53 ${DNS}`,
      `tcp 443 ${API_IP}`,
    ],
  },
  {
    section: 'azure-china-fqdn-rules',
    clouds: [CHINA],
    title: 'Microsoft Azure operated by 21Vianet required FQDN / application rules',
    anchor: 'microsoft-azure-operated-by-21vianet-required-fqdn--application-rules',
    rows: [
      https('*.hcp.<location>.cx.prod.service.azk8s.cn'),
      https('*.tun.<location>.cx.prod.service.azk8s.cn'),
      https('mcr.microsoft.com'),
      https('*.data.mcr.microsoft.com'),
      https('management.chinacloudapi.cn'),
      https('login.chinacloudapi.cn'),
      https('packages.microsoft.com'),
      https('*.azk8s.cn'),
      https('mcr.azure.cn'),
      https('*.data.mcr.azure.cn'),
    ],
  },
  {
    section: 'azure-us-government-network-rules',
    clouds: [US_GOV],
    title: 'Azure US Government required network rules',
    anchor: 'azure-us-government-required-network-rules',
    rows: [
      'udp 1194 service-tag:AzureCloud.<location> required',
      'tcp 9000 service-tag:AzureCloud.<location> required',
      'udp 123 fqdn:ntp.ubuntu.com required',
      `udp 53 ${DNS}`,
      `tcp 443 ${API_IP}`,
    ],
  },
  {
    section: 'azure-us-government-fqdn-rules',
    clouds: [US_GOV],
    title: 'Azure US Government required FQDN / application rules',
    anchor: 'azure-us-government-required-fqdn--application-rules',
    rows: [
      https('*.hcp.<location>.cx.aks.containerservice.azure.us'),
      https('mcr.microsoft.com'),
      https('*.data.mcr.microsoft.com'),
      https('management.usgovcloudapi.net'),
      https('login.microsoftonline.us'),
      https('packages.microsoft.com'),
      https('acs-mirror.azureedge.net'),
      https('packages.aks.azure.com'),
    ],
  },
  {
    section: 'optional-recommended',
    clouds: ALL,
    title: 'Optional recommended FQDN / application rules for AKS clusters',
    anchor: 'optional-recommended-fqdn--application-rules-for-aks-clusters',
    rows: [
      http('security.ubuntu.com', 'recommended'),
      http('azure.archive.ubuntu.com', 'recommended'),
      http('changelogs.ubuntu.com', 'recommended'),
      https('snapshot.ubuntu.com', 'recommended'),
    ],
  },
  {
    section: 'gpu',
    clouds: ALL,
    title: 'GPU enabled AKS clusters required FQDN / application rules',
    anchor: 'gpu-enabled-aks-clusters-required-fqdn--application-rules',
    rows: [https('nvidia.github.io'), https('us.download.nvidia.com'), https('download.docker.com')],
  },
  {
    section: 'windows',
    clouds: ALL,
    title: 'Windows Server based node pools required FQDN / application rules',
    anchor: 'windows-server-based-node-pools-required-fqdn--application-rules',
    rows: [
      https('onegetcdn.azureedge.net'),
      https('go.microsoft.com'),
      http('*.mp.microsoft.com'),
      http('www.msftconnecttest.com'),
      http('ctldl.windowsupdate.com'),
    ],
  },
  ...[
    [PUBLIC, 'login.microsoftonline.com'],
    [CHINA, 'login.chinacloudapi.cn'],
    [US_GOV, 'login.microsoftonline.us'],
  ].map(([cloud, login]) => ({
    section: 'addon-workload-identity',
    clouds: [cloud as AksCloud],
    title: 'Workload identity required FQDN / application rules',
    anchor: 'workload-identity-required-fqdn--application-rules',
    rows: [https(login)],
  })),
  ...[
    [PUBLIC, 'com'],
    [CHINA, 'cn'],
    [US_GOV, 'us'],
  ].map(([cloud, tld]) => ({
    section: 'addon-defender',
    clouds: [cloud as AksCloud],
    title: 'Microsoft Defender for Containers required FQDN / application rules',
    anchor: 'microsoft-defender-for-containers-required-fqdn--application-rules',
    rows: [
      https(`login.microsoftonline.${tld}`),
      https(`*.ods.opinsights.azure.${tld}`),
      https(`*.oms.opinsights.azure.${tld}`),
      https('*.cloud.defender.microsoft.com'),
    ],
  })),
  ...[
    [PUBLIC, '*.vault.azure.net'],
    [US_GOV, '*.vault.usgovcloudapi.net'],
  ].map(([cloud, host]) => ({
    section: 'addon-key-vault-secrets-provider',
    clouds: [cloud as AksCloud],
    title: 'Azure Key Vault provider for Secrets Store CSI Driver required FQDN / application rules',
    anchor: 'azure-key-vault-provider-for-secrets-store-csi-driver-required-fqdn--application-rules',
    rows: [https(host)],
  })),
  {
    section: 'addon-azure-monitor',
    clouds: ALL,
    title: 'Azure Monitor - Managed Prometheus, Container Insights, and Azure Monitor Application Insights Autoinstrumentation > Required network rules',
    anchor: 'azure-monitor---managed-prometheus-container-insights-and-azure-monitor-application-insights-autoinstrumentation',
    rows: ['tcp 443 service-tag:AzureMonitor required'],
  },
  {
    section: 'addon-azure-monitor',
    clouds: [PUBLIC],
    title: 'Azure Monitor - Managed Prometheus, Container Insights, and Azure Monitor Application Insights Autoinstrumentation > Azure public cloud required FQDN / application rules',
    anchor: 'azure-public-cloud-required-fqdn--application-rules',
    rows: [
      https('*.ods.opinsights.azure.com'),
      https('*.oms.opinsights.azure.com'),
      https('dc.services.visualstudio.com'),
      https('*.in.applicationinsights.azure.com'),
      https('*.monitoring.azure.com'),
      https('login.microsoftonline.com'),
      https('global.handler.control.monitor.azure.com'),
      https('*.ingest.monitor.azure.com'),
      https('*.metrics.ingest.monitor.azure.com'),
      https('<location>.handler.control.monitor.azure.com'),
    ],
  },
  ...[
    [CHINA, 'cn', 'Microsoft Azure operated by 21Vianet cloud required FQDN / application rules'],
    [US_GOV, 'us', 'Azure Government cloud required FQDN / application rules'],
  ].map(([cloud, tld, heading]) => ({
    section: 'addon-azure-monitor',
    clouds: [cloud as AksCloud],
    title: `Azure Monitor - Managed Prometheus, Container Insights, and Azure Monitor Application Insights Autoinstrumentation > ${heading}`,
    anchor: learnAnchor(heading),
    rows: [
      https(`*.ods.opinsights.azure.${tld}`),
      https(`*.oms.opinsights.azure.${tld}`),
      https('dc.services.visualstudio.com'),
      https('*.in.applicationinsights.azure.com'),
      https(`global.handler.control.monitor.azure.${tld}`),
      https(`<location>.handler.control.monitor.azure.${tld}`),
      https(`*.ingest.monitor.azure.${tld}`),
      https(`*.metrics.ingest.monitor.azure.${tld}`),
    ],
  })),
  {
    section: 'addon-azure-policy',
    clouds: [PUBLIC],
    title: 'Azure Policy required FQDN / application rules',
    anchor: 'azure-policy-required-fqdn--application-rules',
    rows: [https('data.policy.core.windows.net'), https('store.policy.core.windows.net'), https('dc.services.visualstudio.com')],
  },
  {
    section: 'addon-azure-policy',
    clouds: [CHINA],
    title: 'Azure Policy > Microsoft Azure operated by 21Vianet required FQDN / application rules',
    anchor: 'azure-policy',
    rows: [https('data.policy.azure.cn'), https('store.policy.azure.cn')],
  },
  {
    section: 'addon-azure-policy',
    clouds: [US_GOV],
    title: 'Azure Policy > Azure US Government required FQDN / application rules',
    anchor: 'azure-policy',
    rows: [https('data.policy.azure.us'), https('store.policy.azure.us')],
  },
  ...[
    [PUBLIC, 'management.azure.com', 'login.microsoftonline.com'],
    [CHINA, 'management.chinacloudapi.cn', 'login.microsoftonline.cn'],
    [US_GOV, 'management.usgovcloudapi.net', 'login.microsoftonline.us'],
  ].map(([cloud, management, login]) => ({
    section: 'addon-cost-analysis',
    clouds: [cloud as AksCloud],
    title: 'AKS cost analysis add-on required FQDN / application rules',
    anchor: 'aks-cost-analysis-add-on-required-fqdn--application-rules',
    rows: [https(management), https(login)],
  })),
  {
    section: 'addon-cluster-extensions',
    clouds: [PUBLIC],
    title: 'Cluster extensions required FQDN / application rules',
    anchor: 'cluster-extensions-required-fqdn--application-rules',
    rows: [
      https('<location>.dp.kubernetesconfiguration.azure.com'),
      https('mcr.microsoft.com'),
      https('*.data.mcr.microsoft.com'),
      https('arcmktplaceprod.azurecr.io'),
      https('arcmktplaceprod.centralindia.data.azurecr.io'),
      https('arcmktplaceprod.japaneast.data.azurecr.io'),
      https('arcmktplaceprod.westus2.data.azurecr.io'),
      https('arcmktplaceprod.westeurope.data.azurecr.io'),
      https('arcmktplaceprod.eastus.data.azurecr.io'),
      https('*.ingestion.msftcloudes.com'),
      https('*.microsoftmetrics.com'),
      https('marketplaceapi.microsoft.com'),
    ],
  },
  {
    section: 'addon-cluster-extensions',
    clouds: [US_GOV],
    title: 'Cluster extensions > Azure US Government required FQDN / application rules',
    anchor: 'cluster-extensions',
    rows: [https('<location>.dp.kubernetesconfiguration.azure.us'), https('mcr.microsoft.com'), https('*.data.mcr.microsoft.com')],
  },
  ...[
    [PUBLIC, '*.vault.azure.net'],
    [US_GOV, '*.vault.usgovcloudapi.net'],
  ].map(([cloud, host]) => ({
    section: 'addon-istio',
    clouds: [cloud as AksCloud],
    title: 'Istio-based service mesh add-on',
    anchor: 'istio-based-service-mesh-add-on',
    rows: [https(host, 'conditional:istio-plugin-ca-or-secure-ingress-gateways')],
  })),
  ...[
    [PUBLIC, '*.vault.azure.net'],
    [US_GOV, '*.vault.usgovcloudapi.net'],
  ].map(([cloud, host]) => ({
    section: 'addon-application-routing',
    clouds: [cloud as AksCloud],
    title: 'Application routing add-on',
    anchor: 'application-routing-add-on',
    rows: [https(host, 'conditional:application-routing-key-vault-certificates')],
  })),
];

const keyOf = (t: { section: string; clouds: readonly AksCloud[]; title: string }) => `${t.section} [${t.clouds.join(',')}] ${t.title}`;

describe('AKS catalog: every table and row of the 2026-06-18 edition', () => {
  test('the catalog has exactly the expected tables, in document order', () => {
    expect(AKS_CATALOG.map(keyOf)).toEqual(EXPECTED.map(keyOf));
  });

  test.each(EXPECTED.map((e) => [keyOf(e), e] as const))('%s', (_key, expected) => {
    const table = AKS_CATALOG.find((t) => keyOf(t) === keyOf(expected)) as AksCatalogTable;
    expect(table.requirements.map(rowOf)).toEqual(expected.rows);
    expect(table.url).toBe(`${DOC}#${expected.anchor}`);
    for (const r of table.requirements) {
      expect(r.direction).toBe(Direction.EGRESS);
      expect(r.sources).toEqual([
        {
          catalog: 'aks',
          section: expected.section,
          sectionTitle: expected.title,
          title: 'Outbound network and FQDN rules for Azure Kubernetes Service (AKS) clusters',
          url: `${DOC}#${expected.anchor}`,
          date: '2026-06-18',
        },
      ]);
      expect(r.purpose.length).toBeGreaterThan(10);
    }
  });

  test('row counts per section and cloud', () => {
    const counts: Record<string, number> = {};
    for (const t of AKS_CATALOG) for (const c of t.clouds) counts[`${t.section}/${c}`] = (counts[`${t.section}/${c}`] ?? 0) + t.requirements.length;
    expect(counts).toEqual({
      'azure-public-network-rules/azure-public': 5,
      'azure-public-fqdn-rules/azure-public': 9,
      'azure-china-network-rules/azure-china': 6,
      'azure-china-fqdn-rules/azure-china': 10,
      'azure-us-government-network-rules/azure-us-government': 5,
      'azure-us-government-fqdn-rules/azure-us-government': 8,
      'optional-recommended/azure-public': 4,
      'optional-recommended/azure-china': 4,
      'optional-recommended/azure-us-government': 4,
      'gpu/azure-public': 3,
      'gpu/azure-china': 3,
      'gpu/azure-us-government': 3,
      'windows/azure-public': 5,
      'windows/azure-china': 5,
      'windows/azure-us-government': 5,
      'addon-workload-identity/azure-public': 1,
      'addon-workload-identity/azure-china': 1,
      'addon-workload-identity/azure-us-government': 1,
      'addon-defender/azure-public': 4,
      'addon-defender/azure-china': 4,
      'addon-defender/azure-us-government': 4,
      'addon-key-vault-secrets-provider/azure-public': 1,
      'addon-key-vault-secrets-provider/azure-us-government': 1,
      'addon-azure-monitor/azure-public': 11,
      'addon-azure-monitor/azure-china': 9,
      'addon-azure-monitor/azure-us-government': 9,
      'addon-azure-policy/azure-public': 3,
      'addon-azure-policy/azure-china': 2,
      'addon-azure-policy/azure-us-government': 2,
      'addon-cost-analysis/azure-public': 2,
      'addon-cost-analysis/azure-china': 2,
      'addon-cost-analysis/azure-us-government': 2,
      'addon-cluster-extensions/azure-public': 12,
      'addon-cluster-extensions/azure-us-government': 3,
      'addon-istio/azure-public': 1,
      'addon-istio/azure-us-government': 1,
      'addon-application-routing/azure-public': 1,
      'addon-application-routing/azure-us-government': 1,
    });
    const rows = AKS_CATALOG.reduce((n, t) => n + t.requirements.length, 0);
    expect(rows).toBe(131);
  });

  test('conditions keep the document wording', () => {
    const publicNet = AKS_CATALOG[0].requirements;
    expect(publicNet[0].necessity.conditionText).toBe("This isn't required for private clusters, or for clusters with the konnectivity-agent enabled.");
    expect(publicNet[2].necessity.conditionText).toBe("This isn't required for nodes provisioned after March 2021.");
    expect(publicNet[4].necessity.conditionText).toBe(
      "If running pods/deployments, like Ingress Controller, that access the API Server. This port isn't required for private clusters.",
    );
    expect(AKS_CATALOG[1].requirements[0].necessity.conditionText).toBe(
      'Required for public clusters. Private clusters use the Konnectivity tunnel. However, for private clusters this rule is not required because communication between the nodes and the API server flows over private networking.',
    );
    // The 21Vianet and US Government tables state no tunnel condition: their tunnel rows are required.
    for (const table of [AKS_CATALOG[2], AKS_CATALOG[4]]) {
      const tunnel = table.requirements.filter((r) => r.peer.value === 'AzureCloud.<location>');
      expect(tunnel.map((r) => r.portsText)).toEqual(table.section === 'azure-china-network-rules' ? ['1194', '9000', '22'] : ['1194', '9000']);
      for (const r of tunnel) expect(r.necessity.kind).toBe(NecessityKind.REQUIRED);
    }
  });

  test('purposes keep the wording of their own table', () => {
    const cdn = (section: string) => (AKS_CATALOG.find((t) => t.section === section) as AksCatalogTable).requirements.find((r) => r.peer.value === '*.data.mcr.microsoft.com') as Requirement;
    expect(cdn('azure-public-fqdn-rules').purpose).toBe('Required for MCR storage backed by the Azure content delivery network (CDN).');
    expect(cdn('azure-china-fqdn-rules').purpose).toBe('Required for MCR storage backed by the Azure Content Delivery Network (CDN).');
    expect(cdn('azure-us-government-fqdn-rules').purpose).toBe('Required for MCR storage backed by the Azure content delivery network (CDN).');
  });

  test('the tunnel and NTP rows record the alternatives the document lists', () => {
    expect(AKS_CATALOG[0].requirements[0].metadata).toEqual({
      documentedAlternatives: '*, AzureCloud.<Region> service tag, RegionCIDRs, APIServerPublicIP (only known after cluster creation)',
    });
    expect(AKS_CATALOG[0].requirements[2].metadata.documentedAlternatives).toMatch(/^\*/);
  });

  test('placeholders say how to fill them', () => {
    const [dns, apiIp] = AKS_CATALOG[0].requirements.slice(3);
    expect(dns.peer.kind).toBe(PeerKind.PLACEHOLDER);
    expect(dns.peer.howToFill).toMatch(/customDnsServers/);
    expect(apiIp.peer.howToFill).toMatch(/apiServerPublicIp/);
  });

  test('the catalog as one set: the same flow from several tables is one requirement with every source', () => {
    const set = aksCatalogSet();
    const mcr = set.requirements.find((r) => r.peer.value === 'mcr.microsoft.com') as Requirement;
    // Core sections come first, so enabling an add-on never moves a core flow out of its core rule group.
    expect(mcr.sources.map((s) => s.section)).toEqual([
      'azure-china-fqdn-rules',
      'azure-public-fqdn-rules',
      'azure-us-government-fqdn-rules',
      'addon-cluster-extensions', // Azure Global table
      'addon-cluster-extensions', // Azure US Government table (another anchor)
    ]);
    expect(set.unresolvedPlaceholders).toEqual(['api-server-public-ip', 'custom-dns-servers', 'location']);
  });
});

describe('AKS FQDN tag', () => {
  test('covers the core FQDN tables of each cloud', () => {
    expect(AKS_FQDN_TAG).toBe('AzureKubernetesService');
    expect(AKS_FQDN_TAG_SECTIONS).toEqual(['aks/azure-public-fqdn-rules', 'aks/azure-china-fqdn-rules', 'aks/azure-us-government-fqdn-rules']);
    expect(Peer.fqdnTag(AKS_FQDN_TAG).kind).toBe(PeerKind.FQDN_TAG);
  });
});

describe('AKS notes', () => {
  test('the "you might notice traffic" bullets are notes, not rows', () => {
    expect(AKS_NOTES.map((n) => n.key)).toEqual([
      'managed-disks-traffic',
      'vm-agent-manifests-traffic',
      'api-server-ip-may-change',
      'os-updates-when-blocked',
      'key-vault-apex',
      'defender-21vianet-retired',
      'other-addons',
    ]);
    const hosts = AKS_NOTES.flatMap((n) => n.hosts);
    expect(hosts).toEqual(expect.arrayContaining(['md-*.blob.storage.azure.net', 'umsa*.blob.core.windows.net']));
    const catalogHosts = AKS_CATALOG.flatMap((t) => t.requirements.map((r) => r.peer.value));
    expect(catalogHosts.filter((h) => h.includes('blob'))).toEqual([]);
    for (const n of AKS_NOTES) {
      expect(n.source.url).toMatch(new RegExp(`^${DOC}#[a-z0-9-]+$`));
      expect(n.source.date).toBe('2026-06-18');
    }
  });

  test('the note patterns could not be firewall FQDNs anyway (wildcard inside a label)', () => {
    expect(() => Peer.fqdn('md-*.blob.storage.azure.net')).toThrow(/must be the whole label/);
    expect(() => Peer.fqdn('umsa*.blob.core.windows.net')).toThrow(/must be the whole label/);
  });
});

describe('learnAnchor', () => {
  test.each([
    ['Microsoft Defender for Containers', 'microsoft-defender-for-containers'], // the document links to this anchor itself
    ['Azure Global required FQDN / application rules', 'azure-global-required-fqdn--application-rules'],
    ['AKS features, add-ons, and integrations', 'aks-features-add-ons-and-integrations'],
  ])('%s -> %s', (heading, anchor) => {
    expect(learnAnchor(heading)).toBe(anchor);
  });
});
