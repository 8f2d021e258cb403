import * as fs from 'fs';
import * as path from 'path';
import { Testing, TerraformStack } from 'cdktf';
import { createStack } from '../../../examples/ibm-vpc-nodeports/stack';
import { validateStackJson } from '../../../lib/validate';
import { CatalogSection } from '../../../lib/catalog/catalog-section';
import { Direction, Protocol } from '../../../lib/model';
import {
  IBM_PROVIDER_VERSION_CONSTRAINT,
  IBM_RULE_PROTOCOLS,
  IbmIpVersion,
  IbmIsSecurityGroup,
  IbmIsSecurityGroupRule,
  IbmProvider,
  IbmRuleDirection,
  IbmRuleProtocol,
  IbmSecurityGroupRules,
} from '../../../lib/targets/ibm';
import { DOC } from './fixtures';

const SCHEMA_DIR = path.join(__dirname, '../../../schemas');
const schema = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, 'ibm.json'), 'utf8'));

describe('schemas/ibm.json', () => {
  test('describes every argument the hand-written bindings can emit, with the required ones marked', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    new IbmProvider(stack, 'ibm', { region: 'eu-de', resourceGroup: 'rg' });
    new IbmIsSecurityGroup(stack, 'sg', { vpc: 'v', name: 'n', resourceGroup: 'rg', tags: ['t'] });
    new IbmIsSecurityGroupRule(stack, 'tcp', {
      group: 'g', direction: IbmRuleDirection.INBOUND, remote: '10.0.0.0/8', local: '10.1.0.0/16', ipVersion: IbmIpVersion.IPV4,
      name: 'n', protocol: IbmRuleProtocol.TCP, portMin: 1, portMax: 2,
    });
    new IbmIsSecurityGroupRule(stack, 'icmp', { group: 'g', direction: IbmRuleDirection.OUTBOUND, protocol: IbmRuleProtocol.ICMP, type: 8, code: 0 });
    const json = JSON.parse(Testing.synth(stack));
    const emitted = (type: string) => [...new Set(Object.values<any>(json.resource[type]).flatMap((b) => Object.keys(b).filter((k) => k !== '//')))].sort();
    expect(emitted('ibm_is_security_group_rule').filter((a) => !(a in schema.ibm_is_security_group_rule))).toEqual([]);
    expect(emitted('ibm_is_security_group').filter((a) => !(a in schema.ibm_is_security_group))).toEqual([]);
    expect(Object.keys(json.provider.ibm[0]).filter((a) => !(a in schema['provider.ibm']))).toEqual([]);
    const required = (type: string) => Object.entries<any>(schema[type]).filter(([, a]) => a.required).map(([n]) => n).sort();
    expect(required('ibm_is_security_group_rule')).toEqual(['direction', 'group']);
    expect(required('ibm_is_security_group')).toEqual(['vpc']);
  });

  test('the example validates against it offline with no problems', () => {
    const report = validateStackJson(Testing.synth(createStack(Testing.app(), 'ibm-vpc-nodeports')), { schemaDir: SCHEMA_DIR });
    expect(report.problems).toEqual([]);
    expect(report.unchecked).toEqual([]);
    expect(report.resources).toBe(4);
  });

  test('describes the admitted provider versions: the same constraint, the protocols all of them accept, name optional', () => {
    expect(schema.$versionConstraint).toBe(IBM_PROVIDER_VERSION_CONSTRAINT);
    expect(schema.$version).toBe(IBM_PROVIDER_VERSION_CONSTRAINT);
    expect(IBM_PROVIDER_VERSION_CONSTRAINT).toBe('>= 1.87.2, < 3.0.0');
    expect(schema.ibm_is_security_group_rule.protocol.enum).toEqual(['tcp', 'udp', 'icmp', 'icmp_tcp_udp']);
    expect(schema.ibm_is_security_group_rule.protocol.enum).toEqual([...IBM_RULE_PROTOCOLS]);
    expect(schema.ibm_is_security_group_rule.protocol.enum).not.toContain('any');
    expect(schema.ibm_is_security_group_rule.name.required).toBe(false);
  });

  test('every protocol the target renders is in the enum, whatever the requirement protocol', () => {
    const set = new CatalogSection(DOC, 'all', 'All protocols')
      .cidrs(['10.1.0.0/16'], Protocol.TCP, [443], 'tcp')
      .cidrs(['10.2.0.0/16'], Protocol.UDP, [53], 'udp')
      .cidrs(['10.3.0.0/16'], Protocol.ICMP, [], 'icmp')
      .cidrs(['10.4.0.0/16'], Protocol.ANY, [], 'any')
      .cidrs(['10.5.0.0/16'], Protocol.HTTPS, [443], 'https', { direction: Direction.INGRESS })
      .cidrs(['10.6.0.0/16'], Protocol.HTTP, [80], 'http')
      .toSet();
    const json = JSON.parse(Testing.synthScope((scope) => new IbmSecurityGroupRules(scope, 'r', { requirementSets: [set], securityGroupId: 'sg', narrowAnyProtocol: true })));
    const protocols = [...new Set(Object.values<any>(json.resource.ibm_is_security_group_rule).map((r) => r.protocol))].sort();
    expect(protocols).toEqual(['icmp', 'icmp_tcp_udp', 'tcp', 'udp']);
    for (const p of protocols) expect(schema.ibm_is_security_group_rule.protocol.enum).toContain(p);
    const stack = new TerraformStack(Testing.app(), 's');
    new IbmSecurityGroupRules(stack, 'r', { requirementSets: [set], securityGroupId: 'sg', narrowAnyProtocol: true });
    expect(validateStackJson(Testing.synth(stack), { schemaDir: SCHEMA_DIR }).problems).toEqual([]);
  });
});
