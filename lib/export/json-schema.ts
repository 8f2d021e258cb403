import { PROFILES } from '../catalog';
import { isListOption, OptionSpec, OptionType, ProfileDefinition } from '../catalog/profile-definition';
import { PeerKind } from '../model/peer';
import { Direction } from '../model/protocol';
import { EXPORT_REGISTRY } from './registry';

/** Where the published JSON Schema of the export spec lives in the package (and the repository). */
export const EXPORT_SPEC_SCHEMA_FILE = 'schemas/export-spec.schema.json';

/** The JSON Schema of one profile option, from its declaration. */
export function optionJsonSchema(option: OptionSpec): Record<string, unknown> {
  const out: Record<string, unknown> = { description: option.description };
  const item = (): Record<string, unknown> => {
    if (option.type === OptionType.CHOICE_LIST) return { type: 'string', enum: [...(option.choices ?? [])] };
    return { type: 'string', minLength: 1 };
  };
  if (isListOption(option.type)) {
    Object.assign(out, { type: 'array', items: item() });
    if (option.required) out.minItems = 1;
  } else if (option.type === OptionType.BOOLEAN) {
    out.type = 'boolean';
  } else if (option.type === OptionType.INTEGER) {
    out.type = 'integer';
    if (option.min !== undefined) out.minimum = option.min;
    if (option.max !== undefined) out.maximum = option.max;
  } else if (option.type === OptionType.CHOICE) {
    Object.assign(out, { type: 'string', enum: [...(option.choices ?? [])] });
  } else {
    Object.assign(out, { type: 'string', minLength: 1 });
  }
  if (option.defaultValue !== undefined) out.default = option.defaultValue;
  else if (option.defaultText) out.description = `${option.description} Default: ${option.defaultText}.`;
  return out;
}

/** The JSON Schema of one profile's options object (`$.profiles.<name>`). */
export function profileOptionsJsonSchema(profile: ProfileDefinition): Record<string, unknown> {
  const required = profile.options.filter((o) => o.required).map((o) => o.name);
  return {
    type: 'object',
    description: `${profile.description} (CLI: list ${profile.name} --help)`,
    additionalProperties: false,
    ...(required.length > 0 ? { required } : {}),
    properties: Object.fromEntries(profile.options.map((o) => [o.name, optionJsonSchema(o)])),
  };
}

/**
 * The JSON Schema (draft 2020-12) of an export spec, generated from the profiles' option tables: editors complete
 * and check a `spec.json` that names it in `"$schema"`. The export command checks the same rules (and the values
 * themselves: regions, CIDRs, ...) when it reads the spec.
 */
export function exportSpecJsonSchema(profiles: readonly ProfileDefinition[] = PROFILES): Record<string, unknown> {
  const targets = EXPORT_REGISTRY.targets;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://unpkg.com/cdktf-firewall-requirements/schemas/export-spec.schema.json',
    title: 'cdktf-firewall-requirements export spec',
    description: 'The profiles to merge (with their options) and the export target\'s options: cdktf-firewall-requirements export <target> --spec <file> --out <dir>.',
    type: 'object',
    additionalProperties: false,
    required: ['profiles'],
    properties: {
      $schema: { type: 'string', description: 'This schema, for editors.' },
      profiles: {
        type: 'object',
        description: 'Profile name to the options of its profile function. At least one.',
        minProperties: 1,
        additionalProperties: false,
        properties: Object.fromEntries(profiles.map((p) => [p.name, profileOptionsJsonSchema(p)])),
      },
      target: {
        type: 'object',
        description: `The target's options (see "export <target> --help"). Targets: ${targets.map((t) => t.name).join(', ')}.`,
      },
      select: {
        type: 'object',
        description: 'Which rows of the merged profiles the module renders. Default: every row.',
        additionalProperties: false,
        properties: {
          peerKinds: { type: 'array', minItems: 1, items: { type: 'string', enum: Object.values(PeerKind) } },
          directions: { type: 'array', minItems: 1, items: { type: 'string', enum: Object.values(Direction) } },
        },
      },
    },
  };
}

/** The schema file's text: two-space JSON and a final newline. */
export function exportSpecJsonSchemaText(profiles: readonly ProfileDefinition[] = PROFILES): string {
  return `${JSON.stringify(exportSpecJsonSchema(profiles), null, 2)}\n`;
}
