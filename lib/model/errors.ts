/**
 * The one list of error codes. `FirewallRequirementsError.code` is always one of these, so callers can
 * switch on it exhaustively; a new code is added here (and nowhere else) before it is used.
 */
export const ERROR_CODES = [
  // values
  'invalid-cidr',
  'invalid-host',
  'invalid-port',
  'invalid-fqdn',
  'invalid-number',
  'invalid-type',
  'invalid-value',
  'any-address',
  'cyclic-value',
  'unresolved-token',
  'template-syntax',
  'unresolved-placeholder',
  // options and arguments
  'unknown-option',
  'missing-option',
  'conflicting-options',
  'unsupported-addon',
  'unexpected-argument',
  'unexpected-value',
  'missing-value',
  'empty-value',
  'repeated-flag',
  'repeated-value',
  'conflicting-values',
  'unsupported-range',
  'readme-block',
  // targets
  'unsupported-peer',
  'unsupported-flow',
  'unsupported-protocol',
  'limit-exceeded',
  'empty',
  'conflict',
  'conflicting-constructs',
  'duplicate-name',
  'duplicate-priority',
  'deny-before-allow',
  'missing-dependency',
  // export, files and validation
  'invalid-spec',
  'duplicate-key',
  'reserved-name',
  'input-too-large',
  'invalid-export-content',
  'output-not-directory',
  'output-not-empty',
  'output-unwritable',
  'not-found',
  'not-a-folder',
  'unreadable',
  'invalid-stack',
  'invalid-schema-file',
  // drift and explain: vendor files, firewall logs, flows
  'invalid-upstream',
  'invalid-log',
  'invalid-flow',
  // a bug in the library, not in the input
  'internal',
] as const;

/** A code from {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Every error the library raises is a `FirewallRequirementsError`: it names the offending value, where it
 * came from (a catalog row, a profile option, a CLI flag, a construct prop) and how to fix it. Errors are
 * raised before anything is written, so bad input never produces a half-written stack.
 */
export class FirewallRequirementsError extends Error {
  /** A stable, machine-readable code such as `invalid-cidr` or `limit-exceeded`. */
  public readonly code: ErrorCode;
  /** The offending value, as the user or the catalog gave it. */
  public readonly value: string;
  /** Where the value came from, e.g. `option subnetCidrs[1]` or `catalog aks/global-network`. */
  public readonly origin: string;
  /** How to fix it. */
  public readonly hint: string;

  constructor(code: ErrorCode, problem: string, value: string, origin: string, hint: string) {
    const where = origin ? ` (from ${origin})` : '';
    const fix = hint ? ` ${hint}` : '';
    // A deeper stack than Node's default 10 frames, so that the user's frame is in it when the error is raised
    // inside cdktf's synthesis.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = Math.max(limit, STACK_FRAMES);
    super(`${problem}${where}.${fix}`);
    Error.stackTraceLimit = limit;
    this.name = 'FirewallRequirementsError';
    this.code = code;
    this.value = value;
    this.origin = origin;
    this.hint = hint;
    // Node prints an uncaught error's enumerable fields after its stack: the hint would read twice.
    for (const field of ['name', 'code', 'value', 'origin', 'hint']) Object.defineProperty(this, field, { enumerable: false });
    this.stack = userStack(this);
  }
}

const STACK_FRAMES = 60;
/** Frames of the library itself (this folder's parent: `lib/` in the sources, `dist/lib/` in the package). */
const LIBRARY_DIR = __dirname.replace(/[\\/]model$/, '');
/** Frames that are not the user's: the library, Node's internals, cdktf and constructs. */
function isUserFrame(line: string): boolean {
  const file = /\((.*):\d+:\d+\)$/.exec(line)?.[1] ?? /^\s*at (.*):\d+:\d+$/.exec(line)?.[1];
  if (file === undefined) return false;
  if (file.startsWith(LIBRARY_DIR) || file.startsWith('node:')) return false;
  return !/[\\/]node_modules[\\/](cdktf|constructs|jsii|ts-node|@cdktf)[\\/]/.test(file);
}

/**
 * The first frame of `error`'s stack that is the user's code (not the library, Node, cdktf or constructs), e.g.
 * `at Object.<anonymous> (/home/me/app/main.ts:12:1)`; undefined when the stack has none.
 */
export function userFrame(error: Error): string | undefined {
  return (error.stack ?? '').split('\n').find((l) => /^\s+at /.test(l) && isUserFrame(l))?.trim();
}

/**
 * The stack from the user's frame on: the library's own frames (and cdktf's and constructs', when the error is
 * raised at synth) above it are left out, as `Error.captureStackTrace` leaves out a constructor's, so that the first
 * frame Node prints is the line of the user's code that led here. The whole stack when there is no user frame, or
 * with `CDKTF_FIREWALL_REQUIREMENTS_DEBUG=1`.
 */
function userStack(error: Error): string | undefined {
  const stack = error.stack;
  if (stack === undefined || (typeof process !== 'undefined' && process.env?.CDKTF_FIREWALL_REQUIREMENTS_DEBUG === '1')) return stack;
  const lines = stack.split('\n');
  const first = lines.findIndex((l) => /^\s+at /.test(l));
  if (first === -1) return stack;
  const user = lines.findIndex((l, i) => i >= first && /^\s+at /.test(l) && isUserFrame(l));
  if (user === -1) return stack;
  return [...lines.slice(0, first), ...lines.slice(user)].join('\n');
}

function quote(value: string): string {
  return JSON.stringify(value);
}

export function invalidCidr(value: string, origin: string, reason: string, suggestion?: string): FirewallRequirementsError {
  const hint = suggestion ? `Did you mean ${suggestion}?` : 'Use an IPv4 or IPv6 address or CIDR such as 10.0.0.0/16.';
  return new FirewallRequirementsError('invalid-cidr', `Invalid CIDR ${quote(value)}: ${reason}`, value, origin, hint);
}

export function invalidPort(value: string, origin: string, reason: string): FirewallRequirementsError {
  return new FirewallRequirementsError(
    'invalid-port',
    `Invalid port ${quote(value)}: ${reason}`,
    value,
    origin,
    'Ports are whole numbers from 1 to 65535; a range is written low-high, e.g. 30000-32767.',
  );
}

export function invalidFqdn(value: string, origin: string, reason: string, hint?: string): FirewallRequirementsError {
  return new FirewallRequirementsError(
    'invalid-fqdn',
    `Invalid domain name ${quote(value)}: ${reason}`,
    value,
    origin,
    hint ?? 'A wildcard is allowed only as the whole left-most label, e.g. *.example.com.',
  );
}

export function invalidValue(
  what: string,
  value: string,
  origin: string,
  hint: string,
  code: ErrorCode = 'invalid-value',
): FirewallRequirementsError {
  return new FirewallRequirementsError(code, `Invalid ${what} ${quote(value)}`, value, origin, hint);
}

/** @param more a further way out, appended after the valid values */
export function unknownOption(what: string, value: string, origin: string, valid: readonly string[], more = ''): FirewallRequirementsError {
  const suggestion = closest(value, valid);
  const did = suggestion ? `Did you mean ${quote(suggestion)}? ` : '';
  return new FirewallRequirementsError(
    'unknown-option',
    `Unknown ${what} ${quote(value)}`,
    value,
    origin,
    `${did}Valid values: ${valid.join(', ')}.${more ? ` ${more}` : ''}`,
  );
}

export function missingOption(option: string, origin: string, why: string, example: string): FirewallRequirementsError {
  return new FirewallRequirementsError('missing-option', `Missing required option ${option}: ${why}`, '', origin, `For example: ${example}.`);
}

export function unresolvedPlaceholder(name: string, origin: string, howToFill: string): FirewallRequirementsError {
  return new FirewallRequirementsError(
    'unresolved-placeholder',
    `Placeholder <${name}> is not resolved`,
    `<${name}>`,
    origin,
    howToFill,
  );
}

export function limitExceeded(what: string, count: number, limit: number, origin: string, wayOut: string): FirewallRequirementsError {
  return new FirewallRequirementsError(
    'limit-exceeded',
    `${what}: ${count} exceeds the limit of ${limit}`,
    String(count),
    origin,
    wayOut,
  );
}

export function unsupportedPeer(target: string, value: string, origin: string, why: string, alternative: string): FirewallRequirementsError {
  return new FirewallRequirementsError(
    'unsupported-peer',
    `${target} cannot express ${quote(value)}: ${why}`,
    value,
    origin,
    alternative,
  );
}

/**
 * A peer dependency an entry point needs is not installed, or not in the supported range.
 * @param installed the version found, or undefined when the package is missing
 */
export function missingDependency(pkg: string, range: string, origin: string, installed?: string): FirewallRequirementsError {
  const problem = installed === undefined ? `${pkg} is not installed` : `${pkg} ${installed} is installed, outside the supported range ${range}`;
  return new FirewallRequirementsError(
    'missing-dependency',
    `${problem}; ${origin} needs it`,
    installed ?? '',
    origin,
    `Install it: npm install ${pkg}@"${range}"`,
  );
}

/** The valid value closest to `value` by edit distance, when it is close enough to be a likely typo. */
export function closest(value: string, valid: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of valid) {
    const d = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(value.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
