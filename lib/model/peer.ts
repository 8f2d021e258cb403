import { Cidr, IpVersion } from './cidr';
import { invalidFqdn, invalidValue } from './errors';
import { describeValue } from './value';

/** What kind of thing is on the other end of a flow. */
export enum PeerKind {
  /** A fully qualified domain name, e.g. `mcr.microsoft.com`. */
  FQDN = 'fqdn',
  /** A domain name whose left-most label is `*`, e.g. `*.data.mcr.microsoft.com` (subdomains only, not the apex). */
  WILDCARD_FQDN = 'wildcard-fqdn',
  /** An IPv4 or IPv6 network or single address. */
  CIDR = 'cidr',
  /** A cloud service tag standing for a provider-maintained set of ranges, e.g. `AzureCloud.westeurope`. */
  SERVICE_TAG = 'service-tag',
  /** A firewall FQDN tag standing for a provider-maintained set of FQDNs, e.g. `AzureKubernetesService`. */
  FQDN_TAG = 'fqdn-tag',
  /** A value only the user knows (the API server's public IP, custom DNS servers); a profile resolves it. */
  PLACEHOLDER = 'placeholder',
}

/** `<name>` tokens inside FQDNs and service tags, filled from profile options (e.g. `<location>`). */
const TOKEN = /<([a-z][a-z0-9-]*)>/g;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TAG = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9<>-]+)*$/;

/**
 * The other end of a flow. Build one with the static factories. A peer is a value: it holds its kind and its
 * canonical text; each target's planner (lib/targets/<cloud>/plan) decides how a kind is written there or refuses it.
 *
 * @example Peer.fqdn('mcr.microsoft.com'); Peer.fqdn('*.hcp.<location>.azmk8s.io'); Peer.cidr('35.230.121.20/32')
 */
export class Peer {
  /**
   * A domain name. A left-most `*` label makes it a wildcard (subdomains only). `<token>`s such as `<location>`
   * are allowed and must be resolved before rendering.
   * @param origin where the name came from, named in errors
   */
  public static fqdn(name: string, origin = ''): Peer {
    requireString('domain name', name, origin, 'Give a domain name such as mcr.microsoft.com.');
    const value = name.trim().toLowerCase().replace(/\.$/, '');
    validateFqdn(value, name, origin);
    const kind = value.startsWith('*.') ? PeerKind.WILDCARD_FQDN : PeerKind.FQDN;
    return new Peer(kind, value, undefined, tokensOf(value), '');
  }

  /** An IPv4/IPv6 network or address (a bare address becomes /32 or /128). */
  public static cidr(text: string, origin = ''): Peer {
    requireString('CIDR', text, origin, 'Give an address or network such as 10.0.0.0/16.');
    const cidr = Cidr.parse(text, origin);
    return new Peer(PeerKind.CIDR, cidr.toString(), cidr, [], '');
  }

  /** A cloud service tag such as `AzureCloud.<location>` or `AzureMonitor`. */
  public static serviceTag(tag: string, origin = ''): Peer {
    requireString('service tag', tag, origin, 'A service tag looks like AzureCloud or AzureCloud.westeurope.');
    const value = tag.trim();
    // Angle brackets are only valid as whole `<token>`s; anything else would reach a firewall rule verbatim.
    if (!TAG.test(value) || /[<>]/.test(value.replace(TOKEN, ''))) {
      throw invalidValue('service tag', value, origin, 'A service tag looks like AzureCloud or AzureCloud.westeurope.');
    }
    return new Peer(PeerKind.SERVICE_TAG, value, undefined, tokensOf(value), '');
  }

  /** A firewall FQDN tag such as `AzureKubernetesService`. */
  public static fqdnTag(tag: string, origin = ''): Peer {
    requireString('FQDN tag', tag, origin, 'An FQDN tag is a single word such as AzureKubernetesService.');
    const value = tag.trim();
    if (!/^[A-Za-z][A-Za-z0-9.]*$/.test(value)) {
      throw invalidValue('FQDN tag', value, origin, 'An FQDN tag is a single word such as AzureKubernetesService.');
    }
    return new Peer(PeerKind.FQDN_TAG, value, undefined, [], '');
  }

  /**
   * A value the catalog cannot know, such as `api-server-public-ip`. It resolves to one or more CIDRs.
   * @param name kebab-case name, e.g. `custom-dns-servers`
   * @param howToFill the fix shown when it is left unresolved, e.g. "Set the apiServerPublicIp option."
   */
  public static placeholder(name: string, howToFill: string): Peer {
    requireString('placeholder name', name, 'catalog', 'Placeholder names are kebab-case words.');
    requireString('placeholder howToFill', howToFill, 'catalog', 'Say how the user fills the placeholder.');
    if (!/^[a-z][a-z0-9-]*$/.test(name)) {
      throw invalidValue('placeholder name', name, 'catalog', 'Placeholder names are kebab-case words.');
    }
    return new Peer(PeerKind.PLACEHOLDER, name, undefined, [name], howToFill);
  }

  private constructor(
    /** The kind of peer. */
    public readonly kind: PeerKind,
    /** Canonical value: lower-case FQDN, canonical CIDR, tag, or placeholder name. */
    public readonly value: string,
    private readonly network: Cidr | undefined,
    /** Unresolved `<token>` names (for a placeholder peer, its own name). */
    public readonly placeholders: string[],
    /** For placeholders: how the user fills it. */
    public readonly howToFill: string,
  ) {}

  /** The network, for CIDR peers. */
  public get cidr(): Cidr | undefined {
    return this.network;
  }

  /** The IP version, for CIDR peers. */
  public get ipVersion(): IpVersion | undefined {
    return this.network?.version;
  }

  /** Whether the peer still contains placeholders. */
  public get isResolved(): boolean {
    return this.placeholders.length === 0;
  }

  /** Whether the peer is a domain name (plain or wildcard). */
  public get isDomain(): boolean {
    return this.kind === PeerKind.FQDN || this.kind === PeerKind.WILDCARD_FQDN;
  }

  /**
   * Fills `<token>`s from `values` (single values only); a whole placeholder peer becomes one CIDR peer per value.
   * Tokens without a value stay unresolved.
   */
  public resolve(values: Readonly<Record<string, readonly string[]>>, origin = ''): Peer[] {
    if (this.kind === PeerKind.PLACEHOLDER) {
      const bound = values[this.value];
      if (bound === undefined) return [this];
      return bound.map((v, i) => Peer.cidr(v, `${origin || 'placeholder'} <${this.value}>[${i}]`));
    }
    if (this.placeholders.length === 0) return [this];
    let text = this.value;
    for (const token of this.placeholders) {
      const bound = values[token];
      if (bound === undefined) continue;
      if (bound.length !== 1) {
        throw invalidValue(`value for <${token}>`, bound.join(','), origin, `<${token}> takes exactly one value.`);
      }
      text = text.split(`<${token}>`).join(bound[0]);
    }
    if (text === this.value) return [this];
    const where = `${origin ? origin + ': ' : ''}${this.value}`;
    return [this.kind === PeerKind.SERVICE_TAG ? Peer.serviceTag(text, where) : Peer.fqdn(text, where)];
  }

  /** `kind:value`, unique per peer. */
  public get key(): string {
    return `${this.kind}:${this.value}`;
  }

  public toString(): string {
    return this.kind === PeerKind.PLACEHOLDER ? `<${this.value}>` : this.value;
  }
}

/** The library's error (not a TypeError or a silent `String()` coercion) when a JavaScript caller passes a non-string. */
function requireString(what: string, value: unknown, origin: string, hint: string): void {
  if (typeof value !== 'string') {
    throw invalidValue(`${what} (${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}, expected a string)`, describeValue(value), origin, hint, 'invalid-type');
  }
}

function tokensOf(value: string): string[] {
  return [...new Set([...value.matchAll(TOKEN)].map((m) => m[1]))].sort();
}

function validateFqdn(value: string, original: string, origin: string): void {
  if (value === '') throw invalidFqdn(original, origin, 'it is empty', 'Give a domain name such as mcr.microsoft.com.');
  // An address or network is not a name; a top-level label is never all digits, so `10.0.0.1` is an address too.
  // Cheap tests first: a name whose last label is all digits (10.0.0.1, 10.0.0.0/8) or that holds a colon or brackets
  // (IPv6); Cidr.isValid (which builds an error when it fails) only for the rare text that has a colon.
  if (/(^|\.)\d+$/.test(value.replace(/\/\d+$/, '')) || /^\[.*\]$/.test(value) || (value.includes(':') && Cidr.isValid(value))) {
    throw invalidFqdn(original, origin, 'it is an IP address or network, not a domain name', 'Give addresses and networks with Peer.cidr (in catalogs, a cidrs row), names with Peer.fqdn.');
  }
  if (value.length > 253) throw invalidFqdn(original, origin, 'it is longer than 253 characters');
  if (value.includes('/') || value.includes(':')) {
    throw invalidFqdn(original, origin, 'a domain name has no scheme, port or path', `Give only the host name, e.g. ${hostOf(value)}.`);
  }
  const labels = value.split('.');
  if (labels.length < 2) {
    throw invalidFqdn(original, origin, 'it needs at least two labels', 'Give a fully qualified name such as example.com.');
  }
  labels.forEach((label, index) => {
    if (label.includes('*')) {
      if (label !== '*') {
        throw invalidFqdn(original, origin, `the wildcard in label ${JSON.stringify(label)} must be the whole label`);
      }
      if (index !== 0) {
        throw invalidFqdn(original, origin, 'a wildcard is allowed only in the left-most label');
      }
      if (labels.length < 3) {
        throw invalidFqdn(original, origin, 'a wildcard must be followed by at least two labels', 'Write *.example.com, not *.com.');
      }
      return;
    }
    // Tokens stand for a DNS label (e.g. a region); validate the label with each token replaced by a letter.
    const probe = label.replace(TOKEN, 'x');
    if (!LABEL.test(probe)) {
      throw invalidFqdn(
        original,
        origin,
        label === '' ? 'it has an empty label' : `label ${JSON.stringify(label)} is not a valid DNS label`,
        'Labels are 1-63 letters, digits or hyphens and do not start or end with a hyphen.',
      );
    }
  });
}

function hostOf(value: string): string {
  return value.replace(/^[a-z]+:\/\//, '').split(/[/:]/)[0];
}
