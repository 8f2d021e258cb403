import { TerraformProvider, TerraformStack, Token } from 'cdktf';
import { invalidValue } from '../model/errors';
import { describeValue } from '../model/input';

/** One term of a Terraform version constraint: an optional operator and a version (`>= 5.0`, `~> 5.100`, `6.25.0`). */
const TERM = /^\s*(=|!=|>=|<=|>|<|~>)?\s*v?\d+(\.\d+){0,2}(-[0-9A-Za-z.-]+)?\s*$/;

/**
 * The provider version constraint of a synthesized stack.
 *
 * cdktf writes the exact version its provider binding was generated from into `terraform.required_providers`
 * (`hashicorp/aws` `6.25.0` for `@cdktf/provider-aws` 21.x): a pipeline whose provider mirror holds another version
 * cannot `terraform init`. `ProviderVersionConstraint.apply` replaces that pin with a constraint of your choice in
 * the provider's stack, e.g. the range the library's resources were checked against.
 *
 * @example
 * const aws = new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
 * ProviderVersionConstraint.apply(aws, ProviderVersionConstraint.AWS_CHECKED);   // ">= 5.0, < 7.0"
 */
export class ProviderVersionConstraint {
  /** The `hashicorp/aws` versions the library's AWS resources were checked against (as the exported modules declare). */
  public static readonly AWS_CHECKED = '>= 5.0, < 7.0';
  /** The `hashicorp/azurerm` versions the library's Azure resources were checked against. */
  public static readonly AZURERM_CHECKED = '>= 3.0, < 5.0';
  /** The `hashicorp/google` versions the library's Google Cloud resources were checked against. */
  public static readonly GOOGLE_CHECKED = '>= 5.0, < 8.0';

  /**
   * Sets the version constraint of `provider` in its stack's `terraform.required_providers`.
   * @param provider the provider construct (e.g. `AwsProvider`, `AzurermProvider`, `GoogleProvider`, `IbmProvider`)
   * @param constraint a Terraform version constraint: terms such as `>= 5.0`, `< 7.0`, `~> 5.100`, `5.100.0`, joined
   *   with commas; a literal (not a Terraform reference)
   */
  public static apply(provider: TerraformProvider, constraint: string): void {
    const origin = 'ProviderVersionConstraint.apply';
    if (!(provider instanceof TerraformProvider)) {
      throw invalidValue('provider', describeValue(provider), `${origin} provider`, 'Give the provider construct, e.g. the AwsProvider of the stack.', 'invalid-type');
    }
    if (typeof constraint !== 'string') {
      throw invalidValue('constraint', describeValue(constraint), `${origin} constraint`, 'Give the constraint as a string, e.g. ">= 5.0, < 7.0".', 'invalid-type');
    }
    if (Token.isUnresolved(constraint)) {
      throw invalidValue('constraint', constraint, `${origin} constraint`, 'Terraform reads required_providers before it evaluates anything: give a literal constraint.', 'unresolved-token');
    }
    const bad = constraint.split(',').find((term) => !TERM.test(term));
    if (bad !== undefined) {
      throw invalidValue(
        'constraint',
        constraint,
        `${origin} constraint`,
        `${JSON.stringify(bad.trim())} is not a version constraint term: write terms such as ">= 5.0", "< 7.0", "~> 5.100" or "5.100.0", joined with commas.`,
      );
    }
    const text = constraint
      .split(',')
      .map((t) => t.trim().replace(/^(=|!=|>=|<=|>|<|~>)\s*/, '$1 '))
      .join(', ');
    TerraformStack.of(provider).addOverride(`terraform.required_providers.${provider.terraformResourceType}.version`, text);
  }

  private constructor() {}
}
