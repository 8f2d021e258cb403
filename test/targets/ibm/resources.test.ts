import 'cdktf/lib/testing/adapters/jest';
import { Testing, TerraformStack } from 'cdktf';
import {
  IBM_PROVIDER_SOURCE,
  IBM_PROVIDER_VERSION_CONSTRAINT,
  IbmIpVersion,
  IbmIsSecurityGroup,
  IbmIsSecurityGroupRule,
  IbmIsSecurityGroupRuleConfig,
  IbmProvider,
  IbmRuleDirection,
  IbmRuleProtocol,
} from '../../../lib/targets/ibm';
import { bodies, synth } from './fixtures';

const RULE = 'ibm_is_security_group_rule';
const GROUP = 'ibm_is_security_group';

const base: IbmIsSecurityGroupRuleConfig = {
  group: 'r006-11111111-2222-3333-4444-555555555555',
  direction: IbmRuleDirection.INBOUND,
  remote: '10.240.0.0/24',
  name: 'node-ports',
  protocol: IbmRuleProtocol.TCP,
  portMin: 30000,
  portMax: 32767,
};

/** Synthesizes one rule (base config with `overrides`) in a fresh stack and returns its body. */
function rule(overrides: Partial<IbmIsSecurityGroupRuleConfig>): Record<string, unknown> {
  const json = synth((scope) => {
    new IbmIsSecurityGroupRule(scope, 'rule', { ...base, ...overrides });
  });
  return bodies(json, RULE)[0];
}

describe('IbmIsSecurityGroupRule', () => {
  test('GIVEN a tcp range WHEN synthesized THEN exactly the provider argument names and values', () => {
    expect(rule({})).toEqual({
      group: 'r006-11111111-2222-3333-4444-555555555555',
      direction: 'inbound',
      remote: '10.240.0.0/24',
      name: 'node-ports',
      protocol: 'tcp',
      port_min: 30000,
      port_max: 32767,
    });
  });

  test('outbound icmp with type and code, local and ip_version', () => {
    expect(
      rule({
        direction: IbmRuleDirection.OUTBOUND,
        remote: '161.26.0.0/16',
        local: '10.240.0.0/24',
        ipVersion: IbmIpVersion.IPV4,
        name: 'icmp-echo',
        protocol: IbmRuleProtocol.ICMP,
        portMin: undefined,
        portMax: undefined,
        type: 8,
        code: 0,
      }),
    ).toEqual({
      group: base.group,
      direction: 'outbound',
      remote: '161.26.0.0/16',
      local: '10.240.0.0/24',
      ip_version: 'ipv4',
      name: 'icmp-echo',
      protocol: 'icmp',
      type: 8,
      code: 0,
    });
  });

  test('icmp_tcp_udp and an omitted protocol take no ports; unset arguments are left out', () => {
    expect(rule({ protocol: IbmRuleProtocol.ICMP_TCP_UDP, portMin: undefined, portMax: undefined })).toEqual({
      group: base.group,
      direction: 'inbound',
      remote: '10.240.0.0/24',
      name: 'node-ports',
      protocol: 'icmp_tcp_udp',
    });
    expect(rule({ protocol: undefined, portMin: undefined, portMax: undefined, remote: undefined, name: undefined })).toEqual({
      group: base.group,
      direction: 'inbound',
    });
  });

  test('ICMP edge values 0/0 and 254/255 are accepted; ports 1 and 65535 too', () => {
    expect(rule({ protocol: IbmRuleProtocol.ICMP, portMin: undefined, portMax: undefined, type: 0, code: 0 })).toMatchObject({ type: 0, code: 0 });
    expect(rule({ protocol: IbmRuleProtocol.ICMP, portMin: undefined, portMax: undefined, type: 254, code: 255 })).toMatchObject({ type: 254, code: 255 });
    expect(rule({ portMin: 1, portMax: 65535 })).toMatchObject({ port_min: 1, port_max: 65535 });
    expect(rule({ portMin: 443, portMax: 443 })).toMatchObject({ port_min: 443, port_max: 443 });
  });

  test('remote may be a single address or a security group ID', () => {
    expect(rule({ remote: '10.240.0.5' })).toMatchObject({ remote: '10.240.0.5' });
    expect(rule({ remote: 'r006-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' })).toMatchObject({ remote: 'r006-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' });
  });

  test('group may be a token (the ID of a security group in the same stack)', () => {
    const json = synth((scope) => {
      const sg = new IbmIsSecurityGroup(scope, 'sg', { vpc: 'r006-vpc', name: 'k8s-firewall-1' });
      new IbmIsSecurityGroupRule(scope, 'rule', { ...base, group: sg.id });
    });
    expect(bodies(json, RULE)[0].group).toBe('${ibm_is_security_group.sg.id}');
    expect(JSON.stringify(json)).toHaveResourceWithProperties(IbmIsSecurityGroupRule, { group: '${ibm_is_security_group.sg.id}', port_min: 30000 });
    expect(JSON.stringify(json)).toHaveResourceWithProperties(IbmIsSecurityGroup, { vpc: 'r006-vpc', name: 'k8s-firewall-1' });
  });

  test('renders HCL with the same arguments', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'hcl');
    new IbmIsSecurityGroupRule(stack, 'rule', base);
    const hcl = String(Testing.synthHcl(stack));
    expect(hcl).toMatch(/resource "ibm_is_security_group_rule" "rule"/);
    expect(hcl).toMatch(/port_min\s*=\s*30000/);
    expect(hcl).toMatch(/direction\s*=\s*"inbound"/);
  });

  describe('rejections (nothing is added to the stack)', () => {
    const cases: Array<[string, Partial<IbmIsSecurityGroupRuleConfig>, string]> = [
      ['port 0', { portMin: 0, portMax: 10 }, 'Invalid port "0": 0 is outside 1-65535 (from ibm_is_security_group_rule bad)'],
      ['port 65536', { portMin: 1, portMax: 65536 }, 'Invalid port "65536": 65536 is outside 1-65535'],
      ['a fractional port', { portMin: 80.5, portMax: 81 }, 'Invalid port "80.5": a port must be a whole number'],
      ['a reversed range', { portMin: 443, portMax: 80 }, 'Invalid port "443-80": the range is reversed; write port_min 80 and port_max 443'],
      ['only port_min', { portMin: 443, portMax: undefined }, 'Invalid port "443": give both port_min and port_max'],
      ['ports with icmp', { protocol: IbmRuleProtocol.ICMP }, 'Invalid port "30000-32767": protocol icmp takes no ports'],
      ['ports with icmp_tcp_udp', { protocol: IbmRuleProtocol.ICMP_TCP_UDP }, 'protocol icmp_tcp_udp takes no ports'],
      ['protocol any (accepted only from provider 2.1.0)', { protocol: 'any' as IbmRuleProtocol, portMin: undefined, portMax: undefined }, 'Unknown rule protocol "any" (from ibm_is_security_group_rule bad). Valid values: tcp, udp, icmp, icmp_tcp_udp. "any" is accepted only by provider 2.1.0 and later, outside >= 1.87.2, < 3.0.0'],
      ['tcp without ports (would open every port)', { portMin: undefined, portMax: undefined }, 'Invalid port "": a tcp rule without port_min and port_max opens every port'],
      ['udp without ports (would open every port)', { protocol: IbmRuleProtocol.UDP, portMin: undefined, portMax: undefined }, 'a udp rule without port_min and port_max opens every port'],
      ['ports without a protocol', { protocol: undefined }, 'protocol omitted (icmp_tcp_udp) takes no ports'],
      ['ICMP type 255', { protocol: IbmRuleProtocol.ICMP, portMin: undefined, portMax: undefined, type: 255 }, 'Invalid ICMP type "255" (from ibm_is_security_group_rule bad). ICMP type is a whole number from 0 to 254.'],
      ['ICMP type -1', { protocol: IbmRuleProtocol.ICMP, portMin: undefined, portMax: undefined, type: -1 }, 'Invalid ICMP type "-1"'],
      ['ICMP code 256', { protocol: IbmRuleProtocol.ICMP, portMin: undefined, portMax: undefined, type: 3, code: 256 }, 'Invalid ICMP code "256" (from ibm_is_security_group_rule bad). ICMP code is a whole number from 0 to 255.'],
      ['ICMP code without type', { protocol: IbmRuleProtocol.ICMP, portMin: undefined, portMax: undefined, code: 1 }, 'Invalid ICMP code "1" (from ibm_is_security_group_rule bad). An ICMP code is meaningful only within a type: set type as well.'],
      ['ICMP type with tcp', { type: 8 }, 'Invalid ICMP type/code "8/" (from ibm_is_security_group_rule bad). type and code apply to protocol icmp only, not tcp.'],
      ['an IPv6 remote', { remote: '2001:db8::/32' }, 'An IBM VPC security group rule cannot express "2001:db8::/32": IBM VPC security group rules support ip_version "ipv4" only'],
      ['an IPv6 local', { local: '2001:db8::1' }, 'cannot express "2001:db8::1": IBM VPC security group rules support ip_version "ipv4" only'],
      ['a domain name remote', { remote: 'icr.io' }, 'An IBM VPC security group rule cannot express "icr.io": security groups match IP addresses, not domain names'],
      ['a CIDR with host bits', { remote: '10.240.0.1/24' }, 'Invalid CIDR "10.240.0.1/24": host bits are set after the prefix (from ibm_is_security_group_rule bad remote). Did you mean 10.240.0.0/24?'],
      ['a malformed address', { remote: '10.240.0.256' }, 'Invalid CIDR "10.240.0.256"'],
      ['an upper-case name', { name: 'Node-Ports' }, 'Invalid security group rule name "Node-Ports" (from ibm_is_security_group_rule bad). IBM VPC names use lower-case letters'],
      ['a name starting with a digit', { name: '1-node-ports' }, 'Invalid security group rule name "1-node-ports"'],
      ['a name ending with a hyphen', { name: 'node-ports-' }, 'Invalid security group rule name "node-ports-"'],
      ['a name with an underscore', { name: 'node_ports' }, 'Invalid security group rule name "node_ports"'],
      ['an empty name', { name: '' }, 'IBM VPC names are 1-63 characters long; this one has 0.'],
      ['a 64-character name', { name: 'a'.repeat(64) }, 'IBM VPC names are 1-63 characters long; this one has 64.'],
      ['direction ingress', { direction: 'ingress' as IbmRuleDirection }, 'Unknown rule direction "ingress" (from ibm_is_security_group_rule bad). Valid values: inbound, outbound.'],
      ['protocol all', { protocol: 'all' as IbmRuleProtocol }, 'Unknown rule protocol "all" (from ibm_is_security_group_rule bad). Valid values: tcp, udp, icmp, icmp_tcp_udp.'],
      ['ip_version ipv6', { ipVersion: 'ipv6' as IbmIpVersion }, 'Unknown IP version "ipv6" (from ibm_is_security_group_rule bad ip_version). Did you mean "ipv4"? Valid values: ipv4.'],
      ['an empty group', { group: ' ' }, 'Invalid security group ID " " (from ibm_is_security_group_rule bad). Set group to the ID of an ibm_is_security_group'],
    ];
    test.each(cases)('%s', (_what, overrides, message) => {
      const app = Testing.app();
      const stack = new TerraformStack(app, 'reject');
      expect(() => new IbmIsSecurityGroupRule(stack, 'bad', { ...base, ...overrides })).toThrow(message);
      expect(JSON.parse(Testing.synth(stack)).resource).toBeUndefined();
    });
  });
});

describe('IbmIsSecurityGroup', () => {
  test('exact attributes', () => {
    const json = synth((scope) => {
      new IbmIsSecurityGroup(scope, 'sg', { vpc: 'r006-vpc', name: 'k8s-firewall-1', resourceGroup: 'abc123', tags: ['env:test'] });
    });
    expect(bodies(json, GROUP)).toEqual([{ vpc: 'r006-vpc', name: 'k8s-firewall-1', resource_group: 'abc123', tags: ['env:test'] }]);
  });

  test('only vpc is required', () => {
    const json = synth((scope) => {
      new IbmIsSecurityGroup(scope, 'sg', { vpc: '${var.vpc_id}' });
    });
    expect(bodies(json, GROUP)).toEqual([{ vpc: '${var.vpc_id}' }]);
  });

  test.each([
    ['an empty vpc', { vpc: '' }, 'Invalid VPC ID "" (from ibm_is_security_group bad). Set vpc to the ID of the cluster VPC'],
    ['an upper-case name', { vpc: 'v', name: 'K8s' }, 'Invalid security group name "K8s" (from ibm_is_security_group bad). IBM VPC names use lower-case letters'],
    ['a 64-character name', { vpc: 'v', name: 'a'.repeat(64) }, 'this one has 64'],
    ['a resource group display name', { vpc: 'v', resourceGroup: 'My group' }, 'Invalid resource group ID "My group" (from ibm_is_security_group bad). Give the resource group ID'],
    ['an empty tag', { vpc: 'v', tags: ['ok', ''] }, 'Invalid tag "" (from ibm_is_security_group bad). Remove the empty tag.'],
  ])('rejects %s', (_what, config, message) => {
    const stack = new TerraformStack(Testing.app(), 'reject');
    expect(() => new IbmIsSecurityGroup(stack, 'bad', config)).toThrow(message);
    expect(JSON.parse(Testing.synth(stack)).resource).toBeUndefined();
  });
});

describe('IbmProvider', () => {
  test('required_providers pins IBM-Cloud/ibm with a version constraint; the block carries the region', () => {
    const stack = new TerraformStack(Testing.app(), 'provider');
    new IbmProvider(stack, 'ibm', { region: 'eu-de', resourceGroup: 'abc123' });
    const json = JSON.parse(Testing.synth(stack));
    expect(json.terraform.required_providers).toEqual({ ibm: { source: 'IBM-Cloud/ibm', version: '>= 1.87.2, < 3.0.0' } });
    expect(IBM_PROVIDER_SOURCE).toBe('IBM-Cloud/ibm');
    expect(IBM_PROVIDER_VERSION_CONSTRAINT).toBe('>= 1.87.2, < 3.0.0');
    expect(json.provider).toEqual({ ibm: [{ region: 'eu-de', resource_group: 'abc123' }] });
    expect(Testing.synth(stack)).toHaveProviderWithProperties(IbmProvider, { region: 'eu-de' });
  });

  test('an alias makes a second provider block that resources can use', () => {
    const stack = new TerraformStack(Testing.app(), 'provider');
    new IbmProvider(stack, 'ibm', { region: 'eu-de' });
    const tokyo = new IbmProvider(stack, 'tokyo', { region: 'jp-tok', alias: 'tokyo' });
    new IbmIsSecurityGroup(stack, 'sg', { vpc: 'v', provider: tokyo });
    const json = JSON.parse(Testing.synth(stack));
    expect(json.provider.ibm).toEqual([{ region: 'eu-de' }, { alias: 'tokyo', region: 'jp-tok' }]);
    expect(json.resource.ibm_is_security_group.sg.provider).toBe('ibm.tokyo');
  });

  test('the stack passes cdktf validations (provider present for every ibm resource)', () => {
    const stack = new TerraformStack(Testing.app(), 'provider');
    new IbmProvider(stack, 'ibm', { region: 'us-south' });
    new IbmIsSecurityGroupRule(stack, 'rule', base);
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test.each([
    ['a display name for the region', { region: 'Frankfurt' }, 'Invalid IBM Cloud region "Frankfurt" (from ibm provider bad). Use a region name such as us-south, eu-de or jp-tok.'],
    ['a zone instead of a region', { region: 'eu-de-1' }, 'Invalid IBM Cloud region "eu-de-1"'],
    ['a bad alias', { region: 'eu-de', alias: 'my alias' }, 'Invalid provider alias "my alias"'],
    ['a resource group display name', { region: 'eu-de', resourceGroup: 'My group' }, 'Invalid resource group ID "My group"'],
  ])('rejects %s', (_what, props, message) => {
    const stack = new TerraformStack(Testing.app(), 'reject');
    expect(() => new IbmProvider(stack, 'bad', props)).toThrow(message);
  });
});
