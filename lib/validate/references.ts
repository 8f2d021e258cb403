/*
 * Finds the references in Terraform JSON strings: the traversals inside `${ ... }` interpolations
 * (`aws_security_group.sg.id`, `data.aws_vpc.main.cidr_block`, `var.cidrs`, `local.x`, `module.m.out`),
 * skipping string literals, function names and the symbols that for-expressions and dynamic-block
 * iterators introduce. A small scanner, not a full HCL parser: enough to see which objects an expression
 * points at.
 */

/** What a reference points at. */
export enum ReferenceKind {
  /** `aws_x.name[.attribute]` */
  RESOURCE = 'resource',
  /** `data.aws_x.name[.attribute]` */
  DATA = 'data',
  /** `var.name` */
  VARIABLE = 'variable',
  /** `local.name` */
  LOCAL = 'local',
  /** `module.name` */
  MODULE = 'module',
}

/** One reference found in an expression. */
export interface Reference {
  readonly kind: ReferenceKind;
  /** Resource or data source type; empty for variables, locals and modules. */
  readonly type: string;
  /** Object name. */
  readonly name: string;
  /**
   * First attribute after the object (after any `[index]`), e.g. `id`.
   * @default - the whole object is referenced
   */
  readonly attribute?: string;
  /** The traversal as written up to the attribute, e.g. `aws_security_group.sg.id`. */
  readonly text: string;
}

/** Roots that are not objects declared in the stack. */
const BUILTIN_ROOTS = new Set(['path', 'terraform', 'each', 'count', 'self']);
const KEYWORDS = new Set(['for', 'in', 'if', 'true', 'false', 'null']);

/** The references in every `${ ... }` interpolation of a string; `symbols` are names bound locally (iterators). */
export function referencesInString(value: string, symbols: ReadonlySet<string> = new Set()): Reference[] {
  const out: Reference[] = [];
  scanTemplate(value, 0, symbols, out, false);
  return out;
}

/** The reference a bare traversal such as a `depends_on` entry (`aws_security_group.sg`) names. */
export function referenceOfTraversal(traversal: string): Reference | undefined {
  const inner = /^\$\{(.*)\}$/s.exec(traversal.trim());
  return classify((inner ? inner[1] : traversal).trim(), new Set());
}

/** Scans template text (outside expressions) from `start`; returns the index after a closing `"` when `inString`. */
function scanTemplate(text: string, start: number, symbols: ReadonlySet<string>, out: Reference[], inString: boolean): number {
  let i = start;
  while (i < text.length) {
    const c = text[i];
    if (inString && c === '\\') {
      i += 2;
      continue;
    }
    if (inString && c === '"') return i + 1;
    if ((c === '$' || c === '%') && text[i + 1] === '{') {
      if (text[i - 1] === c && text[i - 2] !== c) {
        // `$${` is an escaped literal `${`
        i += 2;
        continue;
      }
      i = scanExpression(text, i + 2, symbols, out);
      continue;
    }
    i++;
  }
  return i;
}

/** Scans an expression until its closing `}` (nesting-aware); returns the index after it. */
function scanExpression(text: string, start: number, symbols: ReadonlySet<string>, out: Reference[]): number {
  const end = matchingBrace(text, start);
  const expression = text.slice(start, end);
  const local = new Set(symbols);
  // for-expressions bind one or two names: `[for k, v in x : ...]`
  for (const m of expression.matchAll(/\bfor\s+([A-Za-z_][\w-]*)(?:\s*,\s*([A-Za-z_][\w-]*))?\s+in\b/g)) {
    local.add(m[1]);
    if (m[2]) local.add(m[2]);
  }
  let i = 0;
  while (i < expression.length) {
    const c = expression[i];
    if (c === '"') {
      i = scanTemplate(expression, i + 1, local, out, true);
      continue;
    }
    // Skipped traversals consume their hyphens, so a `-` before a letter is a minus sign.
    if (/[A-Za-z_]/.test(c) && !/[\w.:]/.test(expression[i - 1] ?? '')) {
      const m = /^[A-Za-z_][\w-]*(?:\s*(?:\.\s*(?:[A-Za-z_][\w-]*|\*|\d+)|\[[^\]]*\]))*/.exec(expression.slice(i))!;
      const traversal = m[0];
      const after = expression.slice(i + traversal.length).trimStart();
      if (!after.startsWith('(') && !after.startsWith('::')) {
        const ref = classify(traversal.replace(/\s+/g, ''), local);
        if (ref) out.push(ref);
      }
      i += traversal.length;
      continue;
    }
    i++;
  }
  return end + 1;
}

/** Index of the `}` closing an expression that starts at `start`, skipping strings and nested braces. */
function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    } else if (c === '{') {
      depth++;
    } else if (c === '}') {
      if (depth === 0) return i;
      depth--;
    }
    i++;
  }
  return text.length;
}

function classify(traversal: string, symbols: ReadonlySet<string>): Reference | undefined {
  const segments = splitTraversal(traversal);
  const root = segments[0];
  if (!root || KEYWORDS.has(root) || BUILTIN_ROOTS.has(root) || symbols.has(root)) return undefined;
  const at = (n: number) => segments.slice(0, n).join('.');
  switch (root) {
    case 'var':
      return segments[1] ? { kind: ReferenceKind.VARIABLE, type: '', name: segments[1], text: at(2) } : undefined;
    case 'local':
      return segments[1] ? { kind: ReferenceKind.LOCAL, type: '', name: segments[1], text: at(2) } : undefined;
    case 'module':
      return segments[1] ? { kind: ReferenceKind.MODULE, type: '', name: segments[1], text: at(2) } : undefined;
    case 'data':
      if (!segments[1] || !segments[2]) return undefined;
      return withAttribute({ kind: ReferenceKind.DATA, type: segments[1], name: segments[2] }, segments[3], at);
    default:
      // A lone identifier or a numeric traversal is not an object reference.
      if (!segments[1] || !/^[A-Za-z_]/.test(segments[1])) return undefined;
      return withAttribute({ kind: ReferenceKind.RESOURCE, type: root, name: segments[1] }, segments[2], at);
  }
}

function withAttribute(ref: { kind: ReferenceKind; type: string; name: string }, attribute: string | undefined, at: (n: number) => string): Reference {
  const base = ref.kind === ReferenceKind.DATA ? 3 : 2;
  if (attribute && /^[A-Za-z_]/.test(attribute)) return { ...ref, attribute, text: at(base + 1) };
  return { ...ref, text: at(base) };
}

/** `a.b[0].c` -> [a, b, c]: names only, indexes and splats dropped. */
function splitTraversal(traversal: string): string[] {
  return traversal
    .replace(/\[[^\]]*\]/g, '.')
    .split('.')
    .filter((s) => s !== '' && s !== '*' && !/^\d+$/.test(s));
}
