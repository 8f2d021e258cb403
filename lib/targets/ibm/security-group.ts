import { TerraformMetaArguments, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { invalidValue } from '../../model/errors';
import { hclAttributes } from './hcl-attributes';
import { ibmResourceConfig } from './ibm-provider';
import { validateIbmName } from './plan/ibm-validation';
import { IBM_SECURITY_GROUP_TYPE } from './plan/rule-types';
import { isTerraformReference } from '../../model/input';


/** Arguments of `ibm_is_security_group`. */
export interface IbmIsSecurityGroupConfig extends TerraformMetaArguments {
  /** ID of the VPC the group belongs to (`vpc`; changing it replaces the group). */
  readonly vpc: string;
  /**
   * Group name (`name`): 1-63 lower-case letters, digits and hyphens, starting with a letter.
   * @default - a name the provider generates
   */
  readonly name?: string;
  /**
   * Resource group ID (`resource_group`).
   * @default - the provider's resource group
   */
  readonly resourceGroup?: string;
  /**
   * Tags (`tags`).
   * @default - no tags
   */
  readonly tags?: string[];
}

/** An IBM Cloud VPC security group (`ibm_is_security_group`), a hand-written binding like the rule. */
export class IbmIsSecurityGroup extends TerraformResource {
  /** The Terraform type, as generated bindings expose it (the cdktf jest matchers read it). */
  public static readonly tfResourceType = IBM_SECURITY_GROUP_TYPE;

  /** The validated arguments. */
  public readonly config: IbmIsSecurityGroupConfig;

  constructor(scope: Construct, id: string, config: IbmIsSecurityGroupConfig) {
    const origin = `${IBM_SECURITY_GROUP_TYPE} ${id}`;
    if (typeof config.vpc !== 'string' || (!isTerraformReference(config.vpc) && config.vpc.trim() === '')) {
      throw invalidValue('VPC ID', String(config.vpc), origin, 'Set vpc to the ID of the cluster VPC, e.g. a variable or ibm_is_vpc.id.');
    }
    if (config.name !== undefined) validateIbmName(config.name, 'security group name', origin);
    if (config.resourceGroup !== undefined && !isTerraformReference(config.resourceGroup) && !/^[A-Za-z0-9_-]+$/.test(config.resourceGroup)) {
      throw invalidValue('resource group ID', config.resourceGroup, origin, 'Give the resource group ID (letters, digits, hyphens), not its display name.');
    }
    for (const tag of config.tags ?? []) {
      if (!isTerraformReference(tag) && tag.trim() === '') {
        throw invalidValue('tag', tag, origin, 'Remove the empty tag.');
      }
    }
    super(scope, id, ibmResourceConfig(IBM_SECURITY_GROUP_TYPE, config));
    this.config = config;
  }

  /** The security group ID. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The security group CRN. */
  public get crn(): string {
    return this.getStringAttribute('crn');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      vpc: c.vpc,
      name: c.name,
      resource_group: c.resourceGroup,
      tags: c.tags === undefined ? undefined : [...c.tags],
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this.config;
    return hclAttributes({
      vpc: [c.vpc, 'string'],
      name: [c.name, 'string'],
      resource_group: [c.resourceGroup, 'string'],
      tags: [c.tags === undefined ? undefined : [...c.tags], 'stringList'],
    });
  }
}
