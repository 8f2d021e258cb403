import { Cidr, IpVersion } from '../../../model/cidr';
import { invalidValue, unsupportedPeer } from '../../../model/errors';
import { isTerraformReference } from '../../../model/input';

/**
 * IBM VPC resource names: 1-63 characters, lower-case letters, digits and hyphens, starting with a letter and
 * not ending with a hyphen (the VPC API's name pattern `^([a-z]|[a-z][-a-z0-9]*[a-z0-9])$`).
 */
export const IBM_NAME_PATTERN = /^([a-z]|[a-z][-a-z0-9]*[a-z0-9])$/;

/** Longest IBM VPC resource name. */
export const IBM_NAME_MAX_LENGTH = 63;

/** Throws unless `name` is a valid IBM VPC resource name (Terraform references pass: Terraform resolves them). No cdktf here: planning and the exporter use it. */
export function validateIbmName(name: string, what: string, origin: string): void {
  if (isTerraformReference(name)) return;
  const text = String(name);
  if (text.length === 0 || text.length > IBM_NAME_MAX_LENGTH) {
    throw invalidValue(what, text, origin, `IBM VPC names are 1-${IBM_NAME_MAX_LENGTH} characters long; this one has ${text.length}.`);
  }
  if (!IBM_NAME_PATTERN.test(text)) {
    throw invalidValue(
      what,
      text,
      origin,
      'IBM VPC names use lower-case letters, digits and hyphens, start with a letter and do not end with a hyphen, e.g. "k8s-node-ports".',
    );
  }
}

/**
 * Throws unless `value` is an IPv4 address or CIDR (IBM security group rules take `ip_version = "ipv4"` only).
 * A domain name gets an error that says where domain names go instead.
 */
export function validateIpv4Address(value: string, what: string, origin: string): void {
  if (isTerraformReference(value)) return;
  const text = String(value).trim();
  if (looksLikeDomain(text)) {
    throw unsupportedPeer(
      'An IBM VPC security group rule',
      text,
      origin,
      'security groups match IP addresses, not domain names',
      'Allow domain names on an egress proxy or firewall; IbmSecurityGroupRules lists them in fqdnRequirements and a Terraform output.',
    );
  }
  const cidr = Cidr.parse(text, origin ? `${origin} ${what}` : what);
  if (cidr.version !== IpVersion.IPV4) {
    throw unsupportedPeer(
      'An IBM VPC security group rule',
      text,
      origin,
      'IBM VPC security group rules support ip_version "ipv4" only',
      'Give an IPv4 address or CIDR; allow IPv6 flows on another firewall.',
    );
  }
}

/** Whether `text` is a security group ID rather than an address: letters/digits/hyphens, no dots or colons. */
export function looksLikeSecurityGroupId(text: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(text) && !/^[\d.]+$/.test(text);
}

function looksLikeDomain(text: string): boolean {
  return /[a-z*]/i.test(text) && text.includes('.') && !text.includes(':') && !text.includes('/');
}
