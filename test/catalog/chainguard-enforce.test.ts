import {
  CHAINGUARD_ENFORCE_PROFILE,
  chainguardEnforceCatalog,
  chainguardEnforceProfile,
  DEFAULT_ENFORCE_EDITION,
  ENFORCE_AGENT_NAMESPACE,
  ENFORCE_DNS_TTL_NOTE,
  ENFORCE_EDITION_DATA,
  ENFORCE_EDITIONS,
  ENFORCE_JA3,
  ENFORCE_MODES,
  ENFORCE_RETURN_TRAFFIC_NOTE,
  EnforceEdition,
  EnforceMode,
} from '../../lib/catalog/chainguard-enforce';
import { OptionType } from '../../lib/catalog/profile-definition';
import { Direction, FirewallRequirementsError, Landing, PeerKind, Protocol, Requirement, RequirementSet, toRecord } from '../../lib/model';

const SEED_HOSTS = [
  'agentless-lifecycle.enforce.dev',
  'console-api.enforce.dev',
  'canary.enforce.dev',
  'console.enforce.dev',
  'cosigned-continuous-verification.enforce.dev',
  'cosigned-resolution.enforce.dev',
  'cosigned-verification.enforce.dev',
  'eots-omni.enforce.dev',
  'github.enforce.dev',
  'issuer.enforce.dev',
  'policy-compiler.enforce.dev',
  'policy-conversion.enforce.dev',
  'policy-defaulting.enforce.dev',
  'policy-distribution.enforce.dev',
  'policy-validation.enforce.dev',
  'registry.enforce.dev',
  'trustroot-compiler.chainops.dev',
  'tsa.enforce.dev',
  'webhook.enforce.dev',
];

const NOVEMBER_HOSTS = [
  'agentless-lifecycle.enforce.dev',
  'console-api.enforce.dev',
  'canary.enforce.dev',
  'console.enforce.dev',
  'cosigned-continuous-verification.enforce.dev',
  'cosigned-resolution.enforce.dev',
  'cosigned-verification.enforce.dev',
  'eots-omni.enforce.dev',
  'github.enforce.dev',
  'issuer.enforce.dev',
  'policy-compiler.enforce.dev',
  'policy-conversion.enforce.dev',
  'policy-defaulting.enforce.dev',
  'policy-distribution.enforce.dev',
  'policy-validation.enforce.dev',
  'cgr.dev',
  'trustroot-compiler.enforce.dev',
  'tsa.enforce.dev',
  'webhook.enforce.dev',
];

const THIRD_PARTY = [
  'chainguard-cd-nvt30yluzzsmvk7t.edge.tenants.us.auth0.com',
  'googlecode.l.googleusercontent.com',
  'raw.githubusercontent.com',
  'storage.googleapis.com',
];

const BLOB_HOST = '9236a389bd48b984df91adc1bc924620.r2.cloudflarestorage.com';
const SEED_CIDRS = ['35.230.121.20/32', '34.132.193.40/32', '35.237.242.37/32'];
const NOVEMBER_CIDRS = [...SEED_CIDRS, '34.117.0.114/32', '34.107.162.32/32'];

const SEED_URL =
  'https://github.com/chainguard-dev/edu/blob/a846c70f927a49a6b6c0e2d8b163068870d30389/content/chainguard/chainguard-enforce/chainguard-enforce-kubernetes/network-requirements.md';
const NOVEMBER_URL = 'https://github.com/chainguard-dev/edu/blob/d4cbcc902/content/chainguard/administration/network-requirements.md';

const JA3_FULLSTRING =
  '771,49195-49199-49196-49200-52393-52392-49161-49171-49162-49172-156-157-47-53-49170-10-4865-4866-4867,0-5-10-11-13-65281-16-18-43-51,29-23-24-25,0';
const JA3_MD5 = '3fed133de60c35724739b913924b6c24';
const TTL = ENFORCE_DNS_TTL_NOTE;

const peersOf = (rs: readonly Requirement[]) => rs.map((r) => r.peer.value);
const flows = (set: RequirementSet) => set.requirements.map((r) => `${r.direction} ${r.protocol} ${r.portsText} ${r.peer.kind}:${r.peer.value} ${r.primarySource.section}`);

function hostMetadata(edition: string, dataFile: string | undefined, ja3: boolean): Record<string, string> {
  return {
    edition,
    ...(dataFile ? { dataFile } : {}),
    sourceNamespace: 'gulfstream',
    dnsTtl: TTL,
    ...(ja3 ? { ja3Fullstring: JA3_FULLSTRING, ja3Md5: JA3_MD5 } : {}),
  };
}

describe('Chainguard Enforce editions', () => {
  test('two editions, oldest first; the newest is the default', () => {
    expect(ENFORCE_EDITIONS).toEqual(['2023-03-18', '2023-11-29']);
    expect(DEFAULT_ENFORCE_EDITION).toBe(EnforceEdition.EDITION_2023_11_29);
  });

  test('each edition cites its page, commit and date', () => {
    expect(ENFORCE_EDITION_DATA[EnforceEdition.EDITION_2023_03_18].document).toEqual({
      catalog: 'chainguard-enforce',
      title: 'Network Requirements (Chainguard Enforce)',
      url: SEED_URL,
      date: '2023-03-18',
    });
    expect(ENFORCE_EDITION_DATA[EnforceEdition.EDITION_2023_11_29].document).toEqual({
      catalog: 'chainguard-enforce',
      title: 'Network Requirements (Chainguard Enforce)',
      url: NOVEMBER_URL,
      date: '2023-11-29',
    });
    expect(ENFORCE_EDITION_DATA[EnforceEdition.EDITION_2023_03_18].hostsDataFile).toBe(
      'chainguard-dev/edu data/domains.yaml @ fbb8e2d6f8a41f46ef57aabbe91b4f231597b4d1 (2023-03-09)',
    );
    expect(ENFORCE_EDITION_DATA[EnforceEdition.EDITION_2023_03_18].cidrsDataFile).toBe(
      'chainguard-dev/edu data/ips.yaml @ 0cb2408832820669258c1c05b9d5be6f1765d0f5 (2023-02-17)',
    );
    expect(ENFORCE_EDITION_DATA[EnforceEdition.EDITION_2023_11_29].hostsDataFile).toBe(
      'chainguard-dev/edu data/domains.yaml @ feb0aa53912c7409b597cd59482b3866e2fff31b (2023-04-19)',
    );
    expect(ENFORCE_EDITION_DATA[EnforceEdition.EDITION_2023_11_29].cidrsDataFile).toBe(
      'chainguard-dev/edu data/ips.yaml @ e71950e58a065cf0a7ad1d25b21ee608754e661a (2023-06-30)',
    );
  });

  test('the 2023-11-29 hosts are the seed hosts with cgr.dev added, trustroot-compiler renamed and registry.enforce.dev removed', () => {
    const seed = ENFORCE_EDITION_DATA[EnforceEdition.EDITION_2023_03_18].chainguardHosts;
    const november = ENFORCE_EDITION_DATA[EnforceEdition.EDITION_2023_11_29].chainguardHosts;
    expect(november.filter((h) => !seed.includes(h))).toEqual(['cgr.dev', 'trustroot-compiler.enforce.dev']);
    expect(seed.filter((h) => !november.includes(h))).toEqual(['registry.enforce.dev', 'trustroot-compiler.chainops.dev']);
  });
});

describe.each([
  [EnforceEdition.EDITION_2023_03_18, SEED_URL, SEED_HOSTS, SEED_CIDRS],
  [EnforceEdition.EDITION_2023_11_29, NOVEMBER_URL, NOVEMBER_HOSTS, NOVEMBER_CIDRS],
])('Chainguard Enforce catalog, edition %s', (edition, url, hosts, cidrs) => {
  const catalog = chainguardEnforceCatalog(edition);
  const data = ENFORCE_EDITION_DATA[edition];

  test('counts per section', () => {
    expect(catalog.edition).toBe(edition);
    expect([catalog.chainguardHosts.length, catalog.thirdPartyHosts.length, catalog.cidrRanges.length, catalog.saasAccess.length]).toEqual([
      19,
      4,
      cidrs.length,
      cidrs.length,
    ]);
  });

  test('Chainguard Hosts: every host in data-file order, egress HTTPS 443', () => {
    expect(peersOf(catalog.chainguardHosts.requirements)).toEqual(hosts);
    for (const r of catalog.chainguardHosts.requirements) {
      expect([r.direction, r.protocol, r.portsText, r.peer.kind, r.necessity.kind]).toEqual([Direction.EGRESS, Protocol.HTTPS, '443', PeerKind.FQDN, 'required']);
      expect(r.purpose).toBe('RETIRED 2024-04-10: Enforce agent (namespace gulfstream) to the Chainguard Enforce SaaS');
      expect(r.primarySource).toEqual({
        catalog: 'chainguard-enforce',
        section: 'chainguard-hosts',
        sectionTitle: 'Chainguard Hosts',
        title: data.document.title,
        url: `${url}#chainguard-hosts`,
        date: edition,
      });
    }
  });

  test('JA3 metadata on the *.enforce.dev hosts only; namespace, TTL note, edition and data file on every host', () => {
    for (const r of catalog.chainguardHosts.requirements) {
      expect(r.metadata).toEqual(hostMetadata(edition, data.hostsDataFile, r.peer.value.endsWith('.enforce.dev')));
    }
    const withJa3 = catalog.chainguardHosts.requirements.filter((r) => r.metadata.ja3Md5 !== undefined);
    expect(withJa3.length).toBe(18);
    const without = catalog.chainguardHosts.requirements.filter((r) => r.metadata.ja3Md5 === undefined).map((r) => r.peer.value);
    expect(without).toEqual([edition === EnforceEdition.EDITION_2023_03_18 ? 'trustroot-compiler.chainops.dev' : 'cgr.dev']);
  });

  test('Third-party Hosts: four hosts, egress HTTPS 443, no JA3', () => {
    expect(peersOf(catalog.thirdPartyHosts.requirements)).toEqual(THIRD_PARTY);
    for (const r of catalog.thirdPartyHosts.requirements) {
      expect([r.direction, r.protocol, r.portsText, r.peer.kind]).toEqual([Direction.EGRESS, Protocol.HTTPS, '443', PeerKind.FQDN]);
      expect(r.purpose).toBe('RETIRED 2024-04-10: Enforce agent (namespace gulfstream) to a third-party host Chainguard Enforce uses');
      expect(r.metadata).toEqual(hostMetadata(edition, undefined, false));
      expect(r.primarySource.section).toBe('third-party-hosts');
      expect(r.primarySource.sectionTitle).toBe('Third-party Hosts');
      expect(r.primarySource.url).toBe(`${url}#third-party-hosts`);
    }
  });

  test('CIDR Ranges: ingress TCP 443 from each range', () => {
    expect(peersOf(catalog.cidrRanges.requirements)).toEqual(cidrs);
    for (const r of catalog.cidrRanges.requirements) {
      expect([r.direction, r.protocol, r.portsText, r.peer.kind]).toEqual([Direction.INGRESS, Protocol.TCP, '443', PeerKind.CIDR]);
      expect(r.purpose).toBe('RETIRED 2024-04-10: Chainguard Enforce SaaS to the cluster API endpoint, for cluster and workload discovery');
      expect(r.metadata).toEqual({
        edition,
        dataFile: data.cidrsDataFile,
        admitIn: 'GKE master authorized networks; EKS public access CIDRs; any firewall in front of the cluster API endpoint',
        portNote: 'The page names no port; 443 is the HTTPS port of the GKE and EKS public cluster API endpoints it links to.',
      });
      expect(r.primarySource.section).toBe('cidr-ranges');
      expect(r.primarySource.sectionTitle).toBe('CIDR Ranges');
      expect(r.primarySource.url).toBe(`${url}#cidr-ranges`);
    }
  });

  test('Enforce SaaS Access: the same ranges, landing on the registry in agentless mode (other flows than the API endpoint rows)', () => {
    expect(peersOf(catalog.saasAccess.requirements)).toEqual(cidrs);
    expect(catalog.cidrRanges.requirements.every((r) => r.landing === Landing.CONTROL_PLANE)).toBe(true);
    expect(catalog.saasAccess.requirements.every((r) => r.landing === Landing.SERVICE)).toBe(true);
    const apiIds = new Set(catalog.cidrRanges.requirements.map((r) => r.id));
    expect(catalog.saasAccess.requirements.some((r) => apiIds.has(r.id))).toBe(false);
    for (const r of catalog.saasAccess.requirements) {
      expect(r.purpose).toBe('RETIRED 2024-04-10: Agentless mode: the Chainguard Enforce SaaS reaches your image registry, which must admit these ranges');
      expect(r.primarySource.sectionTitle).toBe('Enforce SaaS Access');
      expect(r.primarySource.url).toBe(`${url}#enforce-saas-access`);
    }
  });
});

describe('chainguardEnforceProfile', () => {
  test('defaults: agent mode, newest edition (2023-11-29)', () => {
    expect(chainguardEnforceProfile({ acknowledgeRetired: true }).requirements.map((r) => r.id)).toEqual(
      chainguardEnforceProfile({ acknowledgeRetired: true, mode: EnforceMode.AGENT, edition: EnforceEdition.EDITION_2023_11_29 }).requirements.map((r) => r.id),
    );
    expect(chainguardEnforceProfile({ acknowledgeRetired: true }).size).toBe(29);
  });

  test('agent mode, seed edition (2023-03-18): 19 + 4 egress hosts and 3 ingress CIDRs', () => {
    const set = chainguardEnforceProfile({ acknowledgeRetired: true, edition: EnforceEdition.EDITION_2023_03_18 });
    expect(set.size).toBe(26);
    expect(set.unresolvedPlaceholders).toEqual([]);
    const egress = set.requirements.filter((r) => r.direction === Direction.EGRESS);
    const ingress = set.requirements.filter((r) => r.direction === Direction.INGRESS);
    expect(peersOf(egress)).toEqual([...SEED_HOSTS, ...THIRD_PARTY].sort());
    expect(peersOf(ingress)).toEqual(['34.132.193.40/32', '35.230.121.20/32', '35.237.242.37/32']);
    expect(ingress.every((r) => r.sources.length === 1 && r.primarySource.section === 'cidr-ranges')).toBe(true);
    expect(set.requirements.every((r) => r.primarySource.date === '2023-03-18')).toBe(true);
  });

  test('agent mode, 2023-11-29 edition: 19 + 4 hosts, the blob host behind cgr.dev, and 5 CIDRs', () => {
    const set = chainguardEnforceProfile({ acknowledgeRetired: true, edition: EnforceEdition.EDITION_2023_11_29 });
    expect(set.size).toBe(29);
    expect(peersOf(set.requirements.filter((r) => r.direction === Direction.EGRESS))).toEqual([...NOVEMBER_HOSTS, ...THIRD_PARTY, BLOB_HOST].sort());
    expect(peersOf(set.requirements.filter((r) => r.direction === Direction.INGRESS))).toEqual([
      '34.107.162.32/32',
      '34.117.0.114/32',
      '34.132.193.40/32',
      '35.230.121.20/32',
      '35.237.242.37/32',
    ]);
    expect(set.requirements.every((r) => r.primarySource.date === '2023-11-29' && r.primarySource.url.startsWith(NOVEMBER_URL))).toBe(true);
  });

  test.each([
    [EnforceEdition.EDITION_2023_03_18, 3],
    [EnforceEdition.EDITION_2023_11_29, 5],
  ])('agentless mode (%s): only the CIDR ingress rows, to the API endpoint and to the registry, no agent egress', (edition, count) => {
    const set = chainguardEnforceProfile({ acknowledgeRetired: true, mode: EnforceMode.AGENTLESS, edition });
    expect(set.size).toBe(2 * count);
    expect(set.requirements.filter((r) => r.direction === Direction.EGRESS)).toEqual([]);
    const api = set.requirements.filter((r) => r.landing === Landing.CONTROL_PLANE);
    const registry = set.requirements.filter((r) => r.landing === Landing.SERVICE);
    expect(api).toHaveLength(count);
    expect(registry).toHaveLength(count);
    for (const r of api) {
      expect(toRecord(r)).toMatchObject({
        source: 'chainguard-enforce/cidr-ranges',
        direction: 'ingress',
        protocol: 'tcp',
        ports: ['443'],
        peer: { kind: 'cidr' },
        purpose: 'RETIRED 2024-04-10: Chainguard Enforce SaaS to the cluster API endpoint, for cluster and workload discovery',
        necessity: 'required',
        landing: 'control-plane',
      });
    }
    for (const r of registry) {
      expect(toRecord(r)).toMatchObject({
        source: 'chainguard-enforce/saas-access',
        purpose: 'RETIRED 2024-04-10: Agentless mode: the Chainguard Enforce SaaS reaches your image registry, which must admit these ranges',
        landing: 'service',
        metadata: expect.objectContaining({ admitIn: 'your image registry' }),
      });
    }
  });

  test('the flows of agent mode in the seed edition, exactly', () => {
    expect(flows(chainguardEnforceProfile({ acknowledgeRetired: true, edition: EnforceEdition.EDITION_2023_03_18 }))).toEqual([
      ...[...SEED_HOSTS.map((h) => `egress https 443 fqdn:${h} chainguard-hosts`), ...THIRD_PARTY.map((h) => `egress https 443 fqdn:${h} third-party-hosts`)].sort(
        (a, b) => (a.split(' ')[3] < b.split(' ')[3] ? -1 : 1),
      ),
      'ingress tcp 443 cidr:34.132.193.40/32 cidr-ranges',
      'ingress tcp 443 cidr:35.230.121.20/32 cidr-ranges',
      'ingress tcp 443 cidr:35.237.242.37/32 cidr-ranges',
    ]);
  });

  test('is deterministic', () => {
    const a = JSON.stringify(chainguardEnforceProfile({ acknowledgeRetired: true, mode: EnforceMode.AGENTLESS }).requirements.map(toRecord));
    const b = JSON.stringify(chainguardEnforceProfile({ acknowledgeRetired: true, mode: EnforceMode.AGENTLESS }).requirements.map(toRecord));
    expect(a).toBe(b);
  });

  test('exported notes and constants', () => {
    expect(ENFORCE_AGENT_NAMESPACE).toBe('gulfstream');
    expect(ENFORCE_JA3).toEqual({ fullstring: JA3_FULLSTRING, md5: JA3_MD5 });
    expect(ENFORCE_DNS_TTL_NOTE).toContain('60 s TTL and most are under 3600 s');
    expect(ENFORCE_RETURN_TRAFFIC_NOTE).toContain('related and established return traffic');
    expect(ENFORCE_MODES).toEqual(['agent', 'agentless']);
  });

  test('rejects an unknown mode, suggesting the closest', () => {
    expect(() => chainguardEnforceProfile({ acknowledgeRetired: true, mode: 'agentles' as EnforceMode })).toThrow(
      'Unknown Enforce mode "agentles" (from profile chainguard-enforce option mode). Did you mean "agentless"? Valid values: agent, agentless.',
    );
    expect(() => chainguardEnforceProfile({ acknowledgeRetired: true, mode: 'sidecar-proxy' as EnforceMode })).toThrow(
      'Unknown Enforce mode "sidecar-proxy" (from profile chainguard-enforce option mode). Valid values: agent, agentless.',
    );
  });

  test('rejects an unknown edition, suggesting the closest', () => {
    expect(() => chainguardEnforceProfile({ acknowledgeRetired: true, edition: '2023-03-19' as EnforceEdition })).toThrow(
      'Unknown Enforce edition "2023-03-19" (from profile chainguard-enforce option edition). Did you mean "2023-03-18"? Valid values: 2023-03-18, 2023-11-29.',
    );
    expect(() => chainguardEnforceProfile({ acknowledgeRetired: true, edition: 'latest' as EnforceEdition })).toThrow(
      'Unknown Enforce edition "latest" (from profile chainguard-enforce option edition). Valid values: 2023-03-18, 2023-11-29.',
    );
    expect(() => chainguardEnforceProfile({ acknowledgeRetired: true, edition: 'latest' as EnforceEdition })).toThrow(FirewallRequirementsError);
  });
});

describe('CHAINGUARD_ENFORCE_PROFILE', () => {
  test('describes its CLI name and flags', () => {
    expect(CHAINGUARD_ENFORCE_PROFILE.name).toBe('chainguard-enforce');
    expect(CHAINGUARD_ENFORCE_PROFILE.options.map((o) => [o.name, o.flag, o.type, o.choices, o.defaultText, o.required])).toEqual([
      ['mode', 'mode', OptionType.CHOICE, ['agent', 'agentless'], 'agent', undefined],
      ['edition', 'edition', OptionType.CHOICE, ['2023-03-18', '2023-11-29'], '2023-11-29', undefined],
      ['acknowledgeRetired', 'acknowledge-retired', OptionType.BOOLEAN, undefined, 'false (the profile refuses)', undefined],
    ]);
    expect(CHAINGUARD_ENFORCE_PROFILE.description.startsWith('RETIRED 2024-04-10, refused without --acknowledge-retired.')).toBe(true);
  });

  test('builds from parsed flags, only with --acknowledge-retired', () => {
    expect(() => CHAINGUARD_ENFORCE_PROFILE.build({})).toThrow('Missing required option acknowledgeRetired');
    expect(() => CHAINGUARD_ENFORCE_PROFILE.build({ acknowledgeRetired: false })).toThrow('Missing required option acknowledgeRetired');
    expect(() => CHAINGUARD_ENFORCE_PROFILE.build({ acknowledgeRetired: 'yes' })).toThrow('--acknowledge-retired is true or false');
    expect(CHAINGUARD_ENFORCE_PROFILE.build({ acknowledgeRetired: true }).size).toBe(29);
    expect(CHAINGUARD_ENFORCE_PROFILE.build({ acknowledgeRetired: 'true', edition: '2023-03-18' }).size).toBe(26);
    const set = CHAINGUARD_ENFORCE_PROFILE.build({ acknowledgeRetired: true, mode: 'agentless', edition: '2023-11-29' });
    expect([...new Set(peersOf(set.requirements))]).toEqual(['34.107.162.32/32', '34.117.0.114/32', '34.132.193.40/32', '35.230.121.20/32', '35.237.242.37/32']);
  });

  test('rejects bad flag values', () => {
    expect(() => CHAINGUARD_ENFORCE_PROFILE.build({ acknowledgeRetired: true, mode: 'agnet' })).toThrow(
      'Unknown Enforce mode "agnet" (from profile chainguard-enforce option mode). Did you mean "agent"? Valid values: agent, agentless.',
    );
    expect(() => CHAINGUARD_ENFORCE_PROFILE.build({ edition: true })).toThrow(
      'Invalid --edition "true" (from profile chainguard-enforce option edition). --edition takes one value.',
    );
  });
});

describe('switching editions changes only the flows that changed', () => {
  // What targets render from a requirement: its flow (id), purposes (per source), necessity and, for targets that
  // cite the source, the catalog, section key, section title and document title. The edition date and URL are
  // provenance and necessarily differ; they are compared separately below.
  const rendered = (r: Requirement) => ({
    purposes: r.purposes,
    purposesBySource: r.purposesBySource,
    necessity: r.necessity.kind,
    condition: r.necessity.conditionText,
    sources: r.sources.map((s) => ({ catalog: s.catalog, section: s.section, sectionTitle: s.sectionTitle, title: s.title })),
  });

  test.each(ENFORCE_MODES)('%s mode: exactly the added and removed flows differ; every other flow renders the same text', (mode) => {
    // GIVEN both editions
    const seed = chainguardEnforceProfile({ acknowledgeRetired: true, mode, edition: EnforceEdition.EDITION_2023_03_18 });
    const november = chainguardEnforceProfile({ acknowledgeRetired: true, mode, edition: EnforceEdition.EDITION_2023_11_29 });
    const seedIds = new Set(seed.requirements.map((r) => r.id));
    const novemberIds = new Set(november.requirements.map((r) => r.id));
    // THEN the flows that differ are exactly the data-file changes between the editions
    const added = november.requirements.filter((r) => !seedIds.has(r.id)).map((r) => r.peer.value);
    const removed = seed.requirements.filter((r) => !novemberIds.has(r.id)).map((r) => r.peer.value);
    expect(added).toEqual(
      mode === EnforceMode.AGENT
        ? [BLOB_HOST, 'cgr.dev', 'trustroot-compiler.enforce.dev', '34.107.162.32/32', '34.117.0.114/32']
        : // Each range lands on the API endpoint and on the registry: two flows per new range.
          ['34.107.162.32/32', '34.107.162.32/32', '34.117.0.114/32', '34.117.0.114/32'],
    );
    expect(removed).toEqual(mode === EnforceMode.AGENT ? ['registry.enforce.dev', 'trustroot-compiler.chainops.dev'] : []);
    // AND every flow in both editions has the same purpose, necessity, section and title
    const kept = seed.requirements.filter((r) => novemberIds.has(r.id));
    expect(kept).toHaveLength(mode === EnforceMode.AGENT ? 24 : 6);
    for (const r of kept) {
      const other = november.get(r.id) as Requirement;
      expect(rendered(other)).toEqual(rendered(r));
      expect(toRecord(other).purpose).toBe(toRecord(r).purpose);
      // Only the edition's own provenance differs: its date and URL (which names the page commit) ...
      expect(other.sources.map((s) => s.date)).toEqual(r.sources.map(() => '2023-11-29'));
      expect(r.sources.map((s) => s.date)).toEqual(r.sources.map(() => '2023-03-18'));
      expect(other.sources.every((s, i) => s.url !== r.sources[i].url)).toBe(true);
      // ... and the edition and data-file metadata, which only the CLI lists.
      const { edition: e1, dataFile: d1, ...restSeed } = r.metadata;
      const { edition: e2, dataFile: d2, ...restNovember } = other.metadata;
      expect([e1, e2]).toEqual(['2023-03-18', '2023-11-29']);
      expect(restNovember).toEqual(restSeed);
    }
  });
});

describe('chainguardEnforceProfile from JavaScript', () => {
  test.each([
    [null, 'Invalid props "null" (from profile chainguard-enforce). Pass an object of named properties (acknowledgeRetired, edition, mode).'],
    ['agent', 'Invalid props "agent" (from profile chainguard-enforce).'],
    [{ acknowledgeRetired: true, mode: 3 }, 'Unknown Enforce mode "3" (from profile chainguard-enforce option mode). Valid values: agent, agentless.'],
    [{ mod: 'agent' }, 'Unknown property "mod" (from profile chainguard-enforce). Did you mean "mode"? Known properties: acknowledgeRetired, edition, mode.'],
    [{ acknowledgeRetired: 'true' }, 'acknowledgeRetired'],
  ])('%j', (options, message) => {
    expect(() => chainguardEnforceProfile(options as never)).toThrow(message);
  });
});

describe('retirement: no Enforce row without the explicit choice', () => {
  const REFUSAL =
    'Missing required option acknowledgeRetired: Chainguard Enforce for Kubernetes is retired since 2024-04-10 ' +
    '(chainguard-dev/edu@115bca1e8: Enforce documentation turned down); nobody vouches for its hosts or its five CIDR ranges, ' +
    'which agent mode admits on the cluster API endpoint (from profile chainguard-enforce). For example: ' +
    'chainguardEnforceProfile({ acknowledgeRetired: true }) (CLI --acknowledge-retired) only for a cluster that still runs the Enforce agent; ' +
    'for pulls from cgr.dev use chainguardContainersProfile() (CLI list chainguard-containers).';

  test.each([[undefined], [{}], [{ acknowledgeRetired: false }], [{ mode: EnforceMode.AGENTLESS }], [{ edition: EnforceEdition.EDITION_2023_03_18 }]])(
    'refuses %j, naming the retirement, the evidence and both ways out',
    (options) => {
      let error: unknown;
      try {
        chainguardEnforceProfile(options);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(FirewallRequirementsError);
      expect((error as FirewallRequirementsError).code).toBe('missing-option');
      expect((error as FirewallRequirementsError).message).toBe(REFUSAL);
    },
  );

  test('with the choice, every row of both modes says it is retired, in its purpose (which descriptions render)', () => {
    for (const mode of ENFORCE_MODES) {
      const set = chainguardEnforceProfile({ acknowledgeRetired: true, mode });
      expect(set.requirements.every((r) => r.purposes.every((p) => p.startsWith('RETIRED 2024-04-10: ')))).toBe(true);
    }
  });

  test('an edition that lists cgr.dev brings its blob host; the seed edition lists neither', () => {
    const november = chainguardEnforceCatalog(EnforceEdition.EDITION_2023_11_29).registryBlobStorage.requirements;
    expect(november.map((r) => [r.direction, r.protocol, r.portsText, r.peer.value, r.primarySource.section, r.primarySource.url, r.purpose])).toEqual([
      [
        Direction.EGRESS,
        Protocol.HTTPS,
        '443',
        BLOB_HOST,
        'images-third-party-hosts',
        `${NOVEMBER_URL}#images-third-party-hosts`,
        'RETIRED 2024-04-10: Blob storage behind cgr.dev: the registry redirects every layer download here',
      ],
    ]);
    expect(november[0].metadata).toEqual({ edition: '2023-11-29', dnsTtl: TTL });
    expect(chainguardEnforceCatalog(EnforceEdition.EDITION_2023_03_18).registryBlobStorage.length).toBe(0);
    // Agentless mode has no egress, so no cgr.dev row and no blob host row.
    const agentless = chainguardEnforceProfile({ acknowledgeRetired: true, mode: EnforceMode.AGENTLESS });
    expect(agentless.requirements.some((r) => r.peer.value === 'cgr.dev' || r.peer.value === BLOB_HOST)).toBe(false);
  });
});
