import { coversAnyAddress } from '../../../model/any-address';
import { Cidr } from '../../../model/cidr';
import { FirewallRequirementsError, invalidValue } from '../../../model/errors';
import { sourceKey } from '../../../model/provenance';
import { IBM_NODE_PORT_RANGE, IbmPlannedRule } from './rule-plan-types';
import { IbmRuleDirection, IbmRuleProtocol } from './rule-types';

// The any-address check of the IBM plan: rules whose remotes together cover every IPv4 address for one direction,
// transport and port are refused unless opted in (node ports from anywhere, allowAnyAddress). No cdktf here.

/** One rule's reach in one transport: the ports it opens there (none for icmp). */
interface Reach {
  readonly rule: IbmPlannedRule;
  readonly cidr: Cidr;
  readonly from: number;
  readonly to: number;
}

const TRANSPORTS = [IbmRuleProtocol.TCP, IbmRuleProtocol.UDP, IbmRuleProtocol.ICMP] as const;

/** The ports a rule opens in `transport`, or undefined when it does not reach that transport. */
function reachOf(rule: IbmPlannedRule, transport: IbmRuleProtocol): { from: number; to: number } | undefined {
  if (rule.protocol === transport) return transport === IbmRuleProtocol.ICMP ? { from: 0, to: 0 } : { from: rule.portMin!, to: rule.portMax! };
  if (rule.protocol === IbmRuleProtocol.ICMP_TCP_UDP) return transport === IbmRuleProtocol.ICMP ? { from: 0, to: 0 } : { from: 1, to: 65535 };
  return undefined;
}

/**
 * Refuses rules whose remotes, for one direction, transport and port, together cover every address: by coverage
 * (0.0.0.0/1 + 128.0.0.0/1 is every address), across rules (tcp 443 from one half and icmp_tcp_udp from the other).
 * The node-ports opt-in admits inbound TCP within 30000-32767 only.
 */
export function assertNoAnyAddressRules(rules: readonly IbmPlannedRule[], nodePortsFromAnywhere: boolean, origin: string): void {
  for (const direction of [IbmRuleDirection.INBOUND, IbmRuleDirection.OUTBOUND]) {
    for (const transport of TRANSPORTS) {
      const reaches: Reach[] = [];
      for (const rule of rules) {
        if (rule.direction !== direction) continue;
        const ports = reachOf(rule, transport);
        if (ports) reaches.push({ rule, cidr: Cidr.parse(rule.remote), ...ports });
      }
      // Cheap test first: most sets never come near every address.
      if (!coversAnyAddress(reaches.map((r) => r.cidr))) continue;
      const cuts = [...new Set(reaches.flatMap((r) => [r.from, r.to + 1]))].sort((a, b) => a - b);
      for (let i = 0; i + 1 < cuts.length; i++) {
        const from = cuts[i];
        const to = cuts[i + 1] - 1;
        const inSegment = reaches.filter((r) => r.from <= from && to <= r.to);
        if (!coversAnyAddress(inSegment.map((r) => r.cidr))) continue;
        const nodePorts = direction === IbmRuleDirection.INBOUND && transport === IbmRuleProtocol.TCP && IBM_NODE_PORT_RANGE.from <= from && to <= IBM_NODE_PORT_RANGE.to;
        if (nodePorts && nodePortsFromAnywhere) continue;
        throw anyAddressError(direction, transport, from, to, inSegment, nodePorts, origin);
      }
    }
  }
}

function anyAddressError(direction: IbmRuleDirection, transport: IbmRuleProtocol, from: number, to: number, reaches: readonly Reach[], nodePorts: boolean, origin: string): FirewallRequirementsError {
  const whole = reaches.find((r) => r.cidr.prefix === 0);
  const shown = whole ? [whole] : [...reaches].sort((a, b) => (a.cidr.first < b.cidr.first ? -1 : a.cidr.first > b.cidr.first ? 1 : a.cidr.prefix - b.cidr.prefix));
  const value = whole ? whole.rule.remote : `${shown.map((r) => r.rule.remote).join(', ')} (together 0.0.0.0/0)`;
  const sources = shown
    .map((r) => (r.rule.requirements.length > 0 ? r.rule.requirements.map((q) => `${q.peer.value} from ${sourceKey(q.primarySource)}: ${q.purpose}`).join(', ') : r.rule.purpose))
    .filter((t, i, all) => all.indexOf(t) === i);
  const ports = transport === IbmRuleProtocol.ICMP ? '' : from === to ? ` port ${from}` : ` ports ${from}-${to}`;
  const flow = `${direction} ${transport}${ports}`;
  const optIn = nodePorts
    ? 'opt in with allowNodePortsFromAnywhere: true (node ports only) or allowAnyAddress: true'
    : 'opt in with allowAnyAddress: true';
  return invalidValue(
    `remote for ${flow}`,
    value,
    `${origin}: ${sources.join('; ')}`,
    `${whole ? '0.0.0.0/0 allows' : 'These networks together cover'} every IPv4 address. Give the networks the flow needs, or ${optIn}.`,
    'any-address',
  );
}
