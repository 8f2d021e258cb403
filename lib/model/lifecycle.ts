/** Whether the vendor still publishes what a catalog transcribes. */
export enum CatalogStatus {
  /** The vendor publishes the document today; the catalog follows its newest edition the library knows. */
  CURRENT = 'current',
  /**
   * The vendor withdrew the product or the document: nobody vouches for the rows any more. The catalog stays for
   * users who still run the product and for auditing rules built from it; profiles refuse it without an explicit
   * choice, constructs warn at synth and the CLI warns on stderr.
   */
  RETIRED = 'retired',
}

/** One upstream change that supports a catalog's status (a commit of the vendor's document repository). */
export interface LifecycleEvidence {
  /** Repository, e.g. `chainguard-dev/edu`. */
  readonly repository: string;
  /** Commit id (as short as stays unique). */
  readonly commit: string;
  /** Commit date, YYYY-MM-DD. */
  readonly date: string;
  /** What the change did, in plain words. */
  readonly change: string;
}

/** The lifecycle of one catalog: its status, since when, the evidence, and when the data was last checked. */
export interface CatalogLifecycle {
  /** Catalog key, e.g. `chainguard-enforce`. */
  readonly catalog: string;
  /** Product or document name as people know it, e.g. `Chainguard Enforce for Kubernetes`. */
  readonly title: string;
  readonly status: CatalogStatus;
  /**
   * Since when the status holds (YYYY-MM-DD): for a retired catalog, the day the vendor retired it; for a current
   * one, the date of the newest upstream edition the data was matched against.
   */
  readonly since: string;
  /** The upstream changes that support the status (oldest first). */
  readonly evidence: LifecycleEvidence[];
  /** The day the data was last compared with its upstream sources (YYYY-MM-DD). */
  readonly checked: string;
  /**
   * For a retired catalog: the profile that covers what the vendor still publishes.
   * @default - none
   */
  readonly successor?: string;
}

/** `current, checked 2026-12-08` or `retired since 2024-04-10, checked 2026-12-08`: one line for listings. */
export function lifecycleSummary(lifecycle: CatalogLifecycle): string {
  const status = lifecycle.status === CatalogStatus.RETIRED ? `retired since ${lifecycle.since}` : `current (upstream ${lifecycle.since})`;
  return `${status}, data checked ${lifecycle.checked}`;
}

/** `RETIRED 2024-04-10`: the prefix every purpose of a retired catalog's rows carries, so descriptions show it. */
export function retiredLabel(lifecycle: CatalogLifecycle): string {
  return `RETIRED ${lifecycle.since}`;
}

/** The evidence as `repository@commit (date)` items. */
export function evidenceText(lifecycle: CatalogLifecycle): string {
  return lifecycle.evidence.map((e) => `${e.repository}@${e.commit} (${e.date}): ${e.change}`).join('; ');
}

/**
 * The warning for a retired catalog in use: what was retired and when, the evidence, and the way out. The CLI
 * writes it on stderr; constructs add it as a synth warning.
 */
export function retirementWarning(lifecycle: CatalogLifecycle): string {
  const last = lifecycle.evidence[lifecycle.evidence.length - 1];
  const successor = lifecycle.successor ? ` For what the vendor still publishes, use the ${lifecycle.successor} profile.` : '';
  return (
    `catalog ${lifecycle.catalog} (${lifecycle.title}) is retired since ${lifecycle.since}: nobody vouches for its rows today` +
    (last ? ` (last evidence: ${last.repository}@${last.commit}, ${last.date}, ${last.change})` : '') +
    `.${successor}`
  );
}
