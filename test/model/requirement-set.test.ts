import {
  Direction,
  FirewallRequirementsError,
  Necessity,
  NecessityKind,
  Peer,
  PeerKind,
  PortRange,
  Protocol,
  Requirement,
  RequirementSet,
  toRecord,
} from '../../lib/model';
import { cidrReq, errorOf, req, source } from './fixtures';

const keys = (set: RequirementSet) => set.requirements.map((r) => r.flowKey);

describe('RequirementSet.of', () => {
  test('collapses duplicates keeping every purpose and source', () => {
    const set = RequirementSet.of([
      req({ purpose: 'Images', source: source('aks', 'core') }),
      req({ purpose: 'Charts', source: source('chainguard-enforce', 'agent') }),
      req({ purpose: 'Images', source: source('aks', 'core') }),
    ]);
    expect(set.size).toBe(1);
    const [r] = set.requirements;
    expect(r.purposes).toEqual(['Images', 'Charts']);
    expect(r.sources.map((s) => s.catalog)).toEqual(['aks', 'chainguard-enforce']);
  });

  test.each([
    [Necessity.required(), Necessity.recommended(), NecessityKind.REQUIRED],
    [Necessity.conditional('k', 'If k.'), Necessity.recommended(), NecessityKind.RECOMMENDED],
    [Necessity.conditional('k', 'If k.'), Necessity.required(), NecessityKind.REQUIRED],
  ])('necessity %o + %o -> %s', (n1, n2, kind) => {
    expect(RequirementSet.of([req({ necessity: n1 }), req({ necessity: n2 })]).requirements[0].necessity.kind).toBe(kind);
    expect(RequirementSet.of([req({ necessity: n2 }), req({ necessity: n1 })]).requirements[0].necessity.kind).toBe(kind);
  });

  test('sorts by direction, peer kind, peer value (CIDRs numerically), protocol and ports', () => {
    const input = [
      req({ direction: Direction.INGRESS, protocol: Protocol.TCP, peer: Peer.cidr('10.0.0.0/8') }),
      cidrReq('10.0.0.0/16'),
      cidrReq('10.0.0.0/8'),
      cidrReq('9.0.0.0/8'),
      cidrReq('2001:db8::/32'),
      cidrReq('100.0.0.0/8'),
      req({ peer: Peer.fqdn('b.example.com') }),
      req({ peer: Peer.fqdn('a.example.com'), protocol: Protocol.HTTP, ports: [PortRange.single(80)] }),
      req({ peer: Peer.fqdn('a.example.com') }),
      req({ protocol: Protocol.TCP, peer: Peer.fqdn('a.example.com'), ports: [PortRange.single(80)] }),
      req({ protocol: Protocol.TCP, peer: Peer.fqdn('a.example.com'), ports: [PortRange.single(443)] }),
      req({ peer: Peer.fqdn('*.example.com') }),
      req({ peer: Peer.fqdnTag('AzureKubernetesService') }),
      req({ protocol: Protocol.TCP, peer: Peer.serviceTag('AzureCloud') }),
    ];
    const expected = [
      'egress tcp 443 cidr:9.0.0.0/8',
      'egress tcp 443 cidr:10.0.0.0/8',
      'egress tcp 443 cidr:10.0.0.0/16',
      'egress tcp 443 cidr:100.0.0.0/8',
      'egress tcp 443 cidr:2001:db8::/32',
      'egress http 80 fqdn:a.example.com',
      'egress https 443 fqdn:a.example.com',
      'egress tcp 443 fqdn:a.example.com',
      'egress tcp 80 fqdn:a.example.com',
      'egress https 443 fqdn:b.example.com',
      'egress https 443 fqdn-tag:AzureKubernetesService',
      'egress tcp 443 service-tag:AzureCloud',
      'egress https 443 wildcard-fqdn:*.example.com',
      'ingress tcp 443 cidr:10.0.0.0/8',
    ];
    expect(keys(RequirementSet.of(input))).toEqual(expected);
    expect(keys(RequirementSet.of([...input].reverse()))).toEqual(expected);
  });

  test('empty, union, merge and get', () => {
    expect(RequirementSet.empty().size).toBe(0);
    const a = RequirementSet.of([req({ purpose: 'A' }), cidrReq('10.0.0.0/8')]);
    const b = RequirementSet.of([req({ purpose: 'B' }), cidrReq('10.1.0.0/16')]);
    const c = RequirementSet.of([cidrReq('10.2.0.0/16')]);
    const merged = a.merge(b, c);
    expect(merged.size).toBe(4);
    expect(keys(merged)).toEqual(keys(RequirementSet.union([c, b, a])));
    const fqdn = merged.requirements.find((r) => r.peer.kind === PeerKind.FQDN)!;
    expect(fqdn.purposes).toEqual(['A', 'B']);
    expect(merged.get(fqdn.id)).toBe(fqdn);
    expect(merged.get('000000000000')).toBeUndefined();
    // Sets are immutable: merging returns a new set.
    expect(a.size).toBe(2);
  });

  test('merged purposes that differ only by case, spacing or a trailing period are kept once, first wording first', () => {
    // GIVEN two sources quoting one row with and without the full stop, and a third with another purpose
    const a = RequirementSet.of([req({ purpose: 'Pull images.', source: source('a') })]);
    const b = RequirementSet.of([req({ purpose: 'pull  images', source: source('b') })]);
    const c = RequirementSet.of([req({ purpose: 'Pull charts', source: source('c') })]);
    // WHEN they merge THEN one purpose is kept per meaning, and both sources stay
    const [merged] = a.merge(b, c).requirements;
    expect(merged.purposes).toEqual(['Pull images.', 'Pull charts']);
    expect(merged.sources.map((s) => s.catalog)).toEqual(['a', 'b', 'c']);
  });

  test('filter keeps order', () => {
    const set = RequirementSet.of([cidrReq('10.0.0.0/8'), req(), cidrReq('9.0.0.0/8')]);
    const onlyCidrs = set.filter((r) => r.peer.kind === PeerKind.CIDR);
    expect(keys(onlyCidrs)).toEqual(['egress tcp 443 cidr:9.0.0.0/8', 'egress tcp 443 cidr:10.0.0.0/8']);
    expect(set.size).toBe(3);
  });
});

describe('RequirementSet.resolve and assertResolved', () => {
  const dns = Peer.placeholder('custom-dns-servers', 'Set the customDnsServers option.');
  const set = RequirementSet.of([
    req({ peer: Peer.fqdn('*.hcp.<location>.azmk8s.io'), purpose: 'API server', source: source('aks', 'core') }),
    req({ protocol: Protocol.TCP, peer: Peer.serviceTag('AzureCloud.<location>'), purpose: 'Tunnel', source: source('aks', 'core') }),
    req({ protocol: Protocol.UDP, ports: [PortRange.single(53)], peer: dns, purpose: 'DNS', source: source('aks', 'dns') }),
  ]);

  test('lists unresolved placeholders', () => {
    expect(set.unresolvedPlaceholders).toEqual(['custom-dns-servers', 'location']);
  });

  test('resolves tokens and expands placeholder peers into CIDR requirements', () => {
    const resolved = set.resolve({ location: ['westeurope'], 'custom-dns-servers': ['10.0.0.10', '10.0.0.11'] });
    expect(resolved.unresolvedPlaceholders).toEqual([]);
    expect(keys(resolved)).toEqual([
      'egress udp 53 cidr:10.0.0.10/32',
      'egress udp 53 cidr:10.0.0.11/32',
      'egress tcp 443 service-tag:AzureCloud.westeurope',
      'egress https 443 wildcard-fqdn:*.hcp.westeurope.azmk8s.io',
    ]);
    const dnsReq = resolved.requirements[0];
    expect([dnsReq.purpose, dnsReq.primarySource.section]).toEqual(['DNS', 'dns']);
    expect(resolved.assertResolved()).toBe(resolved);
  });

  test('requirements that resolve to the same flow merge', () => {
    const two = RequirementSet.of([
      req({ peer: Peer.fqdn('<region>.example.com'), purpose: 'Templated' }),
      req({ peer: Peer.fqdn('eu.example.com'), purpose: 'Literal' }),
    ]);
    const resolved = two.resolve({ region: ['eu'] });
    expect(resolved.size).toBe(1);
    expect([...resolved.requirements[0].purposes].sort()).toEqual(['Literal', 'Templated']);
  });

  test('partial resolve keeps the rest unresolved', () => {
    expect(set.resolve({ location: ['eastus'] }).unresolvedPlaceholders).toEqual(['custom-dns-servers']);
  });

  test('invalid values name the origin', () => {
    expect(() => set.resolve({ 'custom-dns-servers': ['10.0.0.1/8'] }, 'profile aks')).toThrow(
      'Invalid CIDR "10.0.0.1/8": host bits are set after the prefix (from profile aks <custom-dns-servers>[0]). Did you mean 10.0.0.0/8?',
    );
    expect(() => set.resolve({ location: ['West_Europe'] }, 'profile aks')).toThrow(
      'Invalid service tag "AzureCloud.West_Europe" (from profile aks: AzureCloud.<location>).',
    );
    const fqdnOnly = set.filter((r) => r.peer.isDomain);
    expect(() => fqdnOnly.resolve({ location: ['West_Europe'] }, 'profile aks')).toThrow(
      'Invalid domain name "*.hcp.West_Europe.azmk8s.io": label "west_europe" is not a valid DNS label (from profile aks: *.hcp.<location>.azmk8s.io).',
    );
  });

  test('assertResolved names the placeholder, its source, purpose and the fix', () => {
    const e = errorOf(() => set.resolve({ location: ['westeurope'] }).assertResolved());
    expect(e).toBeInstanceOf(FirewallRequirementsError);
    expect(e.code).toBe('unresolved-placeholder');
    expect(e.value).toBe('<custom-dns-servers>');
    expect(e.origin).toBe('aks/dns: <custom-dns-servers> (DNS)');
    expect(e.hint).toBe('Set the customDnsServers option.');
    expect(e.message).toBe('Placeholder <custom-dns-servers> is not resolved (from aks/dns: <custom-dns-servers> (DNS)). Set the customDnsServers option.');
  });

  test('assertResolved takes hints per placeholder and has a default', () => {
    const onlyLocation = set.resolve({ 'custom-dns-servers': ['10.0.0.10'] });
    expect(() => onlyLocation.assertResolved({ location: 'Set the location option, e.g. --location westeurope.' })).toThrow(
      'Placeholder <location> is not resolved (from aks/core: AzureCloud.<location> (Tunnel)). Set the location option, e.g. --location westeurope.',
    );
    expect(() => onlyLocation.assertResolved()).toThrow('Provide a value for <location>.');
  });
});

describe('toRecord', () => {
  test('a single-source required flow', () => {
    const r = req({ metadata: {} });
    expect(toRecord(r)).toEqual({
      id: r.id,
      source: 'test/core',
      direction: 'egress',
      protocol: 'https',
      ports: ['443'],
      peer: { kind: 'fqdn', value: 'example.com' },
      purpose: 'Pull images',
      necessity: 'required',
      provenance: { title: 'Document test', section: 'Section core', url: 'https://example.com/doc', date: '2025-01-01' },
    });
  });

  test('a merged conditional flow with metadata and a placeholder peer', () => {
    const peer = Peer.placeholder('api-server-public-ip', 'Set apiServerPublicIp.');
    const base = { protocol: Protocol.ANY, ports: [], peer };
    const [r] = RequirementSet.of([
      req({ ...base, purpose: 'B', source: source('zz', 'two'), necessity: Necessity.conditional('b', 'When B.'), metadata: { m: '1' } }),
      req({ ...base, purpose: 'A', source: source('aa', 'one'), necessity: Necessity.conditional('a', 'When A.') }),
    ]).requirements;
    const record = toRecord(r);
    expect(record).toEqual({
      id: r.id,
      source: 'aa/one',
      direction: 'egress',
      protocol: 'any',
      ports: [],
      peer: { kind: 'placeholder', value: '<api-server-public-ip>' },
      purpose: 'B / A',
      necessity: 'conditional',
      condition: 'When A. Or: When B.',
      provenance: { title: 'Document aa', section: 'Section one', url: 'https://example.com/doc', date: '2025-01-01' },
      alsoIn: ['zz/two'],
      metadata: { m: '1' },
    });
    // Plain data: survives a JSON round trip unchanged.
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
  });
});

describe('RequirementSet from JavaScript', () => {
  test.each([
    [() => RequirementSet.of('x' as unknown as Requirement[]), 'Invalid argument (expected an array) "x" (from RequirementSet.of)'],
    [() => RequirementSet.of([{}] as unknown as Requirement[]), 'Invalid entry (expected a Requirement) "{}" (from RequirementSet.of[0])'],
    [() => RequirementSet.union([RequirementSet.empty(), undefined] as unknown as RequirementSet[]), '(from RequirementSet.union[1])'],
    [() => RequirementSet.empty().merge([] as unknown as RequirementSet), 'Invalid entry (expected a RequirementSet) "[]" (from RequirementSet.merge[0])'],
    [() => RequirementSet.empty().filter('egress' as unknown as () => boolean), 'Invalid filter predicate "egress"'],
  ])('%#', (act, message) => {
    expect(act).toThrow(message);
  });
});
