/**
 * Compares two synthesized fleets stack by stack: resource types and counts, and the content of every
 * resource, provider and output after taking out what only identifies it inside its stack (Terraform
 * addresses, construct metadata, the state backend's path). References to other resources keep their type and
 * attribute but lose the address, so `${google_compute_network_firewall_policy.egress_FqdnPolicy_FA86CFEA.name}`
 * and `${google_compute_network_firewall_policy.fqdn-policy.name}` compare equal. Everything else, names and
 * priorities included, must be equal; the resources of one type are compared as a multiset.
 */
import * as fs from 'fs';
import * as path from 'path';

type Json = any;

/** The result of comparing two fleets. */
export interface FleetContentComparison {
  /** Resource (and provider/output) counts by type, summed over the stacks. */
  readonly library: Record<string, number>;
  readonly hand: Record<string, number>;
  /** Stacks whose resource types or counts differ. */
  readonly differingCounts: string[];
  /** Stacks whose content differs (a superset of `differingCounts`). */
  readonly differingContent: string[];
  /** The first few differences, `stack: what`. */
  readonly examples: string[];
  readonly libraryBytes: number;
  readonly handBytes: number;
}

/** `${type.address.attr}` and `type.address` (depends_on) lose the address. */
const REFERENCE = /\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)((?:\.[A-Za-z0-9_]+)*)\}/g;
const DEPENDS_ON = /^([a-z][a-z0-9_]*)\.([A-Za-z0-9_-]+)$/;

/** `value` without construct metadata (`//` keys) and with references reduced to type and attribute. */
export function normalize(value: Json, key = ''): Json {
  if (typeof value === 'string') {
    const text = value.replace(REFERENCE, (_m, type: string, _address: string, rest: string) => `\${${type}.*${rest}}`);
    return key === 'depends_on' ? text.replace(DEPENDS_ON, '$1.*') : text;
  }
  if (Array.isArray(value)) return value.map((v) => normalize(v, key));
  if (value && typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const k of Object.keys(value).sort()) {
      if (k === '//') continue;
      out[k] = normalize(value[k], k === 'depends_on' ? k : key === 'depends_on' ? key : k);
    }
    return out;
  }
  return value;
}

/** A stack's content: per resource type the sorted normalized bodies; providers; outputs; required providers. */
export function stackContent(json: Json): { counts: Record<string, number>; content: Record<string, string[]> } {
  const counts: Record<string, number> = {};
  const content: Record<string, string[]> = {};
  for (const [type, byAddress] of Object.entries<Record<string, Json>>(json.resource ?? {})) {
    counts[type] = Object.keys(byAddress).length;
    content[type] = Object.values(byAddress)
      .map((body) => JSON.stringify(normalize(body)))
      .sort();
  }
  for (const [provider, body] of Object.entries<Json>(json.provider ?? {})) {
    counts[`provider ${provider}`] = 1;
    content[`provider ${provider}`] = [JSON.stringify(normalize(body))];
  }
  const outputs = Object.values<Json>(json.output ?? {});
  if (outputs.length) {
    counts.output = outputs.length;
    content.output = outputs.map((o) => JSON.stringify(normalize(o))).sort();
  }
  content['required providers'] = [JSON.stringify(normalize(json.terraform?.required_providers ?? {}))];
  return { counts, content };
}

/** What differs between two stacks' content, or undefined when nothing does. */
export function firstDifference(a: Record<string, string[]>, b: Record<string, string[]>): string | undefined {
  for (const type of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const [x, y] = [a[type] ?? [], b[type] ?? []];
    if (x.length !== y.length) return `${type}: ${x.length} / ${y.length}`;
    for (let i = 0; i < x.length; i++) {
      if (x[i] !== y[i]) {
        let at = 0;
        while (at < x[i].length && x[i][at] === y[i][at]) at++;
        const around = (s: string) => s.slice(Math.max(0, at - 60), at + 60);
        return `${type}: library ...${around(x[i])}... / hand ...${around(y[i])}...`;
      }
    }
  }
  return undefined;
}

function readFleet(outdir: string): { stacks: Map<string, ReturnType<typeof stackContent>>; totals: Record<string, number>; bytes: number } {
  const stacks = new Map<string, ReturnType<typeof stackContent>>();
  const totals: Record<string, number> = {};
  let bytes = 0;
  const stacksDir = path.join(outdir, 'stacks');
  for (const stack of fs.readdirSync(stacksDir).sort()) {
    const text = fs.readFileSync(path.join(stacksDir, stack, 'cdk.tf.json'), 'utf8');
    bytes += text.length;
    const c = stackContent(JSON.parse(text));
    for (const [k, v] of Object.entries(c.counts)) totals[k] = (totals[k] ?? 0) + v;
    stacks.set(stack, c);
  }
  return { stacks, totals, bytes };
}

/** Compares the fleets synthesized into `libraryDir` and `handDir`. */
export function compareFleets(libraryDir: string, handDir: string, maxExamples = 5): FleetContentComparison {
  const a = readFleet(libraryDir);
  const b = readFleet(handDir);
  const differingCounts: string[] = [];
  const differingContent: string[] = [];
  const examples: string[] = [];
  for (const stack of [...new Set([...a.stacks.keys(), ...b.stacks.keys()])].sort()) {
    const [x, y] = [a.stacks.get(stack), b.stacks.get(stack)];
    if (!x || !y) {
      differingCounts.push(stack);
      differingContent.push(stack);
      if (examples.length < maxExamples) examples.push(`${stack}: only in the ${x ? 'library' : 'hand-written'} fleet`);
      continue;
    }
    if (JSON.stringify(Object.entries(x.counts).sort()) !== JSON.stringify(Object.entries(y.counts).sort())) differingCounts.push(stack);
    const difference = firstDifference(x.content, y.content);
    if (difference) {
      differingContent.push(stack);
      if (examples.length < maxExamples) examples.push(`${stack}: ${difference}`);
    }
  }
  return { library: a.totals, hand: b.totals, differingCounts, differingContent, examples, libraryBytes: a.bytes, handBytes: b.bytes };
}
