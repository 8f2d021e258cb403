import * as ipaddr from 'ipaddr.js';
import { invalidCidr } from './errors';

/** The IP version of a CIDR. */
export enum IpVersion {
  IPV4 = 'ipv4',
  IPV6 = 'ipv6',
}

const BITS: Record<IpVersion, number> = { [IpVersion.IPV4]: 32, [IpVersion.IPV6]: 128 };

/**
 * An IPv4 or IPv6 network in canonical form (network address, no host bits, compressed IPv6).
 *
 * Parsing, validation and formatting go through `ipaddr.js` (the parser behind Express's proxy-addr, no
 * dependencies, strict four-part IPv4 available). Set arithmetic works on the address as a BigInt range.
 */
export class Cidr {
  /**
   * Parses an address (`10.0.0.1`, `2001:db8::1`) or a network (`10.0.0.0/16`).
   * A bare address becomes a /32 or /128. Host bits set are rejected with the network that was probably meant.
   * @param origin where the text came from, named in errors
   */
  public static parse(text: string, origin = ''): Cidr {
    const trimmed = String(text).trim();
    if (trimmed === '') {
      throw invalidCidr(String(text), origin, 'it is empty');
    }
    const slash = trimmed.indexOf('/');
    const addressText = slash === -1 ? trimmed : trimmed.slice(0, slash);
    const prefixText = slash === -1 ? undefined : trimmed.slice(slash + 1);
    const address = parseAddress(addressText, trimmed, origin);
    const version = address.kind() === 'ipv4' ? IpVersion.IPV4 : IpVersion.IPV6;
    const bits = BITS[version];
    let prefix = bits;
    if (prefixText !== undefined) {
      if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) {
        throw invalidCidr(trimmed, origin, `the prefix length must be a whole number from 0 to ${bits}`);
      }
      prefix = Number(prefixText);
    }
    const value = toBigInt(address);
    const network = value & mask(bits, prefix);
    if (network !== value) {
      const meant = Cidr.fromBigInt(network, prefix, version);
      throw invalidCidr(trimmed, origin, 'host bits are set after the prefix', meant.toString());
    }
    return new Cidr(version, network, prefix);
  }

  /** Whether `text` parses as an address or CIDR (without host bits). */
  public static isValid(text: string): boolean {
    try {
      Cidr.parse(text);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The minimal list of CIDRs that covers exactly the addresses of the input: overlapping and adjacent
   * networks merge, nothing is widened. Output is sorted, IPv4 first.
   */
  public static aggregate(cidrs: readonly Cidr[]): Cidr[] {
    const out: Cidr[] = [];
    for (const version of [IpVersion.IPV4, IpVersion.IPV6]) {
      const ranges = cidrs
        .filter((c) => c.version === version)
        .map((c) => [c.first, c.last] as [bigint, bigint])
        .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      const merged: Array<[bigint, bigint]> = [];
      for (const [start, end] of ranges) {
        const last = merged[merged.length - 1];
        if (last && start <= last[1] + 1n) {
          if (end > last[1]) last[1] = end;
        } else {
          merged.push([start, end]);
        }
      }
      for (const [start, end] of merged) {
        out.push(...Cidr.fromRange(start, end, version));
      }
    }
    return out;
  }

  /** Sorts IPv4 before IPv6, then by address, then by prefix length. */
  public static compare(a: Cidr, b: Cidr): number {
    if (a.version !== b.version) return a.version === IpVersion.IPV4 ? -1 : 1;
    if (a.first !== b.first) return a.first < b.first ? -1 : 1;
    return a.prefix - b.prefix;
  }

  /** The fewest CIDRs covering exactly the addresses from `start` to `end` inclusive. */
  private static fromRange(start: bigint, end: bigint, version: IpVersion): Cidr[] {
    const bits = BITS[version];
    const out: Cidr[] = [];
    let cursor = start;
    while (cursor <= end) {
      // The largest block aligned at `cursor` that does not run past `end`.
      let size = bits;
      while (size > 0) {
        const candidate = size - 1;
        const blockMask = mask(bits, candidate);
        const blockEnd = cursor | (~blockMask & ((1n << BigInt(bits)) - 1n));
        if ((cursor & blockMask) !== cursor || blockEnd > end) break;
        size = candidate;
      }
      out.push(new Cidr(version, cursor, size));
      cursor = cursor + (1n << BigInt(bits - size));
    }
    return out;
  }

  private static fromBigInt(value: bigint, prefix: number, version: IpVersion): Cidr {
    return new Cidr(version, value, prefix);
  }

  /** The first address of the network, as a number. */
  public readonly first: bigint;
  /** The last address of the network, as a number. */
  public readonly last: bigint;

  private constructor(
    /** IPv4 or IPv6. */
    public readonly version: IpVersion,
    network: bigint,
    /** The prefix length. */
    public readonly prefix: number,
  ) {
    const bits = BITS[version];
    this.first = network;
    this.last = network | (~mask(bits, prefix) & ((1n << BigInt(bits)) - 1n));
  }

  /** The network address, formatted by ipaddr.js (compressed for IPv6). */
  public get address(): string {
    return fromBigInt(this.first, this.version).toString();
  }

  /** Whether the network is a single address (/32 or /128). */
  public get isSingleAddress(): boolean {
    return this.prefix === BITS[this.version];
  }

  /** Whether every address of `other` is in this network. */
  public contains(other: Cidr): boolean {
    return other.version === this.version && other.first >= this.first && other.last <= this.last;
  }

  /** Number of addresses in the network. */
  public get size(): bigint {
    return this.last - this.first + 1n;
  }

  /** Canonical `address/prefix`. */
  public toString(): string {
    return `${this.address}/${this.prefix}`;
  }
}

function parseAddress(text: string, whole: string, origin: string): ipaddr.IPv4 | ipaddr.IPv6 {
  if (text.includes(':')) {
    if (text.includes('%') || !ipaddr.IPv6.isValid(text)) {
      throw invalidCidr(whole, origin, `${JSON.stringify(text)} is not an IPv6 address`);
    }
    const v6 = ipaddr.IPv6.parse(text);
    return v6;
  }
  if (!ipaddr.IPv4.isValidFourPartDecimal(text)) {
    throw invalidCidr(whole, origin, `${JSON.stringify(text)} is not a dotted-decimal IPv4 address`);
  }
  return ipaddr.IPv4.parse(text);
}

function toBigInt(address: ipaddr.IPv4 | ipaddr.IPv6): bigint {
  let value = 0n;
  for (const byte of address.toByteArray()) {
    value = (value << 8n) | BigInt(byte);
  }
  return value;
}

function fromBigInt(value: bigint, version: IpVersion): ipaddr.IPv4 | ipaddr.IPv6 {
  const bytes: number[] = [];
  let rest = value;
  for (let i = 0; i < BITS[version] / 8; i++) {
    bytes.unshift(Number(rest & 0xffn));
    rest >>= 8n;
  }
  return ipaddr.fromByteArray(bytes);
}

function mask(bits: number, prefix: number): bigint {
  const all = (1n << BigInt(bits)) - 1n;
  return prefix === 0 ? 0n : (all >> BigInt(bits - prefix)) << BigInt(bits - prefix);
}
