import { inspect } from 'util';
import { Testing } from 'cdktf';
import { Cidr, FirewallRequirementsError } from '../../lib/model';
import { userFrame } from '../../lib/model/errors';
import { rules, networkSection, newStack, setOf, webSection } from '../targets/azure/fixtures';

function errorFrom(fn: () => unknown): FirewallRequirementsError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FirewallRequirementsError) return e;
    throw e;
  }
  throw new Error('nothing was thrown');
}

const frames = (e: Error) => (e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));

describe('library errors point at the user\'s code and read once', () => {
  test('the first frame of an error raised inside the library is the caller\'s line, not the library\'s', () => {
    // GIVEN a bad value passed from this file WHEN the library refuses it
    const e = errorFrom(() => Cidr.parse('10.0.0.1/33', 'option x'));
    // THEN the stack starts at this test file, and no frame of the library sits above it
    expect(frames(e)[0]).toContain('error-stack.test.ts');
    expect(userFrame(e)).toContain('error-stack.test.ts');
    expect(e.stack?.split('\n')[0]).toBe(`FirewallRequirementsError: ${e.message.split('\n')[0]}`);
  });

  test('an error raised during synthesis (a conflict) starts at the synth call of the user\'s code, with the construct paths', () => {
    const stack = newStack();
    rules(stack, { requirementSets: [setOf(webSection())], basePriority: 300 }, 'a');
    rules(stack, { requirementSets: [setOf(networkSection())], basePriority: 300 }, 'b');
    const e = errorFrom(() => Testing.synth(stack, true));
    expect(e.origin).toBe('AzureFirewallPolicyRules test/a and AzureFirewallPolicyRules test/b');
    expect(frames(e)[0]).toContain('error-stack.test.ts');
    expect(frames(e).some((l) => /node_modules[\\/](cdktf|constructs)[\\/]/.test(l))).toBe(false);
  });

  test('the fields stay readable but are not printed again after the stack (the hint would read twice)', () => {
    const e = errorFrom(() => Cidr.parse('10.0.0.1/24', 'option x'));
    expect([e.code, e.origin]).toEqual(['invalid-cidr', 'option x']);
    expect(e.hint).toContain('10.0.0.0/24');
    expect(Object.keys(e)).toEqual([]);
    const printed = inspect(e);
    expect(printed.split(e.hint).length - 1).toBe(1);
    expect(printed).not.toMatch(/^\s+(code|hint|origin|value):/m);
  });

  test('CDKTF_FIREWALL_REQUIREMENTS_DEBUG=1 keeps the whole stack, library frames included', () => {
    process.env.CDKTF_FIREWALL_REQUIREMENTS_DEBUG = '1';
    try {
      const e = errorFrom(() => Cidr.parse('10.0.0.1/33', 'option x'));
      expect(frames(e)[0]).toMatch(/lib[\\/]model[\\/]/);
    } finally {
      delete process.env.CDKTF_FIREWALL_REQUIREMENTS_DEBUG;
    }
  });

  test('an error with no user frame keeps its stack', () => {
    expect(userFrame(Object.assign(new Error('x'), { stack: 'Error: x\n    at f (node:internal/x:1:1)' }))).toBeUndefined();
  });
});

describe('static helpers name the origin the caller passes', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { AksAuthorizedIpRanges } = require('../../lib/targets/azure');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { EksEndpointAccess } = require('../../lib/targets/aws');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { GkeAuthorizedNetworks } = require('../../lib/targets/google');
  test.each([
    ['AksAuthorizedIpRanges', () => AksAuthorizedIpRanges.compute({ origin: 'prod/aks', cidrs: [{ cidr: '10.0.0.1/24', purpose: 'x' }] })],
    ['EksEndpointAccess', () => EksEndpointAccess.fromRequirements({ origin: 'prod/aks', cidrs: [{ cidr: '10.0.0.1/24', purpose: 'x' }] })],
    ['GkeAuthorizedNetworks', () => GkeAuthorizedNetworks.fromRequirements({ origin: 'prod/aks', cidrs: [{ cidr: '10.0.0.1/24', purpose: 'x' }] })],
  ])('%s', (helper, call) => {
    const e = errorFrom(call);
    expect(e.origin).toMatch(new RegExp(`^${helper} prod/aks`));
    expect(frames(e)[0]).toContain('error-stack.test.ts');
  });

  test('a wrong origin is refused; no origin names the helper alone', () => {
    expect(() => GkeAuthorizedNetworks.fromRequirements({ origin: 42 })).toThrow(/Invalid origin "42" \(from GkeAuthorizedNetworks origin\)/);
    expect(() => GkeAuthorizedNetworks.fromRequirements({ origin: ' ' })).toThrow(FirewallRequirementsError);
    expect(errorFrom(() => GkeAuthorizedNetworks.fromRequirements({ cidrs: [{ cidr: '10.0.0.1/24', purpose: 'x' }] })).origin).toMatch(/^GkeAuthorizedNetworks cidrs/);
  });
});
