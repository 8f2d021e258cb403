// User and catalog text in Terraform JSON, and the one test for Terraform syntax in values the library checks.
// No cdktf here: cdktf tokens are recognized by their encoded form, so the core stays free of cdktf.
//
// Terraform reads most strings of a `*.tf.json` file (resource arguments, locals, output values, and the keys of
// objects written there, such as tag keys) as templates: `${...}` is an interpolation and `%{...}` a directive. Text
// the user or a vendor wrote (a purpose, a name, a tag) must come out of `terraform apply` exactly as written, so every
// place that writes such text goes through `terraformText`. Values the library checks (CIDRs, ports, ranges, ids) are
// not escaped: they are literals, and `hasTemplateSyntax` finds the ones that are not.

/** The three markers cdktf encodes its tokens with: strings, lists and maps. */
const CDKTF_TOKEN_MARKERS = ['${TfToken[', '#{TfToken[', '&{TfToken['] as const;

/** One encoded cdktf string token, as cdktf writes it into a string (`${TfToken[TOKEN.12]}`). */
const CDKTF_STRING_TOKEN = /\$\{TfToken\[[a-zA-Z0-9:._-]+\]\}/g;

/** Options of `terraformText`. */
export interface TerraformTextOptions {
  /**
   * Keep encoded cdktf tokens (`${TfToken[TOKEN.1]}`) as they are, so cdktf still resolves them; everything around
   * them is escaped. For construct props, where a token is the typed way to pass a value known only at apply.
   * Exported modules are written without cdktf: there the markers are plain text and are escaped too.
   * @default false
   */
  readonly keepCdktfTokens?: boolean;
}

/**
 * Text as a Terraform JSON string that evaluates to exactly that text: every `${` becomes `$${` and every `%{`
 * becomes `%%{`, always, also where the text already holds `$${` or `%%{`. That is what round-trips: Terraform reads
 * `$${` as the two characters `${`, so text holding `$${x}` is written `$$${x}`, which Terraform reads back as `$${x}`,
 * the text as written. (Unescaping what "looks escaped" would instead turn the user's `$${x}` into `${x}`.)
 * A lone `$` or `%` (not followed by `{`) is left alone: Terraform keeps it as it is.
 *
 * Use it wherever free text is written where Terraform evaluates templates: descriptions, names, display names, tag
 * keys and values, purposes in outputs. Not for variable `description`/`default` or output `description`, which
 * Terraform reads literally.
 */
export function terraformText(text: string, options: TerraformTextOptions = {}): string {
  if (!text.includes('{')) return text;
  if (!options.keepCdktfTokens || !text.includes('{TfToken[')) return escapeTemplates(text);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(CDKTF_STRING_TOKEN)) {
    out += escapeTemplates(text.slice(last, m.index)) + m[0];
    last = (m.index ?? 0) + m[0].length;
  }
  return out + escapeTemplates(text.slice(last));
}

/** Tags (or any string map) with `terraformText` applied to every key and value; `undefined` stays `undefined`. */
export function terraformTextMap(map: Readonly<Record<string, string>> | undefined, options: TerraformTextOptions = {}): Record<string, string> | undefined {
  if (map === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(map)) out[terraformText(key, options)] = terraformText(value, options);
  return out;
}

/** `terraformText` of every entry of a list (IBM tags, names). */
export function terraformTextList(list: readonly string[] | undefined, options: TerraformTextOptions = {}): string[] | undefined {
  return list === undefined ? undefined : list.map((s) => terraformText(s, options));
}

function escapeTemplates(text: string): string {
  return text.replace(/([$%])\{/g, '$1$1{');
}

/**
 * Whether a string holds Terraform template syntax: `${` (an interpolation, or a cdktf string token) or `%{` (a
 * directive), escaped or not. A literal CIDR, port, range or id never does, so a value the library checks that
 * holds one is not a literal: refuse it, or accept it only as an explicit typed reference (see `isCdktfToken`).
 */
export function hasTemplateSyntax(value: string): boolean {
  return value.includes('${') || value.includes('%{');
}

/**
 * Whether a value is an encoded cdktf token: a string holding a token marker, a list token (`['#{TfToken[...]}']`)
 * or a number token (cdktf encodes those as doubles near -8.1e298, far from any real prop value). These are the typed
 * references a construct prop may take where a value is known only at apply.
 */
export function isCdktfToken(value: unknown): boolean {
  if (typeof value === 'string') return CDKTF_TOKEN_MARKERS.some((m) => value.includes(m));
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) >= 1e290;
  if (Array.isArray(value)) return value.length === 1 && typeof value[0] === 'string' && value[0].startsWith('#{TfToken[');
  return false;
}

/**
 * Whether a string is exactly one cdktf string token and nothing else (`${TfToken[TOKEN.3]}`): a whole value known
 * only at apply, as opposed to text that merely contains a token or other template syntax.
 */
export function isWholeCdktfToken(value: string): boolean {
  return /^\$\{TfToken\[[a-zA-Z0-9:._-]+\]\}$/.test(value);
}

/** `terraformText` options for construct props: cdktf tokens are kept (cdktf resolves them), the rest escaped. */
export const KEEP_CDKTF_TOKENS: TerraformTextOptions = Object.freeze({ keepCdktfTokens: true });
