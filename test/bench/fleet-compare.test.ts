import { firstDifference, normalize, stackContent } from '../../bench/fleet-compare';

const stack = (resources: Record<string, Record<string, unknown>>, extra: Record<string, unknown> = {}) => ({
  '//': { metadata: { path: 'x' } },
  terraform: { backend: { local: { path: '/somewhere/terraform.x.tfstate' } }, required_providers: { google: { source: 'google', version: '6' } } },
  resource: resources,
  ...extra,
});

describe('fleet content comparison', () => {
  test('references lose their address but keep type and attribute; metadata is dropped', () => {
    expect(
      normalize({
        '//': { metadata: {} },
        firewall_policy: '${google_compute_network_firewall_policy.egress_FqdnPolicy_FA86CFEA.name}',
        depends_on: ['azurerm_firewall_policy_rule_collection_group.egress-rules_x_1234'],
      }),
    ).toEqual({ firewall_policy: '${google_compute_network_firewall_policy.*.name}', depends_on: ['azurerm_firewall_policy_rule_collection_group.*'] });
  });

  test('GIVEN the same bodies under other addresses and in another order THEN the stacks are equal', () => {
    const a = stackContent(stack({ t: { a1: { name: 'x', priority: 1 }, a2: { name: 'y', priority: 2 } } }));
    const b = stackContent(stack({ t: { other: { priority: 2, name: 'y' }, z: { name: 'x', priority: 1 } } }));
    expect(firstDifference(a.content, b.content)).toBeUndefined();
  });

  test.each([
    ['a priority', { t: { a: { name: 'x', priority: 2 } } }],
    ['a name', { t: { a: { name: 'z', priority: 1 } } }],
    ['a missing resource', { t: {} }],
    ['another type', { u: { a: { name: 'x', priority: 1 } } }],
  ])('GIVEN %s differs THEN the difference is found', (_what, resources) => {
    const a = stackContent(stack({ t: { a: { name: 'x', priority: 1 } } }));
    const b = stackContent(stack(resources));
    expect(firstDifference(a.content, b.content)).toMatch(/^[tu]: /);
  });

  test('outputs and required providers are compared too', () => {
    const a = stackContent(stack({}, { output: { o_1: { value: ['10.0.0.0/8'] } } }));
    const b = stackContent(stack({}, { output: { o_2: { value: ['10.0.0.0/9'] } } }));
    expect(firstDifference(a.content, b.content)).toMatch(/^output: /);
    const c = stackContent({ ...stack({}), terraform: { required_providers: { google: { source: 'google', version: '7' } } } });
    expect(firstDifference(stackContent(stack({})).content, c.content)).toMatch(/^required providers: /);
  });
});
