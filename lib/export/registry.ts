import { invalidValue, unknownOption } from '../model/errors';
import { compareText, describeValue } from '../model/value';
import { AWS_EXPORT_TARGETS } from './aws';
import { AZURE_EXPORT_TARGETS } from './azure';
import { GOOGLE_EXPORT_TARGETS } from './google';
import { IBM_EXPORT_TARGETS } from './ibm';
import { ExportTarget } from './module';

/** A set of export targets by name. */
export class ExportRegistry {
  private readonly byName = new Map<string, ExportTarget>();

  /** @param targets every target; names must be unique */
  constructor(targets: readonly ExportTarget[]) {
    if (!Array.isArray(targets)) {
      throw invalidValue('export targets', describeValue(targets), 'ExportRegistry', 'Pass an array of export targets, e.g. new ExportRegistry([AWS_SECURITY_GROUP_RULES_EXPORT]).', 'invalid-type');
    }
    for (const target of targets) {
      if (target === null || typeof target !== 'object' || typeof target.name !== 'string' || typeof target.build !== 'function') {
        throw invalidValue('export target', describeValue(target), 'ExportRegistry', 'Each entry is an ExportTarget: { name, description, cloud, options, build }.', 'invalid-type');
      }
      if (this.byName.has(target.name)) throw new Error(`internal: two export targets are named ${JSON.stringify(target.name)}`);
      this.byName.set(target.name, target);
    }
  }

  /** Every target, sorted by cloud then name (the order `export --help` lists them in). */
  public get targets(): ExportTarget[] {
    return [...this.byName.values()].sort((a, b) => compareText(a.cloud, b.cloud) || compareText(a.name, b.name));
  }

  /** Target names, sorted. */
  public get names(): string[] {
    return [...this.byName.keys()].sort();
  }

  /**
   * The target with this name.
   * @param origin named in the error, e.g. `cdktf-firewall-requirements export`
   * @throws FirewallRequirementsError for an unknown name, with the closest name and every valid one
   */
  public get(name: string, origin = 'export'): ExportTarget {
    const target = typeof name === 'string' ? this.byName.get(name) : undefined;
    if (target) return target;
    const names = this.names;
    throw unknownOption('export target', typeof name === 'string' ? name : describeValue(name), origin, names.length > 0 ? names : ['(none registered)']);
  }
}

/** Every export target of every cloud. */
export const EXPORT_REGISTRY = new ExportRegistry([...AZURE_EXPORT_TARGETS, ...GOOGLE_EXPORT_TARGETS, ...AWS_EXPORT_TARGETS, ...IBM_EXPORT_TARGETS]);
