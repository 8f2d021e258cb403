import { TerraformMetaArguments, TerraformResource, Token } from 'cdktf';
import { Construct } from 'constructs';
import { invalidPort, invalidValue, unknownOption } from '../../model/errors';
import { hclAttributes } from './hcl-attributes';
import { ibmResourceConfig } from './ibm-provider';
import { looksLikeSecurityGroupId, validateIbmName, validateIpv4Address } from './ibm-validation';

/** Terraform type of an IBM VPC security group rule. */
export const IBM_SECURITY_GROUP_RULE_TYPE = 'ibm_is_security_group_rule';

/** Direction of an IBM security group rule. */
export enum IbmRuleDirection {
  /** Traffic into the group's targets; `remote` is the source. */
  INBOUND = 'inbound',
  /** Traffic out of the group's targets; `remote` is the destination. */
  OUTBOUND = 'outbound',
}

/** Protocol of an IBM security group rule (the `protocol` argument). */
export enum IbmRuleProtocol {
  TCP = 'tcp',
  UDP = 'udp',
  ICMP = 'icmp',
  /** Every protocol. */
  ANY = 'any',
  /** ICMP, TCP and UDP together (what the provider uses when `protocol` is omitted). */
  ICMP_TCP_UDP = 'icmp_tcp_udp',
}

/** IP version of an IBM security group rule; the provider supports only `ipv4`. */
export enum IbmIpVersion {
  IPV4 = 'ipv4',
}

/** Arguments of `ibm_is_security_group_rule`, validated before anything is emitted. */
export interface IbmIsSecurityGroupRuleConfig extends TerraformMetaArguments {
  /** ID of the security group the rule belongs to (`group`; changing it replaces the rule). */
  readonly group: string;
  /** `inbound` or `outbound` (`direction`). */
  readonly direction: IbmRuleDirection;
  /**
   * The other end: an IPv4 address, an IPv4 CIDR, or a security group ID (`remote`).
   * @default - any address (the provider's default, 0.0.0.0/0)
   */
  readonly remote?: string;
  /**
   * The local IPv4 address or CIDR the rule applies to on the group's targets (`local`).
   * @default - every local address
   */
  readonly local?: string;
  /**
   * IP version (`ip_version`); only `ipv4` exists.
   * @default - the provider's default (ipv4)
   */
  readonly ipVersion?: IbmIpVersion;
  /**
   * Rule name (`name`): 1-63 lower-case letters, digits and hyphens, starting with a letter; unique in the group.
   * @default - a name the provider generates
   */
  readonly name?: string;
  /**
   * Protocol (`protocol`).
   * @default - omitted, which the provider treats as icmp_tcp_udp
   */
  readonly protocol?: IbmRuleProtocol;
  /**
   * Lowest port, 1-65535, for tcp and udp (`port_min`). Give `portMax` with it.
   * @default - every port
   */
  readonly portMin?: number;
  /**
   * Highest port, 1-65535 and not below `portMin`, for tcp and udp (`port_max`).
   * @default - every port
   */
  readonly portMax?: number;
  /**
   * ICMP type, 0-254, for icmp (`type`).
   * @default - every ICMP type
   */
  readonly type?: number;
  /**
   * ICMP code, 0-255, for icmp (`code`); needs `type`.
   * @default - every ICMP code
   */
  readonly code?: number;
}

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

const WITH_PORTS = new Set<string>([IbmRuleProtocol.TCP, IbmRuleProtocol.UDP]);

/** Checks every argument of a rule; throws the first problem found. */
export function validateRuleConfig(c: IbmIsSecurityGroupRuleConfig, origin: string): void {
  if (typeof c.group !== 'string' || (!Token.isUnresolved(c.group) && c.group.trim() === '')) {
    throw invalidValue('security group ID', String(c.group), origin, 'Set group to the ID of an ibm_is_security_group, e.g. securityGroup.id.');
  }
  if (!Object.values(IbmRuleDirection).includes(c.direction)) {
    throw unknownOption('rule direction', String(c.direction), origin, Object.values(IbmRuleDirection));
  }
  if (c.protocol !== undefined && !Object.values(IbmRuleProtocol).includes(c.protocol)) {
    throw unknownOption('rule protocol', String(c.protocol), origin, Object.values(IbmRuleProtocol));
  }
  if (c.ipVersion !== undefined && !Object.values(IbmIpVersion).includes(c.ipVersion)) {
    throw unknownOption('IP version', String(c.ipVersion), `${origin} ip_version`, Object.values(IbmIpVersion));
  }
  if (c.remote !== undefined && !(typeof c.remote === 'string' && looksLikeSecurityGroupId(c.remote))) {
    validateIpv4Address(c.remote, 'remote', origin);
  }
  if (c.local !== undefined) {
    validateIpv4Address(c.local, 'local', origin);
  }
  if (c.name !== undefined) {
    validateIbmName(c.name, 'security group rule name', origin);
  }
  validatePorts(c, origin);
  validateIcmp(c, origin);
}

function validatePorts(c: IbmIsSecurityGroupRuleConfig, origin: string): void {
  if (c.portMin === undefined && c.portMax === undefined) return;
  const protocol = c.protocol ?? 'omitted (icmp_tcp_udp)';
  if (!WITH_PORTS.has(protocol)) {
    throw invalidPort(`${c.portMin ?? ''}-${c.portMax ?? ''}`, origin, `protocol ${protocol} takes no ports; port_min and port_max are for tcp and udp`);
  }
  if (c.portMin === undefined || c.portMax === undefined) {
    throw invalidPort(String(c.portMin ?? c.portMax), origin, 'give both port_min and port_max (equal for a single port)');
  }
  for (const port of [c.portMin, c.portMax]) {
    if (Token.isUnresolved(port)) continue;
    if (!Number.isInteger(port)) throw invalidPort(String(port), origin, 'a port must be a whole number');
    if (port < 1 || port > 65535) throw invalidPort(String(port), origin, `${port} is outside 1-65535`);
  }
  if (!Token.isUnresolved(c.portMin) && !Token.isUnresolved(c.portMax) && c.portMin > c.portMax) {
    throw invalidPort(`${c.portMin}-${c.portMax}`, origin, `the range is reversed; write port_min ${c.portMax} and port_max ${c.portMin}`);
  }
}

function validateIcmp(c: IbmIsSecurityGroupRuleConfig, origin: string): void {
  if (c.type === undefined && c.code === undefined) return;
  if (c.protocol !== IbmRuleProtocol.ICMP) {
    throw invalidValue(
      'ICMP type/code',
      `${c.type ?? ''}/${c.code ?? ''}`,
      origin,
      `type and code apply to protocol icmp only, not ${c.protocol ?? 'an omitted protocol'}.`,
    );
  }
  if (c.type !== undefined) checkRange(c.type, 0, 254, 'ICMP type', origin);
  if (c.code !== undefined) {
    if (c.type === undefined) {
      throw invalidValue('ICMP code', String(c.code), origin, 'An ICMP code is meaningful only within a type: set type as well.');
    }
    checkRange(c.code, 0, 255, 'ICMP code', origin);
  }
}

function checkRange(value: number, min: number, max: number, what: string, origin: string): void {
  if (Token.isUnresolved(value)) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidValue(what, String(value), origin, `${what} is a whole number from ${min} to ${max}.`);
  }
}
