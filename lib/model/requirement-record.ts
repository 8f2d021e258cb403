import { NecessityKind } from './necessity';
import { Requirement } from './requirement';
import { sourceKey } from './provenance';
import type { CatalogLifecycle } from './lifecycle';

/** The plain-data form of a requirement (the CLI's JSON format). */
export interface RequirementRecord {
  readonly id: string;
  /** `catalog/section` of the primary source. */
  readonly source: string;
  readonly direction: string;
  readonly protocol: string;
  /** e.g. `["443"]`, `["30000-32767"]`; empty for icmp and any. */
  readonly ports: string[];
  readonly peer: { readonly kind: string; readonly value: string };
  readonly purpose: string;
  readonly necessity: string;
  /** The condition, when `necessity` is `conditional`. */
  readonly condition?: string;
  /** The primary source document. */
  readonly provenance: { readonly title: string; readonly section: string; readonly url: string; readonly date: string };
  /**
   * The lifecycle of the primary source's catalog, when the caller gives it (the CLI does): `current` or `retired`, since when,
   * the day the data was last checked against upstream, and the evidence (`repository@commit (date): change`).
   */
  readonly lifecycle?: {
    readonly catalog: string;
    readonly status: string;
    readonly since: string;
    readonly checked: string;
    readonly evidence: string[];
    readonly successor?: string;
  };
  /** Every source (`catalog/section`), when the flow has more than one. */
  readonly alsoIn?: string[];
  readonly metadata?: Record<string, string>;
  /** Where the flow lands, when not on the nodes: `control-plane` (the cluster API endpoint) or `service`. */
  readonly landing?: string;
  /**
   * When `peer` interprets the vendor's literal row: the literal peer, why it is not rendered as written, and the
   * document that supports the interpretation.
   */
  readonly interpretation?: {
    readonly literalPeer: { readonly kind: string; readonly value: string };
    readonly reason: string;
    readonly source: { readonly title: string; readonly url: string; readonly date: string };
  };
}

/** The plain-data form of a requirement. */
export function toRecord(r: Requirement): RequirementRecord {
  return recordOf(r);
}

/**
 * The plain-data form of a requirement with the lifecycle of its primary source's catalog (what `list` prints).
 * @param lifecycle the catalog's lifecycle; ignored unless it is the primary source's catalog
 */
export function toRecordWithLifecycle(r: Requirement, lifecycle: CatalogLifecycle | undefined): RequirementRecord {
  return recordOf(r, lifecycle);
}

function recordOf(r: Requirement, lifecycle?: CatalogLifecycle): RequirementRecord {
  const p = r.primarySource;
  return {
    id: r.id,
    source: sourceKey(p),
    direction: r.direction,
    protocol: r.protocol,
    ports: r.ports.map((x) => x.toString()),
    peer: { kind: r.peer.kind, value: r.peer.toString() },
    purpose: r.purposes.join(' / '),
    necessity: r.necessity.kind,
    ...(r.necessity.kind === NecessityKind.CONDITIONAL ? { condition: r.necessity.conditionText } : {}),
    provenance: { title: p.title, section: p.sectionTitle, url: p.url, date: p.date },
    ...(lifecycle && lifecycle.catalog === p.catalog ? { lifecycle: lifecycleRecord(lifecycle) } : {}),
    ...(r.sources.length > 1 ? { alsoIn: r.sources.slice(1).map(sourceKey) } : {}),
    ...(Object.keys(r.metadata).length > 0 ? { metadata: { ...r.metadata } } : {}),
    ...(r.landsOnNodes ? {} : { landing: r.landing }),
    ...(r.interpretation
      ? {
          interpretation: {
            literalPeer: { kind: r.interpretation.literalPeer.kind, value: r.interpretation.literalPeer.toString() },
            reason: r.interpretation.reason,
            source: { title: r.interpretation.source.title, url: r.interpretation.source.url, date: r.interpretation.source.date },
          },
        }
      : {}),
  };
}

function lifecycleRecord(l: CatalogLifecycle): NonNullable<RequirementRecord['lifecycle']> {
  return {
    catalog: l.catalog,
    status: l.status,
    since: l.since,
    checked: l.checked,
    evidence: l.evidence.map((e) => `${e.repository}@${e.commit} (${e.date}): ${e.change}`),
    ...(l.successor ? { successor: l.successor } : {}),
  };
}
