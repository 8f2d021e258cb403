import { PROFILES } from '../../lib/catalog';
import {
  GKE_GOOGLE_API_ACCESS_MODES,
  GKE_PROFILE,
  gkeClusterFirewallRulesSection,
  gkeEgressDenySection,
  GkeGoogleApiAccess,
  gkeNodesProfile,
  GkeNodesProfileOptions,
} from '../../lib/catalog/gke';
import { OptionType } from '../../lib/catalog/profile-definition';
import { FirewallRequirementsError, RequirementSet, toRecord } from '../../lib/model';

const BASE: GkeNodesProfileOptions = { region: 'europe-west1', controlPlaneCidrs: ['172.16.0.0/28'], nodeCidrs: ['10.0.0.0/20'], podCidrs: ['10.4.0.0/14'] };
const flows = (set: RequirementSet) =>
  set.requirements.map((r) => `${r.direction} ${r.protocol} ${r.portsText || '-'} ${r.peer.value} ${r.primarySource.section} ${r.necessity.kind}`);
const bad = (o: Record<string, unknown>) => () => gkeNodesProfile(o as unknown as GkeNodesProfileOptions);

const CLUSTER_ROWS = [
  'egress any - 10.0.0.0/20 egress-deny required',
  'egress any - 10.4.0.0/14 egress-deny required',
  'egress tcp 443 172.16.0.0/28 egress-deny required',
];
const MASTER_ROW = 'ingress tcp 443,10250 172.16.0.0/28 cluster-firewall-rules required';

describe('GKE catalog', () => {
  test('egress deny section: control plane TCP 443, nodes and Pods any protocol, Services when asked', () => {
    const rows = gkeEgressDenySection(true).requirements;
    expect(rows.map((r) => `${r.direction} ${r.protocol} ${r.portsText || '-'} ${r.peer.toString()}`)).toEqual([
      'egress tcp 443 <control-plane>',
      'egress any - <node-range>',
      'egress any - <pod-range>',
      'egress any - <service-range>',
    ]);
    expect(gkeEgressDenySection(false).requirements).toHaveLength(3);
    for (const r of rows) {
      expect(r.primarySource).toMatchObject({
        catalog: 'gke',
        section: 'egress-deny',
        url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/firewall-rules',
        date: 'n/a (undated stored page)',
      });
    }
  });

  test("the -master rule: ingress TCP 443 and 10250 from the control plane, named after GKE's rule", () => {
    const [row] = gkeClusterFirewallRulesSection().requirements;
    expect(toRecord(row)).toMatchObject({ direction: 'ingress', protocol: 'tcp', ports: ['443', '10250'], peer: { kind: 'placeholder', value: '<control-plane>' } });
    expect(row.metadata.gkeRule).toBe('gke-[cluster-name]-[cluster-hash]-master');
  });
});

describe('gkeNodesProfile', () => {
  test('default: Google APIs through private.googleapis.com, IPv4 and IPv6, plus the cluster ranges and the -master rule (no wildcard: GcpFirewall renders it)', () => {
    expect(flows(gkeNodesProfile(BASE))).toEqual(flows(gkeNodesProfile({ ...BASE, googleApiAccess: GkeGoogleApiAccess.PRIVATE })));
    expect(gkeNodesProfile(BASE).requirements.some((r) => r.peer.isDomain)).toBe(false);
  });

  test('domains: Google APIs by name, for an egress proxy', () => {
    const set = gkeNodesProfile({ ...BASE, googleApiAccess: GkeGoogleApiAccess.DOMAINS });
    expect(flows(set)).toEqual([
      ...CLUSTER_ROWS,
      'egress https 443 europe-west1-docker.pkg.dev google-api-domains required',
      'egress https 443 gcr.io google-api-domains required',
      'egress https 443 pkg.dev google-api-domains required',
      'egress https 443 *.gcr.io google-api-domains required',
      'egress https 443 *.googleapis.com google-api-domains required',
      'egress https 443 *.pkg.dev google-api-domains required',
      MASTER_ROW,
    ]);
    const [domain] = set.requirements.filter((r) => r.peer.value === 'gcr.io');
    expect(domain.primarySource.url).toContain('terraform-google-network/blob/1bf8659d3d04086d096d9a3633d393e99946d53d/modules/private-service-connect/dns.tf');
  });

  test('private: TCP 443 to private.googleapis.com, IPv4 and IPv6 (an egress deny of ::/0 would cut dual-stack nodes off), with the DNS they need', () => {
    const set = gkeNodesProfile({ ...BASE, googleApiAccess: GkeGoogleApiAccess.PRIVATE });
    expect(flows(set)).toEqual([
      ...CLUSTER_ROWS,
      'egress tcp 443 199.36.153.8/30 private-google-apis required',
      'egress tcp 443 2600:2d00:2:2000::/64 private-google-apis-ipv6 required',
      MASTER_ROW,
    ]);
    expect(set.requirements[3].metadata.dns).toContain('private.googleapis.com');
    expect(set.requirements[3].primarySource.url).toBe('https://cloud.google.com/vpc/docs/access-apis-external-ip');
    const v6 = set.requirements[4];
    expect(v6.metadata.dns).toContain('AAAA records with the private.googleapis.com IPv6 range');
    expect(v6.primarySource).toEqual({
      catalog: 'gke',
      section: 'private-google-apis-ipv6',
      sectionTitle: 'private.googleapis.com IPv6 range (private-6)',
      title: 'Cloud Foundation Fabric net-vpc module, routes to the Google API VIPs',
      url: 'https://github.com/GoogleCloudPlatform/cloud-foundation-fabric/blob/86cc6eee4ceb4eadd70fe2ca27d44a8f9722491d/modules/net-vpc/routes.tf',
      date: 'n/a (undated commit)',
    });
  });

  test('restricted, also chosen by vpcServiceControls: IPv4 and IPv6', () => {
    const expected = [
      ...CLUSTER_ROWS,
      'egress tcp 443 199.36.153.4/30 restricted-google-apis required',
      'egress tcp 443 2600:2d00:2:1000::/64 restricted-google-apis-ipv6 required',
      MASTER_ROW,
    ];
    expect(flows(gkeNodesProfile({ ...BASE, googleApiAccess: GkeGoogleApiAccess.RESTRICTED }))).toEqual(expected);
    expect(flows(gkeNodesProfile({ ...BASE, vpcServiceControls: true }))).toEqual(expected);
    expect(gkeNodesProfile({ ...BASE, vpcServiceControls: true }).requirements[3].primarySource.date).toBe('2025-08-18');
    expect(gkeNodesProfile({ ...BASE, vpcServiceControls: true }).requirements[4].primarySource.section).toBe('restricted-google-apis-ipv6');
  });

  test('the Service range and several ranges', () => {
    const set = gkeNodesProfile({ ...BASE, podCidrs: ['10.4.0.0/14', '10.100.0.0/16'], serviceCidrs: ['10.8.0.0/20'] });
    const anyPeers = set.requirements.filter((r) => r.protocol === 'any').map((r) => r.peer.value);
    expect(anyPeers).toEqual(['10.0.0.0/20', '10.4.0.0/14', '10.8.0.0/20', '10.100.0.0/16']);
  });

  test('no rule for the metadata server', () => {
    expect(gkeNodesProfile(BASE).requirements.some((r) => r.peer.value.startsWith('169.254.'))).toBe(false);
  });

  describe('rejections', () => {
    test('missing, unknown and zonal regions', () => {
      expect(bad({ ...BASE, region: undefined })).toThrow('Missing required option region');
      expect(bad({ ...BASE, region: 'europe-west7' })).toThrow('Unknown Google Cloud region "europe-west7" (from profile gke option region). Did you mean');
      expect(bad({ ...BASE, region: 'europe-west1-b' })).toThrow('europe-west1-b is a zone: give its region, europe-west1.');
      expect(bad({ ...BASE, region: 'eu-west-1', allowUnlistedRegion: true })).toThrow('A region name looks like europe-west1.');
      expect(gkeNodesProfile({ ...BASE, region: 'europe-west7', allowUnlistedRegion: true, googleApiAccess: GkeGoogleApiAccess.DOMAINS }).requirements.map((r) => r.peer.value)).toContain(
        'europe-west7-docker.pkg.dev',
      );
    });

    test('missing cluster ranges', () => {
      expect(bad({ region: 'europe-west1' })).toThrow('Missing required option controlPlaneCidrs');
      expect(bad({ ...BASE, nodeCidrs: [] })).toThrow('Missing required option nodeCidrs');
      expect(bad({ ...BASE, podCidrs: undefined })).toThrow('Missing required option podCidrs');
    });

    test('strings where arrays are expected, and bad CIDRs', () => {
      expect(bad({ ...BASE, podCidrs: '10.4.0.0/14' })).toThrow('Invalid podCidrs (string, expected an array) "10.4.0.0/14" (from profile gke option podCidrs). Give podCidrs as an array, e.g. ["10.4.0.0/14"].');
      expect(bad({ ...BASE, controlPlaneCidrs: ['172.16.0.1/28'] })).toThrow('from profile gke option controlPlaneCidrs[0]');
    });

    test('unknown access mode, with did-you-mean', () => {
      expect(bad({ ...BASE, googleApiAccess: 'privte' })).toThrow(
        `Unknown Google API access mode "privte" (from profile gke option googleApiAccess). Did you mean "private"? Valid values: ${GKE_GOOGLE_API_ACCESS_MODES.join(', ')}.`,
      );
    });

    test('VPC Service Controls with another access mode', () => {
      expect(bad({ ...BASE, vpcServiceControls: true, googleApiAccess: 'private' })).toThrow(
        'Conflicting options vpcServiceControls=true and googleApiAccess=private (from profile gke option googleApiAccess)',
      );
    });

    test('non-boolean flags and non-object options: the library error, never a TypeError', () => {
      expect(bad({ ...BASE, vpcServiceControls: NaN })).toThrow('Invalid vpcServiceControls (number, expected true or false) "NaN" (from profile gke option vpcServiceControls).');
      for (const input of [null, undefined, 'europe-west1', { ...BASE, region: 5 }, { ...BASE, nodeCidrs: [null] }]) {
        expect(() => gkeNodesProfile(input as unknown as GkeNodesProfileOptions)).toThrow(FirewallRequirementsError);
      }
    });
  });
});

describe('GKE_PROFILE', () => {
  test('is registered and describes every option', () => {
    expect(PROFILES.map((p) => p.name)).toContain('gke');
    expect(GKE_PROFILE.options.map((o) => [o.name, o.flag, o.type, o.required])).toEqual([
      ['region', 'region', OptionType.STRING, true],
      ['allowUnlistedRegion', 'allow-unlisted-region', OptionType.BOOLEAN, undefined],
      ['googleApiAccess', 'google-api-access', OptionType.CHOICE, undefined],
      ['vpcServiceControls', 'vpc-service-controls', OptionType.BOOLEAN, undefined],
      ['controlPlaneCidrs', 'control-plane-cidrs', OptionType.CIDR_LIST, true],
      ['nodeCidrs', 'node-cidrs', OptionType.CIDR_LIST, true],
      ['podCidrs', 'pod-cidrs', OptionType.CIDR_LIST, true],
      ['serviceCidrs', 'service-cidrs', OptionType.CIDR_LIST, undefined],
    ]);
  });

  test('builds from parsed flags and rejects unknown ones', () => {
    const set = GKE_PROFILE.build({ region: 'europe-west1', controlPlaneCidrs: '172.16.0.0/28', nodeCidrs: ['10.0.0.0/20'], podCidrs: '10.4.0.0/14', googleApiAccess: 'private' });
    expect(set.size).toBe(6);
    expect(() => GKE_PROFILE.build({ ...BASE, podCidr: 'x' })).toThrow('Unknown GKE profile option "podCidr"');
    expect(() => GKE_PROFILE.build({ ...BASE, vpcServiceControls: 'yes' })).toThrow('Invalid --vpc-service-controls "yes" (from profile gke option vpcServiceControls). --vpc-service-controls is true or false.');
  });
});
