import { FirewallRequirementsError } from '../model/errors';
import { hasTemplateSyntax } from '../model/terraform-text';
import { describeValue } from '../model/value';

// An export spec is data, whoever wrote it: a JSON file or a JavaScript caller of the export API. Before anything
// reads it, it is copied into plain data here: own enumerable properties only, into objects without a prototype, so
// nothing inherited (a polluted `Object.prototype.allowAnyAddress`) can act as an option; within size and depth
// limits, so that a huge or deeply nested input fails with a clear error instead of a stack overflow or a long wait.

/** The limits of a spec. Generous for real specs (a few kB), far below what would strain the process. */
export const SPEC_LIMITS = Object.freeze({
  /** Most bytes of spec text (4 MiB). */
  maxBytes: 4 * 1024 * 1024,
  /** Deepest nesting of objects and arrays. */
  maxDepth: 32,
  /** Most values (objects, arrays, strings, numbers, booleans) in a spec. */
  maxValues: 500_000,
  /** Longest string. */
  maxStringLength: 65_536,
});

/** Keys that would be names in a spec and that JavaScript gives a meaning of their own. */
export const RESERVED_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

type PathPart = string | number;

/**
 * A deep copy of `value` as spec data: objects become null-prototype objects holding the own enumerable string-keyed
 * properties only (getters are read once), arrays stay arrays, strings, finite numbers, booleans and null stay;
 * `undefined` properties are left out (as JSON would). Anything else (functions, symbols, bigints, class instances,
 * cycles, non-finite numbers), a reserved key (`__proto__`, `constructor`, `prototype`), or a spec past
 * `SPEC_LIMITS` is a `FirewallRequirementsError` naming the JSON path.
 * @param where renders a JSON path as errors name it
 */
export function specData(value: unknown, where: (parts: readonly PathPart[]) => string): unknown {
  let count = 0;
  const active = new Set<object>();
  const copy = (v: unknown, parts: PathPart[]): unknown => {
    if (++count > SPEC_LIMITS.maxValues) throw tooLarge(`more than ${SPEC_LIMITS.maxValues.toLocaleString('en-US')} values`, where(parts));
    if (v === null || typeof v === 'boolean') return v;
    if (typeof v === 'string') {
      if (v.length > SPEC_LIMITS.maxStringLength) throw tooLarge(`a string of ${v.length.toLocaleString('en-US')} characters (at most ${SPEC_LIMITS.maxStringLength.toLocaleString('en-US')})`, where(parts));
      return v;
    }
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw notData(v, parts, where, 'a number that is not finite');
      return v;
    }
    if (typeof v !== 'object') throw notData(v, parts, where, typeof v === 'function' ? 'a function' : `a ${typeof v}`);
    if (parts.length >= SPEC_LIMITS.maxDepth) throw tooLarge(`nesting deeper than ${SPEC_LIMITS.maxDepth} levels`, where(parts));
    if (active.has(v)) throw notData(v, parts, where, 'a value that contains itself');
    const proto = Object.getPrototypeOf(v);
    if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) throw notData(v, parts, where, 'an object that is not plain data');
    active.add(v);
    try {
      if (Array.isArray(v)) return Array.from({ length: v.length }, (_, i) => copy(v[i], [...parts, i]));
      const out: Record<string, unknown> = Object.create(null);
      for (const key of Object.keys(v)) {
        if (RESERVED_KEYS.includes(key)) throw reservedKey(key, [...parts, key], where);
        const item = (v as Record<string, unknown>)[key];
        if (item !== undefined) out[key] = copy(item, [...parts, key]);
      }
      return out;
    } finally {
      active.delete(v);
    }
  };
  return copy(value, []);
}

/**
 * Checks spec text before it is parsed: its length, and the nesting depth of its objects and arrays (counted without
 * recursion, outside strings). JSON.parse itself never sees text past the limits.
 */
export function checkSpecTextLimits(text: string, source: string): void {
  if (text.length > SPEC_LIMITS.maxBytes) {
    throw tooLarge(`${text.length.toLocaleString('en-US')} characters (at most ${SPEC_LIMITS.maxBytes.toLocaleString('en-US')})`, source);
  }
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > SPEC_LIMITS.maxDepth) {
        const line = text.slice(0, i).split('\n').length;
        throw tooLarge(`nesting deeper than ${SPEC_LIMITS.maxDepth} levels (line ${line})`, source);
      }
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
}

/**
 * Refuses Terraform template syntax (`${`, `%{`, cdktf token markers) in every string of `value` that the library
 * checks. An exported module is planned before Terraform runs, so a value such as `${"0.0.0.0/0"}` in a CIDR list
 * would skip every check and be evaluated by Terraform afterwards; the module's own variables are the way to pass
 * what is known only at apply. Free text (names, tags, purposes) is allowed and written escaped.
 * @param freeText whether the string at this path is free text
 */
export function refuseTemplates(value: unknown, parts: PathPart[], where: (parts: readonly PathPart[]) => string, freeText: (parts: readonly PathPart[]) => boolean): void {
  if (typeof value === 'string') {
    if ((hasTemplateSyntax(value) || value.includes('{TfToken[')) && !freeText(parts)) {
      throw new FirewallRequirementsError(
        'template-syntax',
        `Invalid value ${JSON.stringify(value)}: it holds Terraform template syntax`,
        value,
        where(parts),
        'The exporter checks this value before Terraform runs, so it must be a literal (e.g. 10.0.0.0/16 or 443), never ${...} or %{...}. Values known only at apply go in through the module\'s variables (see "export <target> --help").',
      );
    }
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => refuseTemplates(v, [...parts, i], where, freeText));
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      // Object keys are templates too in Terraform JSON: only free-text maps (tags) may hold any.
      if ((hasTemplateSyntax(key) || key.includes('{TfToken[')) && !freeText([...parts, key])) refuseTemplates(key, [...parts, key], where, () => false);
      refuseTemplates((value as Record<string, unknown>)[key], [...parts, key], where, freeText);
    }
  }
}

function tooLarge(what: string, origin: string): FirewallRequirementsError {
  return new FirewallRequirementsError('input-too-large', `Spec too large: ${what}`, what, origin, 'A spec names profiles and a few options; split the input, or check that the file is the spec you meant.');
}

function notData(v: unknown, parts: readonly PathPart[], where: (parts: readonly PathPart[]) => string, what: string): FirewallRequirementsError {
  return new FirewallRequirementsError(
    'invalid-type',
    `Invalid spec value ${JSON.stringify(describeValue(v))} (${what})`,
    describeValue(v),
    where(parts),
    'A spec holds JSON data only: objects, arrays, strings, numbers, booleans and null.',
  );
}

function reservedKey(key: string, parts: readonly PathPart[], where: (parts: readonly PathPart[]) => string): FirewallRequirementsError {
  return new FirewallRequirementsError(
    'reserved-name',
    `Reserved key ${JSON.stringify(key)}`,
    key,
    where(parts),
    `${RESERVED_KEYS.join(', ')} are never profile, option or selection names: remove the key.`,
  );
}
