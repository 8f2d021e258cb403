import { createHash } from 'crypto';
import { invalidValue } from '../model/errors';

/** 8 hex digits of SHA-256 over the parts: short, stable names derived from content. */
export function contentHash(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 8);
}

/**
 * Lower-case `a-z0-9-` slug of `text`, at most `maxLength` characters, with no leading/trailing/double hyphens.
 * @param fallback used when nothing is left of `text`
 */
export function slug(text: string, maxLength = 63, fallback = 'x'): string {
  const s = text
    .toLowerCase()
    .replace(/\*/g, 'wildcard')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
  return s || fallback;
}

/**
 * A readable, unique, stable name: the slug of `readable` cut so that `-<hash of key>` fits in `maxLength`.
 * Two different keys never share a name even when their readable parts are equal.
 */
export function stableName(readable: string, key: string, maxLength = 63): string {
  const hash = contentHash(key);
  return `${slug(readable, maxLength - hash.length - 1)}-${hash}`;
}

/**
 * `text` with every character outside `allowed` (a RegExp character class body, e.g. `a-zA-Z0-9 ._-`)
 * replaced by a space, whitespace folded, cut to `maxLength` (with an ellipsis of three dots).
 */
export function sanitizeText(text: string, allowed: string, maxLength: number): string {
  const disallowed = new RegExp(`[^${allowed}]`, 'g');
  const clean = text.replace(disallowed, ' ').replace(/\s+/g, ' ').trim();
  return clean.length <= maxLength ? clean : `${clean.slice(0, maxLength - 3).trimEnd()}...`;
}

/** Splits `items` into consecutive chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  // A size below 1 would never advance, and a fraction would repeat items.
  if (!Number.isInteger(size) || size < 1) {
    throw invalidValue('chunk size', String(size), '', 'A chunk size is a whole number of at least 1.');
  }
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
