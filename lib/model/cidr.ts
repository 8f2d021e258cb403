import * as ipaddr from 'ipaddr.js';
import { invalidCidr, invalidValue } from './errors';

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
    if (typeof text !== 'string') {
      throw invalidCidr(text === undefined ? 'undefined' : JSON.stringify(text) ?? String(text), origin, `it is ${text === null ? 'null' : Array.isArray(text) ? 'an array' : typeof text}, not text`);
    }
    const trimmed = text.trim();
    if (trimmed === '') {
      throw invalidCidr(String(text), origin, 'it is empty');
    }
    const slash = trimmed.indexOf('/');
    const addressText = slash === -1 ? trimmed : trimmed.slice(0, slash);
    const prefixText = slash === -1 ? undefined : trimmed.slice(slash + 1);
    let address = parseAddress(addressText, trimmed, origin);
    let version = address.kind() === 'ipv4' ? IpVersion.IPV4 : IpVersion.IPV6;
    let bits = BITS[version];
    let prefix = bits;
    if (prefixText !== undefined) {
      if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) {
        throw invalidCidr(trimmed, origin, `the prefix length must be a whole number from 0 to ${bits}`);
      }
      prefix = Number(prefixText);
    }
    if (version === IpVersion.IPV6) {
      // An IPv4 address written as IPv6 is the IPv4 address: normalized, never re-spelt as another IPv6 address.
      const embedded = embeddedIpv4(address as ipaddr.IPv6, prefix, trimmed, origin);
      if (embedded) {
        address = embedded.address;
        prefix = embedded.prefix;
        version = IpVersion.IPV4;
        bits = BITS[version];
      }
    }
    const value = toBigInt(address);
    const network = value & NETWORK_MASKS[version][prefix];
    if (network !== value) {
      const meant = Cidr.fromBigInt(network, prefix, version);
      throw invalidCidr(trimmed, origin, 'host bits are set after the prefix', meant.toString());
    }
    return new Cidr(version, network, prefix);
  }

  /**
   * Parses the address of one machine (a DNS server, an API server, a firewall): a single usable unicast address,
   * written bare or as /32 (/128). Networks, the unspecified address (`0.0.0.0`, `::`), the broadcast address,
   * multicast and loopback addresses are refused: a rule to them allows nothing useful, or far more than one host.
   * @param what what the address is, named in errors, e.g. `custom DNS server`
   */
  public static parseHost(text: string, origin = '', what = 'host address'): Cidr {
    const shown = String(text).trim();
    let cidr: Cidr;
    try {
      cidr = Cidr.parse(text, origin);
    } catch (e) {
      // `10.42.2.4/24` (an address with its subnet's prefix) names the machine 10.42.2.4: suggest that, not the network.
      const address = typeof text === 'string' && text.includes('/') ? text.trim().split('/')[0] : undefined;
      if (address !== undefined && Cidr.isValid(address) && Cidr.parse(address).isSingleAddress) {
        throw invalidValue(what, shown, origin, `It must be one machine's address, not a network: give the address without the prefix, ${Cidr.parse(address).address}.`, 'invalid-host');
      }
      throw e;
    }
    if (!cidr.isSingleAddress) {
      // A network: suggest a host in it (the first after the network address), never the network address itself.
      const host = Cidr.fromRange(cidr.first + 1n, cidr.first + 1n, cidr.version)[0].address;
      throw invalidValue(what, shown, origin, `It must be one machine's address, not a network: give the address of the machine itself, e.g. ${host}.`, 'invalid-host');
    }
    const reserved = NOT_A_HOST.find((r) => r.cidr.contains(cidr));
    if (reserved) {
      throw invalidValue(what, shown, origin, `${cidr.address} is ${reserved.name}, not the address of a machine: give the ${what}'s own unicast address.`, 'invalid-host');
    }
    return cidr;
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
      const sorted = cidrs.filter((c) => c.version === version).sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
      let run: { start: bigint; end: bigint; exact?: Cidr } | undefined;
      for (const c of sorted) {
        if (run && c.first <= run.end + 1n) {
          if (c.last > run.end) {
            run.end = c.last;
            // `exact` is the one input network spanning the whole run, if any: it is emitted as it is.
            run.exact = c.first === run.start ? c : undefined;
          }
        } else {
          if (run) Cidr.emitRange(out, run.start, run.end, version, run.exact);
          run = { start: c.first, end: c.last, exact: c };
        }
      }
      if (run) Cidr.emitRange(out, run.start, run.end, version, run.exact);
    }
    return out;
  }

  /** Sorts IPv4 before IPv6, then by address, then by prefix length. */
  public static compare(a: Cidr, b: Cidr): number {
    if (a.version !== b.version) return a.version === IpVersion.IPV4 ? -1 : 1;
    if (a.first !== b.first) return a.first < b.first ? -1 : 1;
    return a.prefix - b.prefix;
  }

  private static emitRange(out: Cidr[], start: bigint, end: bigint, version: IpVersion, exact: Cidr | undefined): void {
    if (exact !== undefined) out.push(exact);
    else out.push(...Cidr.fromRange(start, end, version));
  }

  /** The fewest CIDRs covering exactly the addresses from `start` to `end` inclusive. */
  private static fromRange(start: bigint, end: bigint, version: IpVersion): Cidr[] {
    const bits = BITS[version];
    const out: Cidr[] = [];
    let cursor = start;
    while (cursor <= end) {
      // The largest block aligned at `cursor` that does not run past `end`: limited by the trailing zero bits
      // of `cursor` (alignment) and by the bit length of the remaining count.
      const aligned = cursor === 0n ? bits : bitLength(cursor & -cursor) - 1;
      const fits = bitLength(end - cursor + 1n) - 1;
      const hostBits = Math.min(aligned, fits);
      out.push(new Cidr(version, cursor, bits - hostBits));
      cursor = cursor + (1n << BigInt(hostBits));
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
    this.first = network;
    this.last = network | HOST_MASKS[version][prefix];
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

// ipaddr.js's isValid* functions parse the text and then parse it again; one parse in a try gives the same
// verdict (they are defined as "parse does not throw") at half the cost.
function parseAddress(text: string, whole: string, origin: string): ipaddr.IPv4 | ipaddr.IPv6 {
  if (text.includes(':')) {
    if (!text.includes('%')) {
      try {
        // ipaddr.js reads a trailing dotted quad as IPv4-mapped whatever precedes it (`::10.0.0.1` becomes
        // `::ffff:a00:1`); the quad is rewritten as two hex groups first, so the text means what it says.
        return ipaddr.IPv6.parse(dottedToHex(text));
      } catch {
        // reported below
      }
    }
    throw invalidCidr(whole, origin, `${JSON.stringify(text)} is not an IPv6 address`);
  }
  // Accepts what ipaddr.IPv4.isValidFourPartDecimal accepts: four decimal parts without leading zeros (the
  // same pattern), each an octet (checked by the ipaddr.IPv4 constructor). Parsing the four decimals here
  // skips ipaddr's octal/hex/long-value attempts, which this pattern excludes anyway.
  const parts = FOUR_PART_DECIMAL.exec(text);
  if (parts) {
    try {
      return new ipaddr.IPv4([Number(parts[1]), Number(parts[2]), Number(parts[3]), Number(parts[4])]);
    } catch {
      // reported below
    }
  }
  throw invalidCidr(whole, origin, `${JSON.stringify(text)} is not a dotted-decimal IPv4 address`);
}

/**
 * The IPv4 address (and prefix) an IPv6 text stands for, if any: IPv4-mapped addresses (`::ffff:10.0.0.1`,
 * `::ffff:a00:1`, prefix 96 or longer) normalize to IPv4. IPv4-compatible addresses (`::10.0.0.1`, deprecated by
 * RFC 4291) and other dotted forms under ::/80 (and mapped networks shorter than /96) are refused: they are not what the user meant. A dotted quad after
 * another prefix (NAT64 `64:ff9b::192.0.2.1`) is an IPv6 address like any other.
 */
function embeddedIpv4(address: ipaddr.IPv6, prefix: number, whole: string, origin: string): { address: ipaddr.IPv4; prefix: number } | undefined {
  const p = address.parts;
  const upperZero = p[0] === 0 && p[1] === 0 && p[2] === 0 && p[3] === 0 && p[4] === 0;
  const mapped = upperZero && p[5] === 0xffff;
  const dotted = whole.split('/')[0].includes('.');
  if (mapped && prefix >= 96) {
    return { address: new ipaddr.IPv4([p[6] >> 8, p[6] & 0xff, p[7] >> 8, p[7] & 0xff]), prefix: prefix - 96 };
  }
  if (mapped || (dotted && upperZero)) {
    const v4 = `${p[6] >> 8}.${p[6] & 0xff}.${p[7] >> 8}.${p[7] & 0xff}`;
    throw invalidCidr(whole, origin, 'an IPv4 address written as IPv6 is ambiguous here (IPv4-compatible addresses are deprecated, and a mapped network needs a prefix of 96 or more)', prefix >= 96 ? `${v4}/${prefix - 96}` : undefined);
  }
  return undefined;
}

/** Addresses that are not one machine's unicast address (see `Cidr.parseHost`). */
const NOT_A_HOST: ReadonlyArray<{ readonly cidr: Cidr; readonly name: string }> = [];

const FOUR_PART_DECIMAL = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** `x::1.2.3.4` as `x::102:304`; text without a valid trailing dotted quad is returned as it is. */
function dottedToHex(text: string): string {
  const colon = text.lastIndexOf(':');
  const quad = FOUR_PART_DECIMAL.exec(text.slice(colon + 1));
  if (!quad) return text;
  const o = quad.slice(1, 5).map(Number);
  if (o.some((x) => x > 255)) return text;
  return `${text.slice(0, colon + 1)}${((o[0] << 8) | o[1]).toString(16)}:${((o[2] << 8) | o[3]).toString(16)}`;
}

function toBigInt(address: ipaddr.IPv4 | ipaddr.IPv6): bigint {
  if (address.kind() === 'ipv4') {
    const [a, b, c, d] = (address as ipaddr.IPv4).octets;
    return BigInt(a * 0x1000000 + b * 0x10000 + c * 0x100 + d);
  }
  // Eight 16-bit parts, joined into four 32-bit numbers before going to BigInt.
  const p = (address as ipaddr.IPv6).parts;
  return (
    (BigInt(p[0] * 0x10000 + p[1]) << 96n) |
    (BigInt(p[2] * 0x10000 + p[3]) << 64n) |
    (BigInt(p[4] * 0x10000 + p[5]) << 32n) |
    BigInt(p[6] * 0x10000 + p[7])
  );
}

function fromBigInt(value: bigint, version: IpVersion): ipaddr.IPv4 | ipaddr.IPv6 {
  if (version === IpVersion.IPV4) {
    const n = Number(value);
    return new ipaddr.IPv4([Math.floor(n / 0x1000000), Math.floor(n / 0x10000) % 256, Math.floor(n / 0x100) % 256, n % 256]);
  }
  const parts: number[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) parts.push(Number((value >> shift) & 0xffffn));
  return new ipaddr.IPv6(parts);
}

function mask(bits: number, prefix: number): bigint {
  const all = (1n << BigInt(bits)) - 1n;
  return prefix === 0 ? 0n : (all >> BigInt(bits - prefix)) << BigInt(bits - prefix);
}

function maskTable(version: IpVersion, host: boolean): bigint[] {
  const bits = BITS[version];
  const all = (1n << BigInt(bits)) - 1n;
  return Array.from({ length: bits + 1 }, (_, prefix) => (host ? ~mask(bits, prefix) & all : mask(bits, prefix)));
}

/** Network masks by version and prefix length. */
const NETWORK_MASKS: Record<IpVersion, readonly bigint[]> = {
  [IpVersion.IPV4]: maskTable(IpVersion.IPV4, false),
  [IpVersion.IPV6]: maskTable(IpVersion.IPV6, false),
};

/** Host masks (the complement of the network mask within the address width) by version and prefix length. */
const HOST_MASKS: Record<IpVersion, readonly bigint[]> = {
  [IpVersion.IPV4]: maskTable(IpVersion.IPV4, true),
  [IpVersion.IPV6]: maskTable(IpVersion.IPV6, true),
};

/** Number of significant bits of a positive BigInt. */
function bitLength(value: bigint): number {
  return value.toString(2).length;
}

// Filled after the class is defined (Cidr.parse is needed to build it).
(NOT_A_HOST as Array<{ cidr: Cidr; name: string }>).push(
  ...(
    [
      ['0.0.0.0/8', 'in "this network" (0.0.0.0/8, RFC 1122)'],
      ['127.0.0.0/8', 'a loopback address (RFC 1122)'],
      ['224.0.0.0/4', 'a multicast address (RFC 5771)'],
      ['255.255.255.255/32', 'the broadcast address'],
      ['::/128', 'the unspecified address'],
      ['::1/128', 'the loopback address'],
      ['ff00::/8', 'a multicast address (RFC 4291)'],
    ] as const
  ).map(([cidr, name]) => ({ cidr: Cidr.parse(cidr), name })),
);
