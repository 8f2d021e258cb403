import { Cidr } from '../../model/cidr';
import { invalidValue } from '../../model/errors';
import { InputCheck, isTerraformReference } from '../../model/input';
import { assertNotAnyAddressList, CidrEntry } from '../../model/any-address';
import { assertWithinLimit, LIMITS } from '../../plan/limits';

// No cdktf here: the export target reuses these checks (Terraform references are recognized by their encoded form).

/** How the sources of the rules are given. */
export enum FirewallRuleSourceKind {
  /** CIDRs and addresses in every rule's `source_addresses`. */
  ADDRESSES = 'addresses',
  /** Existing IP Groups in every rule's `source_ip_groups`. */
  IP_GROUP_IDS = 'ip-group-ids',
  /** An `azurerm_ip_group` the construct creates from CIDRs, referenced by every rule. */
  NEW_IP_GROUP = 'new-ip-group',
  /** `*`: every source address (an explicit opt-in). */
  ANY = 'any',
}

/** The IP Group the construct creates for `FirewallRuleSources.newIpGroup`. */
export interface NewIpGroupProps {
  /** Name of the IP Group. */
  readonly name: string;
  /** Resource group of the IP Group. */
  readonly resourceGroupName: string;
  /** Azure region of the IP Group. */
  readonly location: string;
  /** The cluster's subnets (CIDRs or addresses; Terraform references are passed through). */
  readonly cidrs: string[];
  /**
   * Tags of the IP Group.
   * @default - none
   */
  readonly tags?: Record<string, string>;
}

/** Bytes counted per unresolved reference (an Azure resource id) in the size estimate. */
const REFERENCE_BYTES = 200;

/**
 * Where the allowed traffic comes from: the cluster's own subnets, as CIDRs, as existing IP Groups, or as an
 * IP Group the construct creates. Secure by default: there is no default, and every address (`*`) is a
 * separate, named opt-in (`FirewallRuleSources.anySource()`).
 *
 * @example FirewallRuleSources.addresses(['10.42.1.0/24'])
 */
export class FirewallRuleSources {
  /**
   * CIDRs or addresses (aggregated exactly). A list that covers every address (`0.0.0.0/0`, but also
   * `0.0.0.0/1` + `128.0.0.0/1`) is refused: `anySource()` is the explicit opt-in.
   * Terraform references (e.g. a subnet's address prefix) are passed through unchecked.
   */
  public static addresses(cidrs: string[]): FirewallRuleSources {
    const check = new InputCheck('FirewallRuleSources.addresses');
    const list = check.stringArray('cidrs', cidrs, { nonEmpty: true });
    return new FirewallRuleSources(FirewallRuleSourceKind.ADDRESSES, checkCidrs(list, check.where('cidrs')), undefined);
  }

  /** Ids of existing IP Groups (each counts as one address in the Azure pair limit). */
  public static ipGroupIds(ids: string[]): FirewallRuleSources {
    const check = new InputCheck('FirewallRuleSources.ipGroupIds');
    check.stringArray('ids', ids, { nonEmpty: true }).forEach((id, i) => {
      if (!isTerraformReference(id) && !/^\/subscriptions\/.+\/providers\/Microsoft\.Network\/ipGroups\/[^/]+$/i.test(id)) {
        throw invalidValue(
          'IP Group id',
          id,
          `${check.where('ids')}[${i}]`,
          'Give the resource id (/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/ipGroups/<name>) or a reference such as ipGroup.id.',
        );
      }
    });
    return new FirewallRuleSources(FirewallRuleSourceKind.IP_GROUP_IDS, [...new Set(ids)], undefined);
  }

  /** An IP Group created from `props.cidrs` (at most 5,000 entries, aggregated exactly first). */
  public static newIpGroup(props: NewIpGroupProps): FirewallRuleSources {
    const origin = 'FirewallRuleSources.newIpGroup';
    const check = new InputCheck(origin);
    const p = check.props(props, ['name', 'resourceGroupName', 'location', 'cidrs', 'tags']);
    const name = check.string('name', p.name, { hint: "Give the IP Group a name, e.g. 'ipg-aks-nodes'." });
    const resourceGroupName = check.string('resourceGroupName', p.resourceGroupName, { hint: 'Give the resource group name, e.g. rg.name.' });
    const location = check.string('location', p.location, { hint: "Give the Azure region, e.g. 'westeurope' or rg.location." });
    const tags = check.stringMap('tags', p.tags);
    const cidrs = checkCidrs(check.stringArray('cidrs', p.cidrs, { nonEmpty: true }), check.where('cidrs'));
    assertWithinLimit(
      'CIDRs in one Azure Firewall IP Group',
      cidrs.length,
      LIMITS.azureIpGroupCidrs,
      origin,
      'Use wider subnets, or create several IP Groups and pass their ids with FirewallRuleSources.ipGroupIds.',
    );
    return new FirewallRuleSources(FirewallRuleSourceKind.NEW_IP_GROUP, cidrs, { name, resourceGroupName, location, cidrs, ...(tags ? { tags } : {}) });
  }

  /** Every source address (`*`). Wider than the cluster's subnets: use only when the policy serves nothing else. */
  public static anySource(): FirewallRuleSources {
    return new FirewallRuleSources(FirewallRuleSourceKind.ANY, ['*'], undefined);
  }

  private constructor(
    public readonly kind: FirewallRuleSourceKind,
    /** Addresses, IP Group ids, the new group's CIDRs, or `*`. */
    public readonly values: readonly string[],
    /** The IP Group to create, for NEW_IP_GROUP. */
    public readonly newIpGroupProps: NewIpGroupProps | undefined,
  ) {}

  /** Entries each rule's sources count as in the Azure pair limit (an IP Group is one). */
  public get count(): number {
    return this.kind === FirewallRuleSourceKind.NEW_IP_GROUP ? 1 : this.values.length;
  }

  /** Estimated bytes the source attributes add to each rule. */
  public get bytesPerRule(): number {
    // A reference (the new IP Group's id, a subnet prefix) is counted at the length of a typical resource id.
    const entries = this.kind === FirewallRuleSourceKind.NEW_IP_GROUP ? [undefined] : this.values;
    const size = entries.reduce((sum: number, v) => sum + (v === undefined || isTerraformReference(v) ? REFERENCE_BYTES : v.length) + 3, 0);
    return size + '"sourceAddresses":[],'.length;
  }
}

function checkCidrs(cidrs: readonly string[], origin: string): string[] {
  const entries: CidrEntry[] = [];
  const references: string[] = [];
  cidrs.forEach((text, i) => {
    if (isTerraformReference(text)) references.push(text);
    else entries.push({ cidr: Cidr.parse(text, `${origin}[${i}]`), origin: `${origin}[${i}]` });
  });
  assertNotAnyAddressList(entries, 'source', origin, "Give the cluster's subnets, or opt in explicitly with FirewallRuleSources.anySource().");
  return [...Cidr.aggregate(entries.map((e) => e.cidr)).map((c) => c.toString()), ...references];
}
