import { PeerKind } from '../model/peer';
import { Provenance } from '../model/provenance';
import { Requirement } from '../model/requirement';
import { nameKey, PortSpec } from './cells';
import { normalizeTitle } from './markdown';

/** One row of a catalog section, in the terms a vendor table uses. */
export interface CatalogEntry {
  /** Comparison key of the vendor's literal peer (see `nameKey`). */
  readonly key: string;
  /** The peer as the vendor wrote it (the literal of an interpreted row). */
  readonly text: string;
  /** Whether the catalog fills this peer from an option (a placeholder such as `custom-dns-servers`). */
  readonly placeholder: boolean;
  readonly spec: PortSpec;
  /** The requirement's content id. */
  readonly id: string;
}

/** The rows a catalog transcribes from one section of one document. */
export interface CatalogGroup {
  /** The section heading as the catalog records it (`Parent > Child` for sub-tables). */
  readonly title: string;
  /** `catalog/section` keys of the rows (a table split per cloud has one key and several groups merged). */
  readonly sections: readonly string[];
  /** Document URL without the anchor. */
  readonly documentUrl: string;
  readonly documentTitle: string;
  readonly date: string;
  readonly entries: readonly CatalogEntry[];
}

/** The URL of a provenance without its `#anchor`. */
export function documentUrl(p: Provenance): string {
  return p.url.replace(/#.*$/, '');
}

/**
 * Groups catalog rows by the section they cite (document and heading), once per source: a flow that two sections
 * list is a row of both. Rows of `catalog` only; the group order follows the rows.
 */
export function catalogGroups(requirements: readonly Requirement[], catalog: string, filled: ReadonlyMap<string, string> = new Map()): CatalogGroup[] {
  const groups = new Map<string, { title: string; sections: Set<string>; url: string; documentTitle: string; date: string; entries: Map<string, CatalogEntry> }>();
  for (const r of requirements) {
    for (const source of r.sources) {
      if (source.catalog !== catalog) continue;
      const url = documentUrl(source);
      const id = `${url}|${normalizeTitle(source.sectionTitle)}`;
      let group = groups.get(id);
      if (!group) {
        group = { title: source.sectionTitle, sections: new Set(), url, documentTitle: source.title, date: source.date, entries: new Map() };
        groups.set(id, group);
      }
      group.sections.add(`${source.catalog}/${source.section}`);
      const entry = catalogEntry(r, filled);
      group.entries.set(`${entry.key} ${entry.spec.protocol} ${entry.spec.ports}`, entry);
    }
  }
  return [...groups.values()].map((g) => ({
    title: g.title,
    sections: [...g.sections],
    documentUrl: g.url,
    documentTitle: g.documentTitle,
    date: g.date,
    entries: [...g.entries.values()],
  }));
}

/** A requirement as a vendor table row: its literal peer, protocol and ports. */
export function catalogEntry(r: Requirement, filled: ReadonlyMap<string, string> = new Map()): CatalogEntry {
  const peer = r.interpretation?.literalPeer ?? r.peer;
  const option = filled.get(peer.value);
  if (option !== undefined) {
    // A value filled in to build the row stands for what the user gives: compared like a placeholder.
    return { key: `option ${option}`, text: `<${option}>`, placeholder: true, spec: { protocol: r.protocol, ports: r.portsText }, id: r.id };
  }
  return {
    key: peer.kind === PeerKind.PLACEHOLDER ? peer.value : nameKey(peer.value),
    text: peer.value,
    placeholder: peer.kind === PeerKind.PLACEHOLDER,
    spec: { protocol: r.protocol, ports: r.portsText },
    id: r.id,
  };
}
