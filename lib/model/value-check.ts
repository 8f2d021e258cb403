import { closest, FirewallRequirementsError, invalidValue } from './errors';
import { describeValue, isNumberToken, isTerraformReference } from './value';

/**
 * Runtime checks of public inputs. TypeScript's types vanish at runtime: JavaScript callers (and a future jsii
 * build for Python, Java, C# and Go) pass strings where arrays are expected, `undefined` for required props,
 * unknown enum values, `NaN`, and Terraform tokens where a literal is needed. Every construct, factory and profile
 * checks its props through one `InputCheck` (this class plus the requirement-set checks), so each such mistake
 * gets the library's own error naming the prop, the value and the owner (construct path or function), never a
 * `TypeError` or a silent coercion.
 *
 * `ValueCheck` knows plain values only, so the model's own factories (`Requirement.create`) use it without
 * depending on `RequirementSet`.
 */

/** Options of `ValueCheck.string`. */
export interface StringCheckOptions {
  /** Whether a Terraform reference (token) is accepted as it is. @default true */
  readonly allowReference?: boolean;
  /** A pattern a literal must match. @default - any non-empty text */
  readonly pattern?: RegExp;
  /** The fix shown when the value is refused. @default - a generic hint */
  readonly hint?: string;
}

/** Options of `ValueCheck.integer`. */
export interface IntegerCheckOptions {
  readonly min: number;
  readonly max: number;
  /** @default - required */
  readonly default?: number;
  /** @default - "a whole number from min to max" */
  readonly hint?: string;
}

/**
 * Checks the plain-value props of one owner. Every method returns the checked value (with defaults applied) or
 * throws a `FirewallRequirementsError` whose origin is `<owner> <prop>`.
 *
 * @example
 * const check = new ValueCheck('Requirement.create');
 * check.props(props, ['direction', 'protocol']);
 * const direction = check.enumValue('direction', props.direction, Object.values(Direction));
 */
export class ValueCheck {
  /** @param owner the construct path or function the props belong to, e.g. `SecurityGroupRules stack/rules` */
  constructor(public readonly owner: string) {}

  /** The origin of a prop, as errors name it. */
  public where(name: string): string {
    return name ? `${this.owner} ${name}` : this.owner;
  }

  /**
   * Checks that `props` is a plain object whose keys are all known (a misspelt opt-in such as `allowAnyAdress`
   * would otherwise be ignored silently), and returns its own properties, typed, in an object without a prototype:
   * a prop the caller left out reads as `undefined`, never as something inherited (a polluted
   * `Object.prototype.allowAnyAddress = true` is not an opt-in).
   * @param known every prop name the owner takes
   */
  public props<T>(props: T, known: readonly string[], required = true): T {
    if (props === undefined && !required) return Object.create(null) as T;
    if (props === null || typeof props !== 'object' || Array.isArray(props)) {
      throw invalidValue('props', describeValue(props), this.owner, `Pass an object of named properties (${[...known].sort().join(', ')}).`, 'invalid-type');
    }
    for (const key of Object.keys(props as object)) {
      if (known.includes(key)) continue;
      if ((props as Record<string, unknown>)[key] === undefined) continue;
      const suggestion = closest(key, known);
      throw new FirewallRequirementsError(
        'unknown-option',
        `Unknown property ${JSON.stringify(key)}`,
        key,
        this.owner,
        `${suggestion ? `Did you mean ${JSON.stringify(suggestion)}? ` : ''}Known properties: ${[...known].sort().join(', ')}.`,
      );
    }
    return ownProperties(props as object) as T;
  }

  /** A required value: anything but `undefined` and `null`. */
  public required<T>(name: string, value: T | undefined | null, example: string): T {
    if (value === undefined || value === null) {
      throw new FirewallRequirementsError('missing-option', `Missing required property ${name}`, describeValue(value), this.where(name), `For example: ${example}.`);
    }
    return value;
  }

  /** An optional string (see `string`); `undefined` when absent. */
  public optionalString(name: string, value: unknown, options: StringCheckOptions = {}): string | undefined {
    return value === undefined ? undefined : this.string(name, value, options);
  }

  /** A string: literal (non-empty, matching `pattern`) or, unless refused, a Terraform reference. */
  public string(name: string, value: unknown, options: StringCheckOptions = {}): string {
    const hint = options.hint ?? `Give ${name} as a string.`;
    if (typeof value !== 'string') {
      if (value === undefined || value === null) this.required(name, value, hint.replace(/\.$/, ''));
      throw this.typeError(name, value, 'a string', hint);
    }
    if (isTerraformReference(value)) {
      if (options.allowReference === false) {
        throw invalidValue(name, value, this.where(name), `${name} must be a literal known at synth, not a Terraform reference. ${hint}`, 'unresolved-token');
      }
      return value;
    }
    if (value.trim() === '' || (options.pattern && !options.pattern.test(value))) {
      throw invalidValue(name, value, this.where(name), hint);
    }
    return value;
  }

  /** A boolean (`'false'`, `0` and other look-alikes are refused, not coerced). */
  public boolean(name: string, value: unknown, defaultValue: boolean): boolean {
    if (value === undefined) return defaultValue;
    if (typeof value !== 'boolean') throw this.typeError(name, value, 'true or false', `Give ${name}: true or ${name}: false (a boolean, not a string or number).`);
    return value;
  }

  /** A whole number within bounds; `NaN`, `Infinity`, fractions, numeric strings and tokens are refused. */
  public integer(name: string, value: unknown, options: IntegerCheckOptions): number {
    if (value === undefined && options.default !== undefined) return options.default;
    const hint = options.hint ?? `${name} is a whole number from ${options.min} to ${options.max}.`;
    if (typeof value === 'number' && isNumberToken(value)) {
      throw invalidValue(name, describeValue(value), this.where(name), `${name} must be a literal number known at synth, not a Terraform reference. ${hint}`, 'unresolved-token');
    }
    if (typeof value !== 'number') {
      if (value === undefined || value === null) this.required(name, value, `${name}: ${options.min}`);
      throw this.typeError(name, value, 'a number', hint);
    }
    if (!Number.isInteger(value) || value < options.min || value > options.max) {
      throw invalidValue(name, String(value), this.where(name), hint);
    }
    return value;
  }

  /** A value of a string enum. */
  public enumValue<E extends string>(name: string, value: unknown, valid: readonly E[], defaultValue?: E): E {
    if (value === undefined && defaultValue !== undefined) return defaultValue;
    if (typeof value === 'string' && (valid as readonly string[]).includes(value)) return value as E;
    if (value === undefined || value === null) this.required(name, value, `${name}: '${valid[0]}'`);
    const shown = describeValue(value);
    const suggestion = typeof value === 'string' ? closest(value, valid) : undefined;
    throw new FirewallRequirementsError(
      'unknown-option',
      `Unknown ${name} ${JSON.stringify(shown)}`,
      shown,
      this.where(name),
      `${suggestion ? `Did you mean ${JSON.stringify(suggestion)}? ` : ''}Valid values: ${valid.join(', ')}.`,
    );
  }

  /**
   * An array (a string or other single value where an array is expected is refused: `'gke-node'` would otherwise
   * become one entry per character). Each item is checked by `each`, which gets the item's origin.
   */
  public array<T>(name: string, value: unknown, each: (item: unknown, where: string, index: number) => T, options: { optional?: boolean; nonEmpty?: boolean } = {}): T[] {
    if (value === undefined && options.optional) return [];
    if (!Array.isArray(value)) {
      if (value === undefined || value === null) this.required(name, value, `${name}: [...]`);
      throw this.typeError(name, value, 'an array', `Give ${name} as an array${typeof value === 'string' ? `, e.g. [${JSON.stringify(value)}]` : ''}.`);
    }
    if (options.nonEmpty && value.length === 0) {
      throw invalidValue(name, '[]', this.where(name), `Give at least one entry in ${name}.`);
    }
    return value.map((item, i) => each(item, `${this.where(name)}[${i}]`, i));
  }

  /** An array of strings (literals or references), each non-empty. */
  public stringArray(name: string, value: unknown, options: { optional?: boolean; nonEmpty?: boolean; allowReference?: boolean } = {}): string[] {
    if (isTerraformReference(value) && Array.isArray(value)) {
      if (options.allowReference === false) throw invalidValue(name, String(value[0]), this.where(name), `${name} must be a literal list known at synth, not a Terraform reference.`, 'unresolved-token');
      return value as string[];
    }
    return this.array(
      name,
      value,
      (item, where) => {
        if (typeof item !== 'string') throw this.typeError(name, item, 'a string', `Every entry of ${name} is a string.`, where);
        if (item.trim() === '') throw invalidValue(`entry of ${name}`, item, where, `Entries of ${name} are non-empty strings.`);
        if (options.allowReference === false && isTerraformReference(item)) {
          throw invalidValue(`entry of ${name}`, item, where, `${name} must hold literals known at synth, not Terraform references.`, 'unresolved-token');
        }
        return item;
      },
      options,
    );
  }

  /** A string-to-string map (tags). */
  public stringMap(name: string, value: unknown): Record<string, string> | undefined {
    if (value === undefined) return undefined;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw this.typeError(name, value, 'an object of strings', `Give ${name} as { key: 'value' }.`);
    }
    for (const [key, v] of Object.entries(value as object)) {
      if (typeof v !== 'string') throw this.typeError(`${name}.${key}`, v, 'a string', `Values of ${name} are strings.`);
    }
    return { ...(value as Record<string, string>) };
  }

  protected typeError(name: string, value: unknown, expected: string, hint: string, where = this.where(name)): FirewallRequirementsError {
    const actual = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    return invalidValue(`${name} (${actual}, expected ${expected})`, describeValue(value), where, hint, 'invalid-type');
  }
}

/** The own enumerable properties of `value` in a null-prototype object (nothing inherited can be read from it). */
export function ownProperties<T extends object>(value: T): T {
  return Object.assign(Object.create(null) as T, value);
}
