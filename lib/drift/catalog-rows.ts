import { PROFILES } from '../catalog';
import { AKS_CATALOG } from '../catalog/aks/catalog';
import { chainguardEnforceCatalog } from '../catalog/chainguard-enforce/sections';
import { unknownOption } from '../model/errors';
import { Requirement } from '../model/requirement';
import { profileRows } from '../explain/option-variants';

/** The catalogs drift and explain know: one per profile. */
export function catalogNames(): string[] {
  return PROFILES.map((p) => p.name);
}

/**
 * Every row a catalog holds, unresolved where the catalog keeps its tables whole (AKS: every table of every cloud,
 * with `<location>` tokens; Chainguard Enforce: the sections of the default edition), otherwise every row its
 * profile produces with any one declared option turned on (see `profileRows`).
 * @param origin named in the error for an unknown catalog
 */
export function catalogRequirements(name: string, origin = 'catalog'): Requirement[] {
  return catalogRows(name, origin).requirements;
}

/** `catalogRequirements` with the values filled in to build them (option name by canonical value; see `profileRows`). */
export function catalogRows(name: string, origin = 'catalog'): { requirements: Requirement[]; filled: ReadonlyMap<string, string> } {
  if (name === 'aks') return { requirements: AKS_CATALOG.flatMap((t) => [...t.requirements]), filled: new Map() };
  if (name === 'chainguard-enforce') {
    const c = chainguardEnforceCatalog();
    return { requirements: [c.chainguardHosts, c.thirdPartyHosts, c.cidrRanges, c.saasAccess].flatMap((s) => [...s.requirements]), filled: new Map() };
  }
  const profile = PROFILES.find((p) => p.name === name);
  if (!profile) throw unknownOption('catalog', name, origin, catalogNames());
  const rows = profileRows(profile);
  return { requirements: [...rows.rows.values()], filled: rows.filled };
}
