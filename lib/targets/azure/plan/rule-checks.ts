import { invalidValue, unsupportedPeer } from '../../../model/errors';
import { PeerKind } from '../../../model/peer';
import { Direction, isApplicationProtocol, transportOf } from '../../../model/protocol';
import { sourceKey } from '../../../model/provenance';
import { Requirement } from '../../../model/requirement';
import { RequirementSet } from '../../../model/requirement-set';
import { assertNotAnyAddress } from '../../../plan/any-address';
import { selectNodeRequirements } from '../../../plan/control-plane-access';
import { aggregateCidrs } from '../../../plan/flow-group';
import { LIMITS } from '../../../plan/limits';
import { AzureRulePlanOptions, NETWORK_PROTOCOLS } from './rule-plan-types';

// What Azure Firewall refuses before anything is planned: flows a rule cannot express, and network destinations that
// cover every address. No cdktf here.

export function requirementOrigin(r: Requirement, section = sourceKey(r.primarySource)): string {
  return `${section}: ${r.peer.toString()} ${r.protocol}/${r.portsText || '-'} (${r.purpose})`;
}

/** The egress requirements that land on the nodes (what the policy renders), and the rest. */
export function selectEgressRequirements(all: RequirementSet): { egress: RequirementSet; skipped: Requirement[]; elsewhere: Requirement[] } {
  const { nodes, elsewhere } = selectNodeRequirements(all.requirements);
  const egress = nodes.filter((r) => r.direction === Direction.EGRESS);
  const skipped = all.requirements.filter((r) => !egress.includes(r));
  return { egress: RequirementSet.of(egress), skipped, elsewhere: [...elsewhere] };
}

/**
 * Refuses a requirement Azure Firewall cannot express as given: application-rule port ranges or ports past 64000,
 * network-rule FQDNs without DNS proxy, wildcards in network rules, unresolved placeholders.
 */
export function checkExpressible(r: Requirement, options: Pick<AzureRulePlanOptions, 'dnsProxyEnabled'>): void {
  const origin = requirementOrigin(r);
  const peer = r.peer;
  if (peer.kind === PeerKind.PLACEHOLDER) RequirementSet.of([r]).assertResolved();
  if (isApplicationProtocol(r.protocol) && (peer.isDomain || peer.kind === PeerKind.FQDN_TAG)) {
    for (const range of r.ports) {
      if (!range.isSingle) {
        throw invalidValue(
          'application rule port',
          range.toString(),
          origin,
          'An Azure Firewall application rule takes single ports (one protocols block each); list the ports one by one, or state the flow as tcp so it becomes a network rule.',
        );
      }
      if (range.from > LIMITS.azureApplicationRulePortMax) {
        throw invalidValue(
          'application rule port',
          range.toString(),
          origin,
          `Azure Firewall application rule ports go up to ${LIMITS.azureApplicationRulePortMax}; state the flow as tcp so it becomes a network rule.`,
        );
      }
    }
    return;
  }
  switch (peer.kind) {
    case PeerKind.CIDR:
    case PeerKind.SERVICE_TAG:
      return;
    case PeerKind.FQDN:
      if (!options.dnsProxyEnabled) {
        throw unsupportedPeer(
          'An Azure Firewall network rule',
          peer.value,
          origin,
          'FQDNs in network rules work only with DNS proxy enabled on the firewall policy',
          'Enable DNS proxy on the policy (azurerm_firewall_policy dns { proxy_enabled = true }) and set dnsProxyEnabled: true on this construct.',
        );
      }
      return;
    case PeerKind.WILDCARD_FQDN:
      throw unsupportedPeer(
        'An Azure Firewall network rule',
        peer.value,
        origin,
        'FQDN filtering in network rules does not support wildcards',
        'State the flow as http or https so it becomes an application rule (which takes left-most wildcards), or list the exact names.',
      );
    default:
      // FQDN tags only come with http/https (model rule).
      throw unsupportedPeer('An Azure Firewall network rule', peer.toString(), origin, `a ${peer.kind} peer is not a network destination`, 'Use a CIDR, a service tag or a domain name.');
  }
}

/**
 * Refuses network-rule destinations that cover every address, judged per rendered flow (protocol and ports) over
 * every section after exact aggregation: 0.0.0.0/1 in one section and 128.0.0.0/1 in another open the same flow to
 * every IPv4 address, just as 0.0.0.0/0 does. `allowAnyAddress` is the named opt-in.
 */
export function assertNoAnyAddressDestination(requirements: readonly Requirement[], options: AzureRulePlanOptions): void {
  if (options.allowAnyAddress) return;
  const byFlow = new Map<string, Requirement[]>();
  for (const r of requirements) {
    if (r.peer.kind !== PeerKind.CIDR) continue;
    const flow = `${NETWORK_PROTOCOLS[transportOf(r.protocol)]}|${r.portsText || '*'}`;
    const list = byFlow.get(flow);
    if (list) list.push(r);
    else byFlow.set(flow, [r]);
  }
  for (const flow of [...byFlow.keys()].sort()) {
    for (const network of aggregateCidrs(byFlow.get(flow) as Requirement[])) {
      assertNotAnyAddress(network, `allowAnyAddress: true on AzureFirewallPolicyRules (${options.origin})`);
    }
  }
}
