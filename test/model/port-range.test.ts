import { FirewallRequirementsError, PortRange } from '../../lib/model';
import { errorOf } from './fixtures';

const strs = (ranges: PortRange[]) => ranges.map((r) => r.toString());

describe('PortRange', () => {
  test('single', () => {
    const p = PortRange.single(443);
    expect([p.from, p.to, p.isSingle, p.count, p.toString()]).toEqual([443, 443, true, 1, '443']);
  });

  test('range', () => {
    const p = PortRange.range(30000, 32767);
    expect([p.from, p.to, p.isSingle, p.count, p.toString()]).toEqual([30000, 32767, false, 2768, '30000-32767']);
    expect(PortRange.range(1, 65535).count).toBe(65535);
    expect(PortRange.range(53, 53).isSingle).toBe(true);
  });

  test.each([
    ['443', '443'],
    ['30000-32767', '30000-32767'],
    [' 80 - 90 ', '80-90'],
    ['1', '1'],
    ['65535', '65535'],
    ['8080-8080', '8080'],
  ])('parse %j -> %s', (text, expected) => {
    expect(PortRange.parse(text).toString()).toBe(expected);
  });

  test('reversed range says how to write it', () => {
    expect(() => PortRange.parse('32767-30000')).toThrow('Invalid port "32767-30000": the range is reversed; write it as 30000-32767.');
    expect(() => PortRange.range(10, 5)).toThrow('the range is reversed; write it as 5-10');
  });

  test.each([
    ['0', '0 is outside 1-65535'],
    ['65536', '65536 is outside 1-65535'],
    ['0-10', '0 is outside 1-65535'],
    ['1-65536', '65536 is outside 1-65535'],
    ['1.5', 'it is not a port number or a low-high range'],
    ['abc', 'it is not a port number or a low-high range'],
    ['-1', 'it is not a port number or a low-high range'],
    ['', 'it is not a port number or a low-high range'],
    ['80,443', 'it is not a port number or a low-high range'],
    ['tcp/443', 'it is not a port number or a low-high range'],
  ])('parse rejects %j: %s', (text, reason) => {
    expect(() => PortRange.parse(text, 'flag --ports')).toThrow(reason);
    expect(() => PortRange.parse(text, 'flag --ports')).toThrow('(from flag --ports)');
    expect(() => PortRange.parse(text)).toThrow('Ports are whole numbers from 1 to 65535; a range is written low-high, e.g. 30000-32767.');
  });

  test('single and range reject non-integers and out-of-range numbers', () => {
    expect(() => PortRange.single(0)).toThrow('Invalid port "0": 0 is outside 1-65535');
    expect(() => PortRange.single(65536)).toThrow('65536 is outside 1-65535');
    expect(() => PortRange.single(1.5)).toThrow('Invalid port "1.5": a port must be a whole number');
    expect(() => PortRange.single(NaN)).toThrow('a port must be a whole number');
    expect(() => PortRange.range(1, 70000)).toThrow('Invalid port "1-70000": 70000 is outside 1-65535');
  });

  test('errors are FirewallRequirementsErrors with code invalid-port', () => {
    const e = errorOf(() => PortRange.parse('0', 'flag --ports'));
    expect(e).toBeInstanceOf(FirewallRequirementsError);
    expect([e.code, e.value, e.origin]).toEqual(['invalid-port', '0', 'flag --ports']);
  });

  describe('merge', () => {
    const m = (...texts: string[]) => strs(PortRange.merge(texts.map((t) => PortRange.parse(t))));

    test('overlapping and adjacent ranges merge, the rest stays, output sorted', () => {
      expect(m('443', '80')).toEqual(['80', '443']);
      expect(m('80', '81', '82')).toEqual(['80-82']);
      expect(m('30000-32767', '31000', '32768')).toEqual(['30000-32768']);
      expect(m('10-20', '15-30', '40-50', '31-39')).toEqual(['10-50']);
      expect(m('10-20', '22-30')).toEqual(['10-20', '22-30']);
      expect(m('443', '443')).toEqual(['443']);
      expect(m('1-65535', '443')).toEqual(['1-65535']);
    });

    test('empty input', () => {
      expect(PortRange.merge([])).toEqual([]);
    });
  });
});
