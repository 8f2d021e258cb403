/** How a simple attribute is stored, as generated bindings describe it for HCL output. */
export type HclKind = 'string' | 'number' | 'stringList';

/**
 * The `synthesizeHclAttributes` form of simple attributes (what generated provider bindings emit), leaving out
 * unset ones. Internal to the IBM target; not exported from the entry point.
 */
export function hclAttributes(attrs: Record<string, [unknown, HclKind]>): { [name: string]: any } {
  const out: { [name: string]: any } = {};
  for (const [name, [value, kind]] of Object.entries(attrs)) {
    if (value === undefined) continue;
    out[name] = { value, isBlock: false, type: kind === 'stringList' ? 'list' : 'simple', storageClassType: kind };
  }
  return out;
}
