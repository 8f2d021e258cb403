import * as fs from 'fs';
import { OptionSpec, OptionType } from '../catalog/profile-definition';
import { checkSpec, specRequirements } from '../export/spec';
import { readSpecFile } from '../export/spec-file';
import { explainFlows } from '../explain/explain';
import { Flow, parseFlowArgument } from '../explain/flow';
import { readLogFlows } from '../explain/log-records';
import { ExplainOutputFormat, renderExplanations } from '../explain/render';
import { invalidValue, missingOption } from '../model/errors';
import { parseFlags } from './args';

const NAME = 'cdktf-firewall-requirements';
const COMMAND = `${NAME} explain`;
const OUTPUTS: readonly string[] = Object.values(ExplainOutputFormat);

const FLAGS: readonly OptionSpec[] = [
  { name: 'profileSpec', flag: 'profile-spec', type: OptionType.STRING, required: true, description: 'The spec file (as for export) naming the profiles the firewall was built from.' },
  { name: 'format', flag: 'format', type: OptionType.CHOICE, choices: OUTPUTS, description: `Output: ${OUTPUTS.join(', ')}.`, defaultText: 'text' },
];

/** Where the command writes. */
export interface ExplainIo {
  readonly out: NodeJS.WritableStream;
  readonly err: NodeJS.WritableStream;
}

/**
 * `explain --profile-spec spec.json <flow or log file>...`: for each denied flow, whether the profile allows it and
 * why the firewall may still deny it, or which catalog row (and option) would allow it. Exit 0 when explained; bad
 * input (thrown as `FirewallRequirementsError`) is exit 2.
 */
export function runExplain(args: readonly string[], io: ExplainIo): number {
  const parsed = parseFlags(args, { command: COMMAND, specs: FLAGS, positional: 'flow or log file', maxPositionals: 100 });
  if (parsed.help) {
    io.out.write(explainUsage());
    return 0;
  }
  const specFile = parsed.options.profileSpec as string | undefined;
  if (specFile === undefined) throw missingOption('--profile-spec', COMMAND, 'explain compares flows with the profiles your firewall was built from', '--profile-spec firewall.json');
  if (parsed.positionals.length === 0) {
    throw missingOption('flow or log file', COMMAND, 'give a flow (host:port, ip:port/proto) or a firewall log file', `${COMMAND} --profile-spec firewall.json mcr.microsoft.com:443`);
  }
  const spec = checkSpec(readSpecFile(specFile), specFile);
  const requirements = specRequirements(spec);
  const flows: Flow[] = [];
  let allowedRecords = 0;
  const formats: string[] = [];
  for (const arg of parsed.positionals) {
    if (isFile(arg)) {
      const log = readLogFlows(readText(arg), arg);
      flows.push(...log.denied);
      allowedRecords += log.allowed;
      for (const f of log.formats) if (!formats.includes(f)) formats.push(f);
    } else {
      flows.push(parseFlowArgument(arg, `${COMMAND} argument ${arg}`));
      if (!formats.includes('argument')) formats.push('argument');
    }
  }
  const explanations = explainFlows(flows, { profiles: spec.profiles, requirements });
  io.out.write(renderExplanations(explanations, { allowedRecords, formats }, (parsed.options.format as ExplainOutputFormat | undefined) ?? ExplainOutputFormat.TEXT));
  return 0;
}

function isFile(arg: string): boolean {
  try {
    return fs.statSync(arg).isFile();
  } catch {
    if (/[\\/]|\.(json|jsonl|csv|log|txt)$/i.test(arg)) {
      throw invalidValue('log file', arg, COMMAND, 'Cannot read it: no such file. Give a firewall log file, or a flow such as mcr.microsoft.com:443.', 'invalid-log');
    }
    return false;
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw invalidValue('log file', file, COMMAND, `Cannot read it: ${(e as Error).message}.`, 'invalid-log');
  }
}

/** `explain --help`. */
export function explainUsage(): string {
  return [
    `Usage: ${COMMAND} --profile-spec <spec.json> <flow or log file>... [--format ${OUTPUTS.join('|')}]`,
    '',
    'For each denied flow: whether the profiles of the spec allow it, which row (and rule collection, rule group or',
    'rule) should have matched and why it may not have; otherwise which catalog row would allow it and which',
    'profile option or add-on brings that row in; or that no catalog knows it.',
    '',
    'Flows: host:port (mcr.microsoft.com:443), host:port/proto, ip:port/proto (10.1.2.3:123/udp).',
    'Log files (JSON array, JSON lines, or a Log Analytics CSV export); only denied records are explained:',
    '  Azure Firewall      AZFWApplicationRule, AZFWNetworkRule, or AzureDiagnostics (msg_s) records',
    '  AWS Network Firewall alert log records (event.src_ip, dest_ip, dest_port, tls.sni, http.hostname, alert.action)',
    '  Google Cloud        firewall rules / firewall policy rules logs (jsonPayload.connection, disposition)',
    '',
    'Exit codes: 0 explained; 2 bad input (one message on stderr, nothing on stdout).',
    '',
  ].join('\n');
}
