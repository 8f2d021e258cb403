import {
  AKS_ADDONS,
  AKS_CATALOG,
  AKS_NOTES,
  AKS_EXTENSION_TABLES,
  AKS_KEY_VAULT_FEATURE_ADDONS,
  AKS_OPTION_SPECS,
  AKS_PROFILE,
  AKS_REGIONS,
  AksAddon,
  AksCloud,
  AksProfileOptions,
  aksAddonsFor,
  aksProfile,
} from '../../lib/catalog/aks';
import { OptionType } from '../../lib/catalog/profile-definition';
import { FirewallRequirementsError, NecessityKind, Protocol, Requirement, RequirementSet } from '../../lib/model';
import { errorOf } from '../errors';

const PUBLIC = AksCloud.AZURE_PUBLIC;
const CHINA = AksCloud.AZURE_CHINA;
const US_GOV = AksCloud.AZURE_US_GOVERNMENT;
const LOCATION: Record<AksCloud, string> = { [PUBLIC]: 'westeurope', [CHINA]: 'chinaeast2', [US_GOV]: 'usgovvirginia' };

/** `protocol ports kind:value`, in set order. */
const flowOf = (r: Requirement) => `${r.protocol} ${r.portsText} ${r.peer.kind}:${r.peer.value}`;
const flows = (set: RequirementSet) => set.requirements.map(flowOf);
const sorted = (list: string[]) => [...list].sort();
const https = (host: string) => `https 443 ${host.startsWith('*.') ? 'wildcard-fqdn' : 'fqdn'}:${host}`;

function profile(cloud: AksCloud, options: Partial<AksProfileOptions> = {}): RequirementSet {
  return aksProfile({ cloud, location: LOCATION[cloud], ...options });
}

/** The flows `options` adds to the default profile of `cloud`. */
function added(cloud: AksCloud, options: Partial<AksProfileOptions>): string[] {
  const base = new Set(flows(profile(cloud)));
  return sorted(flows(profile(cloud, options)).filter((f) => !base.has(f)));
}

/** The flows of a catalog section for a cloud with `<location>` filled in. */
function sectionFlows(cloud: AksCloud, section: string): string[] {
  return [...AKS_CATALOG, ...AKS_EXTENSION_TABLES].filter((t) => t.section === section && t.clouds.includes(cloud))
    .flatMap((t) => t.requirements)
    .map((r) => flowOf(r).replace('<location>', LOCATION[cloud]));
}

describe('aksProfile defaults (public cluster, konnectivity on, no add-ons)', () => {
  test('Azure public: the core FQDNs only', () => {
    expect(sorted(flows(profile(PUBLIC)))).toEqual(
      sorted([
        https('*.hcp.westeurope.azmk8s.io'),
        https('mcr.microsoft.com'),
        https('*.data.mcr.microsoft.com'),
        https('mcr-0001.mcr-msedge.net'),
        https('management.azure.com'),
        https('login.microsoftonline.com'),
        https('packages.microsoft.com'),
        https('acs-mirror.azureedge.net'),
        https('packages.aks.azure.com'),
      ]),
    );
  });

  test('21Vianet: the core FQDNs, NTP and the tunnel ports (its table states no condition for either)', () => {
    expect(sorted(flows(profile(CHINA)))).toEqual(
      sorted([
        'udp 1194 service-tag:AzureCloud.chinaeast2',
        'tcp 9000 service-tag:AzureCloud.chinaeast2',
        'tcp 22 service-tag:AzureCloud.chinaeast2',
        https('*.hcp.chinaeast2.cx.prod.service.azk8s.cn'),
        https('*.tun.chinaeast2.cx.prod.service.azk8s.cn'),
        https('mcr.microsoft.com'),
        https('*.data.mcr.microsoft.com'),
        https('management.chinacloudapi.cn'),
        https('login.chinacloudapi.cn'),
        https('packages.microsoft.com'),
        https('*.azk8s.cn'),
        https('mcr.azure.cn'),
        https('*.data.mcr.azure.cn'),
        'udp 123 fqdn:ntp.ubuntu.com',
      ]),
    );
  });

  test('US Government: the core FQDNs, NTP and the tunnel ports', () => {
    expect(sorted(flows(profile(US_GOV)))).toEqual(
      sorted([
        'udp 1194 service-tag:AzureCloud.usgovvirginia',
        'tcp 9000 service-tag:AzureCloud.usgovvirginia',
        https('*.hcp.usgovvirginia.cx.aks.containerservice.azure.us'),
        https('mcr.microsoft.com'),
        https('*.data.mcr.microsoft.com'),
        https('management.usgovcloudapi.net'),
        https('login.microsoftonline.us'),
        https('packages.microsoft.com'),
        https('acs-mirror.azureedge.net'),
        https('packages.aks.azure.com'),
        'udp 123 fqdn:ntp.ubuntu.com',
      ]),
    );
  });

  test('cloud defaults to Azure public', () => {
    expect(flows(aksProfile({ location: 'westeurope' }))).toEqual(flows(profile(PUBLIC)));
  });

  test('every requirement cites the newest edition and a section', () => {
    const fromEgressPage = AKS_ADDONS.filter((a) => a !== AksAddon.BACKUP);
    for (const r of profile(PUBLIC, { addons: fromEgressPage, addonsUsingKeyVault: [...AKS_KEY_VAULT_FEATURE_ADDONS], gpu: true, windows: true, includeRecommended: true })
      .requirements) {
      for (const s of r.sources) {
        expect(s.date).toBe('2026-06-18');
        expect(s.url).toMatch(/^https:\/\/learn\.microsoft\.com\/azure\/aks\/outbound-rules-control-egress#/);
      }
    }
  });
});

describe('each add-on adds exactly its own rows', () => {
  const cases = [PUBLIC, CHINA, US_GOV].flatMap((cloud) => aksAddonsFor(cloud).map((addon) => [cloud, addon] as const));

  test('add-ons per cloud', () => {
    expect(aksAddonsFor(PUBLIC)).toEqual([...AKS_ADDONS]);
    // The backup extension's quickstart names no Azure Government variant.
    expect(aksAddonsFor(US_GOV)).toEqual(AKS_ADDONS.filter((a) => a !== AksAddon.BACKUP));
    // Defender is retired there; the document has no Key Vault (hence Istio/application routing) or cluster extension rows.
    expect(aksAddonsFor(CHINA)).toEqual([AksAddon.WORKLOAD_IDENTITY, AksAddon.AZURE_MONITOR, AksAddon.AZURE_POLICY, AksAddon.COST_ANALYSIS, AksAddon.BACKUP]);
  });

  test.each(cases)('%s + %s', (cloud, addon) => {
    const base = new Set(flows(profile(cloud)));
    // Istio and application routing have only Key Vault rows, which need addonsUsingKeyVault.
    const options = { addons: [addon], ...(AKS_KEY_VAULT_FEATURE_ADDONS.includes(addon) ? { addonsUsingKeyVault: [addon] } : {}) };
    const set = profile(cloud, options);
    const own = sectionFlows(cloud, `addon-${addon}`);
    expect(own.length).toBeGreaterThan(0);
    expect(added(cloud, options)).toEqual(sorted([...new Set(own.filter((f) => !base.has(f)))]));
    // Rows the core already has stay one requirement that now also cites the add-on.
    for (const f of own) {
      const r = set.requirements.find((x) => flowOf(x) === f) as Requirement;
      expect(r.sources.map((s) => s.section)).toContain(`addon-${addon}`);
    }
  });

  test('exact additions of a few add-ons (Azure public, westeurope)', () => {
    expect(added(PUBLIC, { addons: [AksAddon.WORKLOAD_IDENTITY] })).toEqual([]);
    expect(added(PUBLIC, { addons: [AksAddon.COST_ANALYSIS] })).toEqual([]);
    expect(added(PUBLIC, { addons: [AksAddon.KEY_VAULT_SECRETS_PROVIDER] })).toEqual([https('*.vault.azure.net')]);
    // Key Vault only when the user says the feature uses it.
    expect(added(PUBLIC, { addons: [AksAddon.ISTIO] })).toEqual([]);
    expect(added(PUBLIC, { addons: [AksAddon.APPLICATION_ROUTING] })).toEqual([]);
    expect(added(PUBLIC, { addons: [AksAddon.ISTIO], addonsUsingKeyVault: [AksAddon.ISTIO] })).toEqual([https('*.vault.azure.net')]);
    expect(added(PUBLIC, { addons: [AksAddon.APPLICATION_ROUTING], addonsUsingKeyVault: [AksAddon.APPLICATION_ROUTING] })).toEqual([https('*.vault.azure.net')]);
    expect(added(US_GOV, { addons: [AksAddon.ISTIO], addonsUsingKeyVault: [AksAddon.ISTIO] })).toEqual([https('*.vault.usgovcloudapi.net')]);
    expect(added(PUBLIC, { addons: [AksAddon.DEFENDER] })).toEqual(
      sorted([https('*.ods.opinsights.azure.com'), https('*.oms.opinsights.azure.com'), https('*.cloud.defender.microsoft.com')]),
    );
    expect(added(PUBLIC, { addons: [AksAddon.AZURE_POLICY] })).toEqual(
      sorted([https('data.policy.core.windows.net'), https('store.policy.core.windows.net'), https('dc.services.visualstudio.com')]),
    );
    expect(added(PUBLIC, { addons: [AksAddon.AZURE_MONITOR] })).toEqual(
      sorted([
        'tcp 443 service-tag:AzureMonitor',
        https('*.ods.opinsights.azure.com'),
        https('*.oms.opinsights.azure.com'),
        https('dc.services.visualstudio.com'),
        https('*.in.applicationinsights.azure.com'),
        https('*.monitoring.azure.com'),
        https('global.handler.control.monitor.azure.com'),
        https('*.ingest.monitor.azure.com'),
        https('*.metrics.ingest.monitor.azure.com'),
        https('westeurope.handler.control.monitor.azure.com'),
      ]),
    );
    expect(added(PUBLIC, { addons: [AksAddon.CLUSTER_EXTENSIONS] })).toEqual(
      sorted([
        https('westeurope.dp.kubernetesconfiguration.azure.com'),
        https('arcmktplaceprod.azurecr.io'),
        https('arcmktplaceprod.centralindia.data.azurecr.io'),
        https('arcmktplaceprod.japaneast.data.azurecr.io'),
        https('arcmktplaceprod.westus2.data.azurecr.io'),
        https('arcmktplaceprod.westeurope.data.azurecr.io'),
        https('arcmktplaceprod.eastus.data.azurecr.io'),
        https('*.ingestion.msftcloudes.com'),
        https('*.microsoftmetrics.com'),
        https('marketplaceapi.microsoft.com'),
      ]),
    );
  });

  test('multi-cloud rows give each cloud its own host', () => {
    expect(added(CHINA, { addons: [AksAddon.COST_ANALYSIS] })).toEqual([https('login.microsoftonline.cn')]);
    expect(added(US_GOV, { addons: [AksAddon.DEFENDER] })).toEqual(
      sorted([https('*.ods.opinsights.azure.us'), https('*.oms.opinsights.azure.us'), https('*.cloud.defender.microsoft.com')]),
    );
    expect(added(US_GOV, { addons: [AksAddon.KEY_VAULT_SECRETS_PROVIDER] })).toEqual([https('*.vault.usgovcloudapi.net')]);
    expect(added(US_GOV, { addons: [AksAddon.CLUSTER_EXTENSIONS] })).toEqual([https('usgovvirginia.dp.kubernetesconfiguration.azure.us')]);
    expect(added(CHINA, { addons: [AksAddon.AZURE_POLICY] })).toEqual(sorted([https('data.policy.azure.cn'), https('store.policy.azure.cn')]));
    expect(added(US_GOV, { addons: [AksAddon.AZURE_POLICY] })).toEqual(sorted([https('data.policy.azure.us'), https('store.policy.azure.us')]));
    expect(added(CHINA, { addons: [AksAddon.AZURE_MONITOR] })).toContain(https('chinaeast2.handler.control.monitor.azure.cn'));
    expect(added(US_GOV, { addons: [AksAddon.AZURE_MONITOR] })).toContain(https('usgovvirginia.handler.control.monitor.azure.us'));
  });

  test('Istio and the Key Vault provider share one vault requirement; the stronger necessity wins', () => {
    const set = profile(PUBLIC, {
      addons: [AksAddon.ISTIO, AksAddon.KEY_VAULT_SECRETS_PROVIDER, AksAddon.APPLICATION_ROUTING],
      addonsUsingKeyVault: [AksAddon.APPLICATION_ROUTING, AksAddon.ISTIO],
    });
    const vault = set.requirements.filter((r) => r.peer.value === '*.vault.azure.net');
    expect(vault).toHaveLength(1);
    expect(vault[0].necessity.kind).toBe(NecessityKind.REQUIRED);
    expect(vault[0].sources.map((s) => s.section)).toEqual(['addon-application-routing', 'addon-istio', 'addon-key-vault-secrets-provider']);
    const istioOnly = profile(PUBLIC, { addons: [AksAddon.ISTIO], addonsUsingKeyVault: [AksAddon.ISTIO] }).requirements.find(
      (r) => r.peer.value === '*.vault.azure.net',
    ) as Requirement;
    expect(istioOnly.necessity.conditions.map((c) => c.key)).toEqual(['istio-plugin-ca-or-secure-ingress-gateways']);
  });
});

describe('interpretations of literal rows', () => {
  test("Key Vault's literal vault.azure.net is interpreted as *.vault.azure.net, with the reason and a source", () => {
    const vault = profile(PUBLIC, { addons: [AksAddon.KEY_VAULT_SECRETS_PROVIDER] }).requirements.find((r) => r.interpretation) as Requirement;
    expect(vault.peer.value).toBe('*.vault.azure.net');
    expect(vault.interpretation!.literalPeer.value).toBe('vault.azure.net');
    expect(vault.interpretation!.reason).toContain('<vault-name>.vault.azure.net');
    expect(vault.interpretation!.source.url).toBe('https://learn.microsoft.com/azure/key-vault/general/access-behind-firewall');
  });

  test('no other row of the catalog is interpreted, and no interpreted peer is a bare name', () => {
    const interpreted = AKS_CATALOG.flatMap((t) => t.requirements.filter((r) => r.interpretation).map((r) => `${t.section} ${r.interpretation!.literalPeer.value} -> ${r.peer.value}`));
    expect([...new Set(interpreted)].sort()).toEqual([
      'addon-application-routing vault.azure.net -> *.vault.azure.net',
      'addon-istio vault.azure.net -> *.vault.azure.net',
      'addon-key-vault-secrets-provider vault.azure.net -> *.vault.azure.net',
    ]);
  });
});

describe('node pools and optional rules', () => {
  test.each([PUBLIC, CHINA, US_GOV])('%s: gpu adds the GPU rows', (cloud) => {
    expect(added(cloud, { gpu: true })).toEqual(sorted([https('nvidia.github.io'), https('us.download.nvidia.com'), https('download.docker.com')]));
  });

  test.each([PUBLIC, CHINA, US_GOV])('%s: windows adds the Windows Server rows', (cloud) => {
    expect(added(cloud, { windows: true })).toEqual(
      sorted([
        https('onegetcdn.azureedge.net'),
        https('go.microsoft.com'),
        'http 80 wildcard-fqdn:*.mp.microsoft.com',
        'http 80 fqdn:www.msftconnecttest.com',
        'http 80 fqdn:ctldl.windowsupdate.com',
      ]),
    );
  });

  test.each([PUBLIC, CHINA, US_GOV])('%s: includeRecommended adds the OS-update rows as recommended', (cloud) => {
    expect(added(cloud, { includeRecommended: true })).toEqual(
      sorted([
        'http 80 fqdn:security.ubuntu.com',
        'http 80 fqdn:azure.archive.ubuntu.com',
        'http 80 fqdn:changelogs.ubuntu.com',
        https('snapshot.ubuntu.com'),
      ]),
    );
    const set = profile(cloud, { includeRecommended: true });
    const recommended = set.requirements.filter((r) => r.necessity.kind === NecessityKind.RECOMMENDED);
    expect(recommended.map((r) => r.peer.value).sort()).toEqual(['azure.archive.ubuntu.com', 'changelogs.ubuntu.com', 'security.ubuntu.com', 'snapshot.ubuntu.com']);
  });
});

describe('cluster networking options', () => {
  test('a private cluster drops the API server FQDN (Azure public)', () => {
    const before = flows(profile(PUBLIC));
    const after = flows(profile(PUBLIC, { privateCluster: true }));
    expect(before.filter((f) => !after.includes(f))).toEqual([https('*.hcp.westeurope.azmk8s.io')]);
    expect(after.filter((f) => !before.includes(f))).toEqual([]);
  });

  test('the other clouds keep their API server FQDNs and tunnel ports for private clusters (their tables state no such condition)', () => {
    expect(flows(profile(CHINA, { privateCluster: true }))).toEqual(flows(profile(CHINA)));
    expect(flows(profile(US_GOV, { privateCluster: true }))).toEqual(flows(profile(US_GOV)));
  });

  test('a private cluster needs no TCP 443 to the API server IP, and in Azure public no tunnel ports', () => {
    for (const cloud of [PUBLIC, CHINA, US_GOV]) {
      const set = profile(cloud, { privateCluster: true, konnectivity: false, podsAccessApiServer: true });
      expect(flows(set)).toEqual(flows(profile(cloud, { privateCluster: true })));
    }
    const publicSet = profile(PUBLIC, { privateCluster: true, konnectivity: false, podsAccessApiServer: true, apiServerPublicIp: '20.61.10.5' });
    expect(flows(publicSet)).toEqual(flows(profile(PUBLIC, { privateCluster: true })));
  });

  test('konnectivity off adds the tunnel ports to the AzureCloud.<location> service tag (Azure public only)', () => {
    expect(added(PUBLIC, { konnectivity: false })).toEqual(
      sorted(['udp 1194 service-tag:AzureCloud.westeurope', 'tcp 9000 service-tag:AzureCloud.westeurope']),
    );
    // The 21Vianet and US Government tables list the tunnel ports unconditionally: they are already there.
    expect(added(US_GOV, { konnectivity: false })).toEqual([]);
    expect(added(CHINA, { konnectivity: false })).toEqual([]);
  });

  test('with the API server IP the tunnel ports go to that one address', () => {
    expect(added(PUBLIC, { konnectivity: false, apiServerPublicIp: '20.61.10.5' })).toEqual(sorted(['udp 1194 cidr:20.61.10.5/32', 'tcp 9000 cidr:20.61.10.5/32']));
    expect(added(CHINA, { apiServerPublicIp: '52.130.1.2/32' })).toEqual(
      sorted(['udp 1194 cidr:52.130.1.2/32', 'tcp 9000 cidr:52.130.1.2/32', 'tcp 22 cidr:52.130.1.2/32']),
    );
    expect(flows(profile(CHINA, { apiServerPublicIp: '52.130.1.2' })).join(' ')).not.toMatch(/AzureCloud/);
    expect(added(US_GOV, { apiServerPublicIp: '52.127.1.2' })).toEqual(sorted(['udp 1194 cidr:52.127.1.2/32', 'tcp 9000 cidr:52.127.1.2/32']));
    const r = profile(PUBLIC, { konnectivity: false, apiServerPublicIp: '20.61.10.5' }).requirements.find((x) => x.portsText === '1194') as Requirement;
    expect(r.sources[0].section).toBe('azure-public-network-rules');
  });

  test('the API server IP alone adds nothing in Azure public (no tunnel rows with konnectivity on)', () => {
    expect(added(PUBLIC, { apiServerPublicIp: '20.61.10.5' })).toEqual([]);
  });

  test.each([PUBLIC, CHINA, US_GOV])('%s: podsAccessApiServer adds TCP 443 to the API server IP', (cloud) => {
    const withIp = new Set(flows(profile(cloud, { apiServerPublicIp: '20.61.10.5' })));
    const withPods = flows(profile(cloud, { podsAccessApiServer: true, apiServerPublicIp: '20.61.10.5' }));
    expect(withPods.filter((f) => !withIp.has(f))).toEqual(['tcp 443 cidr:20.61.10.5/32']);
    expect([...withIp].filter((f) => !withPods.includes(f))).toEqual([]);
  });

  test.each([PUBLIC, CHINA, US_GOV])('%s: custom DNS servers get UDP 53 each', (cloud) => {
    expect(added(cloud, { customDnsServers: ['10.0.0.4', '10.0.0.5', '2001:db8::53'] })).toEqual(
      sorted(['udp 53 cidr:10.0.0.4/32', 'udp 53 cidr:10.0.0.5/32', 'udp 53 cidr:2001:db8::53/128']),
    );
    expect(added(cloud, { customDnsServers: [] })).toEqual([]);
  });

  test('NTP: Azure public needs it only for nodes provisioned before March 2021', () => {
    expect(added(PUBLIC, { nodesProvisionedBeforeMarch2021: true })).toEqual(['udp 123 fqdn:ntp.ubuntu.com']);
    expect(added(CHINA, { nodesProvisionedBeforeMarch2021: true })).toEqual([]);
    expect(added(US_GOV, { nodesProvisionedBeforeMarch2021: true })).toEqual([]);
    const ntp = profile(PUBLIC, { nodesProvisionedBeforeMarch2021: true }).requirements.find((r) => r.portsText === '123') as Requirement;
    expect(ntp.necessity.conditionText).toBe("This isn't required for nodes provisioned after March 2021.");
  });

  test('kept conditional rows keep their condition for the reader', () => {
    const set = profile(PUBLIC, { konnectivity: false });
    const tunnel = set.requirements.find((r) => r.portsText === '9000') as Requirement;
    expect(tunnel.necessity.kind).toBe(NecessityKind.CONDITIONAL);
    expect(tunnel.necessity.conditions[0].key).toBe('public-cluster-without-konnectivity');
  });
});

describe('location', () => {
  test('display names and case are accepted', () => {
    expect(flows(aksProfile({ location: 'West Europe' }))).toEqual(flows(profile(PUBLIC)));
    expect(flows(aksProfile({ location: ' WESTEUROPE ' }))).toEqual(flows(profile(PUBLIC)));
  });

  test.each([PUBLIC, CHINA, US_GOV])('%s: every region resolves every <location> of every table', (cloud) => {
    for (const location of AKS_REGIONS[cloud]) {
      const set = aksProfile({
        cloud,
        location,
        addons: aksAddonsFor(cloud),
        gpu: true,
        windows: true,
        includeRecommended: true,
        konnectivity: false,
        customDnsServers: ['10.0.0.10'],
        apiServerPublicIp: '20.61.10.5',
        podsAccessApiServer: true,
        nodesProvisionedBeforeMarch2021: true,
      });
      expect(set.unresolvedPlaceholders).toEqual([]);
      expect(flows(set).join(' ')).not.toMatch(/[<>]/);
    }
  });

  test('region lists are distinct per cloud, lower case and sorted', () => {
    const all = [...AKS_REGIONS[PUBLIC], ...AKS_REGIONS[CHINA], ...AKS_REGIONS[US_GOV]];
    expect(new Set(all).size).toBe(all.length);
    for (const cloud of [PUBLIC, CHINA, US_GOV]) {
      expect(AKS_REGIONS[cloud]).toEqual([...AKS_REGIONS[cloud]].sort());
      for (const r of AKS_REGIONS[cloud]) expect(r).toMatch(/^[a-z][a-z0-9]+$/);
    }
    expect(AKS_REGIONS[PUBLIC]).toEqual(expect.arrayContaining(['westeurope', 'eastus', 'centralindia', 'japaneast', 'westus2']));
  });
});

describe('determinism', () => {
  const options: AksProfileOptions = {
    location: 'westeurope',
    addons: [AksAddon.AZURE_MONITOR, AksAddon.DEFENDER, AksAddon.ISTIO],
    konnectivity: false,
    customDnsServers: ['10.0.0.5', '10.0.0.4'],
    windows: true,
  };

  test('same options, same ids in the same order', () => {
    const a = aksProfile(options).requirements.map((r) => r.id);
    const b = aksProfile({ ...options }).requirements.map((r) => r.id);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
  });

  test('add-on order and duplicates do not matter', () => {
    const a = aksProfile(options);
    const b = aksProfile({ ...options, addons: [AksAddon.ISTIO, AksAddon.DEFENDER, AksAddon.AZURE_MONITOR, AksAddon.ISTIO] });
    expect(b.requirements.map((r) => r.id)).toEqual(a.requirements.map((r) => r.id));
    expect(b.requirements.map((r) => r.sources)).toEqual(a.requirements.map((r) => r.sources));
  });

  test('adding an add-on keeps every other id', () => {
    const before = aksProfile(options).requirements.map((r) => r.id);
    const after = new Set(aksProfile({ ...options, addons: [...(options.addons as AksAddon[]), AksAddon.AZURE_POLICY] }).requirements.map((r) => r.id));
    for (const id of before) expect(after.has(id)).toBe(true);
  });
});

describe('rejections', () => {
  test('unknown cloud lists the valid ones', () => {
    expect(() => aksProfile({ cloud: 'azure-germany' as AksCloud, location: 'westeurope' })).toThrow(
      'Unknown cloud "azure-germany" (from option cloud). Valid values: azure-public, azure-china, azure-us-government.',
    );
    expect(errorOf(() => aksProfile({ cloud: 'azure-chna' as AksCloud, location: 'westeurope' })).message).toMatch(/Did you mean "azure-china"\?/);
  });

  test('unknown add-on suggests the closest one', () => {
    expect(() => aksProfile({ location: 'westeurope', addons: ['azure-monitr' as AksAddon] })).toThrow(
      'Unknown AKS add-on "azure-monitr" (from option addons[0]). Did you mean "azure-monitor"? Valid values: workload-identity, defender, key-vault-secrets-provider, azure-monitor, azure-policy, cost-analysis, cluster-extensions, istio, application-routing, backup.',
    );
    // GPU is a node pool option, not an add-on.
    const e = errorOf(() => aksProfile({ location: 'westeurope', addons: [AksAddon.ISTIO, 'gpu' as AksAddon] }));
    expect(e.code).toBe('unknown-option');
    expect(e.origin).toBe('option addons[1]');
  });

  test('unknown location suggests the closest region and lists the cloud’s regions', () => {
    const e = errorOf(() => aksProfile({ location: 'westeurop' }));
    expect(e).toBeInstanceOf(FirewallRequirementsError);
    expect(e.code).toBe('unknown-option');
    expect(e.message).toMatch(/^Unknown Azure region for cloud azure-public "westeurop" \(from option location\)\. Did you mean "westeurope"\? Valid values: australiacentral, /);
    expect(() => aksProfile({ cloud: US_GOV, location: 'usgoviowa' })).toThrow(/Unknown Azure region for cloud azure-us-government "usgoviowa".*Valid values: usdodcentral, usdodeast, usgovarizona, usgovtexas, usgovvirginia\./);
  });

  test('a region of another cloud says which cloud', () => {
    expect(() => aksProfile({ location: 'chinaeast2' })).toThrow(
      /Invalid location for cloud azure-public "chinaeast2" \(from option location\)\. chinaeast2 is a region of Microsoft Azure operated by 21Vianet: set cloud to azure-china, or use one of: australiacentral, /,
    );
    expect(() => aksProfile({ cloud: CHINA, location: 'westeurope' })).toThrow(/westeurope is a region of Azure Global: set cloud to azure-public/);
  });

  test.each([undefined, '', '   '])('missing location (%j)', (location) => {
    expect(() => aksProfile({ location } as AksProfileOptions)).toThrow(
      "Missing required option location: the AKS FQDNs and service tags name the cluster's Azure region (from profile aks). For example: location: 'westeurope' (CLI --location westeurope).",
    );
  });

  test('no options at all is a missing location', () => {
    expect(() => aksProfile(undefined as unknown as AksProfileOptions)).toThrow(/Missing required option location/);
  });

  test('podsAccessApiServer without apiServerPublicIp names the option', () => {
    const e = errorOf(() => aksProfile({ location: 'westeurope', podsAccessApiServer: true }));
    expect(e.code).toBe('unresolved-placeholder');
    expect(e.message).toBe(
      'Placeholder <api-server-public-ip> is not resolved (from aks/azure-public-network-rules: <api-server-public-ip> (Required if running pods/deployments that access the API Server (like Ingress Controller), those pods/deployments would use the API IP.)). ' +
        "Set the apiServerPublicIp option (CLI --api-server-public-ip) to the cluster's API server public IP, or leave podsAccessApiServer off.",
    );
  });

  test.each([
    ['20.61.10', /^Invalid CIDR "20.61.10": "20.61.10" is not a dotted-decimal IPv4 address \(from option apiServerPublicIp\)\./],
    ['api.example.com', /^Invalid CIDR "api.example.com".*\(from option apiServerPublicIp\)/],
    ['20.61.10.5/24', /^Invalid [\w ]+ "20.61.10.5\/24" \(from option apiServerPublicIp\)\. It must be one machine's address, not a network: give the address without the prefix, 20\.61\.10\.5\./],
    ['20.61.10.0/24', /^Invalid public IP of the API server "20.61.10.0\/24" \(from option apiServerPublicIp\)\. It must be one machine's address, not a network/],
  ])('invalid apiServerPublicIp %j', (ip, message) => {
    expect(() => aksProfile({ location: 'westeurope', apiServerPublicIp: ip })).toThrow(message);
  });

  test.each([
    [['10.0.0.4', '10.0.0.300'], /^Invalid CIDR "10.0.0.300": "10.0.0.300" is not a dotted-decimal IPv4 address \(from option customDnsServers\[1\]\)\./],
    [['10.0.0.4/24'], /^Invalid custom DNS server "10.0.0.4\/24" \(from option customDnsServers\[0\]\)\. It must be one machine's address, not a network: give the address without the prefix, 10\.0\.0\.4\./],
    [[''], /^Invalid entry of customDnsServers "" \(from option customDnsServers\[0\]\)\. Entries of customDnsServers are non-empty strings/],
  ])('invalid customDnsServers %j', (servers, message) => {
    expect(() => aksProfile({ location: 'westeurope', customDnsServers: servers })).toThrow(message);
  });

  test('Defender is refused in 21Vianet, where it is retired', () => {
    const e = errorOf(() => aksProfile({ cloud: CHINA, location: 'chinaeast2', addons: [AksAddon.AZURE_MONITOR, AksAddon.DEFENDER] }));
    expect(e.code).toBe('unsupported-addon');
    expect(e.message).toBe(
      'Invalid add-on for cloud azure-china "defender" (from option addons[1]). Microsoft Defender for Containers is retired in Microsoft Azure operated by 21Vianet (2026-08-18); ' +
        'the document keeps its rows only for reference. Remove it from addons. Add-ons available for azure-china: workload-identity, azure-monitor, azure-policy, cost-analysis, backup.',
    );
  });

  test.each([AksAddon.KEY_VAULT_SECRETS_PROVIDER, AksAddon.CLUSTER_EXTENSIONS, AksAddon.ISTIO, AksAddon.APPLICATION_ROUTING])(
    'add-on %s without 21Vianet rows is refused there',
    (addon) => {
      expect(() => aksProfile({ cloud: CHINA, location: 'chinaeast2', addons: [addon] })).toThrow(
        `Invalid add-on for cloud azure-china "${addon}" (from option addons[0]). The document lists no rules for ${addon} in Microsoft Azure operated by 21Vianet. Remove it from addons.`,
      );
    },
  );

  test('options of the wrong type', () => {
    expect(() => aksProfile({ location: 'westeurope', gpu: 'yes' as unknown as boolean })).toThrow('Invalid gpu (string, expected true or false) "yes" (from option gpu). Give gpu: true or gpu: false (a boolean, not a string or number).');
    expect(() => aksProfile({ location: 42 as unknown as string })).toThrow(/^Invalid location \(number, expected a string\) "42" \(from option location\)/);
    // A string where a list is expected is refused, not split into characters.
    expect(() => aksProfile({ location: 'westeurope', addons: 'istio' as unknown as AksAddon[] })).toThrow(
      '(string, expected an array) "istio" (from option addons). Give addons as an array, e.g. ["istio"].',
    );
    expect(() => aksProfile({ location: 'westeurope', customDnsServers: '10.0.0.4' as unknown as string[] })).toThrow(/^Invalid customDnsServers \(string, expected an array\) "10.0.0.4"/);
    // Booleans given as strings are refused, never coerced ('false' would be truthy).
    expect(() => aksProfile({ location: 'westeurope', privateCluster: 'false' as unknown as boolean })).toThrow(/^Invalid privateCluster \(string, expected true or false\) "false" \(from option privateCluster\)/);
    expect(() => aksProfile({ location: 'westeurope', konnectivity: NaN as unknown as boolean })).toThrow(/^Invalid konnectivity \(number, expected true or false\) "NaN"/);
    expect(() => aksProfile({ location: 'westeurope', addons: [42 as unknown as AksAddon] })).toThrow(/^Invalid addons \(number, expected a string\) "42" \(from option addons\[0\]\)/);
    expect(() => aksProfile({ location: 'westeurope', cloud: NaN as unknown as AksCloud })).toThrow(/^Unknown cloud "NaN" \(from option cloud\)/);
    expect(() => aksProfile({ location: 'westeurope', apiServerPublicIp: 20 as unknown as string })).toThrow(/^Invalid apiServerPublicIp \(number, expected a string\) "20"/);
  });

  test('unknown (misspelt) options are refused with the closest name', () => {
    expect(() => aksProfile({ location: 'westeurope', addon: ['istio'] } as never)).toThrow('Unknown property "addon" (from profile aks). Did you mean "addons"?');
  });

  test('DNS servers and the API server IP are host addresses: never a network, never every address', () => {
    for (const bad of ['0.0.0.0/0', '0.0.0.0', '10.0.0.0/24', '127.0.0.1', '224.0.0.1', '::']) {
      expect(() => aksProfile({ location: 'westeurope', customDnsServers: [bad] })).toThrow(/^Invalid (custom DNS server|CIDR) .*\(from option customDnsServers\[0\]\)/);
    }
    expect(() => aksProfile({ location: 'westeurope', apiServerPublicIp: '0.0.0.0/0', podsAccessApiServer: true })).toThrow(/from option apiServerPublicIp/);
    // IPv4-mapped IPv6 is the IPv4 host.
    const set = aksProfile({ location: 'westeurope', customDnsServers: ['::ffff:10.0.0.4'] });
    const dns = set.requirements.filter((r) => r.protocol === Protocol.UDP && r.portsText === '53');
    expect(dns.map((r) => r.peer.value)).toEqual(['10.0.0.4/32']);
  });
});

describe('AKS_PROFILE (the CLI view)', () => {
  test('one option spec per profile option, with kebab-case flags', () => {
    expect(AKS_PROFILE.name).toBe('aks');
    expect(AKS_PROFILE.options).toBe(AKS_OPTION_SPECS);
    expect(AKS_OPTION_SPECS.map((s) => [s.name, s.flag, s.type])).toEqual([
      ['cloud', 'cloud', OptionType.CHOICE],
      ['location', 'location', OptionType.STRING],
      ['addons', 'addons', OptionType.CHOICE_LIST],
      ['addonsUsingKeyVault', 'addons-using-key-vault', OptionType.CHOICE_LIST],
      ['containerRegistries', 'container-registries', OptionType.STRING_LIST],
      ['containerRegistryDataEndpointRegions', 'container-registry-data-endpoint-regions', OptionType.STRING_LIST],
      ['containerRegistryStorageEndpoint', 'container-registry-storage-endpoint', OptionType.BOOLEAN],
      ['gpu', 'gpu', OptionType.BOOLEAN],
      ['windows', 'windows', OptionType.BOOLEAN],
      ['privateCluster', 'private-cluster', OptionType.BOOLEAN],
      ['konnectivity', 'konnectivity', OptionType.BOOLEAN],
      ['customDnsServers', 'custom-dns-servers', OptionType.HOST_LIST],
      ['apiServerPublicIp', 'api-server-public-ip', OptionType.HOST],
      ['podsAccessApiServer', 'pods-access-api-server', OptionType.BOOLEAN],
      ['nodesProvisionedBeforeMarch2021', 'nodes-provisioned-before-march-2021', OptionType.BOOLEAN],
      ['includeRecommended', 'include-recommended', OptionType.BOOLEAN],
      ['allowUnlistedLocation', 'allow-unlisted-location', OptionType.BOOLEAN],
    ]);
    expect(AKS_OPTION_SPECS.find((s) => s.name === 'cloud')?.choices).toEqual(['azure-public', 'azure-china', 'azure-us-government']);
    expect(AKS_OPTION_SPECS.find((s) => s.name === 'addons')?.choices).toEqual([...AKS_ADDONS]);
    expect(AKS_OPTION_SPECS.filter((s) => s.required).map((s) => s.name)).toEqual(['location']);
    expect(AKS_OPTION_SPECS.find((s) => s.name === 'konnectivity')?.defaultText).toBe('true');
    for (const s of AKS_OPTION_SPECS) expect(s.description.length).toBeGreaterThan(10);
  });

  test('build converts parsed values and equals aksProfile', () => {
    const built = AKS_PROFILE.build({
      cloud: 'azure-us-government',
      location: 'usgovtexas',
      addons: ['azure-monitor', 'defender'],
      gpu: true,
      windows: false,
      privateCluster: false,
      konnectivity: false,
      customDnsServers: ['10.1.0.4', '10.1.0.5'],
      apiServerPublicIp: '20.61.10.5',
      podsAccessApiServer: true,
      nodesProvisionedBeforeMarch2021: true,
      includeRecommended: true,
    });
    const direct = aksProfile({
      cloud: US_GOV,
      location: 'usgovtexas',
      addons: [AksAddon.AZURE_MONITOR, AksAddon.DEFENDER],
      gpu: true,
      konnectivity: false,
      customDnsServers: ['10.1.0.4', '10.1.0.5'],
      apiServerPublicIp: '20.61.10.5',
      podsAccessApiServer: true,
      nodesProvisionedBeforeMarch2021: true,
      includeRecommended: true,
    });
    expect(built.requirements.map((r) => r.id)).toEqual(direct.requirements.map((r) => r.id));
  });

  test('build accepts comma-separated lists and "true"/"false" strings', () => {
    const built = AKS_PROFILE.build({ location: 'westeurope', addons: 'istio, azure-policy', customDnsServers: ['10.0.0.4,10.0.0.5'], konnectivity: 'false' });
    const direct = aksProfile({ location: 'westeurope', addons: [AksAddon.ISTIO, AksAddon.AZURE_POLICY], customDnsServers: ['10.0.0.4', '10.0.0.5'], konnectivity: false });
    expect(flows(built)).toEqual(flows(direct));
  });

  test('build: addons "all" means every add-on the cloud has rules for', () => {
    expect(flows(AKS_PROFILE.build({ location: 'westeurope', addons: ['all'] }))).toEqual(flows(aksProfile({ location: 'westeurope', addons: [...AKS_ADDONS] })));
    expect(flows(AKS_PROFILE.build({ cloud: 'azure-china', location: 'chinanorth3', addons: ['all'] }))).toEqual(
      flows(aksProfile({ cloud: CHINA, location: 'chinanorth3', addons: aksAddonsFor(CHINA) })),
    );
  });

  test('build rejections name the flag', () => {
    expect(() => AKS_PROFILE.build({})).toThrow(/Missing required option location/);
    expect(() => AKS_PROFILE.build({ location: 'westeurope', privateClster: true })).toThrow(
      /^Unknown AKS profile option "privateClster" \(from profile aks\)\. Did you mean "privateCluster"\?/,
    );
    expect(() => AKS_PROFILE.build({ location: 'westeurope', gpu: 'maybe' })).toThrow('Invalid --gpu "maybe" (from option gpu). --gpu is true or false.');
    expect(() => AKS_PROFILE.build({ location: ['westeurope', 'northeurope'] })).toThrow(/^Invalid --location "westeurope,northeurope" \(from option location\)\. --location takes one value\./);
    expect(() => AKS_PROFILE.build({ location: 'westeurope', addons: [3] })).toThrow(/^Invalid --addons "3" \(from option addons\)/);
    expect(() => AKS_PROFILE.build({ location: 'westeurope', addons: 'monitor' })).toThrow(/Unknown AKS add-on "monitor"/);
    expect(() => AKS_PROFILE.build({ cloud: 'azure', location: 'westeurope', addons: ['all'] })).toThrow(/Unknown cloud "azure"/);
  });

  test('undefined values are ignored', () => {
    expect(flows(AKS_PROFILE.build({ location: 'westeurope', gpu: undefined, somethingElse: undefined }))).toEqual(flows(profile(PUBLIC)));
  });
});

describe('AKS profile: regions opened after the built-in list', () => {
  test('an unlisted region is refused by default, with the opt-in named', () => {
    expect(() => aksProfile({ location: 'swedensouth2' })).toThrow(
      /Unknown Azure region for cloud azure-public "swedensouth2".*For a region opened after this list was compiled, set allowUnlistedLocation \(CLI --allow-unlisted-location\)\.$/,
    );
  });

  test('allowUnlistedLocation accepts a well-formed region name and fills <location> with it', () => {
    const set = aksProfile({ location: 'swedensouth2', allowUnlistedLocation: true });
    expect(set.requirements.map((r) => r.peer.value)).toContain('*.hcp.swedensouth2.azmk8s.io');
  });

  test('allowUnlistedLocation still refuses malformed names and regions of another cloud', () => {
    expect(() => aksProfile({ location: 'sweden_south', allowUnlistedLocation: true })).toThrow(
      /Unknown Azure region for cloud azure-public "sweden_south".*A region name is lower-case letters and digits, e\.g\. swedensouth\.$/,
    );
    expect(() => aksProfile({ location: 'chinaeast2', allowUnlistedLocation: true })).toThrow(/chinaeast2 is a region of Microsoft Azure operated by 21Vianet/);
  });

  test('the CLI flag reaches the profile', () => {
    const set = AKS_PROFILE.build({ location: 'swedensouth2', allowUnlistedLocation: true });
    expect(set.size).toBeGreaterThan(0);
  });
});

describe('your own Azure Container Registry (like ecrAccountIds for EKS)', () => {
  const ACR_URL =
    'https://github.com/MicrosoftDocs/azure-management-docs/blob/064a6550eb2d8f5a38ef9944e872f38ed7fed334/articles/container-registry/container-registry-firewall-access-rules.md';

  test('login server, the certificate apex and one dedicated data endpoint per registry and geo-replica region', () => {
    const options = { containerRegistries: ['ContosoRegistry', 'fabrikamacr.azurecr.io'], containerRegistryDataEndpointRegions: ['westeurope', 'North Europe'] };
    expect(added(PUBLIC, options)).toEqual(
      sorted([
        https('contosoregistry.azurecr.io'),
        https('fabrikamacr.azurecr.io'),
        https('azurecr.io'),
        https('contosoregistry.northeurope.data.azurecr.io'),
        https('contosoregistry.westeurope.data.azurecr.io'),
        https('fabrikamacr.northeurope.data.azurecr.io'),
        https('fabrikamacr.westeurope.data.azurecr.io'),
      ]),
    );
    const rows = profile(PUBLIC, options).requirements.filter((r) => r.primarySource.section === 'container-registry');
    expect(rows).toHaveLength(7);
    for (const r of rows) {
      expect(r.primarySource).toEqual({
        catalog: 'aks',
        section: 'container-registry',
        sectionTitle: 'Allow access to REST and data endpoints',
        title: 'Configure rules to access an Azure container registry behind a firewall (Azure Container Registry)',
        url: `${ACR_URL}#allow-access-to-rest-and-data-endpoints`,
        date: '2023-10-31',
      });
      expect(r.necessity.kind).toBe(NecessityKind.REQUIRED);
    }
  });

  test('without dedicated data endpoints: the storage endpoint, as an explicit opt-in', () => {
    expect(added(PUBLIC, { containerRegistries: ['contosoregistry'], containerRegistryStorageEndpoint: true })).toEqual(
      sorted([https('contosoregistry.azurecr.io'), https('azurecr.io'), https('*.blob.core.windows.net')]),
    );
    const [storage] = profile(PUBLIC, { containerRegistries: ['contosoregistry'], containerRegistryStorageEndpoint: true }).requirements.filter(
      (r) => r.peer.value === '*.blob.core.windows.net',
    );
    expect(storage.metadata.note).toContain('prefer dedicated data endpoints');
  });

  test('the CLI flags', () => {
    const set = AKS_PROFILE.build({ location: 'westeurope', containerRegistries: 'contosoregistry', containerRegistryDataEndpointRegions: 'westeurope,eastus' });
    expect(set.requirements.map((r) => r.peer.value)).toEqual(
      expect.arrayContaining(['contosoregistry.azurecr.io', 'contosoregistry.westeurope.data.azurecr.io', 'contosoregistry.eastus.data.azurecr.io']),
    );
  });

  test('rejections', () => {
    const bad = (o: Partial<AksProfileOptions>, cloud: AksCloud = PUBLIC) => () => profile(cloud, o);
    expect(bad({ containerRegistries: ['contosoregistry'] })).toThrow('Missing required option containerRegistryDataEndpointRegions');
    expect(bad({ containerRegistries: ['contosoregistry'] })).toThrow('or containerRegistryStorageEndpoint: true');
    expect(bad({ containerRegistryDataEndpointRegions: ['westeurope'] })).toThrow('Missing required option containerRegistries');
    expect(bad({ containerRegistryStorageEndpoint: true })).toThrow('Missing required option containerRegistries');
    expect(bad({ containerRegistries: ['ab'], containerRegistryStorageEndpoint: true })).toThrow(
      'Invalid container registry name "ab" (from option containerRegistries[0]). An Azure Container Registry name is 5-50 letters and digits',
    );
    expect(bad({ containerRegistries: ['contoso-registry'], containerRegistryStorageEndpoint: true })).toThrow('Invalid container registry name');
    expect(bad({ containerRegistries: ['contosoregistry'], containerRegistryDataEndpointRegions: ['westeurop'] })).toThrow(
      'Unknown Azure region for cloud azure-public "westeurop" (from option containerRegistryDataEndpointRegions[0]). Did you mean "westeurope"?',
    );
    expect(bad({ containerRegistries: ['contosoregistry'], containerRegistryStorageEndpoint: true }, US_GOV)).toThrow(
      "The container registry firewall page names the Azure public cloud's endpoints only",
    );
    expect(bad({ containerRegistries: 'contosoregistry' as unknown as string[] })).toThrow(FirewallRequirementsError);
    expect(bad({ containerRegistries: ['contosoregistry'], containerRegistryStorageEndpoint: 'yes' as unknown as boolean })).toThrow(FirewallRequirementsError);
  });
});

describe('the Azure Backup extension add-on', () => {
  const BACKUP_URL = 'https://github.com/MicrosoftDocs/azure-docs/blob/122662bacce4cd046ffc4007293de7091e53c79b/articles/backup/quick-install-backup-extension.md';
  const NAMES = ['*.microsoft.com', '*.azure.com', '*.azmk8s.io', '*.digicert.com', '*.digicert.cn', '*.geotrust.com', '*.msocsp.com'];

  test('Azure public: the names of the quickstart prerequisites, HTTPS 443, citing the quickstart', () => {
    expect(added(PUBLIC, { addons: [AksAddon.BACKUP] })).toEqual(sorted([...NAMES, '*.core.windows.net'].map(https)));
    const rows = profile(PUBLIC, { addons: [AksAddon.BACKUP] }).requirements.filter((r) => r.sources.some((s) => s.section === 'addon-backup'));
    expect(rows).toHaveLength(8);
    for (const r of rows) expect(r.sources.find((s) => s.section === 'addon-backup')).toMatchObject({ url: `${BACKUP_URL}#prerequisites`, date: '2023-11-14' });
  });

  test('21Vianet: *.core.chinacloudapi.cn instead of *.core.windows.net, noting its source', () => {
    expect(added(CHINA, { addons: [AksAddon.BACKUP] })).toEqual(sorted([...NAMES, '*.core.chinacloudapi.cn'].map(https)));
    const [storage] = profile(CHINA, { addons: [AksAddon.BACKUP] }).requirements.filter((r) => r.peer.value === '*.core.chinacloudapi.cn');
    expect(storage.metadata.note).toContain('not in the stored edition');
  });

  test('refused in Azure Government, where the quickstart names no variant', () => {
    expect(() => profile(US_GOV, { addons: [AksAddon.BACKUP] })).toThrow('The document lists no rules for backup in');
  });
});

describe('Key Vault for istio and application-routing is a named option', () => {
  test('addonsUsingKeyVault must name selected add-ons among istio and application-routing', () => {
    expect(() => profile(PUBLIC, { addons: [AksAddon.ISTIO], addonsUsingKeyVault: [AksAddon.APPLICATION_ROUTING] })).toThrow(
      'Invalid addonsUsingKeyVault "application-routing" (from option addonsUsingKeyVault[0]). application-routing is not in addons',
    );
    expect(() => profile(PUBLIC, { addons: [AksAddon.AZURE_MONITOR], addonsUsingKeyVault: [AksAddon.AZURE_MONITOR] })).toThrow(
      'Unknown add-on using Key Vault "azure-monitor" (from option addonsUsingKeyVault[0])',
    );
    expect(() => profile(PUBLIC, { addons: [AksAddon.ISTIO], addonsUsingKeyVault: 'istio' as unknown as AksAddon[] })).toThrow(FirewallRequirementsError);
  });

  test('the CLI flag', () => {
    const set = AKS_PROFILE.build({ location: 'westeurope', addons: 'istio,application-routing', addonsUsingKeyVault: 'istio' });
    const [vault] = set.requirements.filter((r) => r.peer.value === '*.vault.azure.net');
    expect(vault.sources.map((s) => s.section)).toEqual(['addon-istio']);
  });

  test('the key-vault-apex note says what the catalog renders', () => {
    const note = AKS_NOTES.find((n) => n.key === 'key-vault-apex')!;
    expect(note.handling).toContain('Rendered as *.vault.azure.net');
    expect(note.handling).not.toContain('as written');
  });
});
