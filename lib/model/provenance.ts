/**
 * Where a requirement comes from: the vendor document and the section (table) of it.
 */
export interface Provenance {
  /** Catalog the requirement belongs to, e.g. `aks`, `chainguard-enforce`, `ibm-vpc`, or `user`. */
  readonly catalog: string;
  /**
   * Stable key of the section within the catalog, e.g. `azure-public-fqdn-rules`. Sections of optional features
   * (add-ons) are keyed `addon-<name>`: a flow listed by a core section and an add-on keeps the core section as
   * its primary source.
   */
  readonly section: string;
  /** Heading of the section as the document words it. */
  readonly sectionTitle: string;
  /** Title of the document. */
  readonly title: string;
  /** URL of the document (and anchor, where it has one). */
  readonly url: string;
  /** Date of the document edition the row was transcribed from (YYYY-MM-DD). */
  readonly date: string;
}

/** `catalog/section`, the key used to group rules per section. */
export function sourceKey(p: Provenance): string {
  return `${p.catalog}/${p.section}`;
}
