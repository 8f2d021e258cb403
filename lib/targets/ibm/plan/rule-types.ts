import { invalidPort, invalidValue, unknownOption } from '../../../model/errors';
import { isTerraformReference } from '../../../model/input';
import { looksLikeSecurityGroupId, validateIbmName, validateIpv4Address } from './ibm-validation';

// What the IBM provider versions this library admits accept for a security group rule. No cdktf here: the
// planning code and the plain-Terraform exporter use it too.

/** Registry source of the IBM Cloud Terraform provider. */
export const IBM_PROVIDER_SOURCE = 'IBM-Cloud/ibm';

/** Provider name in Terraform (`provider "ibm"`, resource types `ibm_*`). */
export const IBM_PROVIDER_NAME = 'ibm';

/**
 * Version constraint written into `required_providers.ibm` (constructs and exported modules alike).
 *
 * - Lower bound 1.87.2: the top-level `protocol`, `port_min`, `port_max`, `type` and `code` arguments exist from
 *   1.87.0, but `name` is read-only (computed) in 1.87.0 and 1.87.1 and settable only from 1.87.2; the rules are
 *   named (stable, content-derived names).
 * - Upper bound 3.0.0: every release from 1.87.2 through 2.5.0 (the newest) accepts the arguments rendered here; a
 *   future major release may rename or drop them.
 * - Within that range `protocol` accepts `tcp`, `udp`, `icmp` and `icmp_tcp_udp` everywhere; `any` (every IP
 *   protocol) exists only from 2.1.0, so it is never rendered (see `IbmRuleProtocol`).
 */
export const IBM_PROVIDER_VERSION_CONSTRAINT = '>= 1.87.2, < 3.0.0';

/** Terraform type of an IBM VPC security group rule. */
export const IBM_SECURITY_GROUP_RULE_TYPE = 'ibm_is_security_group_rule';

/** Terraform type of an IBM VPC security group. */
export const IBM_SECURITY_GROUP_TYPE = 'ibm_is_security_group';

/** Direction of an IBM security group rule. */
export enum IbmRuleDirection {
  /** Traffic into the group's targets; `remote` is the source. */
  INBOUND = 'inbound',
  /** Traffic out of the group's targets; `remote` is the destination. */
  OUTBOUND = 'outbound',
}

/**
 * Protocol of an IBM security group rule (the `protocol` argument): the values every admitted provider version
 * (`IBM_PROVIDER_VERSION_CONSTRAINT`) accepts. `any` (every IP protocol) is accepted only from provider 2.1.0 and
 * so is not offered; `icmp_tcp_udp` is NOT every protocol (ESP, GRE, SCTP and the other IP protocols stay closed).
 */
export enum IbmRuleProtocol {
  TCP = 'tcp',
  UDP = 'udp',
  ICMP = 'icmp',
  /** ICMP, TCP and UDP together (what the provider uses when `protocol` is omitted); not every IP protocol. */
  ICMP_TCP_UDP = 'icmp_tcp_udp',
}

/** Every protocol value the admitted provider versions accept, as `schemas/ibm.json` lists them. */
export const IBM_RULE_PROTOCOLS: readonly string[] = Object.values(IbmRuleProtocol);

/** IP version of an IBM security group rule; the provider supports only `ipv4`. */
export enum IbmIpVersion {
  IPV4 = 'ipv4',
}

/** The arguments of `ibm_is_security_group_rule` (without Terraform meta-arguments). */
export interface IbmRuleArguments {
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
   * Settable from provider 1.87.2 (the lower bound of the admitted range).
   * @default - a name the provider generates
   */
  readonly name?: string;
  /**
   * Protocol (`protocol`).
   * @default - omitted, which the provider treats as icmp_tcp_udp
   */
  readonly protocol?: IbmRuleProtocol;
  /**
   * Lowest port, 1-65535, for tcp and udp (`port_min`). Required with tcp and udp (give 1 and 65535 for every
   * port): an omitted range would open every port.
   * @default - none (icmp and icmp_tcp_udp take no ports)
   */
  readonly portMin?: number;
  /**
   * Highest port, 1-65535 and not below `portMin`, for tcp and udp (`port_max`). Required with tcp and udp.
   * @default - none (icmp and icmp_tcp_udp take no ports)
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

const WITH_PORTS = new Set<string>([IbmRuleProtocol.TCP, IbmRuleProtocol.UDP]);

/** Checks every argument of a rule; throws the first problem found. */
export function validateRuleConfig(c: IbmRuleArguments, origin: string): void {
  if (typeof c.group !== 'string' || (!isTerraformReference(c.group) && c.group.trim() === '')) {
    throw invalidValue('security group ID', String(c.group), origin, 'Set group to the ID of an ibm_is_security_group, e.g. securityGroup.id.');
  }
  if (!Object.values(IbmRuleDirection).includes(c.direction)) {
    throw unknownOption('rule direction', String(c.direction), origin, Object.values(IbmRuleDirection));
  }
  if (c.protocol !== undefined && !Object.values(IbmRuleProtocol).includes(c.protocol)) {
    const more =
      String(c.protocol) === 'any'
        ? `"any" is accepted only by provider 2.1.0 and later, outside ${IBM_PROVIDER_VERSION_CONSTRAINT}; icmp_tcp_udp covers ICMP, TCP and UDP only.`
        : '';
    throw unknownOption('rule protocol', String(c.protocol), origin, Object.values(IbmRuleProtocol), more);
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

function validatePorts(c: IbmRuleArguments, origin: string): void {
  const protocol = c.protocol ?? 'omitted (icmp_tcp_udp)';
  if (c.portMin === undefined && c.portMax === undefined) {
    if (WITH_PORTS.has(protocol)) {
      throw invalidPort(
        '',
        origin,
        `a ${protocol} rule without port_min and port_max opens every port; give the ports (port_min 1 and port_max 65535 if every port is really meant)`,
      );
    }
    return;
  }
  if (!WITH_PORTS.has(protocol)) {
    throw invalidPort(`${c.portMin ?? ''}-${c.portMax ?? ''}`, origin, `protocol ${protocol} takes no ports; port_min and port_max are for tcp and udp`);
  }
  if (c.portMin === undefined || c.portMax === undefined) {
    throw invalidPort(String(c.portMin ?? c.portMax), origin, 'give both port_min and port_max (equal for a single port)');
  }
  for (const port of [c.portMin, c.portMax]) {
    if (isTerraformReference(port)) continue;
    if (typeof port !== 'number' || !Number.isInteger(port)) throw invalidPort(String(port), origin, 'a port must be a whole number');
    if (port < 1 || port > 65535) throw invalidPort(String(port), origin, `${port} is outside 1-65535`);
  }
  if (!isTerraformReference(c.portMin) && !isTerraformReference(c.portMax) && c.portMin > c.portMax) {
    throw invalidPort(`${c.portMin}-${c.portMax}`, origin, `the range is reversed; write port_min ${c.portMax} and port_max ${c.portMin}`);
  }
}

function validateIcmp(c: IbmRuleArguments, origin: string): void {
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
  if (isTerraformReference(value)) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidValue(what, String(value), origin, `${what} is a whole number from ${min} to ${max}.`);
  }
}
