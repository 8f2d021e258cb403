import * as fc from 'fast-check';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { Cidr, Direction, FirewallRequirementsError, IpVersion, Landing, Necessity, Peer, PeerKind, PortRange, Protocol, Requirement, RequirementSet } from '../../lib/model';
import { EksEndpointAccess, EksIpFamily, NetworkFirewallDomainAllowlist, SecurityGroupRules } from '../../lib/targets/aws';
import { resourcesOf, synth } from '../targets/helpers';
import {
  addressGrant,
  ALL_PROTOCOLS,
  admittedToControlPlane,
  CONTROL_PLANE_LANDINGS,
  anyCidr,
  cidrPeer,
  cidrText,
  describeGrant,
  expectEachCovered,
  expectSameGrants,
  fqdnPeer,
  Grant,
  grantsOf,
  idsOf,
  nameGrant,
  NUM_RUNS,
  overlaps,
  publicAnyCidr,
  publicIpv4Cidr,
  requirement,
  SECTIONS,
  transportName,
  wildcardPeer,
  withBuddies,
} from './target-coverage-support';

/**
 * Coverage properties of the AWS targets: for random requirement sets each target can express, the synthesized
 * JSON allows every requirement (each inside one emitted rule or entry) and nothing else (per flow, the emitted
 * addresses are exactly the union of the input CIDRs; every name, port and protocol comes from the input); what
 * EKS endpoint access leaves to the other constructs is in `skippedRequirements`.
 */

const ALL = ALL_PROTOCOLS;

// --- EksEndpointAccess ------------------------------------------------------------------------------------------

/**
 * IPv6 CIDRs only for an IPv6 cluster; ingress and egress CIDR flows over every protocol, plus egress domains.
 * Ingress and user CIDRs are public (EKS refuses private and reserved ranges); egress CIDRs, which are skipped,
 * come from anywhere.
 */
const eksCase = fc.constantFrom(EksIpFamily.IPV4, EksIpFamily.IPV6).chain((ipFamily) => {
  const cidr = ipFamily === EksIpFamily.IPV6 ? publicAnyCidr : publicIpv4Cidr;
  return fc.record({
    ipFamily: fc.constant(ipFamily),
    requirements: withBuddies(
      fc.array(
        fc.oneof(
          { weight: 4, arbitrary: requirement({ peer: cidrPeer(cidr), directions: [Direction.INGRESS], protocols: ALL, landings: CONTROL_PLANE_LANDINGS }) },
          { weight: 1, arbitrary: requirement({ peer: cidrPeer(anyCidr), directions: [Direction.EGRESS], protocols: ALL }) },
          { weight: 1, arbitrary: requirement({ peer: fc.oneof(fqdnPeer, wildcardPeer), directions: [Direction.EGRESS], protocols: [Protocol.HTTPS] }) },
        ),
        { maxLength: 14 },
      ),
    ),
    publicAccessCidrs: fc.array(cidr.map((c) => ({ cidr: c, purpose: 'Office' })), { maxLength: 2 }),
    nodeEgressCidrs: fc.array(publicIpv4Cidr.map((c) => ({ cidr: c.split('/')[0], purpose: 'NAT gateway' })), { maxLength: 2 }),
    endpointPrivateAccess: fc.boolean(),
  });
});

describe('EksEndpointAccess covers exactly what it can express', () => {
  test('public_access_cidrs are exactly the ingress-to-443 CIDRs, admin and node CIDRs; the rest is skipped', () => {
    fc.assert(
      fc.property(eksCase, ({ ipFamily, requirements, publicAccessCidrs, nodeEgressCidrs, endpointPrivateAccess }) => {
        const set = RequirementSet.of(requirements);
        const accepted = set.requirements.filter(admittedToControlPlane);
        const expected = [
          ...accepted.map((r) => addressGrant('control-plane', r.peer.cidr!, undefined, r.flowKey)),
          ...[...publicAccessCidrs, ...nodeEgressCidrs].map((c) => addressGrant('control-plane', c.cidr, undefined, c.purpose)),
        ];
        const plan = () => EksEndpointAccess.fromRequirements({ requirements: set, publicAccessCidrs, nodeEgressCidrs, ipFamily, endpointPrivateAccess });
        if (expected.length === 0) {
          // EKS would read an empty list as 0.0.0.0/0.
          expect(plan).toThrow(/An empty list leaves the public endpoint open to 0\.0\.0\.0\/0/);
          return;
        }
        if (!endpointPrivateAccess && nodeEgressCidrs.length === 0) {
          // The nodes would be locked out of their own API server.
          expect(plan).toThrow(/With private access off, the nodes reach the API server through the restricted public endpoint/);
          return;
        }
        const access = plan();
        const json = synth((scope) => {
          new EksCluster(scope, 'Cluster', { name: 'c', roleArn: 'arn:aws:iam::123456789012:role/eks', vpcConfig: access.toVpcConfig(['subnet-a', 'subnet-b']) });
        });
        const vpc = resourcesOf(json, 'aws_eks_cluster')[0].vpc_config;
        expect([vpc.endpoint_private_access, vpc.endpoint_public_access]).toEqual([endpointPrivateAccess, true]);
        const emitted = (vpc.public_access_cidrs as string[]).map((c) => addressGrant('control-plane', c, undefined, 'public_access_cidrs'));
        expectEachCovered(expected, emitted);
        expectSameGrants(expected, emitted);
        expect(overlaps(emitted)).toEqual([]);
        expect(idsOf(access.requirements)).toEqual(idsOf(accepted));
        expect(idsOf(access.skippedRequirements)).toEqual(idsOf(set.requirements.filter((r) => !admittedToControlPlane(r))));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

/**
 * Ranges that never reach a public endpoint, written from the RFCs (private, CGNAT, loopback, link-local,
 * "this network", multicast, reserved; IPv6 unspecified, loopback, unique local, link-local, multicast).
 */
const NON_PUBLIC = ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.168.0.0/16', '224.0.0.0/4', '240.0.0.0/4', '::/128', '::1/128', 'fc00::/7', 'fe80::/10', 'ff00::/8'].map((c) => Cidr.parse(c));

/** A network inside a non-public range, or a wider one (short of /0) that contains it. */
const nonPublicCidr: fc.Arbitrary<string> = fc.constantFrom(...NON_PUBLIC).chain((range) => {
  const bits = range.version === IpVersion.IPV4 ? 32 : 128;
  const inside = fc.integer({ min: range.prefix, max: bits }).chain((prefix) =>
    fc.bigInt({ min: 0n, max: (1n << BigInt(prefix - range.prefix)) - 1n }).map((i) => cidrText(range.version, range.first + (i << BigInt(bits - prefix)), prefix)),
  );
  if (range.prefix === 1) return inside;
  const around = fc.integer({ min: 1, max: range.prefix - 1 }).map((prefix) => cidrText(range.version, range.first & ~((1n << BigInt(bits - prefix)) - 1n), prefix));
  return fc.oneof(inside, around);
});

describe('EksEndpointAccess refuses non-public ranges', () => {
  test('a network that overlaps a non-public range is refused wherever it comes from, naming it and its origin', () => {
    fc.assert(
      fc.property(eksCase, nonPublicCidr, fc.constantFrom('requirements', 'publicAccessCidrs', 'nodeEgressCidrs'), fc.nat(), (c, bad, where, at) => {
        const ipFamily = bad.includes(':') ? EksIpFamily.IPV6 : c.ipFamily;
        let { requirements, publicAccessCidrs, nodeEgressCidrs } = c;
        let origin: string;
        if (where === 'requirements') {
          const r = Requirement.create({
            direction: Direction.INGRESS,
            protocol: Protocol.TCP,
            ports: [PortRange.single(443)],
            peer: Peer.cidr(bad),
            purpose: 'Private clients',
            necessity: Necessity.required(),
            source: SECTIONS[0],
            landing: Landing.CONTROL_PLANE,
          });
          requirements = [...requirements, r];
          origin = 'test/core: Private clients';
        } else {
          const list = where === 'publicAccessCidrs' ? publicAccessCidrs : nodeEgressCidrs;
          const i = at % (list.length + 1);
          const withBad = [...list.slice(0, i), { cidr: bad, purpose: 'Private' }, ...list.slice(i)];
          if (where === 'publicAccessCidrs') publicAccessCidrs = withBad;
          else nodeEgressCidrs = withBad;
          origin = `EksEndpointAccess ${where}[${i}]`;
        }
        let error: unknown;
        try {
          EksEndpointAccess.fromRequirements({ requirements: RequirementSet.of(requirements), publicAccessCidrs, nodeEgressCidrs, ipFamily, endpointPrivateAccess: c.endpointPrivateAccess });
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(FirewallRequirementsError);
        const e = error as FirewallRequirementsError;
        expect([e.code, e.value, e.origin]).toEqual(['unsupported-peer', Cidr.parse(bad).toString(), origin]);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

// --- SecurityGroupRules -----------------------------------------------------------------------------------------

/** CIDR flows both ways over every protocol, IPv4 and IPv6; a quota of 2 rules per group spreads them over several groups. */
const sgCase = fc.record({
  requirements: withBuddies(
    fc.array(requirement({ peer: cidrPeer(anyCidr), directions: [Direction.EGRESS, Direction.INGRESS], protocols: ALL }), { minLength: 1, maxLength: 16 }),
  ),
  rulesPerGroup: fc.constantFrom(2, 60),
});

function sgGrants(r: Requirement): Grant[] {
  return grantsOf(r, `${r.direction} ${transportName(r.protocol)} address`, { cidr: r.peer.cidr! });
}

/** AWS `ip_protocol` back to the model's: `-1` is any, `icmpv6` is ICMP over IPv6 (whose ports are -1 or absent). */
function emittedSgGrants(json: any, groupIds: readonly string[]): { grants: Grant[]; problems: string[] } {
  const grants: Grant[] = [];
  const problems: string[] = [];
  for (const [type, direction] of [
    ['aws_vpc_security_group_egress_rule', 'egress'],
    ['aws_vpc_security_group_ingress_rule', 'ingress'],
  ]) {
    for (const rule of resourcesOf(json, type)) {
      const origin = `${type} ${rule.ip_protocol} ${rule.from_port}-${rule.to_port} ${rule.cidr_ipv4 ?? rule.cidr_ipv6}`;
      if (!groupIds.includes(rule.security_group_id)) problems.push(`${origin}: security_group_id ${rule.security_group_id}`);
      if ((rule.cidr_ipv4 === undefined) === (rule.cidr_ipv6 === undefined)) problems.push(`${origin}: needs exactly one of cidr_ipv4 and cidr_ipv6`);
      const cidr: string = rule.cidr_ipv4 ?? rule.cidr_ipv6;
      if (rule.cidr_ipv6 !== undefined && !String(rule.cidr_ipv6).includes(':')) problems.push(`${origin}: IPv4 in cidr_ipv6`);
      if (rule.cidr_ipv4 !== undefined && String(rule.cidr_ipv4).includes(':')) problems.push(`${origin}: IPv6 in cidr_ipv4`);
      let protocol: string = rule.ip_protocol;
      let ports: { from: number; to: number } | undefined = rule.from_port === undefined ? undefined : { from: rule.from_port, to: rule.to_port };
      if (protocol === '-1') protocol = 'any';
      if (protocol === 'icmp' || protocol === 'icmpv6') {
        if ((protocol === 'icmpv6') !== (rule.cidr_ipv6 !== undefined)) problems.push(`${origin}: ICMP protocol does not match the IP version`);
        // ICMP "ports" are the type and code; -1/-1 (or none) is every type and code.
        if (ports !== undefined && (ports.from !== -1 || ports.to !== -1)) problems.push(`${origin}: ICMP type/code ${ports.from}/${ports.to}`);
        protocol = 'icmp';
        ports = undefined;
      }
      grants.push(addressGrant(`${direction} ${protocol} address`, cidr, ports, origin));
    }
  }
  return { grants, problems };
}

describe('SecurityGroupRules covers exactly what it can express', () => {
  test('every CIDR flow and port range is in one emitted rule; nothing else is allowed, whatever the group split', () => {
    fc.assert(
      fc.property(sgCase, ({ requirements, rulesPerGroup }) => {
        const set = RequirementSet.of(requirements);
        const build = () => synth((scope) => new SecurityGroupRules(scope, 'Rules', { requirements: set, vpcId: 'vpc-1', rulesPerGroup, maxGroups: 16 }));
        let json: any;
        try {
          json = build();
        } catch (e) {
          // Too many groups for 2 rules each is a correct rejection, not a coverage failure.
          if (rulesPerGroup === 2 && /Security groups needed for/.test(String(e))) return;
          throw e;
        }
        const groupIds = Object.keys(json.resource?.aws_security_group ?? {}).map((name) => `\${aws_security_group.${name}.id}`);
        const expected = set.requirements.flatMap(sgGrants);
        const { grants, problems } = emittedSgGrants(json, groupIds);
        expect(problems).toEqual([]);
        expectEachCovered(expected, grants);
        expectSameGrants(expected, grants);
        // Rules of one flow (direction, protocol, port range) are aggregated: none overlaps another.
        expect(overlaps(grants)).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

// --- NetworkFirewallDomainAllowlist -----------------------------------------------------------------------------

/** Egress http/https to names and left-most wildcards; the ports do not matter to a domain list. */
const nfwCase = fc.array(requirement({ peer: fc.oneof(fqdnPeer, wildcardPeer), directions: [Direction.EGRESS], protocols: [Protocol.HTTP, Protocol.HTTPS] }), {
  minLength: 1,
  maxLength: 20,
});

const TARGET_TYPE: Record<string, string> = { [Protocol.HTTP]: 'HTTP_HOST', [Protocol.HTTPS]: 'TLS_SNI' };

/** A requirement in the domain list's own spelling: `*.example.com` is written `.example.com`. */
function nfwGrant(r: Requirement): Grant {
  const name = r.peer.kind === PeerKind.WILDCARD_FQDN ? r.peer.value.slice(1) : r.peer.value;
  return nameGrant(`egress ${TARGET_TYPE[r.protocol]}`, name, undefined, r.flowKey);
}

/** Whether an emitted target matches a wanted one: equal, or a `.domain` target over the name or its subdomains. */
function nfwMatches(emitted: string, wanted: string): boolean {
  return emitted === wanted || (emitted.startsWith('.') && (wanted === emitted.slice(1) || wanted.endsWith(emitted)));
}

describe('NetworkFirewallDomainAllowlist covers exactly what it can express', () => {
  test('every name is matched on the inspected protocol, wildcards as .domain; every target comes from the input', () => {
    fc.assert(
      fc.property(nfwCase, (requirements) => {
        const set = RequirementSet.of(requirements);
        const json = synth((scope) => new NetworkFirewallDomainAllowlist(scope, 'Allow', { name: 'egress', homeNetCidrs: ['10.0.0.0/16'], requirementSets: [set] }));
        const expected = set.requirements.map(nfwGrant);
        const grants: Grant[] = [];
        const problems: string[] = [];
        for (const group of resourcesOf(json, 'aws_networkfirewall_rule_group')) {
          const list = group.rule_group.rules_source.rules_source_list;
          if (group.type !== 'STATEFUL' || list.generated_rules_type !== 'ALLOWLIST') problems.push(`${group.name}: ${group.type} ${list.generated_rules_type}`);
          if (list.target_types.length !== 1 || group.capacity < list.targets.length + 1) problems.push(`${group.name}: capacity ${group.capacity}`);
          for (const type of list.target_types) for (const target of list.targets) grants.push(nameGrant(`egress ${type}`, target, undefined, group.name));
          // Redundant targets are dropped: none is matched by another `.domain` target of the same group.
          for (const target of list.targets) {
            const by = list.targets.find((other: string) => other !== target && nfwMatches(other, target));
            if (by) problems.push(`${group.name}: ${target} is already matched by ${by}`);
          }
        }
        expect(problems).toEqual([]);
        expectEachCovered(expected, grants, nfwMatches);
        // Nothing else: every emitted target, on every target type, is some requirement's own target.
        const extra = grants.filter((g) => !expected.some((w) => w.space === g.space && w.destination.name === g.destination.name));
        expect(extra.map(describeGrant)).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
