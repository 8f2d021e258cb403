import { ValueCheck } from './value-check';
import { RequirementSet } from './requirement-set';

// Kept here for existing imports; the functions live in the leaf module `value`.
export { describeValue, isTerraformReference } from './value';
export { ValueCheck } from './value-check';
export type { IntegerCheckOptions, StringCheckOptions } from './value-check';

/**
 * Checks the props of one owner (see `ValueCheck`), including requirement sets. Every method returns the checked
 * value (with defaults applied) or throws a `FirewallRequirementsError` whose origin is `<owner> <prop>`.
 *
 * @example
 * const check = new InputCheck(`SecurityGroupRules ${this.node.path}`);
 * const p = check.props(props, ['requirementSets', 'vpcId', 'allowAnyAddress']);
 * const allowAny = check.boolean('allowAnyAddress', p.allowAnyAddress, false);
 */
export class InputCheck extends ValueCheck {
  /** One requirement set. */
  public requirementSet(name: string, value: unknown): RequirementSet {
    if (value instanceof RequirementSet) return value;
    if (value === undefined || value === null) this.required(name, value, `${name}: aksProfile({ location: 'westeurope' })`);
    throw this.typeError(name, value, 'a RequirementSet', 'Give a RequirementSet: a profile such as aksProfile({...}), or RequirementSet.of([...]).');
  }

  /** An array of requirement sets (a single set where an array is expected is refused with the fix). */
  public requirementSets(name: string, value: unknown, options: { optional?: boolean } = {}): RequirementSet[] {
    if (value instanceof RequirementSet) {
      throw this.typeError(name, value, 'an array of RequirementSets', `Wrap the set in an array: ${name}: [set].`);
    }
    return this.array(name, value, (item, where) => {
      if (item instanceof RequirementSet) return item;
      throw this.typeError(name, item, 'a RequirementSet', 'Every entry is a RequirementSet, e.g. a profile such as chainguardContainersProfile().', where);
    }, options);
  }
}
