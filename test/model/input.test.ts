import { FirewallRequirementsError, InputCheck, isTerraformReference, describeValue, RequirementSet } from '../../lib/model';
import { errorOf } from './fixtures';

const TOKEN_NUMBER = -8.109562212591379e298;
const check = new InputCheck('Thing stack/thing');

describe('isTerraformReference', () => {
  test.each([
    ['${TfToken[TOKEN.1]}', true],
    ['${var.x}', true],
    ['10.0.0.0/8', false],
    [TOKEN_NUMBER, true],
    [443, false],
    [['#{TfToken[TOKEN.2]}'], true],
    [['a'], false],
    [undefined, false],
  ])('%j -> %s', (value, expected) => {
    expect(isTerraformReference(value)).toBe(expected);
  });
});

describe('describeValue', () => {
  test('shows what the caller passed, never a token encoding', () => {
    expect(describeValue('x')).toBe('x');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(NaN)).toBe('NaN');
    expect(describeValue(TOKEN_NUMBER)).toBe('<unresolved Terraform token>');
    expect(describeValue(['a', 1])).toBe('["a",1]');
    expect(describeValue(RequirementSet.empty())).toBe('<RequirementSet>');
    expect(describeValue('x'.repeat(200))).toHaveLength(200);
    expect(describeValue({ a: 'x'.repeat(200) })).toHaveLength(120);
  });
});

describe('InputCheck', () => {
  test('props: an object whose keys are all known (a misspelt opt-in is not ignored)', () => {
    expect(check.props({ a: 1 }, ['a', 'b'])).toEqual({ a: 1 });
    expect(check.props({ a: 1, c: undefined }, ['a'])).toEqual({ a: 1, c: undefined });
    expect(check.props(undefined, ['a'], false)).toEqual({});
    expect(() => check.props({ allowAnyAdress: true }, ['allowAnyAddress', 'vpcId'])).toThrow(
      'Unknown property "allowAnyAdress" (from Thing stack/thing). Did you mean "allowAnyAddress"? Known properties: allowAnyAddress, vpcId.',
    );
    for (const bad of [undefined, null, 'x', [1], 3]) {
      expect(errorOf(() => check.props(bad, ['a'])).code).toBe('invalid-type');
    }
  });

  test('boolean: look-alikes are refused, not coerced', () => {
    expect(check.boolean('flag', undefined, true)).toBe(true);
    expect(check.boolean('flag', false, true)).toBe(false);
    const e = errorOf(() => check.boolean('endpointPublicAccess', 'false', true));
    expect(e.message).toBe(
      'Invalid endpointPublicAccess (string, expected true or false) "false" (from Thing stack/thing endpointPublicAccess). Give endpointPublicAccess: true or endpointPublicAccess: false (a boolean, not a string or number).',
    );
    expect(e.code).toBe('invalid-type');
    expect(() => check.boolean('flag', 0, true)).toThrow('Invalid flag (number, expected true or false) "0"');
  });

  test('integer: NaN, Infinity, fractions, numeric strings, tokens and out-of-range values are refused', () => {
    const opts = { min: 1, max: 60, default: 60 };
    expect(check.integer('rulesPerGroup', undefined, opts)).toBe(60);
    expect(check.integer('rulesPerGroup', 7, opts)).toBe(7);
    expect(() => check.integer('rulesPerGroup', NaN, opts)).toThrow('Invalid rulesPerGroup "NaN" (from Thing stack/thing rulesPerGroup). rulesPerGroup is a whole number from 1 to 60.');
    expect(() => check.integer('rulesPerGroup', Infinity, opts)).toThrow('Invalid rulesPerGroup "Infinity"');
    expect(() => check.integer('rulesPerGroup', 1.5, opts)).toThrow('Invalid rulesPerGroup "1.5"');
    expect(() => check.integer('rulesPerGroup', 61, opts)).toThrow('Invalid rulesPerGroup "61"');
    expect(() => check.integer('rulesPerGroup', '7', opts)).toThrow('Invalid rulesPerGroup (string, expected a number) "7"');
    const token = errorOf(() => check.integer('rulesPerGroup', TOKEN_NUMBER, opts));
    expect(token.message).toBe(
      'Invalid rulesPerGroup "<unresolved Terraform token>" (from Thing stack/thing rulesPerGroup). rulesPerGroup must be a literal number known at synth, not a Terraform reference. rulesPerGroup is a whole number from 1 to 60.',
    );
    expect(token.code).toBe('unresolved-token');
    expect(() => check.integer('basePriority', undefined, { min: 100, max: 65000 })).toThrow('Missing required property basePriority (from Thing stack/thing basePriority). For example: basePriority: 100.');
  });

  test('enumValue: unknown values list the valid ones, with a suggestion', () => {
    expect(check.enumValue('ipFamily', undefined, ['ipv4', 'ipv6'], 'ipv4')).toBe('ipv4');
    expect(check.enumValue('ipFamily', 'ipv6', ['ipv4', 'ipv6'])).toBe('ipv6');
    expect(() => check.enumValue('ipFamily', 'IPV4', ['ipv4', 'ipv6'])).toThrow(
      'Unknown ipFamily "IPV4" (from Thing stack/thing ipFamily). Did you mean "ipv4"? Valid values: ipv4, ipv6.',
    );
    expect(() => check.enumValue('direction', 'inbound', ['egress', 'ingress'])).toThrow('Valid values: egress, ingress.');
    expect(() => check.enumValue('direction', undefined, ['egress', 'ingress'])).toThrow('Missing required property direction');
    expect(errorOf(() => check.enumValue('protocol', 7, ['tcp'])).code).toBe('unknown-option');
  });

  test('string: literal or reference; a literal-only prop refuses tokens', () => {
    expect(check.string('network', 'default')).toBe('default');
    expect(check.string('network', '${TfToken[TOKEN.3]}')).toBe('${TfToken[TOKEN.3]}');
    expect(check.optionalString('project', undefined)).toBeUndefined();
    expect(() => check.string('name', '${TfToken[TOKEN.3]}', { allowReference: false, hint: 'Give a literal name.' })).toThrow(
      'name must be a literal known at synth, not a Terraform reference. Give a literal name.',
    );
    expect(() => check.string('network', '  ')).toThrow('Invalid network "  "');
    expect(() => check.string('network', 42)).toThrow('Invalid network (number, expected a string) "42"');
    expect(() => check.string('network', undefined)).toThrow('Missing required property network');
    expect(() => check.string('name', 'Bad_Name', { pattern: /^[a-z-]+$/, hint: 'Lower-case letters and hyphens.' })).toThrow('Invalid name "Bad_Name" (from Thing stack/thing name). Lower-case letters and hyphens.');
  });

  test('arrays: a string where an array is expected is refused, not split into characters', () => {
    expect(check.stringArray('targetTags', ['gke-node'])).toEqual(['gke-node']);
    expect(check.stringArray('targetTags', undefined, { optional: true })).toEqual([]);
    expect(check.stringArray('ids', ['#{TfToken[TOKEN.9]}'])).toEqual(['#{TfToken[TOKEN.9]}']);
    expect(() => check.stringArray('targetTags', 'gke-node')).toThrow(
      'Invalid targetTags (string, expected an array) "gke-node" (from Thing stack/thing targetTags). Give targetTags as an array, e.g. ["gke-node"].',
    );
    expect(() => check.stringArray('targetTags', ['a', 3])).toThrow('(from Thing stack/thing targetTags[1])');
    expect(() => check.stringArray('targetTags', ['a', ''])).toThrow('Invalid entry of targetTags "" (from Thing stack/thing targetTags[1])');
    expect(() => check.stringArray('targetTags', [], { nonEmpty: true })).toThrow('Give at least one entry in targetTags.');
    expect(() => check.stringArray('ids', ['${var.x}'], { allowReference: false })).toThrow('not Terraform references');
  });

  test('stringMap and requirement sets', () => {
    expect(check.stringMap('tags', { a: 'b' })).toEqual({ a: 'b' });
    expect(check.stringMap('tags', undefined)).toBeUndefined();
    expect(() => check.stringMap('tags', { a: 1 })).toThrow('Invalid tags.a (number, expected a string) "1"');
    expect(() => check.stringMap('tags', ['a'])).toThrow('Invalid tags (an array, expected an object of strings)');
    const set = RequirementSet.empty();
    expect(check.requirementSet('requirements', set)).toBe(set);
    expect(check.requirementSets('requirementSets', [set])).toEqual([set]);
    expect(() => check.requirementSets('requirementSets', set)).toThrow('Wrap the set in an array: requirementSets: [set].');
    expect(() => check.requirementSet('requirements', {})).toThrow('Invalid requirements (object, expected a RequirementSet) "{}"');
    expect(() => check.requirementSets('requirementSets', [set, 'x'])).toThrow('(from Thing stack/thing requirementSets[1])');
    expect(errorOf(() => check.requirementSet('requirements', undefined))).toBeInstanceOf(FirewallRequirementsError);
  });
});
