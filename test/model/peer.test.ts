import { IpVersion, Peer, PeerKind } from '../../lib/model';
import { errorOf } from './fixtures';

describe('Peer.fqdn', () => {
  test('lower-cases, trims and drops a trailing dot', () => {
    const p = Peer.fqdn('  MCR.Microsoft.COM. ');
    expect([p.kind, p.value, p.key, p.toString()]).toEqual([PeerKind.FQDN, 'mcr.microsoft.com', 'fqdn:mcr.microsoft.com', 'mcr.microsoft.com']);
    expect(p.isDomain).toBe(true);
    expect(p.isResolved).toBe(true);
    expect(p.cidr).toBeUndefined();
    expect(p.ipVersion).toBeUndefined();
  });

  test('a whole left-most * label makes a wildcard', () => {
    const p = Peer.fqdn('*.data.mcr.microsoft.com');
    expect(p.kind).toBe(PeerKind.WILDCARD_FQDN);
    expect(p.value).toBe('*.data.mcr.microsoft.com');
    expect(p.isDomain).toBe(true);
  });

  test.each([
    ['www.*.example.com', 'a wildcard is allowed only in the left-most label'],
    ['*example.com', 'the wildcard in label "*example" must be the whole label'],
    ['foo*.example.com', 'the wildcard in label "foo*" must be the whole label'],
    ['*.*.example.com', 'a wildcard is allowed only in the left-most label'],
    ['**.example.com', 'the wildcard in label "**" must be the whole label'],
  ])('rejects wildcard %j: %s', (name, reason) => {
    const e = errorOf(() => Peer.fqdn(name, 'catalog aks/core'));
    expect(e.code).toBe('invalid-fqdn');
    expect(e.message).toContain(`Invalid domain name "${name}": ${reason} (from catalog aks/core).`);
    expect(e.hint).toBe('A wildcard is allowed only as the whole left-most label, e.g. *.example.com.');
  });

  test('a wildcard needs two labels after it', () => {
    expect(() => Peer.fqdn('*.com')).toThrow('Invalid domain name "*.com": a wildcard must be followed by at least two labels. Write *.example.com, not *.com.');
  });

  test.each([
    ['https://mcr.microsoft.com/v2/', 'mcr.microsoft.com'],
    ['http://Example.com', 'example.com'],
    ['mcr.microsoft.com:443', 'mcr.microsoft.com'],
    ['example.com/path', 'example.com'],
  ])('rejects scheme, port or path in %j and suggests %s', (name, host) => {
    expect(() => Peer.fqdn(name)).toThrow(`Invalid domain name "${name}": a domain name has no scheme, port or path. Give only the host name, e.g. ${host}.`);
  });

  test.each([
    ['', 'it is empty', 'Give a domain name such as mcr.microsoft.com.'],
    ['localhost', 'it needs at least two labels', 'Give a fully qualified name such as example.com.'],
    ['a..example.com', 'it has an empty label', 'Labels are 1-63 letters'],
    ['-bad.example.com', 'label "-bad" is not a valid DNS label', 'do not start or end with a hyphen'],
    ['bad-.example.com', 'label "bad-" is not a valid DNS label', 'do not start or end with a hyphen'],
    ['under_score.example.com', 'label "under_score" is not a valid DNS label', 'Labels are 1-63 letters'],
    [`${'a'.repeat(64)}.example.com`, `label "${'a'.repeat(64)}" is not a valid DNS label`, 'Labels are 1-63 letters'],
    ['a.'.repeat(127) + 'com', 'it is longer than 253 characters', 'A wildcard is allowed only'],
  ])('rejects %j: %s', (name, reason, hint) => {
    expect(() => Peer.fqdn(name)).toThrow(reason);
    expect(() => Peer.fqdn(name)).toThrow(hint);
  });

  test('accepts a 63-character label and a 253-character name', () => {
    expect(Peer.fqdn(`${'a'.repeat(63)}.example.com`).value).toHaveLength(75);
    const long = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;
    expect(long).toHaveLength(253);
    expect(Peer.fqdn(long).value).toBe(long);
  });

  test('tokens are allowed, listed sorted and deduplicated, and leave the peer unresolved', () => {
    const p = Peer.fqdn('*.<Location>.<cloud>.example.<cloud>.com');
    expect(p.value).toBe('*.<location>.<cloud>.example.<cloud>.com');
    expect(p.placeholders).toEqual(['cloud', 'location']);
    expect(p.isResolved).toBe(false);
    expect(Peer.fqdn('<location>.prod.example.com').placeholders).toEqual(['location']);
    expect(Peer.fqdn('x-<region>-y.example.com').placeholders).toEqual(['region']);
  });

  test('a token does not excuse an invalid label around it', () => {
    expect(() => Peer.fqdn('-<location>.example.com')).toThrow('label "-<location>" is not a valid DNS label');
  });

  test('resolve fills tokens and validates the result', () => {
    const p = Peer.fqdn('*.hcp.<location>.azmk8s.io');
    const [resolved] = p.resolve({ location: ['westeurope'] });
    expect([resolved.kind, resolved.value, resolved.isResolved]).toEqual([PeerKind.WILDCARD_FQDN, '*.hcp.westeurope.azmk8s.io', true]);
    expect(() => p.resolve({ location: ['west europe'] }, 'profile aks')).toThrow(
      'Invalid domain name "*.hcp.west europe.azmk8s.io": label "west europe" is not a valid DNS label (from profile aks: *.hcp.<location>.azmk8s.io)',
    );
  });

  test('resolve leaves tokens without values and returns the same peer when nothing changes', () => {
    const p = Peer.fqdn('<a>.<b>.example.com');
    expect(p.resolve({})[0]).toBe(p);
    const [partly] = p.resolve({ a: ['x'] });
    expect(partly.value).toBe('x.<b>.example.com');
    expect(partly.placeholders).toEqual(['b']);
    const plain = Peer.fqdn('example.com');
    expect(plain.resolve({ a: ['x'] })[0]).toBe(plain);
  });

  test('a token takes exactly one value', () => {
    const p = Peer.fqdn('<location>.example.com');
    expect(() => p.resolve({ location: ['a', 'b'] }, 'profile aks')).toThrow('Invalid value for <location> "a,b" (from profile aks). <location> takes exactly one value.');
    expect(() => p.resolve({ location: [] })).toThrow('<location> takes exactly one value.');
  });
});

describe('Peer.cidr', () => {
  test('canonical CIDR peers', () => {
    const p = Peer.cidr('10.0.0.1');
    expect([p.kind, p.value, p.key, p.ipVersion, p.isDomain]).toEqual([PeerKind.CIDR, '10.0.0.1/32', 'cidr:10.0.0.1/32', IpVersion.IPV4, false]);
    expect(p.cidr?.toString()).toBe('10.0.0.1/32');
    expect(Peer.cidr('2001:DB8::/32').value).toBe('2001:db8::/32');
    expect(Peer.cidr('2001:db8::/32').ipVersion).toBe(IpVersion.IPV6);
  });

  test('invalid CIDRs name the origin', () => {
    expect(() => Peer.cidr('10.0.0.1/8', 'option apiServerPublicIp')).toThrow(
      'Invalid CIDR "10.0.0.1/8": host bits are set after the prefix (from option apiServerPublicIp). Did you mean 10.0.0.0/8?',
    );
  });
});

describe('Peer.serviceTag and Peer.fqdnTag', () => {
  test('service tags, with tokens', () => {
    expect(Peer.serviceTag('AzureCloud.westeurope').key).toBe('service-tag:AzureCloud.westeurope');
    expect(Peer.serviceTag(' AzureMonitor ').value).toBe('AzureMonitor');
    const tagged = Peer.serviceTag('AzureCloud.<location>');
    expect(tagged.placeholders).toEqual(['location']);
    const [resolved] = tagged.resolve({ location: ['eastus2'] });
    expect([resolved.kind, resolved.value]).toEqual([PeerKind.SERVICE_TAG, 'AzureCloud.eastus2']);
  });

  test.each(['Azure Cloud', '1Azure', '', 'AzureCloud.', '.AzureCloud', 'Azure_Cloud', 'AzureCloud.<Location>', 'AzureCloud.<location', 'AzureCloud.>x<'])('rejects service tag %j', (tag) => {
    expect(() => Peer.serviceTag(tag, 'option tags')).toThrow(`Invalid service tag ${JSON.stringify(tag.trim())} (from option tags). A service tag looks like AzureCloud or AzureCloud.westeurope.`);
  });

  test('FQDN tags', () => {
    const p = Peer.fqdnTag('AzureKubernetesService');
    expect([p.kind, p.value, p.isResolved]).toEqual([PeerKind.FQDN_TAG, 'AzureKubernetesService', true]);
  });

  test.each(['Azure Kubernetes', 'Azure-K', '9lives', ''])('rejects FQDN tag %j', (tag) => {
    expect(() => Peer.fqdnTag(tag)).toThrow(`Invalid FQDN tag ${JSON.stringify(tag)}. An FQDN tag is a single word such as AzureKubernetesService.`);
  });
});

describe('Peer.placeholder', () => {
  test('is unresolved, renders as <name>, and expands to one CIDR peer per value', () => {
    const p = Peer.placeholder('custom-dns-servers', 'Set the customDnsServers option.');
    expect([p.kind, p.value, p.toString(), p.key, p.isResolved, p.howToFill]).toEqual([
      PeerKind.PLACEHOLDER,
      'custom-dns-servers',
      '<custom-dns-servers>',
      'placeholder:custom-dns-servers',
      false,
      'Set the customDnsServers option.',
    ]);
    expect(p.placeholders).toEqual(['custom-dns-servers']);
    expect(p.resolve({})[0]).toBe(p);
    expect(p.resolve({ 'custom-dns-servers': ['10.0.0.10', '2001:db8::53'] }).map((x) => x.key)).toEqual([
      'cidr:10.0.0.10/32',
      'cidr:2001:db8::53/128',
    ]);
    expect(p.resolve({ 'custom-dns-servers': [] })).toEqual([]);
  });

  test('a bad value names the placeholder and index', () => {
    const p = Peer.placeholder('api-server-public-ip', 'Set apiServerPublicIp.');
    expect(() => p.resolve({ 'api-server-public-ip': ['10.0.0.0/24', '1.2.3.4/16'] }, 'profile aks')).toThrow(
      'Invalid CIDR "1.2.3.4/16": host bits are set after the prefix (from profile aks <api-server-public-ip>[1]). Did you mean 1.2.0.0/16?',
    );
    expect(() => p.resolve({ 'api-server-public-ip': ['nope'] })).toThrow('(from placeholder <api-server-public-ip>[0])');
  });

  test.each(['Bad', 'bad_name', '1abc', ''])('rejects name %j', (name) => {
    expect(() => Peer.placeholder(name, 'x')).toThrow(`Invalid placeholder name ${JSON.stringify(name)} (from catalog). Placeholder names are kebab-case words.`);
  });
});
