import * as fc from 'fast-check';
import { Cidr, Direction, Landing, Peer, Protocol, Requirement, RequirementSet } from '../../lib/model';
import { IbmSecurityGroupRules } from '../../lib/targets/ibm';
import { resourcesOf, synth } from '../targets/helpers';
import {
  addressGrant,
  ALL_PROTOCOLS,
  anyCidr,
  cidrPeer,
  CONTROL_PLANE_LANDINGS,
  expectEachCovered,
  expectSameGrants,
  fqdnPeer,
  Grant,
  grantsOf,
  ipv4Cidr,
  NUM_RUNS,
  requirement,
  transportName,
  wildcardPeer,
  withBuddies,
} from './target-coverage-support';

/**
 * Coverage property of the IBM target: for random requirement sets it can express, the synthesized JSON has a rule
 * for every IPv4 CIDR flow and port range, and nothing else (per flow, the rules' remotes are exactly the input
 * CIDRs' union); domain names are listed in the `fqdn-requirements` output, requirements a catalog marks for
 * another firewall in `other-firewall-requirements` and rows that land elsewhere than on the workers (the cluster API
 * endpoint) in `skipped-requirements`, never rendered. Protocol `any` is rendered as icmp_tcp_udp (narrowAnyProtocol):
 * ICMP, TCP and UDP on every port.
 */

const ALL = ALL_PROTOCOLS;
const BOTH = [Direction.EGRESS, Direction.INGRESS];
const NODE_PORTS_FROM_ANYWHERE = { from: 30000, to: 32767 };

/** `firewall` metadata: none or the security group's own value (rendered), or another firewall (listed). */
const rendered = fc.constantFrom<Record<string, string> | undefined>(undefined, undefined, { firewall: 'vpc-security-group' });
const corporate = fc.constant({ firewall: 'corporate' });

const ibmCase = fc.record({
  requirements: withBuddies(
    fc.array(
      fc.oneof(
        // IPv4 CIDR flows both ways over every protocol: one rule each.
        { weight: 5, arbitrary: requirement({ peer: cidrPeer(ipv4Cidr), directions: BOTH, protocols: ALL, metadata: rendered, landings: CONTROL_PLANE_LANDINGS }) },
        // Domain names, plain or wildcard: listed in the fqdn-requirements output.
        { weight: 2, arbitrary: requirement({ peer: fc.oneof(fqdnPeer, wildcardPeer), directions: BOTH, protocols: ALL, metadata: rendered }) },
        // Rows for another firewall, whatever the peer (even IPv6 or a service tag): listed, never rendered.
        {
          weight: 1,
          arbitrary: requirement({ peer: fc.oneof(cidrPeer(anyCidr), fc.constant(Peer.serviceTag('AzureCloud'))), directions: BOTH, protocols: ALL, metadata: corporate }),
        },
      ),
      { maxLength: 16 },
    ),
  ),
  allowNodePortsFromAnywhere: fc.boolean(),
  existingGroup: fc.boolean(),
});

/** What `IbmSecurityGroupRules` renders: the security-group rows with a CIDR peer that land on the workers. */
function isRendered(r: Requirement): boolean {
  return r.metadata.firewall !== 'corporate' && r.peer.cidr !== undefined && r.landing === Landing.NODES;
}

const EVERY_PORT = { from: 1, to: 65535 };

/** icmp_tcp_udp (and protocol any, narrowed to it) as the three transports it opens. */
function narrowedGrants(direction: string, cidr: string | Cidr, origin: string): Grant[] {
  return [
    addressGrant(`${direction} tcp address`, cidr, EVERY_PORT, origin),
    addressGrant(`${direction} udp address`, cidr, EVERY_PORT, origin),
    addressGrant(`${direction} icmp address`, cidr, undefined, origin),
  ];
}

function ibmGrants(r: Requirement): Grant[] {
  if (r.protocol === Protocol.ANY) return narrowedGrants(r.direction, r.peer.cidr!, r.flowKey);
  return grantsOf(r, `${r.direction} ${transportName(r.protocol)} address`, { cidr: r.peer.cidr! });
}

/** `direction protocol ports peer`, as the outputs list requirements. */
function listed(r: { direction: string; protocol: string; ports: string; peer: string }): string {
  return `${r.direction} ${r.protocol} ${r.ports} ${r.peer}`;
}

function outputValue(json: any, name: string): any[] {
  const key = Object.keys(json.output ?? {}).find((k) => k.startsWith(`Rules_${name}_`));
  if (key === undefined) throw new Error(`no output ${name} in ${Object.keys(json.output ?? {}).join(', ')}`);
  return json.output[key].value;
}

describe('IbmSecurityGroupRules covers exactly what it can express', () => {
  test('a rule for every CIDR flow and port range, nothing else; names and other firewalls listed in the outputs', () => {
    fc.assert(
      fc.property(ibmCase, ({ requirements, allowNodePortsFromAnywhere, existingGroup }) => {
        const set = RequirementSet.of(requirements);
        const json = synth((scope) => {
          new IbmSecurityGroupRules(scope, 'Rules', {
            requirementSets: [set],
            allowNodePortsFromAnywhere,
            narrowAnyProtocol: true,
            ...(existingGroup ? { securityGroupId: 'r006-sg' } : { vpcId: 'r006-vpc' }),
          });
        });

        const expected = set.requirements.filter(isRendered).flatMap(ibmGrants);
        if (allowNodePortsFromAnywhere) expected.push(addressGrant('ingress tcp address', '0.0.0.0/0', NODE_PORTS_FROM_ANYWHERE, 'allowNodePortsFromAnywhere'));
        const groups = existingGroup ? ['r006-sg'] : Object.keys(json.resource?.ibm_is_security_group ?? {}).map((n) => `\${ibm_is_security_group.${n}.id}`);
        const problems: string[] = [];
        const grants = resourcesOf(json, 'ibm_is_security_group_rule').flatMap((rule): Grant[] => {
          if (!groups.includes(rule.group)) problems.push(`${rule.name}: group ${rule.group}`);
          if (!['inbound', 'outbound'].includes(rule.direction)) problems.push(`${rule.name}: direction ${rule.direction}`);
          if (!['tcp', 'udp', 'icmp', 'icmp_tcp_udp'].includes(rule.protocol)) problems.push(`${rule.name}: protocol ${rule.protocol}`);
          if (['tcp', 'udp'].includes(rule.protocol) && rule.port_min === undefined) problems.push(`${rule.name}: ${rule.protocol} without ports`);
          const direction = rule.direction === 'inbound' ? 'ingress' : 'egress';
          if (rule.protocol === 'icmp_tcp_udp') return narrowedGrants(direction, rule.remote, rule.name);
          const ports = rule.port_min === undefined ? undefined : { from: rule.port_min, to: rule.port_max };
          return [addressGrant(`${direction} ${rule.protocol} address`, rule.remote, ports, rule.name)];
        });
        expect(problems).toEqual([]);
        expectEachCovered(expected, grants);
        expectSameGrants(expected, grants);

        // Listed, not rendered: domain names, and every row for another firewall.
        const names = set.requirements.filter((r) => r.peer.isDomain);
        const others = set.requirements.filter((r) => r.metadata.firewall === 'corporate' && !r.peer.isDomain);
        const skipped = set.requirements.filter((r) => r.metadata.firewall !== 'corporate' && r.landing !== Landing.NODES);
        const asListed = (r: Requirement) => listed({ direction: r.direction, protocol: r.protocol, ports: r.portsText, peer: r.peer.toString() });
        expect(outputValue(json, 'fqdn-requirements').map(listed).sort()).toEqual(names.map(asListed).sort());
        expect(outputValue(json, 'other-firewall-requirements').map(listed).sort()).toEqual(others.map(asListed).sort());
        expect(outputValue(json, 'skipped-requirements').map(listed).sort()).toEqual(skipped.map(asListed).sort());
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
