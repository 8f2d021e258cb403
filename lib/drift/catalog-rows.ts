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
  if (name === 'aks') return AKS_CATALOG.flatMap((t) => [...t.requirements]);
  if (name === 'chainguard-enforce') {
    const c = chainguardEnforceCatalog();
    return [c.chainguardHosts, c.thirdPartyHosts, c.cidrRanges, c.saasAccess].flatMap((s) => [...s.requirements]);
  }
  const profile = PROFILES.find((p) => p.name === name);
  if (!profile) throw unknownOption('catalog', name, origin, catalogNames());
  return [...profileRows(profile).rows.values()];
}
