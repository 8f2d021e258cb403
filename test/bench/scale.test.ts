import { Cidr } from '../../lib/model';
import { ratios } from '../../bench/scale-bench';
import { dnsServers, SCALE_CASES } from '../../bench/scale-run';

describe('scale benchmark inputs', () => {
  test('n distinct host addresses that aggregation cannot merge', () => {
    const servers = dnsServers(600);
    expect(servers.slice(0, 3)).toEqual(['10.0.0.1', '10.0.0.3', '10.0.0.5']);
    expect(servers[128]).toBe('10.0.1.1');
    expect(new Set(servers).size).toBe(600);
    expect(Cidr.aggregate(servers.map((s) => Cidr.parse(s)))).toHaveLength(600);
  });

  test('every case runs on a small input', () => {
    for (const name of Object.keys(SCALE_CASES)) expect(() => SCALE_CASES[name](dnsServers(20))).not.toThrow();
  });

  test('ratio per doubling: median over the repeats of each run\'s t(2n)/t(n)', () => {
    expect(ratios([[10, 20, 50], [10, 30, 60], [20, 40, 100]])).toEqual([2, 2.5]);
  });
});
