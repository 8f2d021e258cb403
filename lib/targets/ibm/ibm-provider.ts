import { TerraformMetaArguments, TerraformProvider, TerraformResourceConfig } from 'cdktf';
import { Construct } from 'constructs';
import { invalidValue } from '../../model/errors';
import { InputCheck, isTerraformReference } from '../../model/input';
import { hclAttributes } from './hcl-attributes';
import { IBM_PROVIDER_NAME, IBM_PROVIDER_SOURCE, IBM_PROVIDER_VERSION_CONSTRAINT } from './plan/rule-types';

/** The base config of an IBM resource of `terraformResourceType`, carrying the user's meta-arguments through. */
export function ibmResourceConfig(terraformResourceType: string, meta: TerraformMetaArguments): TerraformResourceConfig {
  return {
    terraformResourceType,
    terraformGeneratorMetadata: { providerName: IBM_PROVIDER_NAME, providerVersionConstraint: IBM_PROVIDER_VERSION_CONSTRAINT },
    provider: meta.provider,
    dependsOn: meta.dependsOn,
    count: meta.count,
    lifecycle: meta.lifecycle,
    forEach: meta.forEach,
    provisioners: meta.provisioners,
    connection: meta.connection,
  };
}

/** IBM Cloud region names look like `us-south`, `eu-de`, `jp-tok`. */
const REGION = /^[a-z]{2}-[a-z]+$/;
/** Provider aliases are Terraform identifiers. */
const ALIAS = /^[a-zA-Z_][a-zA-Z0-9_-]*$/;

/** Configuration of the `ibm` provider block. */
export interface IbmProviderProps {
  /**
   * IBM Cloud region the VPC resources live in, e.g. `eu-de`. VPC endpoints are regional, so the region is
   * required rather than left to the provider's default (`us-south`).
   */
  readonly region: string;
  /**
   * Resource group ID used by default for new resources.
   * @default - the provider's default (the account's default resource group, or `IC_RESOURCE_GROUP`)
   */
  readonly resourceGroup?: string;
  /**
   * Alias, for a second provider block (for example a second region).
   * @default - no alias (the default `ibm` provider)
   */
  readonly alias?: string;
}

/**
 * The `ibm` provider block, with `required_providers.ibm = { source: "IBM-Cloud/ibm", version: ">= 1.87.2, < 3.0.0" }`
 * (`IBM_PROVIDER_VERSION_CONSTRAINT`, which says why).
 * Credentials are deliberately not a prop: the provider reads `IC_API_KEY` from the environment, which keeps
 * the API key out of the synthesized JSON.
 */
export class IbmProvider extends TerraformProvider {
  /** The provider name, as generated bindings expose it (the cdktf jest matchers read it). */
  public static readonly tfResourceType = IBM_PROVIDER_NAME;

  /** The region, as given. */
  public readonly region: string;
  /** The default resource group, if given. */
  public readonly resourceGroup?: string;
  private providerAlias?: string;

  constructor(scope: Construct, id: string, props: IbmProviderProps) {
    const origin = `ibm provider ${id}`;
    const check = new InputCheck(origin);
    const p = check.props(props, ['region', 'resourceGroup', 'alias']);
    const region = check.string('region', p.region, { allowReference: false, hint: 'Use a region name such as us-south, eu-de or jp-tok.' });
    if (!REGION.test(region)) {
      throw invalidValue('IBM Cloud region', region, origin, 'Use a region name such as us-south, eu-de or jp-tok.');
    }
    const resourceGroup = check.optionalString('resourceGroup', p.resourceGroup, { hint: 'Give the resource group ID (letters, digits, hyphens), not its display name.' });
    if (resourceGroup !== undefined && !isTerraformReference(resourceGroup) && !/^[A-Za-z0-9_-]+$/.test(resourceGroup)) {
      throw invalidValue('resource group ID', resourceGroup, origin, 'Give the resource group ID (letters, digits, hyphens), not its display name.');
    }
    const alias = check.optionalString('alias', p.alias, { allowReference: false });
    if (alias !== undefined && !ALIAS.test(alias)) {
      throw invalidValue('provider alias', alias, origin, 'An alias starts with a letter or underscore and contains letters, digits, underscores or hyphens.');
    }
    super(scope, id, {
      terraformResourceType: IBM_PROVIDER_NAME,
      terraformGeneratorMetadata: {
        providerName: IBM_PROVIDER_NAME,
        providerVersionConstraint: IBM_PROVIDER_VERSION_CONSTRAINT,
      },
      terraformProviderSource: IBM_PROVIDER_SOURCE,
    });
    this.region = region;
    this.resourceGroup = resourceGroup;
    this.providerAlias = alias;
  }

  public get alias(): string | undefined {
    return this.providerAlias;
  }

  public set alias(value: string | undefined) {
    this.providerAlias = value;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    // `alias` is added by the base class (metaAttributes).
    return {
      region: this.region,
      resource_group: this.resourceGroup,
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return hclAttributes({
      region: [this.region, 'string'],
      resource_group: [this.resourceGroup, 'string'],
    });
  }
}
