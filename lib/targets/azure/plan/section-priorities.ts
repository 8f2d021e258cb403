import { invalidValue, unknownOption } from '../../../model/errors';
import { Provenance, sourceKey } from '../../../model/provenance';
import { Requirement } from '../../../model/requirement';
import { LIMITS } from '../../../plan/limits';
import { contentHash } from '../../../plan/naming';
import { APPLICATION_OFFSET, AzureRulePlanOptions, PRIORITY_SLOTS } from './rule-plan-types';

// Which section a rule collection belongs to, and the priorities of the sections' collections: derived from a
// stable hash of the section key (or given in collectionPriorities), checked for collisions. No cdktf here.

/**
 * The derived base priority of a section's collections: a stable hash of the section key into 6,490 slots of 10,
 * so that adding a section never moves another section's priorities. The network collection takes the base,
 * the application collection base + 5.
 */
export function derivedSectionPriority(section: string): number {
  const slot = parseInt(contentHash('azure-rule-collection', section), 16) % PRIORITY_SLOTS;
  return LIMITS.azurePriorityMin + 10 * slot;
}

export interface SectionEntry {
  readonly section: string;
  readonly provenance: Provenance;
  readonly requirements: Requirement[];
}

/** Every section each requirement is listed in, sorted by section key. */
export function collectSections(requirements: readonly Requirement[]): Map<string, SectionEntry> {
  const bySection = new Map<string, SectionEntry>();
  for (const r of requirements) {
    const seen = new Set<string>();
    for (const source of r.sources) {
      const key = sourceKey(source);
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = bySection.get(key);
      if (entry) entry.requirements.push(r);
      else bySection.set(key, { section: key, provenance: source, requirements: [r] });
    }
  }
  return new Map([...bySection.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function sectionPriorities(sections: readonly string[], options: AzureRulePlanOptions): Map<string, number> {
  for (const [section, priority] of Object.entries(options.collectionPriorities)) {
    if (!sections.includes(section)) {
      throw unknownOption('section in collectionPriorities', section, options.origin, sections);
    }
    validatePriority(priority, `collectionPriorities[${JSON.stringify(section)}]`, options.origin, LIMITS.azurePriorityMax - APPLICATION_OFFSET);
  }
  const out = new Map<string, number>();
  const owner = new Map<number, string>();
  for (const section of sections) {
    const base = options.collectionPriorities[section] ?? derivedSectionPriority(section);
    // Each section uses base (network) and base + 5 (application); two sections clash when their bases are closer than that.
    for (const [taken, other] of owner) {
      if (Math.abs(taken - base) <= APPLICATION_OFFSET) {
        throw invalidValue(
          'rule collection priority',
          String(base),
          options.origin,
          `Sections ${other} (priorities ${taken} and ${taken + APPLICATION_OFFSET}) and ${section} (priorities ${base} and ` +
            `${base + APPLICATION_OFFSET}) collide. Set collectionPriorities: { ${JSON.stringify(section)}: <a free priority> } ` +
            `(${LIMITS.azurePriorityMin}-${LIMITS.azurePriorityMax - APPLICATION_OFFSET}, at least 6 away from the others).`,
        );
      }
    }
    owner.set(base, section);
    out.set(section, base);
  }
  return out;
}

export function validatePriority(value: number, what: string, origin: string, max: number = LIMITS.azurePriorityMax): void {
  if (!Number.isInteger(value) || value < LIMITS.azurePriorityMin || value > max) {
    throw invalidValue(what, String(value), origin, `Azure Firewall priorities are whole numbers from ${LIMITS.azurePriorityMin} to ${max}.`);
  }
}
