import * as fs from 'fs';
import * as path from 'path';

/** The npm name of this package. */
export const PACKAGE_NAME = 'cdktf-firewall-requirements';

let cached: { root: string; version: string } | null | undefined;

/**
 * The folder of this package's package.json and its version, found by walking up from this file (works from
 * the source tree and from dist), or undefined when the manifest is missing.
 */
export function packageInfo(): { readonly root: string; readonly version: string } | undefined {
  if (cached !== undefined) return cached ?? undefined;
  cached = null;
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        const parsed = JSON.parse(fs.readFileSync(manifest, 'utf8'));
        if (parsed.name === PACKAGE_NAME) {
          cached = { root: dir, version: String(parsed.version) };
          return cached;
        }
      } catch {
        // not ours; keep walking up
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
