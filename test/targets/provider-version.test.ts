import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { FirewallRequirementsError } from '../../lib/model/errors';
import { ProviderVersionConstraint } from '../../lib/targets/aws';
import { IbmProvider } from '../../lib/targets/ibm';

function stackWith(): { stack: TerraformStack; aws: AwsProvider } {
  const stack = new TerraformStack(Testing.app(), 'test');
  return { stack, aws: new AwsProvider(stack, 'aws', { region: 'eu-west-1' }) };
}

const requiredProviders = (stack: TerraformStack) => JSON.parse(Testing.synth(stack)).terraform.required_providers;

describe('ProviderVersionConstraint', () => {
  test('GIVEN a stack WHEN nothing is set THEN cdktf pins the binding\'s exact version', () => {
    const { stack } = stackWith();
    expect(requiredProviders(stack).aws.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  test('apply replaces the pin with the constraint given, normalized, keeping the source', () => {
    const { stack, aws } = stackWith();
    ProviderVersionConstraint.apply(aws, ProviderVersionConstraint.AWS_CHECKED);
    expect(requiredProviders(stack)).toEqual({ aws: { source: 'aws', version: '>= 5.0, < 7.0' } });
    const other = stackWith();
    ProviderVersionConstraint.apply(other.aws, '>=5.0,<7.0 , !=6.1.0');
    expect(requiredProviders(other.stack).aws.version).toBe('>= 5.0, < 7.0, != 6.1.0');
  });

  test('each provider of a stack gets its own constraint', () => {
    const { stack, aws } = stackWith();
    const azurerm = new AzurermProvider(stack, 'azurerm', { features: [{}] });
    const ibm = new IbmProvider(stack, 'ibm', { region: 'eu-de' });
    ProviderVersionConstraint.apply(aws, '~> 5.100');
    ProviderVersionConstraint.apply(azurerm, ProviderVersionConstraint.AZURERM_CHECKED);
    ProviderVersionConstraint.apply(ibm, '>= 1.87.2, < 3.0.0');
    const rp = requiredProviders(stack);
    expect([rp.aws.version, rp.azurerm.version, rp.ibm.version]).toEqual(['~> 5.100', '>= 3.0, < 5.0', '>= 1.87.2, < 3.0.0']);
  });

  test.each([
    ['latest', /"latest" is not a version constraint term/],
    ['>= 5.0,', /"" is not a version constraint term/],
    ['>> 5', /">> 5" is not a version constraint term/],
  ])('constraint %j is refused', (constraint, message) => {
    const { stack, aws } = stackWith();
    expect(() => ProviderVersionConstraint.apply(aws, constraint)).toThrow(FirewallRequirementsError);
    expect(() => ProviderVersionConstraint.apply(aws, constraint)).toThrow(message);
    expect(requiredProviders(stack).aws.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  test('wrong types and references are refused with the library error', () => {
    const { stack, aws } = stackWith();
    const variable = new TerraformVariable(stack, 'v', { type: 'string' });
    expect(() => ProviderVersionConstraint.apply(aws, variable.stringValue)).toThrow(/give a literal constraint/);
    expect(() => ProviderVersionConstraint.apply(aws, 5 as unknown as string)).toThrow(/Invalid constraint "5"/);
    expect(() => ProviderVersionConstraint.apply({} as AwsProvider, '>= 5.0')).toThrow(/Give the provider construct/);
  });
});
