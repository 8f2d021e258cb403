import * as fc from 'fast-check';
import { Cidr } from '../../lib/model';
import { addressGrant, anyCidr, buddyOf, grantDifferences, nameGrant, overlaps, uncovered } from './target-coverage-support';

/**
 * The comparison the target coverage properties rely on must itself catch what they look for: a widened, lost
 * or moved range, a wrong port, an extra name. GIVEN hand-made grant lists, WHEN compared, THEN each fault shows.
 */

const tcp = 'egress tcp address';
const p443 = { from: 443, to: 443 };

describe('target coverage oracle', () => {
  test('equal address sets written differently are equal (aggregation may merge)', () => {
    const wanted = [addressGrant(tcp, '10.0.0.0/25', p443, 'a'), addressGrant(tcp, '10.0.0.128/25', p443, 'b'), addressGrant(tcp, '10.0.0.5/32', p443, 'c')];
    expect(grantDifferences(wanted, [addressGrant(tcp, '10.0.0.0/24', p443, 'rule')])).toEqual([]);
    expect(uncovered(wanted, [addressGrant(tcp, '10.0.0.0/24', p443, 'rule')])).toEqual([]);
  });

  test('a widened range is reported (aggregation never widens)', () => {
    const wanted = [addressGrant(tcp, '10.0.0.0/25', p443, 'a'), addressGrant(tcp, '10.0.1.0/25', p443, 'b')];
    expect(grantDifferences(wanted, [addressGrant(tcp, '10.0.0.0/23', p443, 'rule')])).toEqual([
      'egress tcp address ports 443-443: requirements allow 10.0.0.0-10.0.0.127 10.0.1.0-10.0.1.127; the output allows 10.0.0.0-10.0.1.255',
    ]);
  });

  test('a lost range is reported, and so is the requirement no rule covers', () => {
    const wanted = [addressGrant(tcp, '10.0.0.0/25', p443, 'a'), addressGrant(tcp, '192.0.2.1/32', p443, 'b')];
    const emitted = [addressGrant(tcp, '10.0.0.0/25', p443, 'rule')];
    expect(grantDifferences(wanted, emitted)).toHaveLength(1);
    expect(uncovered(wanted, emitted)).toEqual(['b: egress tcp address 443-443 192.0.2.1/32 is in no single emitted rule']);
  });

  test('a range split over two rules is allowed but not covered by one rule', () => {
    const wanted = [addressGrant(tcp, '10.0.0.0/24', p443, 'a')];
    const emitted = [addressGrant(tcp, '10.0.0.0/25', p443, 'r1'), addressGrant(tcp, '10.0.0.128/25', p443, 'r2')];
    expect(grantDifferences(wanted, emitted)).toEqual([]);
    expect(uncovered(wanted, emitted)).toHaveLength(1);
  });

  test('a wrong port, a wider port range, another protocol or direction is reported', () => {
    const wanted = [addressGrant(tcp, '10.0.0.0/24', p443, 'a')];
    for (const emitted of [
      addressGrant(tcp, '10.0.0.0/24', { from: 8443, to: 8443 }, 'port'),
      addressGrant(tcp, '10.0.0.0/24', { from: 440, to: 450 }, 'range'),
      addressGrant('egress udp address', '10.0.0.0/24', p443, 'protocol'),
      addressGrant('ingress tcp address', '10.0.0.0/24', p443, 'direction'),
    ]) {
      expect(grantDifferences(wanted, [emitted]).length).toBeGreaterThan(0);
    }
    // Overlapping port ranges of two requirements are compared port by port.
    const two = [addressGrant(tcp, '10.0.0.0/24', p443, 'a'), addressGrant(tcp, '10.0.1.0/24', { from: 440, to: 450 }, 'b')];
    expect(grantDifferences(two, [addressGrant(tcp, '10.0.0.0/23', p443, 'r1'), addressGrant(tcp, '10.0.1.0/24', { from: 440, to: 450 }, 'r2')])).toEqual([]);
    expect(grantDifferences(two, [addressGrant(tcp, '10.0.0.0/23', { from: 440, to: 450 }, 'r')])).toHaveLength(2);
  });

  test('an extra or a missing name is reported', () => {
    const wanted = [nameGrant('egress https application', 'fqdn:a.example.com', p443, 'a')];
    expect(grantDifferences(wanted, [...wanted, nameGrant('egress https application', 'fqdn:b.example.com', p443, 'x')])).toHaveLength(1);
    expect(grantDifferences(wanted, [])).toHaveLength(1);
  });

  test('overlapping rules of one flow are found; different flows may overlap', () => {
    expect(overlaps([addressGrant(tcp, '10.0.0.0/24', p443, 'a'), addressGrant(tcp, '10.0.0.128/25', p443, 'b')])).toHaveLength(1);
    expect(overlaps([addressGrant(tcp, '10.0.0.0/24', p443, 'a'), addressGrant(tcp, '10.0.0.0/24', { from: 80, to: 80 }, 'b')])).toEqual([]);
  });

  test('buddyOf gives the other half of the parent block, IPv4 and IPv6', () => {
    expect(buddyOf(Cidr.parse('10.0.0.0/25'))).toBe('10.0.0.128/25');
    expect(buddyOf(Cidr.parse('10.0.0.7/32'))).toBe('10.0.0.6/32');
    expect(Cidr.parse(buddyOf(Cidr.parse('2001:db8::80/121'))).toString()).toBe('2001:db8::/121');
    fc.assert(
      fc.property(anyCidr, (text) => {
        const cidr = Cidr.parse(text);
        const buddy = Cidr.parse(buddyOf(cidr));
        const merged = Cidr.aggregate([cidr, buddy]);
        expect(buddy.prefix).toBe(cidr.prefix);
        expect(merged).toHaveLength(1);
        expect(merged[0].prefix).toBe(cidr.prefix - 1);
      }),
      { numRuns: 100 },
    );
  });
});
