import { assertNotAnyAddressList } from '../../model/any-address';
import { Cidr } from '../../model/cidr';
import { invalidValue, missingOption, unknownOption } from '../../model/errors';
import { describeValue, InputCheck, isTerraformReference } from '../../model/input';
import { isListOption, OptionType } from '../profile-definition';
import { DeclaredOption, OptionTable } from './declare';

/** Who owns a set of options, as errors name it. */
export interface OptionOwner {
  /** The owner, e.g. `profile eks`: named by "unknown option" and "missing option" errors. */
  readonly origin: string;
  /**
   * The prefix of one option's origin (`<optionOrigin> <name>`).
   * @default `${origin} option`
   */
  readonly optionOrigin?: string;
}

/** The value of an own property (inherited ones, e.g. from a polluted `Object.prototype`, never count). */
export function ownValue(object: object, name: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, name) ? (object as Record<string, unknown>)[name] : undefined;
}

/** A value that counts as not given for a required option. */
function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/**
 * Checks an options object against its table and returns the checked values with defaults applied, as a
 * null-prototype object of own values: only the object's own properties are read, an unknown (misspelt) name is
 * an error with "did you mean", and each value is checked by its declared type (and `check`). `undefined` is
 * "not given"; `options` itself may be `undefined` (no options).
 */
export function readOptions<T>(table: OptionTable, options: T | undefined, owner: OptionOwner): T {
  const names = table.map((o) => o.name);
  const given = new InputCheck(owner.origin).props((options === undefined ? {} : options) as object, names);
  const check = new InputCheck(owner.optionOrigin ?? `${owner.origin} option`);
  const out: Record<string, unknown> = Object.create(null);
  for (const option of table) {
    const value = ownValue(given, option.name);
    if (option.required && isMissing(value)) {
      const text = option.missing ?? { reason: `${option.name} has no default`, example: `${option.name}: ...` };
      throw missingOption(option.name, owner.origin, text.reason, text.example);
    }
    const read = readValue(option, value, check);
    if (read !== undefined) out[option.name] = read;
  }
  for (const option of table) {
    if (option.type !== OptionType.CIDR_LIST || out[option.name] === undefined) continue;
    if (option.allowAnyAddressWith && out[option.allowAnyAddressWith] === true) continue;
    const where = check.where(option.name);
    const entries = (out[option.name] as string[]).map((c, i) => ({ cidr: Cidr.parse(c), origin: `${where}[${i}]` }));
    const wayOut = option.anyAddressHint ?? (option.allowAnyAddressWith
      ? `Give the networks the option means, or set ${option.allowAnyAddressWith}: true (--${table.find((o) => o.name === option.allowAnyAddressWith)?.flag}) to allow every address deliberately.`
      : `${option.name} names specific networks; a list that covers every address is never what it means.`);
    assertNotAnyAddressList(entries, option.label ?? `entry of ${option.name}`, where, wayOut);
  }
  return out as T;
}

function readValue(option: DeclaredOption, value: unknown, check: InputCheck): unknown {
  const name = option.name;
  const where = check.where(name);
  const semantic = (v: unknown, at: string): unknown => (option.check ? option.check(v as never, at) : v);
  if (value === undefined) return copy(option.defaultValue);
  switch (option.type) {
    case OptionType.BOOLEAN:
      return check.boolean(name, value, false);
    case OptionType.STRING:
      return semantic(check.string(name, value, { allowReference: false, hint: option.hint }), where);
    case OptionType.HOST: {
      const text = check.string(name, value, { allowReference: false, hint: option.hint });
      return semantic(Cidr.parseHost(text, where, option.label ?? name).toString(), where);
    }
    case OptionType.CHOICE: {
      const choices = option.choices ?? [];
      if (typeof value !== 'string' || !choices.includes(value)) throw unknownOption(option.label ?? name, describeValue(value), where, choices);
      return semantic(value, where);
    }
    case OptionType.INTEGER: {
      const range = { min: option.min ?? Number.MIN_SAFE_INTEGER, max: option.max ?? Number.MAX_SAFE_INTEGER, hint: option.hint };
      if (!option.check || typeof value !== 'number' || !Number.isFinite(value) || isTerraformReference(value)) return semantic(check.integer(name, value, range), where);
      // The semantic check has the more precise message (e.g. "Invalid port"); the range is checked after it too.
      return check.integer(name, semantic(value, where), range);
    }
    default:
      break;
  }
  if (!isListOption(option.type)) throw new Error(`internal: option ${name} has an unknown type ${String(option.type)}`);
  const items = check.stringArray(name, value, { allowReference: false });
  const at = (i: number) => `${where}[${i}]`;
  switch (option.type) {
    case OptionType.CHOICE_LIST: {
      const choices = option.choices ?? [];
      // Normalized (trimmed, lower case) and without repeats, in the order given (errors name the given index).
      const picked = items.map((item, i) => {
        const v = item.trim().toLowerCase();
        if (!choices.includes(v)) throw unknownOption(option.label ?? name, item, at(i), choices);
        return String(semantic(v, at(i)));
      });
      return [...new Set(picked)];
    }
    case OptionType.CIDR_LIST:
      return [...new Set(items.map((c, i) => String(semantic(Cidr.parse(c, at(i)).toString(), at(i)))))];
    case OptionType.HOST_LIST:
      return items.map((h, i) => semantic(Cidr.parseHost(h, at(i), option.label ?? name).toString(), at(i)));
    default:
      return items.map((s, i) => semantic(s, at(i)));
  }
}

function copy(value: unknown): unknown {
  return Array.isArray(value) ? [...value] : value;
}

/**
 * Converts CLI-style values (as `ProfileDefinition.build` receives them) into typed option values, the one way
 * for every profile: booleans as `true`/`false` or the words `'true'`/`'false'`; lists as arrays or strings, with
 * commas splitting and items trimmed; `all` in a CHOICE_LIST expanded (see `expandAll`); integers as numbers or
 * decimal text; single values as strings. An unknown name is an error with "did you mean".
 * @param title what errors call the owner's options, e.g. `AKS profile option`
 */
export function fromCliValues(table: OptionTable, raw: Readonly<Record<string, unknown>> | undefined, owner: OptionOwner, title: string): Record<string, unknown> {
  const values = raw ?? {};
  const names = table.map((o) => o.name);
  for (const key of Object.keys(values)) {
    if (values[key] !== undefined && !names.includes(key)) throw unknownOption(title, key, owner.origin, names);
  }
  const prefix = owner.optionOrigin ?? `${owner.origin} option`;
  const out: Record<string, unknown> = {};
  for (const option of table) {
    const v = ownValue(values, option.name);
    if (v === undefined || v === null) continue;
    const flag = `--${option.flag}`;
    const where = `${prefix} ${option.name}`;
    if (option.type === OptionType.BOOLEAN) {
      if (typeof v === 'boolean') out[option.name] = v;
      else if (v === 'true' || v === 'false') out[option.name] = v === 'true';
      else throw invalidValue(flag, describeValue(v), where, `${flag} is true or false.`);
    } else if (isListOption(option.type)) {
      const items = typeof v === 'string' ? [v] : v;
      if (!Array.isArray(items) || items.some((x) => typeof x !== 'string')) throw invalidValue(flag, String(v), where, `${flag} takes values separated by commas.`);
      const list = (items as string[]).flatMap((x) => x.split(',')).map((x) => x.trim()).filter((x) => x !== '');
      const all = option.type === OptionType.CHOICE_LIST && list.some((x) => x.toLowerCase() === 'all');
      out[option.name] = all ? [...(option.expandAll ? option.expandAll(values) : option.choices ?? [])] : list;
    } else if (option.type === OptionType.INTEGER) {
      if (typeof v === 'number') out[option.name] = v;
      else if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) out[option.name] = Number(v);
      else throw invalidValue(flag, String(v), where, `${flag} takes a whole decimal number${rangeText(option)}.`, 'invalid-number');
    } else {
      if (typeof v !== 'string') throw invalidValue(flag, String(v), where, `${flag} takes one value.`);
      out[option.name] = v;
    }
  }
  return out;
}

/** ` from 1 to 65535`, ` of at least 1`, or nothing. */
export function rangeText(option: { readonly min?: number; readonly max?: number }): string {
  if (option.min !== undefined && option.max !== undefined) return ` from ${option.min} to ${option.max}`;
  if (option.min !== undefined) return ` of at least ${option.min}`;
  if (option.max !== undefined) return ` of at most ${option.max}`;
  return '';
}
