import * as fs from 'fs';
import * as path from 'path';
import { Testing, TerraformStack } from 'cdktf';
import { createStack } from '../../../examples/ibm-vpc-nodeports/stack';
import { validateStackJson } from '../../../lib/validate';
import { IbmIpVersion, IbmIsSecurityGroup, IbmIsSecurityGroupRule, IbmProvider, IbmRuleDirection, IbmRuleProtocol } from '../../../lib/targets/ibm';

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
});
