import { Landing } from '../model/landing';
import { CatalogStatus, retiredLabel } from '../model/lifecycle';
import { Necessity } from '../model/necessity';
import { Peer } from '../model/peer';
import { PortRange } from '../model/port-range';
import { Direction, Protocol } from '../model/protocol';
import { Provenance } from '../model/provenance';
import { Interpretation, Requirement } from '../model/requirement';
import { RequirementSet } from '../model/requirement-set';
import { catalogLifecycle } from './lifecycle';

/** A vendor document a catalog transcribes. */
export interface SourceDocument {
  /** Catalog key, e.g. `aks`. */
  readonly catalog: string;
  readonly title: string;
  readonly url: string;
  /** Edition date, YYYY-MM-DD. */
  readonly date: string;
}

/** One row of a section, before it becomes requirements (one per peer). */
export interface RowOptions {
  /** @default Direction.EGRESS */
  readonly direction?: Direction;
  /** @default Necessity.required() */
  readonly necessity?: Necessity;
  /** @default {} */
  readonly metadata?: Record<string, string>;
  /** @default Landing.NODES */
  readonly landing?: Landing;
  /** @default - none: the peers are the vendor's own spelling */
  readonly interpretation?: Interpretation;
}

/**
 * One section (table) of a vendor document. Rows are added in document order; each peer of a row
 * becomes one requirement citing this section.
 */
export class CatalogSection {
  private readonly rows: Requirement[] = [];

  /**
   * @param key stable section key, e.g. `global-fqdn-rules`
   * @param sectionTitle the heading as the document words it
   * @param anchor URL fragment of the section, if the document has one
   */
  constructor(
    public readonly document: SourceDocument,
    public readonly key: string,
    public readonly sectionTitle: string,
    anchor = '',
  ) {
    const lifecycle = catalogLifecycle(document.catalog);
    this.retiredPrefix = lifecycle?.status === CatalogStatus.RETIRED ? `${retiredLabel(lifecycle)}: ` : '';
    this.provenance = {
      catalog: document.catalog,
      section: key,
      sectionTitle,
      title: document.title,
      url: anchor ? `${document.url}#${anchor}` : document.url,
      date: document.date,
    };
  }

  /** The provenance every row of this section carries. */
  public readonly provenance: Provenance;

  /** `RETIRED <date>: ` for the rows of a retired catalog, so that every listing and rendered description says so. */
  private readonly retiredPrefix: string;

  /** Adds one row: every peer with the same protocol, ports and purpose. Returns `this` for chaining. */
  public row(peers: Peer[], protocol: Protocol, ports: number[] | PortRange[], purpose: string, options: RowOptions = {}): this {
    const ranges = (ports as Array<number | PortRange>).map((p) => (typeof p === 'number' ? PortRange.single(p, this.origin) : p));
    for (const peer of peers) {
      this.rows.push(
        Requirement.create({
          direction: options.direction ?? Direction.EGRESS,
          protocol,
          ports: ranges,
          peer,
          purpose: this.retiredPrefix + purpose,
          necessity: options.necessity ?? Necessity.required(),
          source: this.provenance,
          metadata: options.metadata,
          landing: options.landing,
          interpretation: options.interpretation,
        }),
      );
    }
    return this;
  }

  /** Adds a row of domain names (plain or left-most wildcard). */
  public fqdns(names: string[], protocol: Protocol, ports: number[] | PortRange[], purpose: string, options: RowOptions = {}): this {
    return this.row(names.map((n) => Peer.fqdn(n, this.origin)), protocol, ports, purpose, options);
  }

  /** Adds a row of CIDRs. */
  public cidrs(cidrs: string[], protocol: Protocol, ports: number[] | PortRange[], purpose: string, options: RowOptions = {}): this {
    return this.row(cidrs.map((c) => Peer.cidr(c, this.origin)), protocol, ports, purpose, options);
  }

  /** Number of requirements (peers) transcribed so far. */
  public get length(): number {
    return this.rows.length;
  }

  /** The rows, in document order. */
  public get requirements(): readonly Requirement[] {
    return this.rows;
  }

  /** The rows as a requirement set. */
  public toSet(): RequirementSet {
    return RequirementSet.of(this.rows);
  }

  private get origin(): string {
    return `catalog ${this.document.catalog}/${this.key}`;
  }
}
