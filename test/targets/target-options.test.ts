import { defineExportTarget } from '../../lib/export/define-target';
import { RequirementSet } from '../../lib/model';
import { InputCheck } from '../../lib/model/input';
import { AZURE_FIREWALL_POLICY_EXPORT } from '../../lib/export/azure/azure-firewall-policy';
import { AZURE_POLICY_RULES_OPTIONS } from '../../lib/targets/azure/plan/firewall-policy-rules-plan';
import { targetOption, TargetOptionTable } from '../../lib/targets/target-options';
import { errorOf } from '../errors';

describe('target option tables', () => {
  // GIVEN a target table with one more boolean option (the one entry a new target option takes)
  const table = AZURE_POLICY_RULES_OPTIONS.with({ logMatches: targetOption.boolean('Log every match (default false).', false) });

  test('the new option is a known name, read with its default and its type check', () => {
    const check = new InputCheck('test');
    expect(table.check(check, { basePriority: 300, ruleCollectionGroupName: 'egress' }).logMatches).toBe(false);
    expect(table.check(check, { basePriority: 300, ruleCollectionGroupName: 'egress', logMatches: true }).logMatches).toBe(true);
    expect(errorOf(() => table.check(check, { basePriority: 300, ruleCollectionGroupName: 'egress', logMatches: 'yes' })).message).toMatch(/^Invalid logMatches \(string, expected true or false\)/);
    expect(errorOf(() => table.check(check, { basePriority: 300, ruleCollectionGroupName: 'egress', logMatche: true })).hint).toContain('Did you mean "logMatches"?');
  });

  test('an export target defined from the table lists the option in its help and checks spec.target with it', () => {
    const target = defineExportTarget({
      name: 'test-target',
      description: 'test',
      cloud: 'azure',
      options: table,
      build: (_requirements, o) => ({ providers: [], variables: {}, resources: {}, outputs: { log: { value: o.logMatches, description: 'x' } } }),
    });
    expect(target.options.logMatches).toBe('Log every match (default false).');
    expect(target.build(RequirementSet.empty(), { basePriority: 300, ruleCollectionGroupName: 'egress', logMatches: true }, 'spec').outputs.log.value).toBe(true);
    expect(errorOf(() => target.build(RequirementSet.empty(), { basePriority: 300, ruleCollectionGroupName: 'egress', logmatches: true }, 'spec')).code).toBe('unknown-option');
    expect(errorOf(() => target.build(RequirementSet.empty(), { ruleCollectionGroupName: 'egress', logMatches: true }, 'spec')).message).toContain('Missing required property basePriority');
  });

  test('the Azure export help is the table (the construct options plus the export keys)', () => {
    expect(Object.keys(AZURE_FIREWALL_POLICY_EXPORT.options).sort()).toEqual([...AZURE_POLICY_RULES_OPTIONS.names, 'sources', 'sourceCount'].sort());
    expect(AZURE_FIREWALL_POLICY_EXPORT.options.dnsProxyEnabled).toBe(AZURE_POLICY_RULES_OPTIONS.help.dnsProxyEnabled);
  });

  test('defaults given by the caller apply only when a value is missing', () => {
    const check = new InputCheck('test');
    expect(AZURE_POLICY_RULES_OPTIONS.check(check, { basePriority: 300 }, [], { ruleCollectionGroupName: 'from-id' }).ruleCollectionGroupName).toBe('from-id');
    expect(AZURE_POLICY_RULES_OPTIONS.check(check, { basePriority: 300, ruleCollectionGroupName: 'given' }, [], { ruleCollectionGroupName: 'from-id' }).ruleCollectionGroupName).toBe('given');
  });

  test('an unchecked table hands values on and still refuses unknown names', () => {
    const raw = TargetOptionTable.unchecked({ a: 'A.' });
    const check = new InputCheck('test');
    expect(raw.check(check, { a: [1] }).a).toEqual([1]);
    expect(errorOf(() => raw.check(check, { b: 1 })).code).toBe('unknown-option');
  });
});
