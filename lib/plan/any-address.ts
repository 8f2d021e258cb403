import { invalidValue } from '../model/errors';
import { sourceKey } from '../model/provenance';
import { AggregatedCidr } from './flow-group';

// The list checks (coverage of a list of CIDRs) live in the model, lib/model/any-address.ts, so that catalogs use
// them too; this file adds the check of an aggregated flow.

/**
 * Refuses an aggregated network that is every address (`0.0.0.0/0` or `::/0`, however the requirements spelt it):
 * least privilege means a target opens that only when the caller opted in by name.
 * @param optIn how to opt in, e.g. "allowAnyAddress: true on SecurityGroupRules"
 */
export function assertNotAnyAddress(network: AggregatedCidr, optIn: string): void {
  if (network.cidr.prefix !== 0) return;
  // Name the requirement that gave the /0 itself, or else every requirement whose networks together cover it.
  const whole = network.requirements.find((r) => r.peer.cidr?.prefix === 0);
  const origin = whole
    ? `${sourceKey(whole.primarySource)}: ${whole.purpose}`
    : network.requirements.map((r) => `${r.peer.value} from ${sourceKey(r.primarySource)}: ${r.purpose}`).join(', ');
  throw invalidValue(
    'peer',
    network.cidr.toString(),
    origin,
    `A /0 peer allows every address${whole ? '' : ' (these networks together cover all of them)'}. Give the networks the flow needs, or opt in explicitly with ${optIn}.`,
    'any-address',
  );
}
