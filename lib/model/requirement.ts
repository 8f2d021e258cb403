import { createHash } from 'crypto';
import { invalidPort, invalidValue } from './errors';
import { compareText, describeValue } from './value';
import { ValueCheck } from './value-check';
import { Landing, LANDINGS } from './landing';
import { Necessity } from './necessity';
import { Peer, PeerKind } from './peer';
import { PortRange } from './port-range';
import { Direction, hasPorts, isApplicationProtocol, Protocol } from './protocol';
import { Provenance, sourceKey } from './provenance';

/** Properties of one allowed flow. */
export interface RequirementProps {
  /** Egress (the cluster connects out) or ingress (the peer connects in). */
  readonly direction: Direction;
  /** Transport or application protocol. */
  readonly protocol: Protocol;
  /**
   * Ports and port ranges. Must be empty for `icmp` and `any`, non-empty otherwise.
   * @default - none (only valid for icmp and any)
   */
  readonly ports?: PortRange[];
  /** The other end of the flow. */
  readonly peer: Peer;
  /** What the flow is for, in plain words. */
  readonly purpose: string;
  /** Required, recommended, or conditional. */
  readonly necessity: Necessity;
  /** The document row it comes from. */
  readonly source: Provenance;
  /**
   * Where the flow lands (see `Landing`): ingress to the cluster API endpoint is `Landing.CONTROL_PLANE`, which
   * node firewalls never open.
   * @default Landing.NODES
   */
  readonly landing?: Landing;
  /**
   * The vendor's literal spelling of the peer, when `peer` is an interpretation of it: a row whose literal name
   * cannot match the traffic it is meant for in a firewall's matcher (Key Vault's `vault.azure.net`, whose
   * vaults are `<name>.vault.azure.net`). Targets render `peer`; listings show both.
   * @default - none: `peer` is the vendor's own spelling
   */
  readonly interpretation?: Interpretation;
  /**
   * Extra facts about the flow (e.g. a JA3 fingerprint, the namespace of the agent).
   * @default {}
   */
  readonly metadata?: Record<string, string>;
}

/** Why a requirement's peer differs from the vendor's literal row (see `RequirementProps.interpretation`). */
export interface Interpretation {
  /** The peer exactly as the vendor's row writes it. */
  readonly literalPeer: Peer;
  /** Why the literal form is not rendered, and what the rendered peer matches instead. */
  readonly reason: string;
  /** The document that supports the interpretation (e.g. the service's own documentation of its host names). */
  readonly source: Provenance;
}

/**
 * One allowed flow: direction, protocol, ports and peer, with its purpose, necessity and provenance.
 * Its `id` is derived from the flow itself (not its wording), so the same flow from two sources is one
 * requirement and the id is stable across catalog edits that do not change the flow.
 */
export class Requirement {
  /** Validates `props` and builds a requirement. */
  public static create(props: RequirementProps): Requirement {
    checkProps(props);
    const origin = `${sourceKey(props.source)} ${props.peer.toString()}`;
    const ports = PortRange.merge(props.ports ?? []);
    if (hasPorts(props.protocol) && ports.length === 0) {
      throw invalidPort('', origin, `protocol ${props.protocol} needs at least one port`);
    }
    if (!hasPorts(props.protocol) && ports.length > 0) {
      throw invalidPort(ports.join(','), origin, `protocol ${props.protocol} takes no ports`);
    }
    if (props.peer.kind === PeerKind.FQDN_TAG && !isApplicationProtocol(props.protocol)) {
      throw invalidValue('protocol for an FQDN tag', props.protocol, origin, 'FQDN tags are matched by application rules: use http or https.');
    }
    const landing = props.landing ?? Landing.NODES;
    if (!LANDINGS.includes(landing)) {
      throw invalidValue('landing', String(landing), origin, `Use one of ${LANDINGS.join(', ')}.`);
    }
    if (landing !== Landing.NODES && props.direction !== Direction.INGRESS) {
      throw invalidValue('landing', landing, origin, 'Only ingress flows land elsewhere than on the nodes; egress flows start on the nodes.');
    }
    if (!props.purpose.trim()) {
      throw invalidValue('purpose', props.purpose, origin, 'Every requirement says what it is for.');
    }
    return new Requirement(
      props.direction,
      props.protocol,
      ports,
      props.peer,
      [props.purpose.trim()],
      props.necessity,
      [props.source],
      { ...(props.metadata ?? {}) },
      { [sourceKey(props.source)]: [props.purpose.trim()] },
      landing,
      props.interpretation,
    );
  }

  /** Content-derived id: 12 hex digits of SHA-256 over direction, protocol, ports and peer. */
  public readonly id: string;

  private constructor(
    public readonly direction: Direction,
    public readonly protocol: Protocol,
    /** Merged, sorted port ranges (empty for icmp and any). */
    public readonly ports: readonly PortRange[],
    public readonly peer: Peer,
    /** Every purpose stated for this flow, first-seen first. */
    public readonly purposes: readonly string[],
    public readonly necessity: Necessity,
    /** Every source of this flow, sorted by catalog and section. */
    public readonly sources: readonly Provenance[],
    public readonly metadata: Readonly<Record<string, string>>,
    /**
     * What each source says the flow is for: purposes keyed by `sourceKey` (`catalog/section`), first-seen first.
     * Targets that render one rule group per section use it so that a section's rules do not change when
     * another section lists the same flow.
     */
    public readonly purposesBySource: Readonly<Record<string, readonly string[]>> = {},
    /** Where the flow lands (see `Landing`). */
    public readonly landing: Landing = Landing.NODES,
    /** Set when `peer` interprets the vendor's literal row (see `RequirementProps.interpretation`). */
    public readonly interpretation?: Interpretation,
  ) {
    this.id = createHash('sha256').update(this.flowKey).digest('hex').slice(0, 12);
  }

  /**
   * `direction protocol ports peer`, the readable content key the id hashes; a landing other than the nodes is
   * appended (` @control-plane`), so node flows keep their ids and the same CIDR landing elsewhere is another flow.
   */
  public get flowKey(): string {
    const landing = this.landing === Landing.NODES ? '' : ` @${this.landing}`;
    return `${this.direction} ${this.protocol} ${this.portsText || '-'} ${this.peer.key}${landing}`;
  }

  /** Whether the flow lands on the nodes (what node firewalls render). */
  public get landsOnNodes(): boolean {
    return this.landing === Landing.NODES;
  }

  /** Ports as `"443,30000-32767"`; empty for icmp and any. */
  public get portsText(): string {
    return this.ports.map((p) => p.toString()).join(',');
  }

  /** The first purpose. */
  public get purpose(): string {
    return this.purposes[0];
  }

  /**
   * The first source, which decides the rule group a flow lands in. Sections keyed `addon-*` (optional
   * features) sort after the others, so enabling an add-on never moves a core flow out of its core group.
   */
  public get primarySource(): Provenance {
    return this.sources[0];
  }

  /**
   * The purposes `source` states for this flow; all purposes when `source` did not state one (e.g. a
   * requirement built before per-source purposes were recorded).
   */
  public purposesFrom(source: Provenance): readonly string[] {
    return this.purposesBySource[sourceKey(source)] ?? this.purposes;
  }

  /** Combines two requirements for the same flow: purposes, sources and metadata are kept, necessity is the stronger. */
  public mergeWith(other: Requirement): Requirement {
    if (other.id !== this.id) {
      throw new Error(`internal: cannot merge ${this.flowKey} with ${other.flowKey}`);
    }
    const purposes = distinctPurposes([...this.purposes, ...other.purposes]);
    const sources = new Map<string, Provenance>();
    for (const s of [...this.sources, ...other.sources]) sources.set(`${sourceKey(s)}|${s.url}`, s);
    return new Requirement(
      this.direction,
      this.protocol,
      this.ports,
      this.peer,
      purposes,
      this.necessity.combine(other.necessity),
      // The URL breaks ties so that the primary source does not depend on merge order.
      [...sources.values()].sort(compareSources),
      { ...other.metadata, ...this.metadata },
      mergePurposesBySource(this.purposesBySource, other.purposesBySource),
      this.landing,
      this.interpretation ?? other.interpretation,
    );
  }

  /** The same flow with a different peer (used when placeholders resolve). */
  public withPeer(peer: Peer): Requirement {
    return new Requirement(
      this.direction,
      this.protocol,
      this.ports,
      peer,
      this.purposes,
      this.necessity,
      this.sources,
      this.metadata,
      this.purposesBySource,
      this.landing,
      this.interpretation,
    );
  }

  /** The same flow with another necessity (used by profiles, e.g. to record that a condition holds). */
  public withNecessity(necessity: Necessity): Requirement {
    return new Requirement(
      this.direction,
      this.protocol,
      this.ports,
      this.peer,
      this.purposes,
      necessity,
      this.sources,
      this.metadata,
      this.purposesBySource,
      this.landing,
      this.interpretation,
    );
  }
}

const PROPS: readonly string[] = ['direction', 'protocol', 'ports', 'peer', 'purpose', 'necessity', 'source', 'metadata', 'landing', 'interpretation'];
const PROVENANCE_FIELDS = ['catalog', 'section', 'sectionTitle', 'title', 'url', 'date'] as const;

/** Runtime checks for JavaScript callers: the library's error for every wrong type, never a TypeError. */
function checkProps(props: RequirementProps): void {
  const check = new ValueCheck('Requirement.create');
  check.props(props, PROPS);
  check.enumValue('direction', props.direction, Object.values(Direction));
  check.enumValue('protocol', props.protocol, Object.values(Protocol));
  if (!(props.peer instanceof Peer)) {
    throw invalidValue('peer', describeValue(props.peer), check.where('peer'), 'Build the peer with Peer.fqdn, Peer.cidr, Peer.serviceTag, Peer.fqdnTag or Peer.placeholder.', 'invalid-type');
  }
  check.array('ports', props.ports, (item, where) => {
    if (item instanceof PortRange) return item;
    throw invalidValue('port', describeValue(item), where, 'Give ports as PortRange.single(443) or PortRange.range(30000, 32767).', 'invalid-type');
  }, { optional: true });
  if (typeof props.purpose !== 'string') {
    throw invalidValue('purpose', describeValue(props.purpose), check.where('purpose'), 'Every requirement says what it is for, as text.', 'invalid-type');
  }
  if (!(props.necessity instanceof Necessity)) {
    throw invalidValue('necessity', describeValue(props.necessity), check.where('necessity'), 'Use Necessity.required(), Necessity.recommended() or Necessity.conditional(key, text).', 'invalid-type');
  }
  checkProvenance(check, 'source', props.source);
  check.stringMap('metadata', props.metadata);
  if (props.landing !== undefined) check.enumValue('landing', props.landing, Object.values(Landing));
  if (props.interpretation !== undefined) {
    const i = props.interpretation;
    if (i === null || typeof i !== 'object' || !(i.literalPeer instanceof Peer)) {
      throw invalidValue('interpretation', describeValue(i), check.where('interpretation'), 'Give { literalPeer: Peer.fqdn(...), reason, source }.', 'invalid-type');
    }
    check.string('interpretation.reason', i.reason);
    checkProvenance(check, 'interpretation.source', i.source);
  }
}

function checkProvenance(check: ValueCheck, name: string, value: unknown): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidValue(name, describeValue(value), check.where(name), `Give the document row: { ${PROVENANCE_FIELDS.join(', ')} }.`, 'invalid-type');
  }
  for (const field of PROVENANCE_FIELDS) {
    const v = (value as Record<string, unknown>)[field];
    if (typeof v !== 'string') {
      throw invalidValue(`${name}.${field}`, describeValue(v), check.where(name), `Every provenance field is a string: ${PROVENANCE_FIELDS.join(', ')} (url and date may be empty).`, 'invalid-type');
    }
  }
}

function mergePurposesBySource(
  a: Readonly<Record<string, readonly string[]>>,
  b: Readonly<Record<string, readonly string[]>>,
): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {};
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    out[key] = distinctPurposes([...(a[key] ?? []), ...(b[key] ?? [])]);
  }
  return out;
}

/** Core sections before optional-feature sections (`addon-*`), then by `catalog/section` and URL. */
function compareSources(a: Provenance, b: Provenance): number {
  const addon = (p: Provenance) => (p.section.startsWith('addon-') ? 1 : 0);
  return addon(a) - addon(b) || compareText(sourceKey(a), sourceKey(b)) || compareText(a.url, b.url);
}

/**
 * Purposes that say the same thing once, first-seen wording kept: texts that differ only in case, spacing or a
 * trailing full stop are one purpose (two sources often quote one row with and without the period).
 */
export function distinctPurposes(purposes: readonly string[]): string[] {
  const seen = new Set<string>();
  return purposes.filter((p) => {
    const key = p.trim().replace(/\s+/g, ' ').replace(/[.\s]+$/, '').toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
