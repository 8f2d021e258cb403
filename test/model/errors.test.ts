import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import {
  closest,
  ERROR_CODES,
  FirewallRequirementsError,
  invalidCidr,
  invalidFqdn,
  invalidPort,
  invalidValue,
  limitExceeded,
  missingOption,
  unknownOption,
  unresolvedPlaceholder,
  unsupportedPeer,
} from '../../lib/model';

describe('error factories', () => {
  test('message layout: problem, (from origin), hint', () => {
    const e = new FirewallRequirementsError('internal', 'Problem', 'v', 'here', 'Fix it.');
    expect([e.message, e.name, e.code, e.value, e.origin, e.hint]).toEqual(['Problem (from here). Fix it.', 'FirewallRequirementsError', 'internal', 'v', 'here', 'Fix it.']);
    expect(new FirewallRequirementsError('internal', 'Problem', 'v', '', '').message).toBe('Problem.');
    expect(e).toBeInstanceOf(Error);
  });

  test.each<[FirewallRequirementsError, string, string]>([
    [invalidCidr('x', 'o', 'why'), 'invalid-cidr', 'Invalid CIDR "x": why (from o). Use an IPv4 or IPv6 address or CIDR such as 10.0.0.0/16.'],
    [invalidCidr('x', '', 'why', '10.0.0.0/8'), 'invalid-cidr', 'Invalid CIDR "x": why. Did you mean 10.0.0.0/8?'],
    [invalidPort('0', 'o', 'why'), 'invalid-port', 'Invalid port "0": why (from o). Ports are whole numbers from 1 to 65535; a range is written low-high, e.g. 30000-32767.'],
    [invalidFqdn('a', 'o', 'why'), 'invalid-fqdn', 'Invalid domain name "a": why (from o). A wildcard is allowed only as the whole left-most label, e.g. *.example.com.'],
    [invalidFqdn('a', 'o', 'why', 'Hint.'), 'invalid-fqdn', 'Invalid domain name "a": why (from o). Hint.'],
    [invalidValue('thing', 'v', 'o', 'Hint.'), 'invalid-value', 'Invalid thing "v" (from o). Hint.'],
    [invalidValue('thing', 'v', 'o', 'Hint.', 'invalid-type'), 'invalid-type', 'Invalid thing "v" (from o). Hint.'],
    [missingOption('location', 'profile aks', 'the FQDNs depend on the region', '--location westeurope'), 'missing-option', 'Missing required option location: the FQDNs depend on the region (from profile aks). For example: --location westeurope.'],
    [unresolvedPlaceholder('dns', 'o', 'Set dns.'), 'unresolved-placeholder', 'Placeholder <dns> is not resolved (from o). Set dns.'],
    [limitExceeded('EKS public access CIDRs', 41, 40, 'cluster c', 'Aggregate them.'), 'limit-exceeded', 'EKS public access CIDRs: 41 exceeds the limit of 40 (from cluster c). Aggregate them.'],
    [unsupportedPeer('AWS security group', 'example.com', 'o', 'it matches IPs only', 'Use AWS Network Firewall.'), 'unsupported-peer', 'AWS security group cannot express "example.com": it matches IPs only (from o). Use AWS Network Firewall.'],
  ])('%#: %s', (e, code, message) => {
    expect(e.code).toBe(code);
    expect(e.message).toBe(message);
  });

  test('unknownOption suggests the closest value and lists all', () => {
    expect(unknownOption('addon', 'monitorng', 'option addons', ['azure-monitor', 'monitoring', 'gpu']).message).toBe(
      'Unknown addon "monitorng" (from option addons). Did you mean "monitoring"? Valid values: azure-monitor, monitoring, gpu.',
    );
    expect(unknownOption('addon', 'zzzzzzzz', '', ['gpu', 'windows']).message).toBe('Unknown addon "zzzzzzzz". Valid values: gpu, windows.');
  });
});

describe('closest', () => {
  test.each<[string, string[], string | undefined]>([
    ['adon', ['addon', 'monitoring'], 'addon'],
    ['MONITORNG', ['addon', 'monitoring'], 'monitoring'],
    ['westeruope', ['westeurope', 'eastus'], 'westeurope'],
    ['gpu', ['gpu', 'gpus'], 'gpu'],
    ['zzzzzz', ['addon'], undefined],
    ['anything', [], undefined],
    // Long values allow more edits (a third of the length).
    ['azure-policy-addon', ['azure-policy'], 'azure-policy'],
    ['abcdefghijkl', ['mnopqrstuvwx'], undefined],
  ])('closest(%j, %j) = %j', (value, valid, expected) => {
    expect(closest(value, valid)).toBe(expected);
  });

  test('ties go to the first candidate', () => {
    expect(closest('ab', ['ax', 'ay'])).toBe('ax');
  });
});

describe('error codes', () => {
  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sources(path);
      return name.endsWith('.ts') ? [readFileSync(path, 'utf8')] : [];
    });
  }
  const root = join(__dirname, '..', '..');
  const text = [...sources(join(root, 'lib')), ...sources(join(root, 'tools'))].join('\n');

  test('the list has no duplicates', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  test.each(ERROR_CODES.map((c) => [c]))('%s is raised somewhere (no dead codes in the list)', (code) => {
    const uses = text.split(`'${code}'`).length - 1;
    expect(uses).toBeGreaterThanOrEqual(2); // the list itself, and at least one raise
  });
});
