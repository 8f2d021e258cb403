import { EKS_ADDON_REGISTRY_ACCOUNTS, EKS_OTHER_PARTITIONS, EKS_REGION_TABLE, EKS_REGIONS, EksAddonRegistrySource } from '../catalog/eks/regions';
import { invalidValue } from '../model/errors';
import { DriftChange, DriftKind, DriftReport } from './report';

// The EKS catalog's region table, compared with two AWS files:
// - boto/botocore `botocore/data/endpoints.json` (endpoint data, version 3): `partitions[]`, each with `partition`
//   (`aws`, `aws-cn`, `aws-us-gov`, ...), `dnsSuffix`, `regions` (region code -> `{ description }`) and `services`
//   (service name -> `{ endpoints: { <region or pseudo-region such as fips-us-east-1>: { hostname?, variants?,
//   deprecated? } } }`). A region counts for EKS when `services.eks.endpoints` has it (not deprecated).
// - awsdocs/amazon-eks-user-guide `latest/ug/workloads/add-ons-images.adoc`: an AsciiDoc table (`|===` ...
//   `|===`) of "AWS Region" and "Registry" (`<account>.dkr.ecr.<region>.amazonaws.com`) cells: the add-on image
//   registry account of each region.

/** The catalog's region -> account table, the regions it knows, and the partitions it leaves out. */
export interface EksRegionTable {
  readonly regions: readonly string[];
  readonly accounts: Readonly<Record<string, string>>;
  readonly otherPartitionPrefixes: readonly string[];
  /**
   * Regions whose account the catalog takes from another document than the add-on image table, with that source
   * (they are not expected in the table).
   * @default {}
   */
  readonly accountsFromElsewhere?: Readonly<Record<string, string>>;
}

/** The EKS catalog's region table as it stands. */
export function eksRegionTable(): EksRegionTable {
  return {
    regions: EKS_REGIONS,
    accounts: EKS_ADDON_REGISTRY_ACCOUNTS,
    otherPartitionPrefixes: EKS_OTHER_PARTITIONS.map((p) => p.prefix),
    accountsFromElsewhere: Object.fromEntries(
      EKS_REGION_TABLE.filter((r) => r.addonRegistrySource !== EksAddonRegistrySource.ADDON_IMAGES_TABLE).map((r) => [r.name, r.addonRegistrySource]),
    ),
  };
}

/** Compares botocore's endpoints.json with the catalog's regions, per partition the catalog covers. */
export function driftEksEndpoints(catalog: string, table: EksRegionTable, text: string, file: string): DriftReport {
  const data = parseJson(text, file, 'botocore endpoints.json');
  const partitions = (data as { partitions?: unknown }).partitions;
  if (!Array.isArray(partitions) || partitions.length === 0) {
    throw invalidValue('endpoints file', file, file, 'Expected botocore endpoints.json: an object with a non-empty "partitions" array.', 'invalid-upstream');
  }
  const known = new Set(table.regions);
  const changes: DriftChange[] = [];
  const notes: string[] = [];
  const seen = new Set<string>();
  let rows = 0;
  partitions.forEach((p: unknown, i: number) => {
    const part = p as { partition?: unknown; regions?: unknown; services?: Record<string, { endpoints?: Record<string, { deprecated?: boolean }> }> };
    if (typeof part?.partition !== 'string' || typeof part.regions !== 'object' || part.regions === null) {
      throw invalidValue('partition', JSON.stringify(p).slice(0, 80), `${file} at $.partitions[${i}]`, 'Each partition has a "partition" name and a "regions" object.', 'invalid-upstream');
    }
    const regions = Object.keys(part.regions as object);
    regions.forEach((r) => seen.add(r));
    const eks = part.services?.eks?.endpoints;
    const eksRegions = eks ? regions.filter((r) => eks[r] !== undefined && eks[r].deprecated !== true) : regions;
    const covered = regions.some((r) => known.has(r));
    if (!covered) {
      notes.push(`Partition ${part.partition} (${eksRegions.length} EKS regions) is not covered by the catalog; not compared.`);
      return;
    }
    rows += eksRegions.length;
    for (const r of eksRegions) {
      if (!known.has(r)) changes.push({ kind: DriftKind.ROW_ADDED, section: `regions (${part.partition})`, item: r, upstream: 'EKS endpoint listed' });
    }
    for (const r of table.regions.filter((x) => regions.includes(x))) {
      if (!eksRegions.includes(r)) changes.push({ kind: DriftKind.ROW_REMOVED, section: `regions (${part.partition})`, item: r, catalog: 'known region', upstream: 'no EKS endpoint' });
    }
  });
  for (const r of table.regions) {
    if (!seen.has(r)) changes.push({ kind: DriftKind.ROW_REMOVED, section: 'regions', item: r, catalog: 'known region', upstream: 'in no partition' });
  }
  return { catalog, file, format: 'botocore-endpoints-json', changes, compared: { sections: partitions.length, rows }, notes: [...notes, 'endpoints.json carries no date; name the botocore commit you compared.'] };
}

/** Compares the add-on image registry AsciiDoc table with the catalog's region -> account table. */
export function driftEksAddonImages(catalog: string, table: EksRegionTable, text: string, file: string): DriftReport {
  const rows = asciidocTable(text, file);
  const header = rows[0].cells.map((c) => c.toLowerCase());
  const regionAt = header.findIndex((h) => h.includes('region'));
  const registryAt = header.findIndex((h) => h.includes('registry'));
  if (regionAt === -1 || registryAt === -1) {
    throw invalidValue('AsciiDoc table', rows[0].cells.join(' | '), `${file} line ${rows[0].line}`, 'Expected a header row with "AWS Region" and "Registry" cells.', 'invalid-upstream');
  }
  const changes: DriftChange[] = [];
  const notes: string[] = [];
  const upstream = new Map<string, string>();
  const coveredPrefixes = table.otherPartitionPrefixes.filter((p) => table.regions.some((r) => r.startsWith(p)));
  for (const row of rows.slice(1)) {
    const region = row.cells[regionAt]?.trim();
    const registry = row.cells[registryAt]?.trim();
    const m = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.(?:com|com\.cn|eu)$/.exec(registry ?? '');
    if (!region || !/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(region) || !m) {
      throw invalidValue('table row', row.cells.join(' | '), `${file} line ${row.line}`, 'Expected a region code and a registry host <account>.dkr.ecr.<region>.amazonaws.com.', 'invalid-upstream');
    }
    upstream.set(region, m[1]);
    const otherPartition = table.otherPartitionPrefixes.some((p) => region.startsWith(p)) && !coveredPrefixes.some((p) => region.startsWith(p));
    if (otherPartition && table.accounts[region] === undefined) {
      notes.push(`${region}: another partition, which the catalog does not cover; not compared.`);
      continue;
    }
    const account = table.accounts[region];
    if (account === undefined) changes.push({ kind: DriftKind.ROW_ADDED, section: 'add-on image registries', item: region, upstream: m[1], line: row.line });
    else if (account !== m[1]) changes.push({ kind: DriftKind.VALUE_CHANGED, section: 'add-on image registries', item: region, upstream: m[1], catalog: account, line: row.line });
  }
  for (const [region, account] of Object.entries(table.accounts)) {
    if (upstream.has(region)) continue;
    const elsewhere = table.accountsFromElsewhere?.[region];
    if (elsewhere !== undefined) notes.push(`${region}: the catalog takes its account (${account}) from ${elsewhere}, not from this table.`);
    else changes.push({ kind: DriftKind.ROW_REMOVED, section: 'add-on image registries', item: region, catalog: account });
  }
  return { catalog, file, format: 'eks-addon-images-adoc', changes, compared: { sections: 1, rows: rows.length - 1 }, notes: [...notes, 'The AsciiDoc page carries no date; name the commit you compared.'] };
}

/**
 * The rows of the first AsciiDoc table (`|===` to `|===`): cells start with `|`, one or several per line; the column
 * count comes from `cols="..."` or from the first line's cells; the first row is the header.
 */
export function asciidocTable(text: string, file: string): Array<{ cells: string[]; line: number }> {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const start = lines.findIndex((l) => l.trim() === '|===');
  const end = start === -1 ? -1 : lines.findIndex((l, i) => i > start && l.trim() === '|===');
  if (start === -1 || end === -1) {
    throw invalidValue('upstream file', file, file, 'Expected an AsciiDoc table (|=== ... |===) of regions and registries.', 'invalid-upstream');
  }
  const attributes = lines.slice(Math.max(0, start - 3), start).join(' ');
  const colsSpec = /cols="([^"]+)"/.exec(attributes)?.[1];
  const cells: Array<{ text: string; line: number }> = [];
  let firstLineCells = 0;
  for (let i = start + 1; i < end; i++) {
    const line = lines[i];
    if (line.trim() === '' || line.trim().startsWith('//')) continue;
    if (!line.trim().startsWith('|')) {
      if (cells.length === 0) throw invalidValue('AsciiDoc table line', line.trim(), `${file} line ${i + 1}`, 'Expected cells starting with |.', 'invalid-upstream');
      cells[cells.length - 1].text += ` ${line.trim()}`;
      continue;
    }
    const parts = line.trim().slice(1).split(/\s*\|/).map((c) => c.trim());
    if (firstLineCells === 0) firstLineCells = parts.length;
    for (const p of parts) cells.push({ text: p, line: i + 1 });
  }
  const width = colsSpec ? (/^\d+$/.test(colsSpec) ? Number(colsSpec) : colsSpec.split(',').length) : firstLineCells;
  if (width < 1 || cells.length % width !== 0) {
    throw invalidValue('AsciiDoc table', file, `${file} line ${start + 1}`, `Expected ${width} cells per row; found ${cells.length} cells.`, 'invalid-upstream');
  }
  const rows: Array<{ cells: string[]; line: number }> = [];
  for (let i = 0; i < cells.length; i += width) rows.push({ cells: cells.slice(i, i + width).map((c) => c.text.replace(/\{aws\}/g, 'AWS')), line: cells[i].line });
  if (rows.length < 2) throw invalidValue('AsciiDoc table', file, `${file} line ${start + 1}`, 'Expected a header row and at least one region.', 'invalid-upstream');
  return rows;
}

/** Parses JSON, naming the file and what was expected when it is not JSON. */
export function parseJson(text: string, file: string, expected: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw invalidValue('upstream file', file, file, `Expected ${expected} (JSON): ${(e as Error).message}.`, 'invalid-upstream');
  }
}
