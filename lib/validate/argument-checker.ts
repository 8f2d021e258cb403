import { closest } from '../model/errors';
import { ArgumentKind, ArgumentSchema, BlockNesting, BlockSchema } from './provider-schema';

/*
 * Checks the body of a resource, data source, provider or nested block against its argument schema:
 * unknown arguments, missing required ones, attribute values of the wrong shape, blocks given as something
 * other than objects, too many max-one blocks, and (recursively) the contents of nested blocks, including
 * the `content` of dynamic blocks. Strings that contain `${` are expressions whose value is unknown here,
 * so they pass wherever Terraform accepts an expression (attributes), and fail where it does not (blocks).
 */

/** Receives problems: the block path inside the object (`vpc_config`, `rule[1]`), the argument and what is wrong. */
export type Report = (path: string, argument: string, message: string) => void;

const LIFECYCLE = new Set(['create_before_destroy', 'prevent_destroy', 'ignore_changes', 'replace_triggered_by', 'precondition', 'postcondition']);
const DYNAMIC = new Set(['for_each', 'iterator', 'labels', 'content']);

/** How to check the top level of a body. */
export interface BodyContext {
  /** Meta-arguments accepted at this level besides the schema (e.g. `count`, `provider`). */
  readonly meta: ReadonlySet<string>;
  /** Names the body's owner is called in messages, e.g. `aws_eks_cluster` or `provider aws`. */
  readonly owner: string;
}

/** Checks a whole body (a resource, data source or provider configuration). */
export function checkBody(body: Record<string, unknown>, schema: BlockSchema, context: BodyContext, report: Report): void {
  checkBlock(body, schema, '', context.owner, context.meta, report);
}

function checkBlock(
  body: Record<string, unknown>,
  schema: BlockSchema,
  path: string,
  owner: string,
  meta: ReadonlySet<string>,
  report: Report,
): void {
  const dynamicNames = new Set<string>();
  for (const key of Object.keys(body)) {
    if (key === '//') continue; // cdktf metadata
    const value = body[key];
    if (key === 'dynamic' && !schema.dynamic) {
      checkDynamic(value, schema, path, owner, report, dynamicNames);
      continue;
    }
    if (meta.has(key) && !schema[key]) {
      if (key === 'lifecycle') checkLifecycle(value, schema, path, report);
      continue;
    }
    const argument = schema[key];
    if (!argument) {
      const suggestion = closest(key, Object.keys(schema));
      report(path, key, suggestion ? `unknown argument; did you mean "${suggestion}"?` : `unknown argument: ${owner} has no argument "${key}"`);
      continue;
    }
    if (value === null || value === undefined) continue; // null = unset in Terraform
    checkValue(key, value, argument, path, report);
  }
  for (const name of Object.keys(schema)) {
    const argument = schema[name];
    if (!argument.required || dynamicNames.has(name)) continue;
    if (body[name] === undefined || body[name] === null) {
      report(path, name, argument.kind === ArgumentKind.BLOCK ? 'missing required block' : 'missing required argument');
    }
  }
}

function checkValue(name: string, value: unknown, argument: ArgumentSchema, path: string, report: Report): void {
  if (argument.kind === ArgumentKind.BLOCK) {
    checkBlockValue(name, value, argument, path, report);
  } else if (argument.nesting) {
    checkObjectAttribute(name, value, argument, path, report);
  } else if (argument.type) {
    checkType(value, argument.type, (message) => report(path, name, message));
  }
}

function checkBlockValue(name: string, value: unknown, argument: ArgumentSchema, path: string, report: Report): void {
  const single = argument.nesting === BlockNesting.SINGLE;
  if (Array.isArray(value)) {
    if (single && value.length > 1) {
      report(path, name, `at most one ${name} block is allowed, got ${value.length}`);
      return;
    }
    if (argument.required && value.length === 0) report(path, name, 'missing required block (the array is empty)');
    value.forEach((element, i) => nestedBlock(name, element, `${name}[${i}]`, argument, path, report, true));
    return;
  }
  nestedBlock(name, value, name, argument, path, report, single);
}

function nestedBlock(
  name: string,
  value: unknown,
  step: string,
  argument: ArgumentSchema,
  path: string,
  report: Report,
  /** An object is expected here: a max-one block, or one element of an array of blocks. */
  single: boolean,
): void {
  if (!isObject(value)) {
    const expected = single ? 'an object' : 'an object or an array of objects';
    const expression = typeof value === 'string' && value.includes('${') ? ' (Terraform does not accept an expression for a block; use a dynamic block)' : '';
    report(path, step, `is a block: expected ${expected}, got ${describeJsonValue(value)}${expression}`);
    return;
  }
  if (argument.block) checkBlock(value, argument.block, join(path, step), `the ${name} block`, new Set(), report);
}

/** A struct-typed attribute (nested attribute or attribute-as-block): an expression, or objects checked like blocks. */
function checkObjectAttribute(name: string, value: unknown, argument: ArgumentSchema, path: string, report: Report): void {
  if (isExpression(value)) return;
  const check = (element: unknown, step: string) => {
    if (!isObject(element)) report(path, step, `expected an object, got ${describeJsonValue(element)}`);
    else if (argument.block) checkBlock(element, argument.block, join(path, step), `${name}`, new Set(), report);
  };
  switch (argument.nesting) {
    case BlockNesting.SINGLE:
      check(value, name);
      return;
    case BlockNesting.LIST:
      if (!Array.isArray(value)) report(path, name, `expected an array of objects, got ${describeJsonValue(value)}`);
      else value.forEach((element, i) => check(element, `${name}[${i}]`));
      return;
    default:
      if (!isObject(value)) report(path, name, `expected a map of objects, got ${describeJsonValue(value)}`);
      else for (const key of Object.keys(value)) check(value[key], `${name}[${JSON.stringify(key)}]`);
  }
}

function checkDynamic(value: unknown, schema: BlockSchema, path: string, owner: string, report: Report, names: Set<string>): void {
  if (!isObject(value)) {
    report(path, 'dynamic', `expected an object of dynamic blocks, got ${describeJsonValue(value)}`);
    return;
  }
  for (const name of Object.keys(value)) {
    names.add(name);
    const argument = schema[name];
    const where = join(path, `dynamic.${name}`);
    if (!argument) {
      const suggestion = closest(name, Object.keys(schema));
      report(path, `dynamic.${name}`, suggestion ? `unknown block; did you mean "${suggestion}"?` : `unknown block: ${owner} has no block "${name}"`);
      continue;
    }
    if (!argument.nesting) {
      report(path, `dynamic.${name}`, `"${name}" is an attribute, and dynamic only generates blocks`);
      continue;
    }
    const spec = value[name];
    if (!isObject(spec)) {
      report(path, `dynamic.${name}`, `expected an object with for_each and content, got ${describeJsonValue(spec)}`);
      continue;
    }
    for (const key of Object.keys(spec)) {
      if (!DYNAMIC.has(key)) report(where, key, `unknown argument of a dynamic block; valid: ${[...DYNAMIC].join(', ')}`);
    }
    if (spec.for_each === undefined) report(where, 'for_each', 'missing required argument');
    if (!isObject(spec.content)) {
      report(where, 'content', spec.content === undefined ? 'missing required block' : `is a block: expected an object, got ${describeJsonValue(spec.content)}`);
    } else if (argument.block) {
      checkBlock(spec.content, argument.block, join(where, 'content'), `the ${name} block`, new Set(), report);
    }
  }
}

function checkLifecycle(value: unknown, schema: BlockSchema, path: string, report: Report): void {
  if (!isObject(value)) {
    report(path, 'lifecycle', `is a block: expected an object, got ${describeJsonValue(value)}`);
    return;
  }
  const where = join(path, 'lifecycle');
  for (const key of Object.keys(value)) {
    if (!LIFECYCLE.has(key)) {
      const suggestion = closest(key, [...LIFECYCLE]);
      report(where, key, `unknown lifecycle argument${suggestion ? `; did you mean "${suggestion}"?` : ''}`);
    }
  }
  const ignored = value.ignore_changes;
  if (Array.isArray(ignored)) {
    ignored.forEach((entry, i) => {
      if (typeof entry !== 'string' || entry.includes('${')) return;
      const root = /^[A-Za-z_][\w-]*/.exec(entry)?.[0] ?? entry;
      if (!schema[root]) {
        const suggestion = closest(root, Object.keys(schema));
        report(where, `ignore_changes[${i}]`, `"${entry}" is not an argument${suggestion ? `; did you mean "${suggestion}"?` : ''}`);
      }
    });
  }
}

/**
 * Checks a literal value against a Terraform type constraint. Mirrors Terraform's conversions: numbers and
 * bools convert to strings, numeric strings to numbers, "true"/"false" to bools; expressions pass.
 */
export function checkType(value: unknown, type: string, report: (message: string) => void): void {
  if (value === null || value === undefined || isExpression(value) || type === 'any') return;
  const collection = /^(list|set|map)\((.*)\)$/.exec(type);
  if (collection) {
    const [, kind, element] = collection;
    if (kind === 'map') {
      if (!isObject(value)) return report(`expected a map of ${element}, got ${describeJsonValue(value)}`);
      for (const key of Object.keys(value)) checkType(value[key], element, (m) => report(`key ${JSON.stringify(key)}: ${m}`));
      return;
    }
    if (!Array.isArray(value)) return report(`expected a ${kind} of ${element}, got ${describeJsonValue(value)}`);
    value.forEach((item, i) => checkType(item, element, (m) => report(`element ${i}: ${m}`)));
    return;
  }
  switch (type) {
    case 'string':
      if (typeof value === 'object') report(`expected a string, got ${describeJsonValue(value)}`);
      return;
    case 'number':
      if (typeof value === 'number') return;
      if (typeof value === 'string' && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(value.trim())) return;
      report(`expected a number, got ${describeJsonValue(value)}`);
      return;
    case 'bool':
      if (typeof value === 'boolean' || value === 'true' || value === 'false') return;
      report(`expected a bool, got ${describeJsonValue(value)}`);
      return;
    default:
      return; // object(...), tuple(...) and anything else: not checked
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}

/** A value described for a message: `null`, `an array of 2`, `the string "x"`, `the number 3`, `an object`. */
export function describeJsonValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  switch (typeof value) {
    case 'string': {
      const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
      return `the string ${JSON.stringify(shown)}`;
    }
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `the bool ${value}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

function join(path: string, step: string): string {
  return path ? `${path}.${step}` : step;
}
