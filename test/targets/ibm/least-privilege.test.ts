import { TerraformStack, Testing } from 'cdktf';
import { chainguardEnforceProfile } from '../../../lib/catalog/chainguard-enforce';
import { ibmVpcProfile } from '../../../lib/catalog/ibm-vpc';
import { CatalogSection } from '../../../lib/catalog/catalog-section';
import { Direction, FirewallRequirementsError, Landing, PortRange, Protocol, RequirementSet } from '../../../lib/model';
import { IbmProvider, IbmSecurityGroupRules, IbmSecurityGroupRulesProps, planIbmRules } from '../../../lib/targets/ibm';
import { errorOf } from '../../model/fixtures';
import { bodies, DOC, NODE_PORTS, nodePortSet, synth } from './fixtures';

const RULE = 'ibm_is_security_group_rule';
const ZONES = ['10.240.0.0/24', '10.240.64.0/24', '10.240.128.0/24'];

function stack(): TerraformStack {
  return new TerraformStack(Testing.app(), 's');
}

function flows(json: any): string[] {
  return bodies(json, RULE).map((r) => `${r.direction} ${r.protocol} ${r.port_min ?? ''}-${r.port_max ?? ''} ${r.remote}`);
}

describe('IbmSecurityGroupRules: rows that land elsewhere are never opened on the workers', () => {
  test('GIVEN the Chainguard Enforce profile WHEN rendered THEN its control-plane cidr-ranges rows are skipped, listed and annotated', () => {
    const s = stack();
    const enforce = chainguardEnforceProfile({ acknowledgeRetired: true });
    const controlPlane = enforce.requirements.filter((r) => r.landing === Landing.CONTROL_PLANE);
    expect(controlPlane.length).toBeGreaterThan(0);
    const rules = new IbmSecurityGroupRules(s, 'rules', { requirementSets: [nodePortSet(ZONES), enforce], securityGroupId: 'r006-sg' });
    const json = JSON.parse(Testing.synth(s));
    // No inbound rule but the node ports: the API-endpoint ranges did not become worker rules.
    expect(flows(json).filter((f) => f.startsWith('inbound'))).toEqual(ZONES.map((z) => `inbound tcp 30000-32767 ${z}`).sort());
    const skipped = rules.skippedRequirements.map((r) => r.id);
    for (const r of controlPlane) expect(skipped).toContain(r.id);
    const output = Object.entries<any>(json.output).find(([k]) => k.startsWith('rules_skipped-requirements'))![1];
    expect(output.value.map((v: any) => v.peer)).toEqual(rules.skippedRequirements.map((r) => r.peer.value));
    const annotations = s.node.findAll().flatMap((n) => n.node.metadata).filter((m) => m.type === '@cdktf/info');
    expect(annotations.map((m) => m.data)).toEqual([expect.stringContaining('land on the cluster API endpoint')]);
    expect(annotations[0].data).toContain('IbmSecurityGroupRules s/rules: ');
  });

  test('a set with only control-plane rows renders no rule and lists the rows as skipped', () => {
    const set = new CatalogSection(DOC, 'api', 'API')
      .cidrs(['192.0.2.0/24'], Protocol.TCP, [443], 'Operators to the API server', { direction: Direction.INGRESS, landing: Landing.CONTROL_PLANE })
      .toSet();
    const plan = planIbmRules(set);
    expect(plan.rules).toEqual([]);
    expect(plan.skippedRequirements.map((r) => r.peer.value)).toEqual(['192.0.2.0/24']);
  });
});

describe('IbmSecurityGroupRules: any address, judged by coverage', () => {
  const inbound = (cidrs: string[], ports = [PortRange.single(443)], protocol = Protocol.TCP) =>
    new CatalogSection(DOC, 'wide', 'Wide').cidrs(cidrs, protocol, ports, 'Wide source', { direction: Direction.INGRESS }).toSet();

  test('two halves of the address space on one port are refused, naming both and their source', () => {
    const e = errorOf(() => planIbmRules(inbound(['0.0.0.0/1', '128.0.0.0/1']), { origin: 'IbmSecurityGroupRules s/rules' }));
    expect(e.code).toBe('any-address');
    expect(e.message).toBe(
      'Invalid remote for inbound tcp port 443 "0.0.0.0/1, 128.0.0.0/1 (together 0.0.0.0/0)" (from IbmSecurityGroupRules s/rules: ' +
        '0.0.0.0/1 from ibm-test/wide: Wide source; 128.0.0.0/1 from ibm-test/wide: Wide source). These networks together cover every IPv4 address. ' +
        'Give the networks the flow needs, or opt in with allowAnyAddress: true.',
    );
  });

  test('a /0 is refused at synth, naming it; allowAnyAddress admits it', () => {
    const s = stack();
    new IbmSecurityGroupRules(s, 'rules', { requirementSets: [inbound(['0.0.0.0/0'])], securityGroupId: 'sg' });
    expect(() => Testing.synth(s)).toThrow('Invalid remote for inbound tcp port 443 "0.0.0.0/0" (from IbmSecurityGroupRules s/rules: 0.0.0.0/0 from ibm-test/wide: Wide source). 0.0.0.0/0 allows every IPv4 address.');
    const json = synth((scope) => new IbmSecurityGroupRules(scope, 'rules', { requirementSets: [inbound(['0.0.0.0/0'])], securityGroupId: 'sg', allowAnyAddress: true }));
    expect(flows(json)).toEqual(['inbound tcp 443-443 0.0.0.0/0']);
  });

  test('coverage across rules: different port ranges that overlap on one port, and sets added later', () => {
    const s = stack();
    const rules = new IbmSecurityGroupRules(s, 'rules', { requirementSets: [inbound(['0.0.0.0/1'], [PortRange.range(440, 450)])], securityGroupId: 'sg' });
    rules.addRequirements(inbound(['128.0.0.0/1'], [PortRange.single(443), PortRange.single(8443)]));
    expect(() => rules.render()).toThrow('Invalid remote for inbound tcp port 443 "0.0.0.0/1, 128.0.0.0/1 (together 0.0.0.0/0)"');
  });

  test('coverage across protocols: a narrowed any-protocol rule reaches tcp too', () => {
    const set = inbound(['0.0.0.0/1']).merge(new CatalogSection(DOC, 'any', 'Any').cidrs(['128.0.0.0/1'], Protocol.ANY, [], 'Everything', { direction: Direction.INGRESS }).toSet());
    expect(() => planIbmRules(set, { narrowAnyProtocol: true })).toThrow('Invalid remote for inbound tcp port 443 "0.0.0.0/1, 128.0.0.0/1 (together 0.0.0.0/0)"');
  });

  test('halves on different ports or directions are not every address for any one flow', () => {
    const set = inbound(['0.0.0.0/1']).merge(inbound(['128.0.0.0/1'], [PortRange.single(8443)]));
    expect(planIbmRules(set).rules).toHaveLength(2);
    const egress = new CatalogSection(DOC, 'out', 'Out').cidrs(['128.0.0.0/1'], Protocol.TCP, [443], 'Out').toSet();
    expect(planIbmRules(inbound(['0.0.0.0/1']).merge(egress)).rules).toHaveLength(2);
  });

  test('node ports from anywhere: the profile opt-in needs the target opt-in, which admits node ports only', () => {
    const profile = ibmVpcProfile({ region: 'eu-de', subnetCidrs: ZONES, nodePortsFromAnywhere: true, adminAccess: false });
    const s = stack();
    new IbmSecurityGroupRules(s, 'rules', { requirementSets: [profile], securityGroupId: 'sg' });
    expect(() => Testing.synth(s)).toThrow(
      'Invalid remote for inbound tcp ports 30000-32767 "0.0.0.0/0" (from IbmSecurityGroupRules s/rules: 0.0.0.0/0 from ibm-vpc/node-ports: Node ports on the workers from any source (nodePortsFromAnywhere)). ' +
        '0.0.0.0/0 allows every IPv4 address. Give the networks the flow needs, or opt in with allowNodePortsFromAnywhere: true (node ports only) or allowAnyAddress: true.',
    );
    const json = synth((scope) => new IbmSecurityGroupRules(scope, 'rules', { requirementSets: [profile], securityGroupId: 'sg', allowNodePortsFromAnywhere: true }));
    expect(flows(json)).toEqual(['inbound tcp 30000-32767 0.0.0.0/0']);
    // The node-port opt-in does not reach other ports.
    expect(() => planIbmRules(inbound(['0.0.0.0/0']), { allowNodePortsFromAnywhere: true })).toThrow('Invalid remote for inbound tcp port 443 "0.0.0.0/0"');
    expect(() => planIbmRules(inbound(['0.0.0.0/0'], [PortRange.range(29999, 30001)]), { allowNodePortsFromAnywhere: true })).toThrow(
      'Invalid remote for inbound tcp port 29999 "0.0.0.0/0"',
    );
  });
});

describe('IbmSecurityGroupRules: protocols every admitted provider version accepts', () => {
  const anySet = new CatalogSection(DOC, 'svc', 'Services').cidrs(['161.26.0.0/16'], Protocol.ANY, [], 'IBM Cloud service endpoints').toSet();

  test('protocol any is refused without narrowAnyProtocol, naming the requirement and the versions', () => {
    const e = errorOf(() => new IbmSecurityGroupRules(stack(), 'rules', { requirementSets: [anySet], securityGroupId: 'sg' }));
    expect(e.code).toBe('unsupported-protocol');
    expect(e.message).toBe(
      'Invalid protocol "any" (from IbmSecurityGroupRules s/rules: ibm-test/svc "IBM Cloud service endpoints"). The IBM provider versions this library admits (>= 1.87.2, < 3.0.0) ' +
        'include 1.87.2 to 2.0.x, which have no "every IP protocol" rule ("any" exists only from 2.1.0), and icmp_tcp_udp is ICMP, TCP and UDP only. ' +
        'Give the requirement the protocols it needs, or opt in with narrowAnyProtocol: true to render it as icmp_tcp_udp (other IP protocols such as ESP or GRE stay closed).',
    );
  });

  test('the check runs when a set is added: the call that added it fails', () => {
    const rules = new IbmSecurityGroupRules(stack(), 'rules', { securityGroupId: 'sg' });
    expect(() => rules.addRequirements(anySet)).toThrow('Invalid protocol "any" (from IbmSecurityGroupRules s/rules: ibm-test/svc');
    expect(rules.requirements.size).toBe(0);
  });

  test('with narrowAnyProtocol it becomes icmp_tcp_udp; no rule ever says any', () => {
    const json = synth((scope) => new IbmSecurityGroupRules(scope, 'rules', { requirementSets: [anySet], securityGroupId: 'sg', narrowAnyProtocol: true }));
    expect(flows(json)).toEqual(['outbound icmp_tcp_udp - 161.26.0.0/16']);
  });
});

describe('IbmSecurityGroupRules: composition and lazy rendering', () => {
  test('addRequirements after construction changes the output; adding after render fails', () => {
    const s = stack();
    const rules = new IbmSecurityGroupRules(s, 'rules', { requirementSets: [nodePortSet(ZONES.slice(0, 1))], vpcId: 'v' });
    rules.addRequirements(nodePortSet(ZONES.slice(1)));
    expect(rules.plannedRules.map((r) => r.remote)).toEqual(['10.240.0.0/24', '10.240.128.0/24', '10.240.64.0/24']);
    expect(() => rules.addRequirements(nodePortSet(['10.240.192.0/24']))).toThrow('Invalid addRequirements call "1 set(s)" (from IbmSecurityGroupRules s/rules)');
    const json = JSON.parse(Testing.synth(s));
    expect(Object.keys(json.resource[RULE])).toHaveLength(3);
  });

  test('splitting reacts to what was added later: 250 rules then one more gives two groups', () => {
    const json = synth((scope) => {
      const rules = new IbmSecurityGroupRules(scope, 'rules', { requirementSets: [nodePortSet(subnetsOf(250))], vpcId: 'v' });
      rules.addRequirements(nodePortSet(['10.250.0.0/24']));
    });
    expect(Object.keys(json.resource.ibm_is_security_group)).toHaveLength(2);
  });

  test('the deprecated requirements prop is merged into requirementSets', () => {
    const json = synth((scope) => new IbmSecurityGroupRules(scope, 'rules', { requirements: nodePortSet(ZONES.slice(0, 1)), requirementSets: [nodePortSet(ZONES.slice(1))], securityGroupId: 'sg' }));
    expect(flows(json)).toHaveLength(3);
  });

  test('an explicit provider is used; a non-provider is refused', () => {
    const s = stack();
    const provider = new IbmProvider(s, 'ibm', { region: 'eu-de', alias: 'frankfurt' });
    new IbmSecurityGroupRules(s, 'rules', { requirementSets: [nodePortSet(ZONES)], securityGroupId: 'sg', provider });
    expect(Object.values<any>(JSON.parse(Testing.synth(s)).resource[RULE]).map((r) => r.provider)).toEqual(Array(3).fill('ibm.frankfurt'));
    expect(() => new IbmSecurityGroupRules(stack(), 'rules', { securityGroupId: 'sg', provider: 'ibm' as unknown as IbmProvider })).toThrow(
      'Invalid provider "ibm" (from IbmSecurityGroupRules s/rules provider)',
    );
  });
});

describe('IbmSecurityGroupRules: runtime checks of every prop (nothing is left in the tree)', () => {
  test.each<[string, Record<string, unknown>, string]>([
    ['a set where an array is expected', { requirementSets: nodePortSet(ZONES), vpcId: 'v' }, 'Invalid requirementSets (object, expected an array of RequirementSets) "<RequirementSet>" (from IbmSecurityGroupRules s/rules requirementSets). Wrap the set in an array'],
    ['a string for allowAnyAddress', { vpcId: 'v', allowAnyAddress: 'false' }, 'Invalid allowAnyAddress (string, expected true or false) "false" (from IbmSecurityGroupRules s/rules allowAnyAddress)'],
    ['a string for allowNodePortsFromAnywhere', { vpcId: 'v', allowNodePortsFromAnywhere: 'true' }, 'Invalid allowNodePortsFromAnywhere (string, expected true or false) "true"'],
    ['a number for narrowAnyProtocol', { vpcId: 'v', narrowAnyProtocol: 1 }, 'Invalid narrowAnyProtocol (number, expected true or false) "1"'],
    ['a string for tags', { vpcId: 'v', tags: 'k8s' }, 'Invalid tags (string, expected an array) "k8s" (from IbmSecurityGroupRules s/rules tags). Give tags as an array, e.g. ["k8s"].'],
    ['NaN minimumGroups', { vpcId: 'v', minimumGroups: NaN }, 'Invalid minimumGroups "NaN" (from IbmSecurityGroupRules s/rules minimumGroups)'],
    ['Infinity maximumGroups', { vpcId: 'v', maximumGroups: Infinity }, 'Invalid maximumGroups "Infinity"'],
    ['a string for reservedRulesPerGroup', { vpcId: 'v', reservedRulesPerGroup: '10' }, 'Invalid reservedRulesPerGroup (string, expected a number) "10"'],
    ['a number token for minimumGroups', { vpcId: 'v', minimumGroups: -8.1e298 }, 'Invalid minimumGroups "<unresolved Terraform token>" (from IbmSecurityGroupRules s/rules minimumGroups). minimumGroups must be a literal number known at synth'],
    ['a token for groupNamePrefix', { vpcId: 'v', groupNamePrefix: '${var.prefix}' }, 'Invalid groupNamePrefix "${var.prefix}" (from IbmSecurityGroupRules s/rules groupNamePrefix). groupNamePrefix must be a literal known at synth'],
    ['a number for vpcId', { vpcId: 42 }, 'Invalid vpcId (number, expected a string) "42" (from IbmSecurityGroupRules s/rules vpcId)'],
    ['a resource group display name', { vpcId: 'v', resourceGroupId: 'My Group' }, 'Invalid resourceGroupId "My Group" (from IbmSecurityGroupRules s/rules resourceGroupId). Give the resource group ID'],
    ['a resource group with an existing group', { securityGroupId: 'sg', resourceGroupId: 'rg' }, 'Invalid resourceGroupId "rg" (from IbmSecurityGroupRules s/rules resourceGroupId). resourceGroupId applies to groups that are created'],
    ['tags with an existing group', { securityGroupId: 'sg', tags: ['k8s'] }, 'Invalid tags "[\\"k8s\\"]" (from IbmSecurityGroupRules s/rules tags). tags applies to groups that are created'],
    ['a misspelt opt-in', { vpcId: 'v', allowAnyAdress: true }, 'Unknown property "allowAnyAdress" (from IbmSecurityGroupRules s/rules). Did you mean "allowAnyAddress"?'],
    ['the old single-set prop name misspelt', { vpcId: 'v', requirement: nodePortSet(ZONES) }, 'Unknown property "requirement" (from IbmSecurityGroupRules s/rules). Did you mean "requirements"?'],
  ])('%s', (_what, props, message) => {
    const s = stack();
    const e = errorOf(() => new IbmSecurityGroupRules(s, 'rules', props as unknown as IbmSecurityGroupRulesProps));
    expect(e).toBeInstanceOf(FirewallRequirementsError);
    expect(e.message).toContain(message);
    expect(s.node.tryFindChild('rules')).toBeUndefined();
  });

  test('props that are not an object', () => {
    expect(() => new IbmSecurityGroupRules(stack(), 'rules', undefined as unknown as IbmSecurityGroupRulesProps)).toThrow('Invalid props "undefined" (from IbmSecurityGroupRules s/rules)');
  });
});

/** `count` distinct /24 subnets of 10.0.0.0/8. */
function subnetsOf(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `10.${Math.floor(i / 256)}.${i % 256}.0/24`);
}

void NODE_PORTS;
void RequirementSet;
