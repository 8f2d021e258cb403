import { OptionSpec, OptionType, ProfileDefinition } from '../catalog/profile-definition';
import { invalidValue, missingOption, unknownOption } from '../model/errors';
import { catalogLifecycle, retiredCatalogsOf } from '../catalog/lifecycle';
import { retirementWarning } from '../model/lifecycle';
import { toRecordWithLifecycle } from '../model/requirement-record';
import { FORMAT_SPEC, parseFlags } from './args';
import * as format from './format';

const NAME = 'cdktf-firewall-requirements';

/** Where `list` writes, and what it reads from its surroundings. */
export interface ListIo {
  readonly out: NodeJS.WritableStream;
  readonly err: NodeJS.WritableStream;
  /**
   * The environment (`COLUMNS` sets the table width).
   * @default process.env
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * The clock, for the generation date of the Markdown title block. `SOURCE_DATE_EPOCH` (seconds) in `env` wins.
   * @default () => new Date()
   */
  readonly now?: () => Date;
}

/** The help texts `list` prints; the CLI's main module owns them. */
export interface ListUsage {
  readonly list: () => string;
  readonly profile: (profile: ProfileDefinition) => string;
}

/** `--wide`: the table shows every cell in full, whatever the terminal's width. */
export const WIDE_SPEC: OptionSpec = {
  name: 'wide',
  flag: 'wide',
  type: OptionType.BOOLEAN,
  description: 'Table: show every cell in full (the default when stdout is not a terminal and COLUMNS is unset).',
  defaultText: 'false',
};

/** Parsed `list <profile>... [flags]`. */
export interface MultiListArguments {
  readonly profiles: readonly ProfileDefinition[];
  /** Options of each listed profile, keyed by profile name, then by option name. */
  readonly options: Readonly<Record<string, Record<string, unknown>>>;
  readonly format: string;
  readonly wide: boolean;
  readonly help: boolean;
}

/**
 * Parses `list <profile> [<profile>...] [flags]`. The profile names come first. A flag goes to the listed profile
 * that declares it; a flag two listed profiles declare must be scoped (`--eks.region`), and any flag may be.
 * `--format` and `--wide` belong to the listing.
 */
export function parseMultiListArguments(args: readonly string[], all: readonly ProfileDefinition[]): MultiListArguments {
  const names: string[] = [];
  let i = 0;
  for (; i < args.length && !args[i].startsWith('-'); i++) names.push(args[i]);
  const profiles = names.map((name, k) => {
    const profile = all.find((p) => p.name === name);
    if (!profile) {
      // After a profile, an unknown word is more likely a value without its flag than a misspelt profile.
      const more = k > 0 ? 'Profile names come first. Options are given as --flag value; see --help.' : '';
      throw unknownOption('profile', name, `${NAME} list`, all.map((p) => p.name), more);
    }
    return profile;
  });
  const twice = names.find((n, k) => names.indexOf(n) !== k);
  if (twice) throw invalidValue('profile list', names.join(' '), `${NAME} list`, `Profile ${twice} is named twice; name each profile once.`, 'repeated-value');
  const command = `${NAME} list ${names.join(' ')}`;
  const flags = args.slice(i);

  const owners = new Map<string, ProfileDefinition[]>();
  for (const p of profiles) for (const s of p.options) owners.set(s.flag, [...(owners.get(s.flag) ?? []), p]);
  const specs: OptionSpec[] = [FORMAT_SPEC, WIDE_SPEC];
  for (const p of profiles) {
    for (const s of p.options) {
      const name = `${p.name}.${s.name}`;
      specs.push({ ...s, name, flag: `${p.name}.${s.flag}` });
      if (owners.get(s.flag)!.length === 1) specs.push({ ...s, name });
    }
  }
  for (const arg of flags) {
    if (!arg.startsWith('--')) continue;
    const bare = arg.slice(2).replace(/=.*$/, '');
    const flag = owners.has(bare) ? bare : bare.replace(/^no-/, '');
    const declaring = owners.get(flag);
    if (declaring && declaring.length > 1) {
      throw invalidValue(
        'flag',
        arg,
        command,
        `--${flag} is an option of ${declaring.map((p) => p.name).join(' and ')}: name the profile, e.g. ${declaring.map((p) => `--${p.name}.${flag}`).join(' / ')}.`,
        'conflicting-values',
      );
    }
  }
  // The other profiles' flags are read only for a flag the listed profiles do not know (so `list aks` loads no
  // other catalog).
  const elsewhere = new FilledOnFirstRead<string, string[]>((map) => {
    for (const other of all) {
      if (profiles.includes(other)) continue;
      for (const s of other.options) map.set(s.flag, [...(map.get(s.flag) ?? []), `profile ${other.name}`]);
    }
  });
  const parsed = parseFlags(flags, { command, specs, elsewhere, flagNoun: `option for profile${profiles.length > 1 ? 's' : ''} ${names.join(', ')}` });
  const options: Record<string, Record<string, unknown>> = Object.fromEntries(profiles.map((p) => [p.name, {}]));
  let formatName = 'table';
  let wide = false;
  for (const [key, value] of Object.entries(parsed.options)) {
    if (key === FORMAT_SPEC.name) formatName = value as string;
    else if (key === WIDE_SPEC.name) wide = value as boolean;
    else {
      const dot = key.indexOf('.');
      options[key.slice(0, dot)][key.slice(dot + 1)] = value;
    }
  }
  return { profiles, options, format: formatName, wide, help: parsed.help };
}

/** `list <profile>... [flags]`: one merged listing; each row names the listed profiles that ask for it. */
export function runList(args: readonly string[], io: ListIo, all: readonly ProfileDefinition[], usage: ListUsage): number {
  const [first, ...rest] = args;
  if (first === '--help' || first === '-h') {
    if (rest.length > 0) throw invalidValue('argument', rest[0], `${NAME} list ${first}`, `${NAME} list ${first} takes no further arguments.`, 'unexpected-argument');
    io.out.write(usage.list());
    return 0;
  }
  if (first === undefined || first.startsWith('-')) {
    // Nothing on stdout: the usage goes to stderr with the message, so a script sees no output and exit code 2.
    const error = missingOption('profile', `${NAME} list`, 'list needs a profile name before its flags', `${NAME} list ${all[0].name} --help`);
    io.err.write(`${NAME}: ${error.message}\n\n${usage.list()}`);
    return 2;
  }
  const parsed = parseMultiListArguments(args, all);
  if (parsed.help) {
    io.out.write(parsed.profiles.map((p) => usage.profile(p)).join('\n'));
    return 0;
  }
  // Build everything before writing anything: bad input leaves stdout empty.
  const sets = parsed.profiles.map((p) => p.build(parsed.options[p.name]));
  const ids = sets.map((s) => new Set(s.requirements.map((r) => r.id)));
  const merged = sets[0].merge(...sets.slice(1));
  const records = merged.requirements.map((r) => ({
    ...toRecordWithLifecycle(r, catalogLifecycle(r.primarySource.catalog)),
    profiles: parsed.profiles.filter((_, k) => ids[k].has(r.id)).map((p) => p.name),
  }));
  const env = io.env ?? process.env;
  const text = format.formatRecords(records, parsed.format, {
    profiles: parsed.profiles.map((p) => ({ name: p.name, options: parsed.options[p.name] })),
    generatedAt: generationDate(env, io.now),
    width: parsed.wide ? undefined : tableWidth(io.out, env),
  });
  // A retired catalog in use: one warning per catalog on stderr (stdout stays what scripts parse).
  for (const lifecycle of retiredCatalogsOf(merged.requirements)) io.err.write(`${NAME}: warning: ${retirementWarning(lifecycle)}\n`);
  io.out.write(text);
  return 0;
}

/** `COLUMNS` when set to a positive whole number, else the terminal's width when stdout is one, else no limit. */
export function tableWidth(out: NodeJS.WritableStream, env: Readonly<Record<string, string | undefined>>): number | undefined {
  const columns = env.COLUMNS?.trim();
  if (columns && /^\d+$/.test(columns) && Number(columns) > 0) return Number(columns);
  const tty = out as NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  return tty.isTTY && typeof tty.columns === 'number' && tty.columns > 0 ? tty.columns : undefined;
}

/** `SOURCE_DATE_EPOCH` (seconds since 1970, for reproducible listings) when set, else the clock. */
function generationDate(env: Readonly<Record<string, string | undefined>>, now: (() => Date) | undefined): Date {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw invalidValue('SOURCE_DATE_EPOCH', epoch, 'environment', 'SOURCE_DATE_EPOCH is a whole number of seconds since 1970-01-01.', 'invalid-number');
    return new Date(Number(epoch) * 1000);
  }
  return (now ?? (() => new Date()))();
}

/** A map filled by `fill` when it is first read. */
class FilledOnFirstRead<K, V> extends Map<K, V> {
  private filled = false;

  constructor(private readonly fill: (map: Map<K, V>) => void) {
    super();
  }

  public get(key: K): V | undefined {
    this.ensureFilled();
    return super.get(key);
  }

  public has(key: K): boolean {
    this.ensureFilled();
    return super.has(key);
  }

  private ensureFilled(): void {
    if (this.filled) return;
    this.filled = true;
    this.fill(this);
  }
}
