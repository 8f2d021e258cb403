// Writes what is generated from the option tables: the JSON Schema of the export spec and the README option tables.
// Run with `npm run docs:options`; a test fails while either file differs from what this writes.
import * as fs from 'fs';
import * as path from 'path';
import { PROFILES } from '../lib/catalog';
import { optionTablesMarkdown, withOptionTables } from '../lib/catalog/options/markdown';
import { EXPORT_SPEC_SCHEMA_FILE, exportSpecJsonSchemaText } from '../lib/export/json-schema';

/** The repository root (this file runs from tools/ or dist/tools/). */
function root(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}

const dir = root();
fs.writeFileSync(path.join(dir, EXPORT_SPEC_SCHEMA_FILE), exportSpecJsonSchemaText());
const readme = path.join(dir, 'README.md');
fs.writeFileSync(readme, withOptionTables(fs.readFileSync(readme, 'utf8'), optionTablesMarkdown(PROFILES)));
process.stdout.write(`wrote ${EXPORT_SPEC_SCHEMA_FILE} and the README option tables\n`);
