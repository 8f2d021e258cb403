import {
  CHAINGUARD_BLOB_HOST,
  CHAINGUARD_BLOB_HOST_WILDCARD,
  CHAINGUARD_CONTAINERS_DOCUMENT,
  CHAINGUARD_CONTAINERS_PROFILE,
  CHAINGUARD_IMAGES_2023_DOCUMENT,
  CHAINGUARD_ROLES,
  chainguardContainersCatalog,
  chainguardContainersProfile,
  ChainguardBlobHost,
  ChainguardRole,
} from '../../lib/catalog/chainguard-containers';
import { OptionType } from '../../lib/catalog/profile-definition';
import { Direction, FirewallRequirementsError, PeerKind, Protocol, RequirementSet } from '../../lib/model';

const PAGE = 'https://github.com/chainguard-dev/edu/blob/91f8fb5950ccb0b10dc8591296be226bc936aa47/content/chainguard/containers/network-requirements.md';
const PAGE_2023 = 'https://github.com/chainguard-dev/edu/blob/d4cbcc902d2ed7d33e98e59d01dab897c350ab1f/content/chainguard/administration/network-requirements.md';
const BLOB = '9236a389bd48b984df91adc1bc924620.r2.cloudflarestorage.com';

/** host, section, purpose, IP versions, roles: every row of the page. */
const ROWS: Array<[string, string, string, string, string]> = [
  ['cgr.dev', 'hosts', 'Chainguard container registry (image manifests and tags)', 'v4', 'pull'],
  ['console.chainguard.dev', 'hosts', 'Chainguard Console (web dashboard)', 'v4', 'console'],
  ['data.chainguard.dev', 'hosts', 'API endpoint of the Chainguard Console', 'v4', 'console'],
  ['console-api.enforce.dev', 'hosts', 'Chainguard registry API (repositories, identities, pull tokens)', 'v4', 'console'],
  ['enforce.dev', 'hosts', 'Chainguard registry authentication', 'v4', 'pull, console'],
  ['dl.enforce.dev', 'hosts', 'Downloads of the chainctl command-line tool', 'v4', 'console'],
  ['issuer.enforce.dev', 'hosts', 'Chainguard registry token service (STS): identity tokens for registry tokens', 'v4', 'console'],
  ['apk.cgr.dev', 'hosts', 'Chainguard OS package repository (APK)', 'v4', 'packages'],
  ['virtualapk.cgr.dev', 'hosts', 'Chainguard OS package repository (virtual APK)', 'v4', 'packages'],
  ['packages.cgr.dev', 'hosts', 'Chainguard package repository for extra packages', 'v4', 'packages'],
  ['packages.wolfi.dev', 'hosts', 'Wolfi package repository (packages of the free containers)', 'v4 & v6', 'packages'],
  [BLOB, 'third-party-hosts', 'Blob storage behind *.cgr.dev (Cloudflare R2): image layers and packages are redirected here', 'v4 & v6', 'pull, packages'],
  ['support.chainguard.dev', 'third-party-hosts', 'Chainguard support portal for customers', 'v4', 'console'],
];

const hostsOf = (set: RequirementSet) => set.requirements.map((r) => r.peer.value);

describe('Chainguard Containers catalog (the registry page of today)', () => {
  const all = chainguardContainersCatalog({ roles: [...CHAINGUARD_ROLES] });
  const rows = [...all.hosts.requirements, ...all.thirdPartyHosts.requirements];

  test('the page it transcribes: path, commit, lastmod', () => {
    expect(CHAINGUARD_CONTAINERS_DOCUMENT).toEqual({ catalog: 'chainguard-containers', title: 'Chainguard Containers network requirements', url: PAGE, date: '2025-06-17' });
    expect(CHAINGUARD_IMAGES_2023_DOCUMENT).toEqual({
      catalog: 'chainguard-containers',
      title: 'Network Requirements (Chainguard Images and Enforce)',
      url: PAGE_2023,
      date: '2023-11-29',
    });
  });

  test('every host of the page, in page order, with its purpose, section, IP versions and roles; egress HTTPS 443', () => {
    expect(rows.map((r) => [r.peer.value, r.primarySource.section, r.purpose, r.metadata.ipVersions, r.metadata.roles])).toEqual(ROWS);
    for (const r of rows) {
      expect([r.direction, r.protocol, r.portsText, r.peer.kind, r.necessity.kind, r.landsOnNodes]).toEqual([Direction.EGRESS, Protocol.HTTPS, '443', PeerKind.FQDN, 'required', true]);
      expect(r.metadata.tls).toContain('TLS 1.2 with ECDHE-ECDSA-AES256-GCM-SHA384 and the extended master secret extension (RFC 7627)');
      expect(r.metadata.tls).toContain('encrypted HTTP/2 must pass');
      expect(r.metadata.dnsTtl).toContain('60 s TTL');
    }
    expect(all.blobHostWildcard.length).toBe(0);
  });

  test('each section cites its heading on the page', () => {
    expect(all.hosts.provenance).toEqual({
      catalog: 'chainguard-containers',
      section: 'hosts',
      sectionTitle: 'Chainguard Containers hosts',
      title: 'Chainguard Containers network requirements',
      url: `${PAGE}#chainguard-containers-hosts`,
      date: '2025-06-17',
    });
    expect(all.thirdPartyHosts.provenance.url).toBe(`${PAGE}#chainguard-containers-third-party-hosts`);
    expect(all.thirdPartyHosts.provenance.sectionTitle).toBe('Chainguard Containers third-party hosts');
  });

  test('the exported host constants', () => {
    expect(CHAINGUARD_BLOB_HOST).toBe(BLOB);
    expect(CHAINGUARD_BLOB_HOST_WILDCARD).toBe('*.r2.cloudflarestorage.com');
  });
});

describe('chainguardContainersProfile', () => {
  test('default: nodes pulling images get cgr.dev, its blob host and registry authentication, nothing else', () => {
    expect(hostsOf(chainguardContainersProfile())).toEqual([BLOB, 'cgr.dev', 'enforce.dev']);
    expect(chainguardContainersProfile().unresolvedPlaceholders).toEqual([]);
  });

  test.each([
    [[ChainguardRole.PULL], [BLOB, 'cgr.dev', 'enforce.dev']],
    [[ChainguardRole.PACKAGES], [BLOB, 'apk.cgr.dev', 'packages.cgr.dev', 'packages.wolfi.dev', 'virtualapk.cgr.dev']],
    [
      [ChainguardRole.CONSOLE],
      ['console-api.enforce.dev', 'console.chainguard.dev', 'data.chainguard.dev', 'dl.enforce.dev', 'enforce.dev', 'issuer.enforce.dev', 'support.chainguard.dev'],
    ],
  ])('role %j adds exactly its hosts', (roles, hosts) => {
    expect(hostsOf(chainguardContainersProfile({ roles }))).toEqual(hosts);
  });

  test('all roles together: every host of the page once', () => {
    expect(hostsOf(chainguardContainersProfile({ roles: [...CHAINGUARD_ROLES] }))).toEqual(ROWS.map((r) => r[0]).sort());
    // Order of the roles does not matter
    expect(chainguardContainersProfile({ roles: [ChainguardRole.CONSOLE, ChainguardRole.PULL] })).toBe(
      chainguardContainersProfile({ roles: [ChainguardRole.PULL, ChainguardRole.CONSOLE] }),
    );
  });

  test('every selection that allows a *.cgr.dev host allows the blob host', () => {
    const selections: ChainguardRole[][] = [[], [ChainguardRole.PULL], [ChainguardRole.PACKAGES], [ChainguardRole.CONSOLE]];
    for (const a of selections) {
      for (const b of selections) {
        const roles = [...new Set([...a, ...b])];
        if (roles.length === 0) continue;
        for (const blobHost of [ChainguardBlobHost.EXACT, ChainguardBlobHost.WILDCARD]) {
          const hosts = hostsOf(chainguardContainersProfile({ roles, blobHost }));
          const registry = hosts.some((h) => h === 'cgr.dev' || h.endsWith('.cgr.dev'));
          const blob = hosts.includes(blobHost === ChainguardBlobHost.EXACT ? BLOB : '*.r2.cloudflarestorage.com');
          expect([roles, blobHost, registry, blob]).toEqual([roles, blobHost, registry, registry]);
        }
      }
    }
  });

  test('blobHost wildcard: the 2023 page allowed *.r2.cloudflarestorage.com instead of the exact host', () => {
    const set = chainguardContainersProfile({ blobHost: ChainguardBlobHost.WILDCARD });
    expect(hostsOf(set)).toEqual(['cgr.dev', 'enforce.dev', '*.r2.cloudflarestorage.com']);
    const wildcard = set.requirements[2];
    expect(wildcard.peer.kind).toBe(PeerKind.WILDCARD_FQDN);
    expect(wildcard.primarySource).toEqual({
      catalog: 'chainguard-containers',
      section: 'images-third-party-hosts',
      sectionTitle: 'Images Third-party Hosts',
      title: 'Network Requirements (Chainguard Images and Enforce)',
      url: `${PAGE_2023}#images-third-party-hosts`,
      date: '2023-11-29',
    });
    expect(wildcard.metadata.note).toContain('the wildcard matches every Cloudflare R2 bucket');
  });

  test('workloadIdentity adds the token service to the pull role only', () => {
    expect(hostsOf(chainguardContainersProfile({ workloadIdentity: true }))).toEqual([BLOB, 'cgr.dev', 'enforce.dev', 'issuer.enforce.dev']);
    const issuer = chainguardContainersProfile({ workloadIdentity: true }).requirements.find((r) => r.peer.value === 'issuer.enforce.dev')!;
    expect(issuer.metadata.roles).toBe('console, pull');
    expect(hostsOf(chainguardContainersProfile({ roles: [ChainguardRole.PACKAGES], workloadIdentity: true }))).not.toContain('issuer.enforce.dev');
  });

  test('a current catalog: no purpose carries a retirement mark', () => {
    expect(chainguardContainersProfile({ roles: [...CHAINGUARD_ROLES] }).requirements.some((r) => r.purpose.startsWith('RETIRED'))).toBe(false);
  });

  test.each([
    [{ roles: ['pul'] }, 'Unknown Chainguard role "pul" (from profile chainguard-containers option roles[0]). Did you mean "pull"? Valid values: pull, packages, console.'],
    [{ roles: [] }, 'Invalid roles "[]" (from profile chainguard-containers option roles). Name at least one role (pull, packages, console), or leave roles out for pull.'],
    [{ roles: 'pull' }, 'Invalid roles "pull" (from profile chainguard-containers option roles). Give roles as a list'],
    [{ roles: ['pull', 'pull'] }, '"pull" is given twice; name each role once.'],
    [{ roles: [3] }, 'Unknown Chainguard role "3"'],
    [{ blobHost: 'any' }, 'Unknown blobHost "any" (from profile chainguard-containers option blobHost). Valid values: exact, wildcard.'],
    [{ workloadIdentity: 'yes' }, 'workloadIdentity'],
    [{ role: ['pull'] }, 'Unknown property "role" (from profile chainguard-containers). Did you mean "roles"? Known properties: blobHost, roles, workloadIdentity.'],
    [null, 'Invalid props "null" (from profile chainguard-containers).'],
  ])('refuses %j', (options, message) => {
    expect(() => chainguardContainersProfile(options as never)).toThrow(FirewallRequirementsError);
    expect(() => chainguardContainersProfile(options as never)).toThrow(message);
  });
});

describe('CHAINGUARD_CONTAINERS_PROFILE', () => {
  test('its CLI name and flags', () => {
    expect(CHAINGUARD_CONTAINERS_PROFILE.name).toBe('chainguard-containers');
    expect(CHAINGUARD_CONTAINERS_PROFILE.options.map((o) => [o.name, o.flag, o.type, o.choices, o.defaultText])).toEqual([
      ['roles', 'roles', OptionType.CHOICE_LIST, ['pull', 'packages', 'console'], 'pull'],
      ['blobHost', 'blob-host', OptionType.CHOICE, ['exact', 'wildcard'], 'exact'],
      ['workloadIdentity', 'workload-identity', OptionType.BOOLEAN, undefined, 'false'],
    ]);
  });

  test('builds from parsed flags (all, comma lists, boolean text)', () => {
    expect(CHAINGUARD_CONTAINERS_PROFILE.build({}).size).toBe(3);
    expect(CHAINGUARD_CONTAINERS_PROFILE.build({ roles: ['all'] }).size).toBe(13);
    expect(CHAINGUARD_CONTAINERS_PROFILE.build({ roles: 'pull,packages', blobHost: 'wildcard', workloadIdentity: 'true' }).size).toBe(8);
    expect(() => CHAINGUARD_CONTAINERS_PROFILE.build({ rols: 'pull' })).toThrow('Unknown Chainguard Containers profile option "rols"');
  });
});
