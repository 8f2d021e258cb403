import * as fs from 'fs';
import { invalidValue, unknownOption } from '../model/errors';
import { RequirementSet } from '../model/requirement-set';
import { driftEgressEndpoints } from './aks-egress-endpoints';
import { catalogGroups } from './catalog-groups';
import { catalogNames, catalogRequirements, catalogRows } from './catalog-rows';
import { driftChainguardDomains, driftChainguardIps } from './chainguard-data';
import { driftEksAddonImages, driftEksEndpoints, eksRegionTable } from './eks-data';
import { driftControlPlaneIps } from './ibm-control-plane';
import { IBM_CONTROL_PLANE_CIDRS } from '../catalog/ibm-vpc/control-plane-ips';
import { ibmLoadBalancerHealthChecks } from '../catalog/ibm-vpc/worker-egress';
import { driftMarkdown } from './markdown-document';
import { DriftReport } from './report';

/** The upstream formats `drift` reads. */
export enum DriftFormat {
  /** A Markdown article with requirement tables (AKS egress article, Chainguard network requirements, IBM vpc-security-group.md). */
  MARKDOWN = 'markdown',
  /** `az aks egress-endpoints list -o json` of a running cluster; needs the profile to compare with. */
  AKS_EGRESS_ENDPOINTS = 'aks-egress-endpoints-json',
  /** chainguard-dev/edu `data/domains.yaml`. */
  CHAINGUARD_DOMAINS = 'chainguard-domains-yaml',
  /** chainguard-dev/edu `data/ips.yaml`. */
  CHAINGUARD_IPS = 'chainguard-ips-yaml',
  /** boto/botocore `botocore/data/endpoints.json`. */
  BOTOCORE_ENDPOINTS = 'botocore-endpoints-json',
  /** awsdocs/amazon-eks-user-guide `add-ons-images.adoc`. */
  EKS_ADDON_IMAGES = 'eks-addon-images-adoc',
  /** IBM-Cloud/kube-samples `control-plane-ips/control-plane-ips-<region>.txt`. */
  IBM_CONTROL_PLANE_IPS = 'ibm-control-plane-ips',
}

/** Every format, for help and errors. */
export const DRIFT_FORMATS: readonly string[] = Object.values(DriftFormat);

/** Formats that compare with one catalog's own tables only. */
const FORMAT_CATALOG: Partial<Record<DriftFormat, string>> = {
  [DriftFormat.BOTOCORE_ENDPOINTS]: 'eks',
  [DriftFormat.EKS_ADDON_IMAGES]: 'eks',
  [DriftFormat.IBM_CONTROL_PLANE_IPS]: 'ibm-vpc',
};

/** Options of `driftCatalog`. */
export interface DriftOptions {
  /**
   * How to read the file.
   * @default - detected from the content (see `detectDriftFormat`)
   */
  readonly format?: DriftFormat;
  /** For `aks-egress-endpoints-json`: the rows the user's profile allows (e.g. `specRequirements` of a spec). */
  readonly profileRequirements?: RequirementSet;
  /**
   * Where the profile came from, named in the report.
   * @default 'the profile spec'
   */
  readonly profileSource?: string;
}

const EXPECTED =
  'Expected one of: a Markdown article with requirement tables, az aks egress-endpoints list JSON, chainguard-dev/edu data/domains.yaml or data/ips.yaml, ' +
  'botocore endpoints.json, the EKS add-ons-images.adoc table, or an IBM control-plane-ips-<region>.txt file.';

/** Recognizes the format of an upstream file from its content. */
export function detectDriftFormat(text: string, file: string): DriftFormat {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') throw invalidValue('upstream file', file, file, `The file is empty. ${EXPECTED}`, 'invalid-upstream');
  if (body.startsWith('{') || body.startsWith('[')) {
    return /"partitions"\s*:/.test(body) ? DriftFormat.BOTOCORE_ENDPOINTS : DriftFormat.AKS_EGRESS_ENDPOINTS;
  }
  const lines = body.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  if (lines.some((l) => l === '|===')) return DriftFormat.EKS_ADDON_IMAGES;
  if (lines.every((l) => l.startsWith('- ') || l === '---')) {
    return lines.some((l) => /^- ['"]?\d{1,3}(\.\d{1,3}){3}\/\d+/.test(l) || /^- ['"]?[0-9a-f:]+:[0-9a-f:]*\/\d+/i.test(l)) ? DriftFormat.CHAINGUARD_IPS : DriftFormat.CHAINGUARD_DOMAINS;
  }
  if (lines.every((l) => /^[0-9a-f.:]+\/\d{1,3}$/i.test(l))) return DriftFormat.IBM_CONTROL_PLANE_IPS;
  if (lines.some((l) => /^\|.*\|/.test(l))) return DriftFormat.MARKDOWN;
  throw invalidValue('upstream file', file, file, `Its format is not recognized. ${EXPECTED}`, 'invalid-upstream');
}

/**
 * Compares a catalog with one upstream file (its text) and returns every difference as data. Bad input (an unknown
 * catalog, an unrecognized or malformed file, a format that belongs to another catalog) throws a
 * `FirewallRequirementsError` naming the file and what was expected; nothing is ever "no drift" by default.
 * @param catalog a catalog (profile) name, e.g. `aks`
 * @param file the file's name, named in the report and in errors
 */
export function driftCatalog(catalog: string, text: string, file: string, options: DriftOptions = {}): DriftReport {
  if (!catalogNames().includes(catalog)) throw unknownOption('catalog', catalog, 'drift', catalogNames());
  const format = options.format ?? detectDriftFormat(text, file);
  if (!DRIFT_FORMATS.includes(format)) throw unknownOption('format', String(format), 'drift', DRIFT_FORMATS);
  const owner = FORMAT_CATALOG[format];
  if (owner !== undefined && owner !== catalog) {
    throw invalidValue('upstream file', file, file, `It reads as ${format}, which is compared with catalog ${owner}, not ${catalog}: run drift ${owner} --upstream ${file}.`, 'invalid-upstream');
  }
  switch (format) {
    case DriftFormat.MARKDOWN:
    {
      const rows = catalogRows(catalog, 'drift');
      return driftMarkdown(catalog, catalogGroups(rows.requirements, catalog, rows.filled), text, file, format);
    }
    case DriftFormat.AKS_EGRESS_ENDPOINTS:
      if (!options.profileRequirements) {
        throw invalidValue('upstream file', file, file, 'It is an AKS egress-endpoints list: give the profile spec to compare it with (--profile-spec spec.json).', 'missing-option');
      }
      return { ...driftEgressEndpoints(options.profileRequirements, text, file, options.profileSource ?? 'the profile spec'), catalog };
    case DriftFormat.CHAINGUARD_DOMAINS:
      return driftChainguardDomains(catalog, catalogRequirements(catalog, 'drift'), text, file);
    case DriftFormat.CHAINGUARD_IPS:
      return driftChainguardIps(catalog, catalogRequirements(catalog, 'drift'), text, file);
    case DriftFormat.BOTOCORE_ENDPOINTS:
      return driftEksEndpoints(catalog, eksRegionTable(), text, file);
    case DriftFormat.EKS_ADDON_IMAGES:
      return driftEksAddonImages(catalog, eksRegionTable(), text, file);
    case DriftFormat.IBM_CONTROL_PLANE_IPS:
      // Every region's file, not only the sample region's: the catalog keeps one table of them.
      return driftControlPlaneIps(catalog, [...catalogRequirements(catalog, 'drift'), ...IBM_CONTROL_PLANE_CIDRS.flatMap((f) => ibmLoadBalancerHealthChecks(f).requirements)], text, file);
  }
}

/** Reads `file` and compares it with `catalog` (see `driftCatalog`); an unreadable file is bad input. */
export function driftFile(catalog: string, file: string, options: DriftOptions = {}): DriftReport {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message;
    throw invalidValue('upstream file', file, '--upstream', `Cannot read it: ${why}. ${EXPECTED}`, 'invalid-upstream');
  }
  return driftCatalog(catalog, text, file, options);
}
