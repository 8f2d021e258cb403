/**
 * "Any address" is a property of coverage, not of spelling: for random lists of CIDRs whose union covers every IPv4
 * (or IPv6) address, written as a random partition of the address space (0.0.0.0/1 + 128.0.0.0/1, 256 /8s, ...),
 * possibly with overlapping extras and in random order, every target that turns CIDRs into a rule, a source, an
 * authorized range or a peer refuses without its named opt-in. The same lists minus one piece (which cover less) are
 * accepted, so the refusal is about coverage and nothing else.
 */
import { Testing } from 'cdktf';
import * as fc from 'fast-check';
import { aksProfile } from '../../lib/catalog/aks';
import { ibmVpcProfile } from '../../lib/catalog/ibm-vpc';
import { Cidr, Direction, FirewallRequirementsError, Landing, Necessity, Peer, PortRange, Protocol, Requirement, RequirementSet } from '../../lib/model';
import { EksEndpointAccess, NetworkFirewallDomainAllowlist, SecurityGroupRules } from '../../lib/targets/aws';
import { AksAuthorizedIpRanges, AzureFirewallPolicyRules, FirewallRuleSources } from '../../lib/targets/azure';
import { GcpFirewall, GkeAuthorizedNetworks } from '../../lib/targets/google';
import { IbmSecurityGroupRules } from '../../lib/targets/ibm';
import { source } from '../model/fixtures';

/** A random partition of `start/prefix` into CIDRs (each node split in two with probability, to a depth). */
function partition(version: 4 | 6, maxDepth: number): fc.Arbitrary<string[]> {
  const bits = version === 4 ? 32 : 128;
  // A sequence of split decisions, consumed depth-first.
  return fc.array(fc.boolean(), { minLength: 1, maxLength: 64 }).map((decisions) => {
    let i = 0;
    const out: bigint[][] = [];
    const walk = (first: bigint, prefix: number, depth: number) => {
      // The root is always split, so no list spells the whole space as one /0.
      const split = depth === 0 || (depth < maxDepth && decisions[i++ % decisions.length]);
      if (!split) {
        out.push([first, BigInt(prefix)]);
        return;
      }
      walk(first, prefix + 1, depth + 1);
      walk(first | (1n << BigInt(bits - prefix - 1)), prefix + 1, depth + 1);
    };
    walk(0n, 0, 0);
    return out.map(([first, prefix]) => `${text(first, version)}/${prefix}`);
  });
}

function text(value: bigint, version: 4 | 6): string {
  if (version === 4) return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 0xffn)).join('.');
  return Array.from({ length: 8 }, (_, k) => ((value >> BigInt(112 - 16 * k)) & 0xffffn).toString(16)).join(':');
}

/** A covering list, shuffled, sometimes with a redundant extra network inside it. */
const covering = (version: 4 | 6) =>
  fc
    .tuple(partition(version, version === 4 ? 6 : 4), fc.boolean(), fc.nat())
    .chain(([parts, extra, seed]) =>
      fc.shuffledSubarray(parts, { minLength: parts.length, maxLength: parts.length }).map((shuffled) => {
        const list = extra ? [...shuffled, version === 4 ? '10.0.0.0/8' : '2001:db8::/32'] : shuffled;
        return { list, missingOne: parts.filter((_, i) => i !== seed % parts.length) };
      }),
    );

const anyCovering = fc.oneof(covering(4), covering(6));

function requirements(cidrs: readonly string[], direction: Direction, landing = Landing.NODES): RequirementSet {
  return RequirementSet.of(
    cidrs.map((c) =>
      Requirement.create({
        direction,
        protocol: Protocol.TCP,
        ports: [PortRange.single(443)],
        peer: Peer.cidr(c),
        purpose: 'Covering network',
        necessity: Necessity.required(),
        source: source('coverage', 'property'),
        landing,
      }),
    ),
  );
}

/** Runs `act`; returns the library error it throws, or undefined. Any other error fails the property. */
function outcome(act: () => unknown): FirewallRequirementsError | undefined {
  try {
    act();
    return undefined;
  } catch (e) {
    if (e instanceof FirewallRequirementsError) return e;
    throw e;
  }
}

const synth = (fn: Parameters<typeof Testing.synthScope>[0]) => () => Testing.synthScope(fn);
const is4 = (list: readonly string[]) => !list[0].includes(':');

/** Every target, as (list, optIn) => act. `optIn` undefined for targets that have none. */
const TARGETS: Array<{ name: string; v6: boolean; act: (list: string[], optIn: boolean) => () => unknown; hasOptIn: boolean }> = [
  {
    name: 'SecurityGroupRules peers',
    v6: true,
    hasOptIn: true,
    act: (list, optIn) => synth((s) => new SecurityGroupRules(s, 'sg', { requirementSets: [requirements(list, Direction.EGRESS)], vpcId: 'vpc-1', allowAnyAddress: optIn, rulesPerGroup: 1000, maxGroups: 1 })),
  },
  {
    name: 'EksEndpointAccess cidrs',
    v6: false,
    hasOptIn: true,
    act: (list, optIn) => () => EksEndpointAccess.fromRequirements({ cidrs: list.map((cidr) => ({ cidr })), allowAnyAddress: optIn }),
  },
  {
    name: 'EksEndpointAccess control-plane rows',
    v6: false,
    hasOptIn: true,
    act: (list, optIn) => () => EksEndpointAccess.fromRequirements({ requirementSets: [requirements(list, Direction.INGRESS, Landing.CONTROL_PLANE)], allowAnyAddress: optIn }),
  },
  {
    name: 'NetworkFirewallDomainAllowlist homeNetCidrs',
    v6: true,
    hasOptIn: true,
    act: (list, optIn) =>
      synth((s) => new NetworkFirewallDomainAllowlist(s, 'nfw', { requirementSets: [RequirementSet.of([Requirement.create({ direction: Direction.EGRESS, protocol: Protocol.HTTPS, ports: [PortRange.single(443)], peer: Peer.fqdn('example.com'), purpose: 'x', necessity: Necessity.required(), source: source() })])], name: 'egress', homeNetCidrs: list, allowAnyAddress: optIn })),
  },
  {
    name: 'GcpFirewall peers',
    v6: true,
    hasOptIn: true,
    act: (list, optIn) => synth((s) => new GcpFirewall(s, 'gcp', { requirementSets: [requirements(list, Direction.INGRESS)], network: 'default', allowAnyAddress: optIn })),
  },
  {
    name: 'GkeAuthorizedNetworks cidrs',
    v6: false,
    hasOptIn: false,
    act: (list) => () => GkeAuthorizedNetworks.fromRequirements({ cidrs: list.map((cidr) => ({ cidr })), privateCluster: true }),
  },
  {
    name: 'AzureFirewallPolicyRules destinations',
    v6: true,
    hasOptIn: true,
    act: (list, optIn) =>
      synth((s) => new AzureFirewallPolicyRules(s, 'fw', { requirementSets: [requirements(list, Direction.EGRESS)], firewallPolicyId: 'p', sources: FirewallRuleSources.addresses(['10.42.1.0/24']), basePriority: 200, allowAnyAddress: optIn })),
  },
  {
    name: 'FirewallRuleSources.addresses',
    v6: true,
    hasOptIn: false,
    act: (list) => () => FirewallRuleSources.addresses(list),
  },
  {
    name: 'FirewallRuleSources.newIpGroup',
    v6: true,
    hasOptIn: false,
    act: (list) => () => FirewallRuleSources.newIpGroup({ name: 'ipg', resourceGroupName: 'rg', location: 'westeurope', cidrs: list }),
  },
  {
    name: 'AksAuthorizedIpRanges cidrs',
    v6: true,
    hasOptIn: false,
    act: (list) => () => AksAuthorizedIpRanges.compute({ cidrs: list.map((cidr) => ({ cidr })) }),
  },
  {
    name: 'IbmSecurityGroupRules peers',
    v6: false,
    hasOptIn: true,
    act: (list, optIn) => synth((s) => new IbmSecurityGroupRules(s, 'ibm', { requirementSets: [requirements(list, Direction.INGRESS)], vpcId: 'r006-1', allowAnyAddress: optIn })),
  },
  {
    name: 'ibmVpcProfile subnetCidrs',
    v6: false,
    hasOptIn: true,
    act: (list, optIn) => () => ibmVpcProfile({ region: 'us-south', subnetCidrs: list, nodePortsFromAnywhere: optIn }),
  },
];

describe('every target refuses CIDR lists that cover every address, unless opted in', () => {
  test.each(TARGETS.map((t) => [t.name, t] as const))('%s', (_name, target) => {
    fc.assert(
      fc.property(target.v6 ? anyCovering : covering(4), ({ list, missingOne }) => {
        if (!target.v6 && !is4(list)) return;
        const refused = outcome(target.act(list, false));
        expect(refused).toBeDefined();
        expect(refused!.message).toMatch(/every (IPv4 |IPv6 )?address|0\.0\.0\.0\/0|::\/0|together/);
        if (target.hasOptIn) expect(outcome(target.act(list, true))?.message ?? 'accepted').not.toMatch(/every (IPv4 |IPv6 )?address/);
        // one piece less no longer covers everything: not refused for coverage
        expect(outcome(target.act(missingOne, false))?.message ?? 'accepted').not.toMatch(/cover every|covers every|allows every|authorizes every/);
      }),
      { numRuns: 15 },
    );
  });

  test('the AKS profile never turns a DNS server list into an any-address rule: each entry is one host', () => {
    expect(() => aksProfile({ location: 'westeurope', customDnsServers: ['0.0.0.0/1', '128.0.0.0/1'] })).toThrow(FirewallRequirementsError);
  });

  test('the generator covers the space and the reduced list does not', () => {
    fc.assert(
      fc.property(anyCovering, ({ list, missingOne }) => {
        const cidrs = list.map((c) => Cidr.parse(c));
        expect(Cidr.aggregate(cidrs).some((c) => c.prefix === 0)).toBe(true);
        expect(Cidr.aggregate(missingOne.map((c) => Cidr.parse(c))).some((c) => c.prefix === 0)).toBe(false);
      }),
      { numRuns: 30 },
    );
  });
});
