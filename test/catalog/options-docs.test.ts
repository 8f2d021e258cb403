import * as fs from 'fs';
import * as path from 'path';
import { PROFILES } from '../../lib/catalog';
import { cliProfile, declareOptions, optionTablesMarkdown, OPTION_TABLES_BEGIN, OPTION_TABLES_END, readOptions, withOptionTables } from '../../lib/catalog/options';
import { OptionType } from '../../lib/catalog/profile-definition';
import { checkSpec } from '../../lib/export/spec';
import { EXPORT_SPEC_SCHEMA_FILE, exportSpecJsonSchema, exportSpecJsonSchemaText, optionJsonSchema } from '../../lib/export/json-schema';
import { RequirementSet } from '../../lib/model/requirement-set';

const ROOT = path.join(__dirname, '..', '..');
const FIX = 'run npm run docs:options and commit the result';

describe('generated from the option tables', () => {
  test(`the shipped ${EXPORT_SPEC_SCHEMA_FILE} is the generated one (${FIX})`, () => {
    expect(fs.readFileSync(path.join(ROOT, EXPORT_SPEC_SCHEMA_FILE), 'utf8')).toBe(exportSpecJsonSchemaText());
  });

  test(`the README option tables are the generated ones (${FIX})`, () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(OPTION_TABLES_BEGIN);
    expect(readme).toContain(OPTION_TABLES_END);
    expect(readme).toBe(withOptionTables(readme, optionTablesMarkdown(PROFILES)));
  });

  test('README links the contributor guide, which exists', () => {
    expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain('(CONTRIBUTING.md)');
    expect(fs.existsSync(path.join(ROOT, 'CONTRIBUTING.md'))).toBe(true);
  });

  test('withOptionTables refuses a README without markers', () => {
    expect(() => withOptionTables('# no markers', '')).toThrow('README.md has no profile-options markers');
  });

  test('each option type maps to its JSON shape', () => {
    const o = (type: OptionType, more = {}) => optionJsonSchema({ name: 'x', flag: 'x', type, description: 'X.', ...more });
    expect(o(OptionType.BOOLEAN, { defaultValue: true })).toEqual({ description: 'X.', type: 'boolean', default: true });
    expect(o(OptionType.INTEGER, { min: 1, max: 65535 })).toEqual({ description: 'X.', type: 'integer', minimum: 1, maximum: 65535 });
    expect(o(OptionType.CHOICE, { choices: ['a', 'b'] })).toEqual({ description: 'X.', type: 'string', enum: ['a', 'b'] });
    expect(o(OptionType.CHOICE_LIST, { choices: ['a'], required: true })).toEqual({ description: 'X.', type: 'array', items: { type: 'string', enum: ['a'] }, minItems: 1 });
    expect(o(OptionType.CIDR_LIST, { defaultText: 'none' })).toEqual({ description: 'X. Default: none.', type: 'array', items: { type: 'string', minLength: 1 } });
    expect(o(OptionType.HOST)).toEqual({ description: 'X.', type: 'string', minLength: 1 });
  });

  test('every profile and every declared option is in the schema, with the required ones', () => {
    const profiles = (exportSpecJsonSchema() as { properties: { profiles: { properties: Record<string, { properties: object; required?: string[] }> } } }).properties.profiles.properties;
    expect(Object.keys(profiles)).toEqual(PROFILES.map((p) => p.name));
    for (const p of PROFILES) {
      expect(Object.keys(profiles[p.name].properties)).toEqual(p.options.map((o) => o.name));
      expect(profiles[p.name].required ?? []).toEqual(p.options.filter((o) => o.required).map((o) => o.name));
    }
  });

  test('a spec may name the schema in "$schema"', () => {
    const spec = checkSpec({ $schema: '../schemas/export-spec.schema.json', profiles: { 'chainguard-enforce': {} } });
    expect(spec.profiles.map((p) => p.name)).toEqual(['chainguard-enforce']);
    expect(() => checkSpec({ $schema: 5, profiles: { 'chainguard-enforce': {} } })).toThrow('Unknown key of the spec "$schema"');
  });
});

describe('a new declared boolean reaches the JSON Schema and the README table', () => {
  const OPTIONS = declareOptions<{ zone: string; fastPath?: boolean }>({
    zone: { type: OptionType.STRING, required: true, description: 'The zone.' },
    fastPath: { type: OptionType.BOOLEAN, defaultValue: false, description: 'Take the fast path.' },
  });
  const PROFILE = cliProfile({
    name: 'throwaway',
    title: 'Throwaway',
    description: 'A profile for this test.',
    options: OPTIONS,
    profile: (o) => {
      readOptions(OPTIONS, o, { origin: 'profile throwaway' });
      return RequirementSet.empty();
    },
  });

  test('JSON Schema', () => {
    const schema = exportSpecJsonSchema([PROFILE]) as { properties: { profiles: { properties: Record<string, unknown> } } };
    expect(schema.properties.profiles.properties.throwaway).toEqual({
      type: 'object',
      description: 'A profile for this test. (CLI: list throwaway --help)',
      additionalProperties: false,
      required: ['zone'],
      properties: {
        zone: { description: 'The zone.', type: 'string', minLength: 1 },
        fastPath: { description: 'Take the fast path.', type: 'boolean', default: false },
      },
    });
  });

  test('README table', () => {
    expect(optionTablesMarkdown([PROFILE])).toBe(
      [
        '#### `throwaway`',
        '',
        'A profile for this test.',
        '',
        '| option | CLI flag | type | default | description |',
        '|---|---|---|---|---|',
        '| `zone` | `--zone` | string | (required) | The zone. |',
        '| `fastPath` | `--fast-path` | boolean | `false` | Take the fast path. |',
        '',
      ].join('\n'),
    );
  });
});
