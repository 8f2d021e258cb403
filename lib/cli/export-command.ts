import { OptionSpec, OptionType } from '../catalog/profile-definition';
import { CLI_PROFILE_NAMES } from './profiles';
import { exportModule } from '../export/export-module';
import { EXPORT_REGISTRY, ExportRegistry } from '../export/registry';
import { MODULE_FILES } from '../export/render';
import { readSpecFile } from '../export/spec-file';
import { MANIFEST_FILE, writeModule } from '../export/write-module';
import { ExportTarget } from '../export/module';
import { FirewallRequirementsError, missingOption } from '../model/errors';
import { parseFlags } from './args';

const NAME = 'cdktf-firewall-requirements';
const COMMAND = `${NAME} export`;

const FLAGS: readonly OptionSpec[] = [
  { name: 'spec', flag: 'spec', type: OptionType.STRING, required: true, description: 'The spec file (JSON): the profiles to merge and the target options.' },
  { name: 'out', flag: 'out', type: OptionType.STRING, required: true, description: 'The module folder to write (created if missing; only a folder an earlier export wrote is replaced).' },
];

/** Where the command writes. */
export interface ExportIo {
  readonly out: NodeJS.WritableStream;
  readonly err: NodeJS.WritableStream;
}

/**
 * `export <target> --spec <spec.json> --out <dir>`: writes a plain Terraform / OpenTofu child module.
 * Exit code 0 when written; 2 on bad input (one message on stderr, nothing on stdout, nothing written).
 * @param registry the targets to offer @default EXPORT_REGISTRY
 */
export function runExport(args: readonly string[], io: ExportIo, registry: ExportRegistry = EXPORT_REGISTRY): number {
  try {
    return run(args, io, registry);
  } catch (e) {
    if (e instanceof FirewallRequirementsError) {
      io.err.write(`${NAME}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function run(args: readonly string[], io: ExportIo, registry: ExportRegistry): number {
  const [name, ...rest] = args;
  if (name === '--help' || name === '-h') {
    const parsed = parseFlags(rest, { command: `${COMMAND} ${name}`, specs: [] });
    if (parsed.positionals.length > 0) throw missingOption('target', COMMAND, 'give the target before --help', `${COMMAND} <target> --help`);
    io.out.write(exportUsage(registry));
    return 0;
  }
  if (name === undefined || name.startsWith('-')) {
    const error = missingOption('target', COMMAND, 'export needs a target name before its flags', `${COMMAND} ${registry.names[0] ?? '<target>'} --spec spec.json --out modules/firewall`);
    io.err.write(`${NAME}: ${error.message}\n\n${exportUsage(registry)}`);
    return 2;
  }
  const target = registry.get(name, COMMAND);
  const parsed = parseFlags(rest, { command: `${COMMAND} ${target.name}`, specs: FLAGS });
  if (parsed.help) {
    io.out.write(targetUsage(target));
    return 0;
  }
  const specFile = parsed.options.spec as string | undefined;
  const outDir = parsed.options.out as string | undefined;
  if (specFile === undefined) throw missingOption('--spec', `${COMMAND} ${target.name}`, 'the spec names the profiles and the target options', `--spec firewall.json`);
  if (outDir === undefined) throw missingOption('--out', `${COMMAND} ${target.name}`, 'the module is written into a folder', `--out modules/firewall`);
  // Everything is planned before anything is written: a bad spec leaves the folder and stdout untouched.
  const module = exportModule(target.name, readSpecFile(specFile), { source: specFile, registry });
  const result = writeModule(module, outDir);
  for (const warning of module.warnings ?? []) io.err.write(`${NAME}: warning: ${warning}\n`);
  const removed = result.removed.length > 0 ? `; removed ${result.removed.join(', ')} (no longer exported)` : '';
  io.out.write(`Wrote ${result.written.length} files to ${outDir}: ${result.written.join(', ')}${removed}\n`);
  return 0;
}

/** `export --help`: the targets, by cloud, with their options. */
export function exportUsage(registry: ExportRegistry = EXPORT_REGISTRY): string {
  const lines = [
    `Usage: ${COMMAND} <target> --spec <spec.json> --out <dir>`,
    '',
    'Writes a plain Terraform / OpenTofu child module (no cdktf needed to use it): the firewall resources of the',
    `profiles named in the spec, planned like the cdktf constructs plan them. Files: ${MODULE_FILES.join(', ')}`,
    `and ${MANIFEST_FILE} (the list of files written, so that a later export replaces exactly those).`,
    '',
    'Spec (JSON):',
    '  { "profiles": { "<profile>": { <options as the profile function takes them> }, ... },',
    '    "target": { <the target\'s options, below> } }',
    `  Profiles: ${CLI_PROFILE_NAMES.join(', ')} (options: "${NAME} list <profile> --help", as camelCase names).`,
    '',
    'Targets:',
  ];
  const targets = registry.targets;
  if (targets.length === 0) lines.push('  (none registered)');
  let cloud = '';
  for (const t of targets) {
    if (t.cloud !== cloud) {
      cloud = t.cloud;
      lines.push(`  ${cloud}:`);
    }
    lines.push(`    ${t.name.padEnd(28)} ${t.description}`);
    const options = Object.keys(t.options).sort();
    if (options.length > 0) lines.push(`    ${''.padEnd(28)} target options: ${options.join(', ')}`);
  }
  lines.push(
    '',
    `Run "${COMMAND} <target> --help" for a target's options.`,
    'Exit codes: 0 written; 2 bad input (one message on stderr, nothing on stdout, nothing written).',
    '',
  );
  return lines.join('\n');
}

/** `export <target> --help`. */
export function targetUsage(target: ExportTarget): string {
  const lines = [`Usage: ${COMMAND} ${target.name} --spec <spec.json> --out <dir>`, '', `${target.description} (${target.cloud})`, '', 'Flags:'];
  for (const f of FLAGS) lines.push(`  ${`--${f.flag} <${f.name === 'spec' ? 'file' : 'dir'}>`.padEnd(24)} ${f.description}`);
  lines.push('', 'Target options (the spec\'s "target" object):');
  const options = Object.entries(target.options).sort(([a], [b]) => (a < b ? -1 : 1));
  if (options.length === 0) lines.push('  (none)');
  const width = Math.max(24, ...options.map(([option]) => option.length + 1));
  for (const [option, description] of options) lines.push(`  ${option.padEnd(width)} ${description}`);
  lines.push('');
  return lines.join('\n');
}
