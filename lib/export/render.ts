import { FirewallRequirementsError } from '../model/errors';
import { ExportedModuleContent } from './module';

/** The files of an exported module, in the order they are listed. */
export const MODULE_FILES = ['main.tf.json', 'variables.tf.json', 'outputs.tf.json', 'versions.tf.json'] as const;

/**
 * The oldest Terraform that reads the generated files: `nullable` on variables came in 1.1. OpenTofu (1.6 and
 * later) reads them too.
 */
export const REQUIRED_TERRAFORM_VERSION = '>= 1.1';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
// [hostname/]namespace/type; registry namespaces keep their case (IBM-Cloud/ibm).
const PROVIDER_SOURCE = /^([a-z0-9.-]+\/)?[A-Za-z0-9][A-Za-z0-9-]*\/[a-z0-9-]+$/;
/** A version constraint with at least one operator other than `=`: a range, never a single pinned version. */
const VERSION_RANGE = /^\s*(>=|>|<=|<|~>|!=)\s*\d/;

/**
 * Renders module content as Terraform JSON files. Object keys are sorted at every level (a `//` comment first), two
 * spaces indent, one newline at the end: the same content gives byte-identical files whatever order the target
 * built its objects in. The content is checked first (identifiers, version ranges, every `${var.x}`, `${local.x}`
 * and `${<type>.<key>...}` reference names something the module declares), so a target bug is reported at export,
 * not at `terraform init`.
 * @param comment written as the `//` comment of main.tf.json
 */
export function renderModuleFiles(content: ExportedModuleContent, target: string, comment: string): Record<string, string> {
  checkContent(content, target);
  const locals = content.locals ?? {};
  const main: Record<string, unknown> = { '//': comment };
  if (Object.keys(locals).length > 0) main.locals = locals;
  if (Object.keys(content.resources).length > 0) main.resource = content.resources;

  const variables: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(content.variables)) {
    const body: Record<string, unknown> = { type: v.type, description: v.description };
    if (v.default !== undefined) body.default = v.default;
    // Terraform's `nullable`: a variable the caller must set refuses null unless the target says otherwise.
    const nullable = v.nullable ?? (v.default === undefined ? false : undefined);
    if (nullable !== undefined) body.nullable = nullable;
    variables[name] = body;
  }
  const outputs: Record<string, unknown> = {};
  for (const [name, o] of Object.entries(content.outputs)) outputs[name] = { value: o.value, description: o.description };

  const requiredProviders: Record<string, unknown> = {};
  for (const p of content.providers) requiredProviders[p.name] = { source: p.source, version: p.version };

  const files: Record<(typeof MODULE_FILES)[number], unknown> = {
    'main.tf.json': main,
    'variables.tf.json': Object.keys(variables).length > 0 ? { variable: variables } : {},
    'outputs.tf.json': Object.keys(outputs).length > 0 ? { output: outputs } : {},
    'versions.tf.json': { terraform: { required_version: REQUIRED_TERRAFORM_VERSION, required_providers: requiredProviders } },
  };
  const out: Record<string, string> = {};
  for (const name of MODULE_FILES) out[name] = canonicalJson(files[name]);
  return out;
}

/** JSON with object keys sorted at every level (`//` first), two spaces indent and a final newline. */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  if (keys.length > 1) keys.sort((a, b) => (a === '//' ? -1 : b === '//' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sortKeys(v);
  }
  return out;
}

function invalidContent(target: string, what: string, value: string, fix: string): FirewallRequirementsError {
  return new FirewallRequirementsError('invalid-export-content', `Export target ${target} produced ${what} ${JSON.stringify(value)}`, value, `export target ${target}`, fix);
}

function checkContent(content: ExportedModuleContent, target: string): void {
  if (content.providers.length === 0) throw invalidContent(target, 'no provider', '', 'A module lists the providers of its resources in required_providers.');
  const providerNames = new Set<string>();
  for (const p of content.providers) {
    if (!IDENTIFIER.test(p.name) || providerNames.has(p.name)) throw invalidContent(target, 'a provider name that is invalid or repeated', p.name, 'Give each provider once, by its local name (e.g. aws).');
    providerNames.add(p.name);
    if (!PROVIDER_SOURCE.test(p.source)) throw invalidContent(target, 'a provider source', p.source, 'A source is <namespace>/<type>, e.g. hashicorp/aws.');
    if (!VERSION_RANGE.test(p.version) || /,\s*=/.test(p.version)) {
      throw invalidContent(target, `a version constraint for ${p.name} that is not a range`, p.version, 'Give a range such as ">= 5.0, < 7.0", never an exact pin: the caller\'s root module picks the version.');
    }
  }
  const names = (kind: string, record: Readonly<Record<string, unknown>>) => {
    for (const name of Object.keys(record)) if (!IDENTIFIER.test(name)) throw invalidContent(target, `a ${kind} name`, name, 'Names are letters, digits, underscores and dashes, starting with a letter or underscore.');
  };
  names('variable', content.variables);
  names('output', content.outputs);
  names('local', content.locals ?? {});
  names('resource type', content.resources);
  for (const [type, byKey] of Object.entries(content.resources)) names(`${type} key`, byKey);
  for (const [name, v] of Object.entries(content.variables)) {
    if (!v.description?.trim()) throw invalidContent(target, 'a variable without a description', name, 'Describe every variable: it is the module\'s documentation.');
  }

  const templates: string[] = [];
  for (const part of [content.resources, content.outputs, content.locals ?? {}]) collectTemplates(part, templates);
  const references = templates.flatMap((s) =>
    [...s.matchAll(/(?<!\$)\$\{([^}]*)\}/g)].flatMap((m) => [...m[1].matchAll(/(?<![\w.])([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)/g)].map((r) => [r[1], r[2]] as const)),
  );
  for (const [head, name] of references) {
    if (head === 'var' && !(name in content.variables)) {
      throw invalidContent(target, 'a reference to an undeclared variable', `var.${name}`, 'Declare every variable the resources use.');
    }
    if (head === 'local' && !(name in (content.locals ?? {}))) {
      throw invalidContent(target, 'a reference to an undeclared local', `local.${name}`, 'Declare every local the resources use.');
    }
    const ofType = content.resources[head];
    if (ofType && !(name in ofType)) throw invalidContent(target, 'a reference to a resource it does not declare', `${head}.${name}`, 'Reference only resources of the module.');
  }
}

/** Appends to `out` every string in `value` that holds an interpolation (`${`), at any depth. */
function collectTemplates(value: unknown, out: string[]): void {
  if (typeof value === 'string') {
    if (value.includes('${')) out.push(value);
  } else if (Array.isArray(value)) {
    for (const v of value) collectTemplates(v, out);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) collectTemplates(v, out);
  }
}
