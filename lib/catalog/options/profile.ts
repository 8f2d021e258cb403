import { RequirementSet } from '../../model/requirement-set';
import { ProfileDefinition } from '../profile-definition';
import { OptionTable } from './declare';
import { fromCliValues, OptionOwner } from './read';

/** What `cliProfile` needs: the profile's name, texts, option table and typed function. */
export interface CliProfileProps {
  /** CLI name, e.g. `aks`. */
  readonly name: string;
  /** What errors call the profile's options, e.g. `AKS` ("Unknown AKS profile option ..."). */
  readonly title: string;
  readonly description: string;
  readonly options: OptionTable;
  /** The typed profile function; it checks its options itself (with `readOptions`). */
  readonly profile: (options: Record<string, unknown>) => RequirementSet;
  /**
   * The prefix of one option's origin in the CLI readers' errors.
   * @default `profile <name> option`
   */
  readonly optionOrigin?: string;
}

/**
 * The profile as the CLI sees it: `build` turns CLI-style values into typed ones (`fromCliValues`, the same for
 * every profile) and calls the typed function, so the CLI, the export spec and TypeScript callers share one check.
 */
export function cliProfile(props: CliProfileProps): ProfileDefinition {
  const owner: OptionOwner = { origin: `profile ${props.name}`, optionOrigin: props.optionOrigin };
  return {
    name: props.name,
    description: props.description,
    options: props.options,
    build: (raw) => props.profile(fromCliValues(props.options, raw, owner, `${props.title} profile option`)),
  };
}
