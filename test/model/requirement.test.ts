import { Direction, Necessity, NecessityKind, Peer, PortRange, Protocol, Requirement, RequirementProps, toRecord } from '../../lib/model';
import { errorOf, req, source } from './fixtures';

describe('Requirement.create', () => {
  test('keeps the flow, merges ports and trims the purpose', () => {
    const r = req({
      protocol: Protocol.TCP,
      ports: [PortRange.single(443), PortRange.range(30000, 32767), PortRange.single(80), PortRange.single(81)],
      purpose: '  Pull images  ',
    });
    expect(r.direction).toBe(Direction.EGRESS);
    expect(r.protocol).toBe(Protocol.TCP);
    expect(r.portsText).toBe('80-81,443,30000-32767');
    expect(r.purpose).toBe('Pull images');
    expect(r.purposes).toEqual(['Pull images']);
    expect(r.flowKey).toBe('egress tcp 80-81,443,30000-32767 fqdn:example.com');
    expect(r.primarySource).toEqual(source());
    expect(r.sources).toEqual([source()]);
    expect(r.metadata).toEqual({});
  });

  test('id is 12 hex digits derived from the flow only', () => {
    const a = req({ purpose: 'One', source: source('aks', 'core'), necessity: Necessity.required(), metadata: { k: 'v' } });
    const b = req({ purpose: 'Two', source: source('chainguard-enforce', 'agent'), necessity: Necessity.recommended() });
    expect(a.id).toMatch(/^[0-9a-f]{12}$/);
    expect(a.id).toBe(b.id);
    // Port order and spelling do not matter either.
    const c = req({ protocol: Protocol.TCP, ports: [PortRange.single(81), PortRange.single(80)] });
    const d = req({ protocol: Protocol.TCP, ports: [PortRange.range(80, 81)] });
    expect(c.id).toBe(d.id);
    // Peer canonicalization makes equal flows equal.
    expect(req({ peer: Peer.fqdn('EXAMPLE.com.') }).id).toBe(req({ peer: Peer.fqdn('example.com') }).id);
  });

  test('the id is pinned (changing the hash changes every rule name)', () => {
    expect(req().flowKey).toBe('egress https 443 fqdn:example.com');
    expect(req().id).toBe('f4034aad5f3b');
  });

  test.each<[string, Partial<Parameters<typeof req>[0]>]>([
    ['direction', { direction: Direction.INGRESS }],
    ['protocol', { protocol: Protocol.HTTP }],
    ['ports', { ports: [PortRange.single(8443)] }],
    ['peer', { peer: Peer.fqdn('example.org') }],
    ['peer kind', { peer: Peer.fqdn('*.example.com') }],
  ])('a different %s gives a different id', (_what, change) => {
    expect(req(change).id).not.toBe(req().id);
  });

  test.each([Protocol.TCP, Protocol.UDP, Protocol.HTTP, Protocol.HTTPS])('%s needs ports', (protocol) => {
    const e = errorOf(() => req({ protocol, ports: [] }));
    expect(e.code).toBe('invalid-port');
    expect(e.message).toBe(
      `Invalid port "": protocol ${protocol} needs at least one port (from test/core example.com). Ports are whole numbers from 1 to 65535; a range is written low-high, e.g. 30000-32767.`,
    );
  });

  test.each([Protocol.ICMP, Protocol.ANY])('%s takes no ports', (protocol) => {
    expect(() => req({ protocol, ports: [PortRange.single(443), PortRange.single(80)] })).toThrow(
      `Invalid port "80,443": protocol ${protocol} takes no ports (from test/core example.com).`,
    );
    const ok = req({ protocol, ports: [] });
    expect(ok.ports).toEqual([]);
    expect(ok.portsText).toBe('');
    expect(ok.flowKey).toBe(`egress ${protocol} - fqdn:example.com`);
  });

  test('ports default to none', () => {
    const r = Requirement.create({
      direction: Direction.EGRESS,
      protocol: Protocol.ICMP,
      peer: Peer.cidr('10.0.0.0/8'),
      purpose: 'Ping',
      necessity: Necessity.required(),
      source: source(),
    });
    expect(r.ports).toEqual([]);
  });

  test.each([Protocol.TCP, Protocol.UDP, Protocol.ANY])('an FQDN tag with %s is rejected', (protocol) => {
    const ports = protocol === Protocol.ANY ? [] : [PortRange.single(443)];
    expect(() => req({ protocol, ports, peer: Peer.fqdnTag('AzureKubernetesService') })).toThrow(
      `Invalid protocol for an FQDN tag "${protocol}" (from test/core AzureKubernetesService). FQDN tags are matched by application rules: use http or https.`,
    );
  });

  test.each([Protocol.HTTP, Protocol.HTTPS])('an FQDN tag with %s is accepted', (protocol) => {
    expect(req({ protocol, peer: Peer.fqdnTag('AzureKubernetesService') }).peer.value).toBe('AzureKubernetesService');
  });

  test('an empty purpose is rejected', () => {
    expect(() => req({ purpose: '   ' })).toThrow('Invalid purpose "   " (from test/core example.com). Every requirement says what it is for.');
  });

  test('metadata is copied', () => {
    const metadata = { namespace: 'kube-system' };
    const r = req({ metadata });
    metadata.namespace = 'changed';
    expect(r.metadata).toEqual({ namespace: 'kube-system' });
  });
});

describe('Requirement.mergeWith', () => {
  const a = req({ purpose: 'A', source: source('zeta', 's1'), necessity: Necessity.conditional('k1', 'If one.'), metadata: { x: 'a', only: 'a' } });
  const b = req({ purpose: 'B', source: source('alpha', 's2'), necessity: Necessity.conditional('k2', 'If two.'), metadata: { x: 'b', other: 'b' } });

  test('keeps every purpose and source, sorted sources, combined necessity', () => {
    const m = a.mergeWith(b);
    expect(m.id).toBe(a.id);
    expect(m.purposes).toEqual(['A', 'B']);
    expect(m.sources.map((s) => `${s.catalog}/${s.section}`)).toEqual(['alpha/s2', 'zeta/s1']);
    expect(m.primarySource.catalog).toBe('alpha');
    expect(m.necessity.kind).toBe(NecessityKind.CONDITIONAL);
    expect(m.necessity.conditions.map((c) => c.key)).toEqual(['k1', 'k2']);
    // On a metadata conflict the receiver wins.
    expect(m.metadata).toEqual({ x: 'a', only: 'a', other: 'b' });
  });

  test('the same purpose and source are not repeated', () => {
    const m = a.mergeWith(req({ purpose: 'A', source: source('zeta', 's1') }));
    expect(m.purposes).toEqual(['A']);
    expect(m.sources).toHaveLength(1);
    expect(m.necessity.kind).toBe(NecessityKind.REQUIRED);
  });

  test('the same section under another URL is kept as a separate source', () => {
    const m = req({ source: source('aks', 'core', 'https://a.example/doc') }).mergeWith(req({ source: source('aks', 'core', 'https://b.example/doc') }));
    expect(m.sources.map((s) => s.url)).toEqual(['https://a.example/doc', 'https://b.example/doc']);
    // Merge order does not change which one is primary.
    const reversed = req({ source: source('aks', 'core', 'https://b.example/doc') }).mergeWith(req({ source: source('aks', 'core', 'https://a.example/doc') }));
    expect(reversed.sources.map((s) => s.url)).toEqual(['https://a.example/doc', 'https://b.example/doc']);
  });

  test('refuses to merge different flows', () => {
    expect(() => req().mergeWith(req({ peer: Peer.fqdn('example.org') }))).toThrow('internal: cannot merge egress https 443 fqdn:example.com with egress https 443 fqdn:example.org');
  });
});

describe('withPeer and withNecessity', () => {
  test('change only what they say', () => {
    const r = req({ purpose: 'P', metadata: { m: '1' } });
    const p = r.withPeer(Peer.fqdn('example.org'));
    expect([p.peer.value, p.purposes, p.metadata, p.sources]).toEqual(['example.org', ['P'], { m: '1' }, r.sources]);
    expect(p.id).not.toBe(r.id);
    const n = r.withNecessity(Necessity.recommended());
    expect([n.id, n.necessity.kind, n.purposes]).toEqual([r.id, NecessityKind.RECOMMENDED, ['P']]);
    expect(r.necessity.kind).toBe(NecessityKind.REQUIRED);
  });
});

describe('Requirement.create from JavaScript: the library error for every wrong type', () => {
  const good = () => ({
    direction: Direction.EGRESS,
    protocol: Protocol.HTTPS,
    ports: [PortRange.single(443)],
    peer: Peer.fqdn('example.com'),
    purpose: 'Pull images',
    necessity: Necessity.required(),
    source: source(),
  });
  test.each([
    ['props undefined', undefined, 'Invalid props "undefined" (from Requirement.create)'],
    ['unknown direction', { direction: 'inbound' }, 'Unknown direction "inbound" (from Requirement.create direction). Valid values: egress, ingress.'],
    ['unknown protocol', { protocol: 'ssh' }, 'Unknown protocol "ssh" (from Requirement.create protocol).'],
    ['peer as a string', { peer: 'example.com' }, 'Invalid peer "example.com" (from Requirement.create peer). Build the peer with Peer.fqdn'],
    ['ports as a number', { ports: 443 }, 'Invalid ports (number, expected an array) "443" (from Requirement.create ports)'],
    ['a port as a number', { ports: [443] }, 'Invalid port "443" (from Requirement.create ports[0]). Give ports as PortRange.single(443)'],
    ['purpose missing', { purpose: undefined }, 'Invalid purpose "undefined" (from Requirement.create purpose)'],
    ['necessity as a string', { necessity: 'required' }, 'Invalid necessity "required" (from Requirement.create necessity)'],
    ['source missing', { source: undefined }, 'Invalid source "undefined" (from Requirement.create source)'],
    ['source without a url', { source: { ...source(), url: undefined } }, 'Invalid source.url "undefined" (from Requirement.create source)'],
    ['metadata with a number', { metadata: { a: 1 } }, 'Invalid metadata.a (number, expected a string) "1"'],
    ['a misspelt prop', { purpse: 'x' }, 'Unknown property "purpse" (from Requirement.create). Did you mean "purpose"?'],
    ['interpretation without a literal peer', { interpretation: { reason: 'r', source: source() } }, 'Invalid interpretation'],
  ])('%s', (_name, change, message) => {
    const props = change === undefined ? undefined : { ...good(), ...change };
    const e = errorOf(() => Requirement.create(props as unknown as RequirementProps));
    expect(e.message).toContain(message);
  });

  test('an interpretation keeps the literal row beside the rendered peer', () => {
    const r = Requirement.create({
      ...good(),
      peer: Peer.fqdn('*.vault.azure.net'),
      interpretation: { literalPeer: Peer.fqdn('vault.azure.net'), reason: 'Vaults are <name>.vault.azure.net.', source: source('kv', 'hosts') },
    });
    expect(r.peer.value).toBe('*.vault.azure.net');
    expect(toRecord(r).interpretation).toEqual({
      literalPeer: { kind: 'fqdn', value: 'vault.azure.net' },
      reason: 'Vaults are <name>.vault.azure.net.',
      source: { title: 'Document kv', url: 'https://example.com/doc', date: '2025-01-01' },
    });
  });
});

describe('Peer factories from JavaScript', () => {
  test.each([
    [() => Peer.fqdn(undefined as unknown as string), 'Invalid domain name (undefined, expected a string) "undefined"'],
    [() => Peer.fqdn(['a.com'] as unknown as string), 'Invalid domain name (an array, expected a string) "[\\"a.com\\"]"'],
    [() => Peer.cidr(10 as unknown as string), 'Invalid CIDR (number, expected a string) "10"'],
    [() => Peer.serviceTag(null as unknown as string), 'Invalid service tag (null, expected a string) "null"'],
    [() => Peer.fqdnTag({} as unknown as string), 'Invalid FQDN tag (object, expected a string) "{}"'],
    [() => Peer.placeholder('x', undefined as unknown as string), 'Invalid placeholder howToFill (undefined, expected a string)'],
    [() => Peer.fqdn('10.0.0.1'), 'Invalid domain name "10.0.0.1": it is an IP address or network, not a domain name'],
    [() => Peer.fqdn('10.0.0.0/8'), 'Give addresses and networks with Peer.cidr'],
    [() => Peer.fqdn('2001:db8::1'), 'it is an IP address or network, not a domain name'],
    [() => Peer.fqdn('[2001:db8::1]'), 'it is an IP address or network, not a domain name'],
    [() => Peer.fqdn('host.123'), 'it is an IP address or network, not a domain name'],
  ])('%#', (act, message) => {
    expect(errorOf(act).message).toContain(message);
  });
});
