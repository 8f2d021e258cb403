import { Cidr, IpVersion } from './cidr';
import { invalidValue } from './errors';

// "Any address" is judged by coverage, not by spelling: 0.0.0.0/1 + 128.0.0.0/1, 256 /8s, or
// ::ffff:0:0/96 cover every IPv4 address just as 0.0.0.0/0 does. Every target that turns CIDRs into a rule, a
// source, an authorized range or a peer asks the functions here, so no spelling can widen a rule unnoticed.

/** The IP versions of which `cidrs` together cover every address (IPv4 first). */
export function fullyCoveredVersions(cidrs: readonly Cidr[]): IpVersion[] {
  return Cidr.aggregate(cidrs)
    .filter((c) => c.prefix === 0)
    .map((c) => c.version);
}

/** Whether `cidrs` together cover every IPv4 or every IPv6 address. */
export function coversAnyAddress(cidrs: readonly Cidr[]): boolean {
  return fullyCoveredVersions(cidrs).length > 0;
}

/** One CIDR of a list, with where it came from. */
export interface CidrEntry {
  readonly cidr: Cidr;
  /** e.g. `FirewallRuleSources.addresses[2]` or `aks/custom-dns: DNS`. */
  readonly origin: string;
}

/**
 * Refuses a list of CIDRs that together cover every IPv4 or IPv6 address, naming the entries that do.
 * @param what what the list is, e.g. `source` or `authorized IP range`
 * @param owner where the list was given, e.g. `FirewallRuleSources.addresses`
 * @param wayOut how to opt in, or why there is no opt-in, appended to the message
 */
export function assertNotAnyAddressList(entries: readonly CidrEntry[], what: string, owner: string, wayOut: string): void {
  for (const version of fullyCoveredVersions(entries.map((e) => e.cidr))) {
    const all = entries.filter((e) => e.cidr.version === version);
    const whole = all.find((e) => e.cidr.prefix === 0);
    const shown = whole ? [whole] : all;
    const any = version === IpVersion.IPV4 ? '0.0.0.0/0' : '::/0';
    throw invalidValue(
      what,
      whole ? whole.cidr.toString() : `${shown.map((e) => e.cidr.toString()).join(', ')} (together ${any})`,
      whole ? whole.origin : `${owner}: ${shown.map((e) => e.origin).join(', ')}`,
      `${whole ? `${any} allows` : 'These networks together cover'} every ${version === IpVersion.IPV4 ? 'IPv4' : 'IPv6'} address. ${wayOut}`,
      'any-address',
    );
  }
}

