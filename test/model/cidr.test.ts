import { Cidr, FirewallRequirementsError, IpVersion } from '../../lib/model';
import { errorOf } from './fixtures';

const strs = (cidrs: Cidr[]) => cidrs.map((c) => c.toString());
const agg = (...texts: string[]) => strs(Cidr.aggregate(texts.map((t) => Cidr.parse(t))));

describe('Cidr.parse', () => {
  test.each([
    ['10.0.0.0/16', '10.0.0.0/16', IpVersion.IPV4, 16],
    ['10.0.0.1', '10.0.0.1/32', IpVersion.IPV4, 32],
    ['0.0.0.0/0', '0.0.0.0/0', IpVersion.IPV4, 0],
    ['  192.168.1.0/24  ', '192.168.1.0/24', IpVersion.IPV4, 24],
    ['2001:db8::/32', '2001:db8::/32', IpVersion.IPV6, 32],
    ['2001:db8::1', '2001:db8::1/128', IpVersion.IPV6, 128],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1/128', IpVersion.IPV6, 128],
    ['2001:0db8:0000:0000::/64', '2001:db8::/64', IpVersion.IPV6, 64],
    ['::/0', '::/0', IpVersion.IPV6, 0],
  ])('GIVEN %j THEN canonical %s', (text, canonical, version, prefix) => {
    const c = Cidr.parse(text);
    expect(c.toString()).toBe(canonical);
    expect(c.version).toBe(version);
    expect(c.prefix).toBe(prefix);
  });

  test('a bare address is a single-address network', () => {
    expect(Cidr.parse('10.0.0.1').isSingleAddress).toBe(true);
    expect(Cidr.parse('2001:db8::1').isSingleAddress).toBe(true);
    expect(Cidr.parse('10.0.0.0/31').isSingleAddress).toBe(false);
  });

  test('first, last, size and address', () => {
    const c = Cidr.parse('10.0.1.0/24');
    expect(c.first).toBe(0x0a000100n);
    expect(c.last).toBe(0x0a0001ffn);
    expect(c.size).toBe(256n);
    expect(c.address).toBe('10.0.1.0');
    expect(Cidr.parse('::/0').size).toBe(1n << 128n);
    expect(Cidr.parse('0.0.0.0/0').last).toBe(0xffffffffn);
  });

  test('host bits set: the error suggests the network', () => {
    expect(() => Cidr.parse('10.0.0.1/16')).toThrow('Invalid CIDR "10.0.0.1/16": host bits are set after the prefix. Did you mean 10.0.0.0/16?');
    expect(() => Cidr.parse('192.168.1.77/26')).toThrow('Did you mean 192.168.1.64/26?');
    expect(() => Cidr.parse('2001:db8::1/64')).toThrow('Did you mean 2001:db8::/64?');
  });

  test('the error names the origin and carries code, value and hint', () => {
    const e = errorOf(() => Cidr.parse('10.0.0.1/16', 'option subnetCidrs[1]'));
    expect(e).toBeInstanceOf(FirewallRequirementsError);
    expect(e.code).toBe('invalid-cidr');
    expect(e.value).toBe('10.0.0.1/16');
    expect(e.origin).toBe('option subnetCidrs[1]');
    expect(e.hint).toBe('Did you mean 10.0.0.0/16?');
    expect(e.message).toBe(
      'Invalid CIDR "10.0.0.1/16": host bits are set after the prefix (from option subnetCidrs[1]). Did you mean 10.0.0.0/16?',
    );
  });

  test.each([
    ['10.0.0.0/33', 'the prefix length must be a whole number from 0 to 32'],
    ['2001:db8::/129', 'the prefix length must be a whole number from 0 to 128'],
    ['10.0.0.0/', 'the prefix length must be a whole number from 0 to 32'],
    ['10.0.0.0/-1', 'the prefix length must be a whole number from 0 to 32'],
    ['10.0.0.0/x', 'the prefix length must be a whole number from 0 to 32'],
    ['10.0.0.0/8/8', 'the prefix length must be a whole number from 0 to 32'],
    ['10.1', '"10.1" is not a dotted-decimal IPv4 address'],
    ['10.1.2', '"10.1.2" is not a dotted-decimal IPv4 address'],
    ['167772161', '"167772161" is not a dotted-decimal IPv4 address'],
    ['0x0a.0.0.1', '"0x0a.0.0.1" is not a dotted-decimal IPv4 address'],
    ['010.0.0.1', '"010.0.0.1" is not a dotted-decimal IPv4 address'],
    ['256.0.0.0/8', '"256.0.0.0" is not a dotted-decimal IPv4 address'],
    ['fe80::1%eth0', '"fe80::1%eth0" is not an IPv6 address'],
    ['fe80::%1/64', '"fe80::%1" is not an IPv6 address'],
    ['2001:db8:::1', '"2001:db8:::1" is not an IPv6 address'],
    ['example.com', '"example.com" is not a dotted-decimal IPv4 address'],
    ['', 'it is empty'],
    ['   ', 'it is empty'],
  ])('rejects %j: %s', (text, reason) => {
    expect(() => Cidr.parse(text)).toThrow(reason);
    expect(() => Cidr.parse(text)).toThrow('Use an IPv4 or IPv6 address or CIDR such as 10.0.0.0/16.');
  });

  test('isValid', () => {
    expect(Cidr.isValid('10.0.0.0/8')).toBe(true);
    expect(Cidr.isValid('10.0.0.1/8')).toBe(false);
    expect(Cidr.isValid('nope')).toBe(false);
  });
});

describe('Cidr.contains and compare', () => {
  test('contains', () => {
    const net = Cidr.parse('10.0.0.0/16');
    expect(net.contains(Cidr.parse('10.0.5.0/24'))).toBe(true);
    expect(net.contains(net)).toBe(true);
    expect(net.contains(Cidr.parse('10.0.0.0/15'))).toBe(false);
    expect(net.contains(Cidr.parse('10.1.0.0/24'))).toBe(false);
    // Same numeric range in another version is not contained.
    expect(Cidr.parse('::/96').contains(Cidr.parse('10.0.0.0/8'))).toBe(false);
  });

  test('compare sorts IPv4 first, then address, then prefix', () => {
    const list = ['2001:db8::/32', '10.0.0.0/24', '10.0.0.0/16', '9.0.0.0/8', '::/0'].map((t) => Cidr.parse(t));
    expect(strs([...list].sort(Cidr.compare))).toEqual(['9.0.0.0/8', '10.0.0.0/16', '10.0.0.0/24', '::/0', '2001:db8::/32']);
  });
});

describe('Cidr.aggregate', () => {
  test('adjacent aligned networks merge', () => {
    expect(agg('10.0.0.0/24', '10.0.1.0/24')).toEqual(['10.0.0.0/23']);
    expect(agg('10.0.1.0/24', '10.0.0.0/24', '10.0.2.0/23')).toEqual(['10.0.0.0/22']);
  });

  test('non-aligned adjacent networks are not widened', () => {
    expect(agg('10.0.1.0/24', '10.0.2.0/24')).toEqual(['10.0.1.0/24', '10.0.2.0/24']);
    expect(agg('10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24')).toEqual(['10.0.1.0/24', '10.0.2.0/23']);
  });

  test('overlapping and contained networks collapse', () => {
    expect(agg('10.0.0.0/16', '10.0.5.0/24', '10.0.5.7')).toEqual(['10.0.0.0/16']);
    expect(agg('10.0.0.0/24', '10.0.0.0/24')).toEqual(['10.0.0.0/24']);
    expect(agg('10.0.0.128/25', '10.0.0.0/24')).toEqual(['10.0.0.0/24']);
  });

  test('a range that is not a power of two splits into the fewest blocks', () => {
    expect(agg('10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4')).toEqual(['10.0.0.1/32', '10.0.0.2/31', '10.0.0.4/32']);
  });

  test('the whole address space and its edges', () => {
    expect(agg('0.0.0.0/1', '128.0.0.0/1')).toEqual(['0.0.0.0/0']);
    expect(agg('255.255.255.255', '255.255.255.254')).toEqual(['255.255.255.254/31']);
    expect(agg('::/1', '8000::/1')).toEqual(['::/0']);
    expect(agg('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')).toEqual(['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128']);
  });

  test('IPv6', () => {
    expect(agg('2001:db8::/33', '2001:db8:8000::/33')).toEqual(['2001:db8::/32']);
    expect(agg('2001:db8:0:1::/64', '2001:db8:0:2::/64')).toEqual(['2001:db8:0:1::/64', '2001:db8:0:2::/64']);
    expect(agg('2001:db8::1', '2001:db8::/64')).toEqual(['2001:db8::/64']);
  });

  test('mixed versions: IPv4 first, never merged across versions', () => {
    expect(agg('2001:db8::/32', '10.0.0.0/8', '::/96', '0.0.0.0/8')).toEqual(['0.0.0.0/8', '10.0.0.0/8', '::/96', '2001:db8::/32']);
  });

  test('empty input gives empty output', () => {
    expect(Cidr.aggregate([])).toEqual([]);
  });

  test('does not mutate its input', () => {
    const input = [Cidr.parse('10.0.1.0/24'), Cidr.parse('10.0.0.0/24')];
    Cidr.aggregate(input);
    expect(strs(input)).toEqual(['10.0.1.0/24', '10.0.0.0/24']);
  });
});

describe('Cidr.parseHost: one machine, not a network or a special address', () => {
  test.each([
    ['10.0.0.1', '10.0.0.1/32'],
    ['10.0.0.1/32', '10.0.0.1/32'],
    ['::ffff:168.63.129.16', '168.63.129.16/32'],
    ['2001:db8::53', '2001:db8::53/128'],
  ])('%s is a host', (text, expected) => {
    expect(Cidr.parseHost(text, 'o', 'DNS server').toString()).toBe(expected);
  });

  test.each([
    ['10.0.0.0/24', 'It must be one machine\'s address, not a network: give the address of the machine itself, e.g. 10.0.0.1.'],
    ['10.42.2.4/24', 'It must be one machine\'s address, not a network: give the address without the prefix, 10.42.2.4.'],
    ['2001:db8::/64', 'It must be one machine\'s address, not a network: give the address of the machine itself, e.g. 2001:db8::1.'],
    ['0.0.0.0', '0.0.0.0 is in "this network" (0.0.0.0/8, RFC 1122), not the address of a machine'],
    ['255.255.255.255', '255.255.255.255 is the broadcast address'],
    ['127.0.0.53', '127.0.0.53 is a loopback address (RFC 1122)'],
    ['224.0.0.251', 'a multicast address (RFC 5771)'],
    ['::', ':: is the unspecified address'],
    ['::1', '::1 is the loopback address'],
    ['ff02::1', 'a multicast address (RFC 4291)'],
  ])('%s is refused', (text, message) => {
    const e = errorOf(() => Cidr.parseHost(text, 'option dns', 'DNS server'));
    expect(e.message).toContain(`Invalid DNS server "${text}" (from option dns).`);
    expect(e.message).toContain(message);
    expect(e.code).toBe('invalid-host');
  });
});
