/**
 * Values as the library sees them before any check: whether a value is a Terraform reference, how an error
 * message shows it, and the one ordering of texts. A leaf module (it imports nothing), so every other model
 * module can use it without an import cycle.
 *
 * No cdktf here: Terraform tokens are recognized by their encoded form, so the core stays free of cdktf.
 */

/** Whether a string is (or contains) a Terraform reference: a cdktf token or a `${...}` interpolation. */
export function isTerraformReference(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('${') || value.includes('#{TfToken[');
  if (typeof value === 'number') return isNumberToken(value);
  if (Array.isArray(value)) return value.length === 1 && typeof value[0] === 'string' && value[0].startsWith('#{TfToken[');
  return false;
}

/** cdktf encodes number tokens as huge negative doubles (about -8.1e298); no real prop value comes near. */
export function isNumberToken(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) >= 1e290;
}

/** A value as an error message shows it: strings as they are, everything else as JSON or its type. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return isNumberToken(value) ? '<unresolved Terraform token>' : String(value);
  if (typeof value === 'function') return `<function ${value.name || 'anonymous'}>`;
  if (typeof value === 'bigint' || typeof value === 'symbol') return String(value);
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
    return `<${(value as object).constructor?.name ?? 'object'}>`;
  }
  try {
    const json = JSON.stringify(value);
    if (json === undefined) return String(value);
    return json.length > 120 ? `${json.slice(0, 117)}...` : json;
  } catch {
    return `<${typeof value}>`;
  }
}

/**
 * The one ordering of texts: by UTF-16 code unit, the same in every locale (`localeCompare` depends on the
 * process's ICU data and locale, so output sorted with it could differ between machines).
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
