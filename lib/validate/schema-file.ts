import * as fs from 'fs';
import * as path from 'path';
import { invalidValue } from '../model/errors';
import { ArgumentKind, ArgumentSchema, BlockNesting, BlockSchema, ProviderSchema, TypeSchema } from './provider-schema';

/*
 * Schema files for providers without a cdktf binding (IBM Cloud), kept in the project and sourced from the
 * provider documentation. Shape:
 *   { "<tf_type>": { "<argument>": { "required": bool, "kind": "attr"|"block",
 *                                    "nesting": "single"|"list", "type": "string", "block": { ...nested } } } }
 * A `data.<tf_type>` key describes a data source, `provider.<name>` the provider block. Keys starting with `//`,
 * `$` or `_` are comments or metadata (`$source`: where the schema was written from; `$version`: the provider
 * version it describes).
 * `nesting`, `type` and `block` are optional; without `block` a nested block's contents are not checked.
 */

const KINDS: readonly string[] = Object.values(ArgumentKind);
const NESTINGS: readonly string[] = Object.values(BlockNesting);

/** Reads and checks a schema file; `source` is the provider source address it describes. */
export function loadSchemaFile(file: string, source: string): ProviderSchema {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw invalidValue('schema file', file, 'offline validation', `It must be readable JSON: ${(e as Error).message}.`, 'invalid-schema-file');
  }
  return parseSchemaFile(parsed, source, path.join(path.basename(path.dirname(path.resolve(file))), path.basename(file)));
}

/** Checks the parsed content of a schema file and turns it into a provider schema. */
export function parseSchemaFile(content: unknown, source: string, origin: string): ProviderSchema {
  const top = asObject(content, origin, 'the top level');
  const resources: Record<string, TypeSchema> = {};
  const dataSources: Record<string, TypeSchema> = {};
  let providerConfig: BlockSchema | undefined;
  for (const key of Object.keys(top).sort()) {
    if (/^(\/\/|\$|_)/.test(key)) continue;
    const block = parseBlock(top[key], origin, key);
    if (key.startsWith('provider.')) providerConfig = block;
    else if (key.startsWith('data.')) dataSources[key.slice('data.'.length)] = { arguments: block };
    else resources[key] = { arguments: block };
  }
  const version = typeof top.$version === 'string' ? top.$version : 'unknown';
  return { source, version, origin, resources, dataSources, providerConfig };
}

function parseBlock(value: unknown, origin: string, where: string): BlockSchema {
  const raw = asObject(value, origin, where);
  const block: Record<string, ArgumentSchema> = {};
  for (const name of Object.keys(raw).sort()) {
    block[name] = parseArgument(raw[name], origin, `${where}.${name}`);
  }
  return block;
}

function parseArgument(value: unknown, origin: string, where: string): ArgumentSchema {
  const raw = asObject(value, origin, where);
  if (typeof raw.required !== 'boolean') throw badEntry(origin, where, '"required" must be true or false');
  if (typeof raw.kind !== 'string' || !KINDS.includes(raw.kind)) throw badEntry(origin, where, `"kind" must be one of ${KINDS.join(', ')}`);
  if (raw.nesting !== undefined && (typeof raw.nesting !== 'string' || !NESTINGS.includes(raw.nesting))) {
    throw badEntry(origin, where, `"nesting" must be one of ${NESTINGS.join(', ')}`);
  }
  if (raw.type !== undefined && typeof raw.type !== 'string') throw badEntry(origin, where, '"type" must be a type such as "string" or "list(string)"');
  const kind = raw.kind as ArgumentKind;
  return {
    required: raw.required,
    kind,
    // A block without a stated nesting is repeatable: the permissive reading.
    nesting: (raw.nesting as BlockNesting | undefined) ?? (kind === ArgumentKind.BLOCK ? BlockNesting.LIST : undefined),
    type: raw.type as string | undefined,
    block: raw.block === undefined ? undefined : parseBlock(raw.block, origin, where),
  };
}

function asObject(value: unknown, origin: string, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badEntry(origin, where, 'It must be a JSON object');
  return value as Record<string, unknown>;
}

function badEntry(origin: string, where: string, what: string) {
  return invalidValue('schema entry', where, `schema file ${origin}`, `${what}.`, 'invalid-schema-file');
}
