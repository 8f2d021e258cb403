import { OptionSpec, OptionType } from '../catalog/profile-definition';
import { catalogNames } from '../drift/catalog-rows';
import { DRIFT_FORMATS, DriftFormat, driftFile } from '../drift/drift';
import { DriftOutputFormat, renderDriftReport } from '../drift/render';
import { hasDrift } from '../drift/report';
import { checkSpec, specRequirements } from '../export/spec';
import { readSpecFile } from '../export/spec-file';
import { missingOption, unknownOption } from '../model/errors';
import { RequirementSet } from '../model/requirement-set';
import { parseFlags } from './args';

const NAME = 'cdktf-firewall-requirements';
const COMMAND = `${NAME} drift`;
const OUTPUTS: readonly string[] = Object.values(DriftOutputFormat);

const FLAGS: readonly OptionSpec[] = [
  { name: 'upstream', flag: 'upstream', type: OptionType.STRING, required: true, description: "The vendor's file, in its own format (see below)." },
  {
    name: 'upstreamFormat',
    flag: 'upstream-format',
    type: OptionType.CHOICE,
    choices: DRIFT_FORMATS,
    description: 'How to read the file.',
    defaultText: 'detected from its content',
  },
  { name: 'profileSpec', flag: 'profile-spec', type: OptionType.STRING, description: 'A spec file (as for export): the profile a cluster\'s egress-endpoints list is compared with.' },
  { name: 'format', flag: 'format', type: OptionType.CHOICE, choices: OUTPUTS, description: `Output: ${OUTPUTS.join(', ')}.`, defaultText: 'text' },
];

/** Where the command writes. */
export interface DriftIo {
  readonly out: NodeJS.WritableStream;
  readonly err: NodeJS.WritableStream;
}

/**
 * `drift <catalog> --upstream <file> [--format text|json|markdown]`: exit 0 when the catalog matches the file, 1 when
 * drift is found, 2 on bad input (thrown as `FirewallRequirementsError`; the CLI prints it).
 */
export function runDrift(args: readonly string[], io: DriftIo): number {
  const [catalog, ...rest] = args;
  if (catalog === '--help' || catalog === '-h' || catalog === undefined) {
    if (catalog === undefined) {
      const error = missingOption('catalog', COMMAND, 'drift compares one catalog with one upstream file', `${COMMAND} aks --upstream outbound-rules-control-egress.md`);
      io.err.write(`${NAME}: ${error.message}\n\n${driftUsage()}`);
      return 2;
    }
    parseFlags(rest, { command: `${COMMAND} ${catalog}`, specs: [] });
    io.out.write(driftUsage());
    return 0;
  }
  if (catalog.startsWith('-')) {
    throw missingOption('catalog', COMMAND, 'give the catalog before the flags', `${COMMAND} aks --upstream outbound-rules-control-egress.md`);
  }
  if (!catalogNames().includes(catalog)) throw unknownOption('catalog', catalog, COMMAND, catalogNames());
  const parsed = parseFlags(rest, { command: `${COMMAND} ${catalog}`, specs: FLAGS });
  if (parsed.help) {
    io.out.write(driftUsage());
    return 0;
  }
  const upstream = parsed.options.upstream as string | undefined;
  if (upstream === undefined) throw missingOption('--upstream', `${COMMAND} ${catalog}`, "drift reads the vendor's own file", `--upstream outbound-rules-control-egress.md`);
  const specFile = parsed.options.profileSpec as string | undefined;
  let profileRequirements: RequirementSet | undefined;
  if (specFile !== undefined) profileRequirements = specRequirements(checkSpec(readSpecFile(specFile), specFile));
  const report = driftFile(catalog, upstream, {
    ...(parsed.options.upstreamFormat ? { format: parsed.options.upstreamFormat as DriftFormat } : {}),
    ...(profileRequirements ? { profileRequirements, profileSource: specFile } : {}),
  });
  io.out.write(renderDriftReport(report, (parsed.options.format as DriftOutputFormat | undefined) ?? DriftOutputFormat.TEXT));
  return hasDrift(report) ? 1 : 0;
}

/** `drift --help`. */
export function driftUsage(): string {
  return [
    `Usage: ${COMMAND} <catalog> --upstream <file> [--format ${OUTPUTS.join('|')}] [--upstream-format <format>] [--profile-spec <spec.json>]`,
    '',
    "Compares a catalog with the vendor's own published file and reports every difference: rows added upstream, rows",
    'gone, ports or protocols changed, sections added, gone or renamed, and the document date moved.',
    '',
    `Catalogs: ${catalogNames().join(', ')}`,
    '',
    'Upstream formats (detected from the content):',
    '  markdown                    a Markdown article with requirement tables (AKS outbound-rules-control-egress.md,',
    '                              Chainguard network-requirements.md, IBM Cloud vpc-security-group.md)',
    '  aks-egress-endpoints-json   `az aks egress-endpoints list -o json` of a running cluster, compared with what the',
    '                              profile of --profile-spec allows ("will my allowlist work for this cluster")',
    '  chainguard-domains-yaml     chainguard-dev/edu data/domains.yaml',
    '  chainguard-ips-yaml         chainguard-dev/edu data/ips.yaml',
    '  botocore-endpoints-json     boto/botocore botocore/data/endpoints.json (EKS regions; catalog eks)',
    '  eks-addon-images-adoc       amazon-eks-user-guide add-ons-images.adoc (region -> registry account; catalog eks)',
    '  ibm-control-plane-ips       IBM-Cloud/kube-samples control-plane-ips/control-plane-ips-<region>.txt (catalog ibm-vpc)',
    '',
    'Exit codes: 0 no drift; 1 drift found; 2 bad input (an unreadable file, a file that is not in an expected format,',
    'an unknown catalog or flag), with one message on stderr naming the file and what was expected.',
    '',
  ].join('\n');
}
