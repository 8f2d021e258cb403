import { InputCheck } from '../model/input';
import { IntegerCheckOptions, StringCheckOptions } from '../model/value-check';

// The option table of a target, declared once beside its planner (lib/targets/<cloud>/plan) and read by the
// construct and the export target alike: which names a target takes (unknown ones are refused with did-you-mean),
// how each value is checked and defaulted, the settings type the planner receives, and the one-line help of
// `export <target> --help`. No cdktf here. (The profile options of lib/catalog use their own declarations: a
// profile option is a CLI flag, a target option a prop or a key of `spec.target`.)

/** One option of a target. */
export interface TargetOption<T> {
  /** One line for `export <target> --help`. */
  readonly doc: string;
  /**
   * Checks the raw value (undefined when not given) and applies the default.
   * @param name the option name, for errors
   */
  readonly read: (check: InputCheck, name: string, value: unknown) => T;
}

/** Declarations by option name. */
export type TargetOptionDeclarations = Readonly<Record<string, TargetOption<unknown>>>;

/** The checked values of a table: one property per option, of the type its `read` returns. */
export type TargetOptionValues<D extends TargetOptionDeclarations> = { readonly [K in keyof D]: D[K] extends TargetOption<infer T> ? T : never };

/** A target's options, declared once. */
export class TargetOptionTable<D extends TargetOptionDeclarations> {
  constructor(public readonly declarations: D) {}

  /** Every option name, in declaration order. */
  public get names(): string[] {
    return Object.keys(this.declarations);
  }

  /** Name to one line of help, in declaration order (what `ExportTarget.options` lists). */
  public get help(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.declarations).map(([name, option]) => [name, option.doc]));
  }

  /**
   * A table whose values a target's own check function reads (several options together): names and help only,
   * the values are handed on unchecked.
   */
  public static unchecked(help: Readonly<Record<string, string>>): TargetOptionTable<Record<string, TargetOption<unknown>>> {
    return new TargetOptionTable(Object.fromEntries(Object.entries(help).map(([name, doc]) => [name, targetOption.raw(doc)])));
  }

  /** This table and more options (e.g. an export target's own keys, or a construct's resource props). */
  public with<E extends TargetOptionDeclarations>(more: E): TargetOptionTable<D & E> {
    return new TargetOptionTable({ ...this.declarations, ...more } as D & E);
  }

  /**
   * Refuses names the target does not take (with did-you-mean), then reads every option.
   * @param also names the caller takes and checks itself (e.g. `requirementSets`, `dependsOn`)
   * @param defaults defaults that depend on the caller (e.g. a name derived from the construct id), used when a value is not given
   */
  public check(check: InputCheck, props: unknown, also: readonly string[] = [], defaults: Partial<Record<keyof D, unknown>> = {}): TargetOptionValues<D> {
    const p = check.props(props as Record<string, unknown>, [...this.names, ...also]);
    return this.read(check, p, defaults);
  }

  /** Reads every option of `props` (whose names are already checked). */
  public read(check: InputCheck, props: Readonly<Record<string, unknown>>, defaults: Partial<Record<keyof D, unknown>> = {}): TargetOptionValues<D> {
    const out: Record<string, unknown> = {};
    for (const [name, option] of Object.entries(this.declarations)) {
      const given = props[name];
      out[name] = option.read(check, name, given === undefined ? defaults[name as keyof D] : given);
    }
    return out as TargetOptionValues<D>;
  }
}

/** The common kinds of option; `custom` takes any checked reader. */
export const targetOption = {
  /** true or false. */
  boolean(doc: string, defaultValue: boolean): TargetOption<boolean> {
    return { doc, read: (check, name, value) => check.boolean(name, value, defaultValue) };
  },
  /** A whole number within the bounds (required unless `options.default` is set). */
  integer(doc: string, options: IntegerCheckOptions): TargetOption<number> {
    return { doc, read: (check, name, value) => check.integer(name, value, options) };
  },
  /** A whole number within the bounds, or undefined. */
  optionalInteger(doc: string, options: IntegerCheckOptions): TargetOption<number | undefined> {
    return { doc, read: (check, name, value) => (value === undefined ? undefined : check.integer(name, value, options)) };
  },
  /** A non-empty string (required unless `defaultValue` is given). */
  string(doc: string, options: StringCheckOptions & { readonly defaultValue?: string } = {}): TargetOption<string> {
    return { doc, read: (check, name, value) => check.string(name, value ?? options.defaultValue, options) };
  },
  /** A non-empty string, or undefined. */
  optionalString(doc: string, options: StringCheckOptions = {}): TargetOption<string | undefined> {
    return { doc, read: (check, name, value) => check.optionalString(name, value, options) };
  },
  /** One of `values`. */
  choice<E extends string>(doc: string, values: readonly E[], defaultValue?: E): TargetOption<E> {
    return { doc, read: (check, name, value) => check.enumValue(name, value, values, defaultValue) };
  },
  /** A list of strings; not given: empty. */
  stringList(doc: string, options: { readonly allowReference?: boolean; readonly nonEmpty?: boolean } = {}): TargetOption<string[]> {
    return { doc, read: (check, name, value) => check.stringArray(name, value, { ...options, optional: true }) };
  },
  /** A map of strings to strings (e.g. tags), or undefined. */
  stringMap(doc: string): TargetOption<Record<string, string> | undefined> {
    return { doc, read: (check, name, value) => check.stringMap(name, value) };
  },
  /** A value handed on unchecked, for a target whose own check function reads several options together. */
  raw(doc: string): TargetOption<unknown> {
    return { doc, read: (_check, _name, value) => value };
  },
  /** Any option with its own checked reader. */
  custom<T>(doc: string, read: (check: InputCheck, name: string, value: unknown) => T): TargetOption<T> {
    return { doc, read };
  },
};
