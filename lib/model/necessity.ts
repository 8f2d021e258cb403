import { compareText } from './value';

/** How strongly a vendor asks for a flow. */
export enum NecessityKind {
  REQUIRED = 'required',
  RECOMMENDED = 'recommended',
  CONDITIONAL = 'conditional',
}

/** A condition under which a conditional requirement applies. */
export interface Condition {
  /** Stable key that profiles evaluate, e.g. `public-cluster-without-konnectivity`. */
  readonly key: string;
  /** The condition in the vendor's words. */
  readonly text: string;
}

/** Whether a flow is required, recommended, or needed only under a stated condition. */
export class Necessity {
  public static required(): Necessity {
    return new Necessity(NecessityKind.REQUIRED, []);
  }

  public static recommended(): Necessity {
    return new Necessity(NecessityKind.RECOMMENDED, []);
  }

  /** @param key stable key profiles evaluate @param text the condition in the vendor's words */
  public static conditional(key: string, text: string): Necessity {
    return new Necessity(NecessityKind.CONDITIONAL, [{ key, text }]);
  }

  private constructor(
    public readonly kind: NecessityKind,
    /** Conditions (any one suffices) for a conditional requirement. */
    public readonly conditions: readonly Condition[],
  ) {}

  /** The condition text(s), joined; empty unless conditional. */
  public get conditionText(): string {
    return this.conditions.map((c) => c.text).join(' Or: ');
  }

  /**
   * The necessity of a flow asked for by two sources: required beats recommended beats conditional;
   * two conditional sources keep both conditions (either one makes the flow needed).
   */
  public combine(other: Necessity): Necessity {
    const rank = (n: Necessity) => (n.kind === NecessityKind.REQUIRED ? 2 : n.kind === NecessityKind.RECOMMENDED ? 1 : 0);
    if (rank(this) !== rank(other)) return rank(this) > rank(other) ? this : other;
    if (this.kind !== NecessityKind.CONDITIONAL) return this;
    const byKey = new Map<string, Condition>();
    for (const c of [...this.conditions, ...other.conditions]) byKey.set(c.key, c);
    return new Necessity(NecessityKind.CONDITIONAL, [...byKey.values()].sort((a, b) => compareText(a.key, b.key)));
  }
}
