import 'cdktf/lib/testing/adapters/jest';
import { ibmVpcProfile, IbmWorkerEgress } from '../../../lib/catalog/ibm-vpc';
import { IbmSecurityGroupRules, planIbmRules } from '../../../lib/targets/ibm';
import { bodies, synth } from './fixtures';

const RULE = 'ibm_is_security_group_rule';
const base = { region: 'us-south', subnetCidrs: ['10.240.0.0/24'], adminAccess: false, vpeGatewayIps: ['10.240.0.5'] };

describe('the IBM target renders the ibm-vpc worker egress rows', () => {
  test('GIVEN workerEgress minimum WHEN synthesized with narrowAnyProtocol THEN outbound icmp_tcp_udp rules to each destination, exact attributes', () => {
    const set = ibmVpcProfile({ ...base, workerEgress: IbmWorkerEgress.MINIMUM });
    const json = synth((scope) => new IbmSecurityGroupRules(scope, 'workers', { requirements: set, securityGroupId: 'r006-sg', narrowAnyProtocol: true }));
    const rules = bodies(json, RULE).map((r: any) => [r.direction, r.protocol, r.remote, r.port_min, r.port_max]);
    expect(rules).toEqual(
      expect.arrayContaining([
        ['outbound', 'icmp_tcp_udp', '161.26.0.0/16', undefined, undefined],
        ['outbound', 'icmp_tcp_udp', '166.8.0.0/14', undefined, undefined],
        ['outbound', 'icmp_tcp_udp', '10.240.0.0/24', undefined, undefined],
        ['outbound', 'icmp_tcp_udp', '10.240.0.5/32', undefined, undefined],
        ['inbound', 'icmp_tcp_udp', '10.240.0.0/24', undefined, undefined],
        ['inbound', 'tcp', '10.240.0.0/24', 30000, 32767],
      ]),
    );
    expect(rules).toHaveLength(6);
  });

  test('without narrowAnyProtocol the ALL rows are refused, saying how to opt in', () => {
    const set = ibmVpcProfile({ ...base, workerEgress: IbmWorkerEgress.MINIMUM });
    expect(() => planIbmRules(set)).toThrow('opt in with narrowAnyProtocol: true');
  });

  test('secure-by-default: DNS on 53 as udp and tcp rules; the health-check rows go to the load balancer list, not the workers', () => {
    const set = ibmVpcProfile({
      ...base,
      workerEgress: IbmWorkerEgress.SECURE_BY_DEFAULT,
      clusterVersion: '1.33',
      iamPrivateEndpointIps: ['166.9.10.20'],
      customDnsResolvers: ['10.240.0.53'],
      loadBalancerHealthChecks: true,
    });
    const plan = planIbmRules(set, { narrowAnyProtocol: true });
    expect(plan.rules.filter((r) => r.portMin === 53).map((r) => `${r.direction} ${r.protocol} ${r.remote}`)).toEqual([
      'outbound tcp 10.240.0.53/32',
      'outbound udp 10.240.0.53/32',
    ]);
    expect(plan.rules.map((r) => r.remote)).toEqual(expect.arrayContaining(['169.254.169.254/32', '172.17.0.0/18', '166.9.10.20/32']));
    expect(plan.otherFirewallRequirements.map((r) => `${r.direction} ${r.portsText} ${r.peer.value}`)).toContain('ingress 80 150.238.229.128/27');
    expect(plan.rules.some((r) => r.portMin === 80)).toBe(false);
  });
});
