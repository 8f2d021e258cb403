import { TerraformMetaArguments, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { hclAttributes } from './hcl-attributes';
import { ibmResourceConfig } from './ibm-provider';
import { IBM_SECURITY_GROUP_RULE_TYPE, IbmRuleArguments, validateRuleConfig } from './plan/rule-types';


/** Arguments of `ibm_is_security_group_rule`, validated before anything is emitted. */
export interface IbmIsSecurityGroupRuleConfig extends IbmRuleArguments, TerraformMetaArguments {}

/**
 * One IBM Cloud VPC security group rule (`ibm_is_security_group_rule`), written by hand because no prebuilt
 * cdktf binding exists for the IBM provider. Renders the top-level `protocol`/`port_min`/`port_max`/`type`/`code`
 * arguments, never the deprecated nested `tcp`/`udp`/`icmp` blocks.
 */
export class IbmIsSecurityGroupRule extends TerraformResource {
  /** The Terraform type, as generated bindings expose it (the cdktf jest matchers read it). */
  public static readonly tfResourceType = IBM_SECURITY_GROUP_RULE_TYPE;

  /** The validated arguments. */
  public readonly config: IbmIsSecurityGroupRuleConfig;

  constructor(scope: Construct, id: string, config: IbmIsSecurityGroupRuleConfig) {
    validateRuleConfig(config, `${IBM_SECURITY_GROUP_RULE_TYPE} ${id}`);
    super(scope, id, ibmResourceConfig(IBM_SECURITY_GROUP_RULE_TYPE, config));
    this.config = config;
  }

  /** `<security_group_id>.<security_group_rule_id>`. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The rule's own ID. */
  public get ruleId(): string {
    return this.getStringAttribute('rule_id');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      group: c.group,
      direction: c.direction,
      remote: c.remote,
      local: c.local,
      ip_version: c.ipVersion,
      name: c.name,
      protocol: c.protocol,
      port_min: c.portMin,
      port_max: c.portMax,
      type: c.type,
      code: c.code,
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this.config;
    return hclAttributes({
      group: [c.group, 'string'],
      direction: [c.direction, 'string'],
      remote: [c.remote, 'string'],
      local: [c.local, 'string'],
      ip_version: [c.ipVersion, 'string'],
      name: [c.name, 'string'],
      protocol: [c.protocol, 'string'],
      port_min: [c.portMin, 'number'],
      port_max: [c.portMax, 'number'],
      type: [c.type, 'number'],
      code: [c.code, 'number'],
    });
  }
}
