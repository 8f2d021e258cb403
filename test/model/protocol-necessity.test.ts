import { Direction, hasPorts, isApplicationProtocol, Necessity, NecessityKind, Protocol, sourceKey, transportOf } from '../../lib/model';
import { source } from './fixtures';

describe('Protocol helpers', () => {
  test.each([
    [Protocol.TCP, false, Protocol.TCP, true],
    [Protocol.UDP, false, Protocol.UDP, true],
    [Protocol.ICMP, false, Protocol.ICMP, false],
    [Protocol.ANY, false, Protocol.ANY, false],
    [Protocol.HTTP, true, Protocol.TCP, true],
    [Protocol.HTTPS, true, Protocol.TCP, true],
  ])('%s: application %s, transport %s, ports %s', (protocol, app, transport, ports) => {
    expect(isApplicationProtocol(protocol)).toBe(app);
    expect(transportOf(protocol)).toBe(transport);
    expect(hasPorts(protocol)).toBe(ports);
  });

  test('enum values are the lower-case words', () => {
    expect(Object.values(Protocol)).toEqual(['tcp', 'udp', 'icmp', 'any', 'http', 'https']);
    expect(Object.values(Direction)).toEqual(['egress', 'ingress']);
  });
});

describe('Necessity', () => {
  const req = Necessity.required();
  const rec = Necessity.recommended();
  const a = Necessity.conditional('a-key', 'When A.');
  const b = Necessity.conditional('b-key', 'When B.');

  test('factories', () => {
    expect([req.kind, req.conditions, req.conditionText]).toEqual([NecessityKind.REQUIRED, [], '']);
    expect([rec.kind, rec.conditionText]).toEqual([NecessityKind.RECOMMENDED, '']);
    expect([a.kind, a.conditions, a.conditionText]).toEqual([NecessityKind.CONDITIONAL, [{ key: 'a-key', text: 'When A.' }], 'When A.']);
  });

  test('required beats recommended beats conditional, in either order', () => {
    expect(req.combine(rec)).toBe(req);
    expect(rec.combine(req)).toBe(req);
    expect(rec.combine(a)).toBe(rec);
    expect(a.combine(rec)).toBe(rec);
    expect(a.combine(req)).toBe(req);
    expect(req.combine(req).kind).toBe(NecessityKind.REQUIRED);
    expect(rec.combine(rec).kind).toBe(NecessityKind.RECOMMENDED);
  });

  test('two conditionals keep both conditions, sorted by key and deduplicated', () => {
    const ba = b.combine(a);
    expect(ba.kind).toBe(NecessityKind.CONDITIONAL);
    expect(ba.conditions.map((c) => c.key)).toEqual(['a-key', 'b-key']);
    expect(ba.conditionText).toBe('When A. Or: When B.');
    expect(a.combine(b).conditions).toEqual(ba.conditions);
    expect(a.combine(a).conditions).toEqual([{ key: 'a-key', text: 'When A.' }]);
  });
});

test('sourceKey is catalog/section', () => {
  expect(sourceKey(source('aks', 'global-network-rules'))).toBe('aks/global-network-rules');
});
