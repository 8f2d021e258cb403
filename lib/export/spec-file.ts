import * as fs from 'fs';
import { FirewallRequirementsError, invalidValue } from '../model/errors';
import { jsonPath, specOrigin } from './spec';
import { checkSpecTextLimits, SPEC_LIMITS } from './spec-data';
import { describeValue } from '../model/value';

/**
 * Parses the text of a spec file. JSON is strict: a syntax error names the line and column, and a key written twice
 * in one object is refused (`JSON.parse` would keep the last one silently).
 * @param source the file name, named in errors
 */
export function parseSpecText(text: string, source: string): unknown {
  if (typeof text !== 'string') throw invalidValue('spec text', describeValue(text), 'parseSpecText', 'Give the text of the spec file as a string.', 'invalid-type');
  if (typeof source !== 'string') throw invalidValue('spec source', describeValue(source), 'parseSpecText', 'Name the spec file as a string.', 'invalid-type');
  checkSpecTextLimits(text, source);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    throw invalidValue('spec', '', source, 'The spec file is empty. Write a JSON object: { "profiles": { "chainguard-containers": {} } }.', 'invalid-spec');
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    throw new FirewallRequirementsError('invalid-spec', `Invalid JSON: ${syntaxMessage(body, (e as Error).message)}`, '', source, 'Fix the syntax (JSON has no comments and no trailing commas).');
  }
  assertNoDuplicateKeys(body, source);
  return value;
}

/** Reads and parses a spec file; a missing or unreadable file is a `FirewallRequirementsError` naming the path. */
export function readSpecFile(file: string): unknown {
  if (typeof file !== 'string' || file.trim() === '') {
    throw invalidValue('spec file', describeValue(file), '--spec', 'Give the path of a JSON spec file.', 'invalid-type');
  }
  let text: string;
  try {
    text = readBounded(file, SPEC_LIMITS.maxBytes + 1);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message;
    throw invalidValue('spec file', file, '--spec', `Cannot read it: ${why}. Give the path of a JSON spec file.`, 'invalid-spec');
  }
  return parseSpecText(text, file);
}

/** At most `limit` bytes of a file as UTF-8 (a device or a huge file is never read whole). */
function readBounded(file: string, limit: number): string {
  const fd = fs.openSync(file, 'r');
  try {
    let buffer = Buffer.alloc(Math.min(limit, fs.fstatSync(fd).size + 1 || 64 * 1024));
    let used = 0;
    for (;;) {
      if (used === buffer.length) {
        if (buffer.length >= limit) break;
        const grown = Buffer.alloc(Math.min(limit, buffer.length * 2));
        buffer.copy(grown);
        buffer = grown;
      }
      const n = fs.readSync(fd, buffer, used, buffer.length - used, null);
      if (n === 0) break;
      used += n;
    }
    return buffer.toString('utf8', 0, used);
  } finally {
    fs.closeSync(fd);
  }
}

/** Node's JSON messages name an offset ("at position 42"); a line and column are easier to find. */
function syntaxMessage(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return message;
  const offset = Number(m[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*$/, '').replace(/ at position \d+.*$/, '')} at line ${line}, column ${column}`;
}

interface Container {
  readonly isObject: boolean;
  readonly keys: Set<string>;
  expectKey: boolean;
  /** The current key (objects) or index (arrays), for the path of a nested duplicate. */
  at: string | number;
}

/** Scans valid JSON text for an object that repeats a key. */
function assertNoDuplicateKeys(text: string, source: string): void {
  const stack: Container[] = [];
  const pathOf = () => stack.slice(0, -1).map((c) => c.at);
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top?.isObject && top.expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) {
          throw new FirewallRequirementsError(
            'duplicate-key',
            `Duplicate key ${JSON.stringify(key)}`,
            key,
            specOrigin(source, [...pathOf(), key]),
            `Each key appears once in an object; ${jsonPath([...pathOf(), key])} is given twice. Merge the two entries.`,
          );
        }
        top.keys.add(key);
        top.at = key;
        top.expectKey = false;
      }
      i = j;
    } else if (c === '{' || c === '[') {
      stack.push({ isObject: c === '{', keys: new Set(), expectKey: c === '{', at: c === '{' ? '' : 0 });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top.isObject) top.expectKey = true;
      else top.at = (top.at as number) + 1;
    }
  }
}
