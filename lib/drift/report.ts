/** What kind of difference a drift check found between a catalog and its upstream file. */
export enum DriftKind {
  /** The upstream file lists a row (a host, address, region or port) the catalog does not have. */
  ROW_ADDED = 'row-added',
  /** The catalog has a row the upstream file no longer lists. */
  ROW_REMOVED = 'row-removed',
  /** The same host or address, with other ports or another protocol upstream. */
  PORTS_CHANGED = 'ports-changed',
  /** A table (section) upstream that no catalog section matches. */
  SECTION_ADDED = 'section-added',
  /** A catalog section whose table is gone upstream. */
  SECTION_REMOVED = 'section-removed',
  /** A catalog section whose table is still there (by its rows) under another heading. */
  SECTION_RENAMED = 'section-renamed',
  /** The upstream document's date differs from the edition the catalog transcribes. */
  DATE_MOVED = 'date-moved',
  /** A value of a row changed upstream (e.g. the registry account of a region). */
  VALUE_CHANGED = 'value-changed',
}

/** One difference. */
export interface DriftChange {
  readonly kind: DriftKind;
  /** The section (table heading, or the file's own unit such as `regions`) the difference is in. */
  readonly section: string;
  /** The row: a host, address, region or placeholder, as upstream or the catalog writes it. */
  readonly item: string;
  /**
   * What upstream says (ports, heading, date, value).
   * @default - nothing upstream (a removed row)
   */
  readonly upstream?: string;
  /**
   * What the catalog says.
   * @default - nothing in the catalog (an added row)
   */
  readonly catalog?: string;
  /**
   * 1-based line of the upstream file, where known.
   * @default - unknown
   */
  readonly line?: number;
}

/** The result of comparing a catalog with one upstream file. */
export interface DriftReport {
  /** The catalog compared, e.g. `aks`. */
  readonly catalog: string;
  /** The upstream file, as given. */
  readonly file: string;
  /** The format the file was read as (see `DriftFormat`). */
  readonly format: string;
  /** Every difference, in file order (sections first, then rows). */
  readonly changes: readonly DriftChange[];
  /** How many upstream sections and rows were compared. */
  readonly compared: { readonly sections: number; readonly rows: number };
  /**
   * The upstream document's date (YYYY-MM-DD), when the file carries one.
   * @default - the file carries no date
   */
  readonly upstreamDate?: string;
  /**
   * The date of the edition the catalog transcribes.
   * @default - the catalog gives none for this document
   */
  readonly catalogDate?: string;
  /** Things the reader should know that are not differences (rows skipped on purpose, tables without ports). */
  readonly notes: readonly string[];
}

/** Whether a report found drift. */
export function hasDrift(report: DriftReport): boolean {
  return report.changes.length > 0;
}
