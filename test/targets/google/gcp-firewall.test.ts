import { ComputeNetworkFirewallPolicy } from '@cdktf/provider-google/lib/compute-network-firewall-policy';
import { Testing, TerraformStack } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest';
import { chainguardEnforceProfile } from '../../../lib/catalog/chainguard-enforce';
import { Direction, Peer, PortRange, Protocol, RequirementSet } from '../../../lib/model';
import { userCidrRequirements } from '../../../lib/plan/user-cidrs';
import { GcpFirewall, GcpFirewallProps } from '../../../lib/targets/google';
import { errorOf, req } from '../../model/fixtures';
import { cidrFlow, diff, egressFqdns, resourcesOf, synth } from '../helpers';

const SA = 'nodes@my-project.iam.gserviceaccount.com';
const RFC1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

function firewall(props: Partial<GcpFirewallProps> & { requirements: RequirementSet }): any {
  return synth((scope) => new GcpFirewall(scope, 'Fw', { network: 'my-vpc', ...props }));
}

/** `count` host names under example.com, zero-padded so they sort by number. */
function hostNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `host-${String(i).padStart(3, '0')}.example.com`);
}

describe('GcpFirewall: CIDR rules', () => {
  test('one google_compute_firewall per aggregated network and flow, with exact attributes', () => {
    // GIVEN an egress flow to two adjacent networks and an ingress flow
    const requirements = RequirementSet.of([
      cidrFlow('10.0.0.0/25', { purpose: 'Registry mirror' }),
      cidrFlow('10.0.0.128/25', { purpose: 'Registry mirror' }),
      cidrFlow('192.0.2.0/24', { direction: Direction.INGRESS, protocol: Protocol.UDP, ports: [53], purpose: 'DNS from on-premises' }),
    ]);
    // WHEN
    const json = firewall({ requirements, targetTags: ['gke-nodes'], priority: 900 });
    // THEN
    expect(resourcesOf(json, 'google_compute_firewall')).toEqual([
      {
        name: 'fwreq-e-tcp-443-10-0-0-0-24-cac71275',
        network: 'my-vpc',
        description: 'Registry mirror',
        direction: 'EGRESS',
        priority: 900,
        allow: [{ protocol: 'tcp', ports: ['443'] }],
        destination_ranges: ['10.0.0.0/24'],
        target_tags: ['gke-nodes'],
      },
      {
        name: 'fwreq-i-udp-53-192-0-2-0-24-0cd90415',
        network: 'my-vpc',
        description: 'DNS from on-premises',
        direction: 'INGRESS',
        priority: 900,
        allow: [{ protocol: 'udp', ports: ['53'] }],
        source_ranges: ['192.0.2.0/24'],
        target_tags: ['gke-nodes'],
      },
    ]);
    expect(json.resource.google_compute_network_firewall_policy).toBeUndefined();
  });

  test('protocols: http/https run over tcp, any is all, ICMP over IPv6 is protocol 58; port ranges kept', () => {
    const requirements = RequirementSet.of([
      req({ protocol: Protocol.ANY, ports: [], peer: Peer.cidr('10.1.0.0/16'), purpose: 'Anything' }),
      req({ protocol: Protocol.ICMP, ports: [], peer: Peer.cidr('2001:db8::/32'), purpose: 'Ping v6' }),
      req({ protocol: Protocol.ICMP, ports: [], peer: Peer.cidr('10.2.0.0/16'), purpose: 'Ping' }),
      req({ protocol: Protocol.HTTPS, ports: [PortRange.single(443), PortRange.range(8000, 8080)], peer: Peer.cidr('10.3.0.0/16'), purpose: 'Web' }),
    ]);
    const rules = resourcesOf(firewall({ requirements }), 'google_compute_firewall');
    expect(rules.map((r) => [r.allow, r.destination_ranges])).toEqual(
      expect.arrayContaining([
        [[{ protocol: 'all' }], ['10.1.0.0/16']],
        [[{ protocol: '58' }], ['2001:db8::/32']],
        [[{ protocol: 'icmp' }], ['10.2.0.0/16']],
        [[{ protocol: 'tcp', ports: ['443', '8000-8080'] }], ['10.3.0.0/16']],
      ]),
    );
    expect(rules).toHaveLength(4);
  });

  test('names are RFC 1035, at most 63 characters, and stable', () => {
    const requirements = RequirementSet.of([cidrFlow('2001:db8:aaaa:bbbb:cccc:dddd:eeee:0/112', { ports: [30000] })]);
    const names = resourcesOf(firewall({ requirements, namePrefix: 'team-payments-prod' }), 'google_compute_firewall').map((r) => r.name);
    expect(names).toEqual(['team-payments-prod-e-tcp-30000-2001-db8-aaaa-bbbb-cccc-47921359']);
    for (const n of names) {
      expect(n).toMatch(RFC1035);
      expect(n.length).toBeLessThanOrEqual(63);
    }
  });

  test('adding one CIDR adds exactly one rule resource and changes nothing else', () => {
    const base = RequirementSet.of([cidrFlow('10.0.0.0/24'), cidrFlow('10.9.0.0/16', { ports: [80] })]).merge(egressFqdns(['a.example.com']));
    const before = firewall({ requirements: base, targetServiceAccounts: [SA] });
    const after = firewall({ requirements: base.merge(RequirementSet.of([cidrFlow('172.16.0.0/12')])), targetServiceAccounts: [SA] });
    const d = diff(before, after);
    expect(d.removed).toEqual([]);
    expect(d.changed).toEqual([]);
    expect(d.added).toEqual(['google_compute_firewall.Fw_fwreq-e-tcp-443-172-16-0-0-12-bd840678_4BFC1836']);
  });

  test('target service accounts apply to both rule kinds', () => {
    const json = firewall({ requirements: RequirementSet.of([cidrFlow('10.0.0.0/24')]).merge(egressFqdns(['a.example.com'])), targetServiceAccounts: [SA] });
    expect(resourcesOf(json, 'google_compute_firewall')[0].target_service_accounts).toEqual([SA]);
    expect(resourcesOf(json, 'google_compute_network_firewall_policy_rule')[0].target_service_accounts).toEqual([SA]);
  });

  test('project and logging are passed to every resource when given', () => {
    const json = firewall({ requirements: RequirementSet.of([cidrFlow('10.0.0.0/24')]).merge(egressFqdns(['a.example.com'])), project: 'p1', enableLogging: true });
    for (const type of ['google_compute_firewall', 'google_compute_network_firewall_policy', 'google_compute_network_firewall_policy_association', 'google_compute_network_firewall_policy_rule']) {
      expect(resourcesOf(json, type)[0].project).toBe('p1');
    }
    expect(resourcesOf(json, 'google_compute_firewall')[0].enable_logging).toBe(true);
    expect(resourcesOf(json, 'google_compute_network_firewall_policy_rule')[0].enable_logging).toBe(true);
  });

  test('${ and %{ in a purpose are escaped so that Terraform does not read them as template syntax', () => {
    const purpose = 'Billing ${team} 100%{x}';
    const json = firewall({ requirements: RequirementSet.of([cidrFlow('10.0.0.0/24', { purpose })]).merge(egressFqdns(['a.example.com'], purpose)) });
    // Terraform renders `$${` and `%%{` as the characters `${` and `%{`.
    expect(resourcesOf(json, 'google_compute_firewall')[0].description).toBe('Billing $${team} 100%%{x}');
    expect(resourcesOf(json, 'google_compute_network_firewall_policy_rule')[0].description).toBe('Billing $${team} 100%%{x}');
  });
});

describe('GcpFirewall: domain names through a network firewall policy', () => {
  test('the Enforce agent hosts: a policy, its association and one rule with every host', () => {
    const enforce = chainguardEnforceProfile().filter((r) => r.direction === Direction.EGRESS);
    const json = firewall({ requirements: enforce, targetServiceAccounts: [SA] });
    expect(JSON.stringify(json)).toHaveResourceWithProperties(ComputeNetworkFirewallPolicy, {
      name: 'fwreq-fqdn-egress',
      description: 'Egress to domain names required by the cluster',
    });
    expect(resourcesOf(json, 'google_compute_network_firewall_policy_association')).toEqual([
      {
        name: 'fwreq-fqdn-egress',
        attachment_target: 'my-vpc',
        firewall_policy: '${google_compute_network_firewall_policy.Fw_FqdnPolicy_13A2E6D5.name}',
      },
    ]);
    const rules = resourcesOf(json, 'google_compute_network_firewall_policy_rule');
    expect(rules).toHaveLength(1);
    expect(rules[0]).toEqual({
      firewall_policy: '${google_compute_network_firewall_policy.Fw_FqdnPolicy_13A2E6D5.name}',
      rule_name: 'fwreq-fqdn-tcp-443-1-365dff11',
      description:
        'Enforce agent (namespace gulfstream) to the Chainguard Enforce SaaS / Enforce agent (namespace gulfstream) to a third-party host Chainguard Enforce uses',
      priority: 17520,
      direction: 'EGRESS',
      action: 'allow',
      match: { dest_fqdns: enforce.requirements.map((r) => r.peer.value).sort(), layer4_configs: [{ ip_protocol: 'tcp', ports: ['443'] }] },
      target_service_accounts: [SA],
    });
    expect(rules[0].match.dest_fqdns).toHaveLength(23);
    expect(resourcesOf(json, 'google_compute_firewall')).toEqual([]);
  });

  test('100 names fit one rule', () => {
    const rules = resourcesOf(firewall({ requirements: egressFqdns(hostNames(100)) }), 'google_compute_network_firewall_policy_rule');
    expect(rules.map((r) => r.match.dest_fqdns.length)).toEqual([100]);
  });

  test('101 names split into two rules (100 + 1) with distinct, stable priorities', () => {
    const rules = resourcesOf(firewall({ requirements: egressFqdns(hostNames(101)) }), 'google_compute_network_firewall_policy_rule');
    expect(rules.map((r) => [r.rule_name, r.priority, r.match.dest_fqdns.length])).toEqual([
      ['fwreq-fqdn-tcp-443-1-365dff11', 17520, 100],
      ['fwreq-fqdn-tcp-443-2-974b78fb', 18541, 1],
    ]);
    expect(rules[1].match.dest_fqdns).toEqual(['host-100.example.com']);
  });

  test('a flow with other ports gets its own rule; existing rules keep their names and priorities', () => {
    const base = egressFqdns(['a.example.com']);
    const before = firewall({ requirements: base });
    const after = firewall({ requirements: base.merge(egressFqdns(['b.example.com'], 'Plain HTTP', Protocol.HTTP, [80])) });
    const d = diff(before, after);
    expect(d.removed).toEqual([]);
    expect(d.changed).toEqual([]);
    expect(d.added).toHaveLength(1);
    const added = resourcesOf(after, 'google_compute_network_firewall_policy_rule').find((r) => r.match.dest_fqdns[0] === 'b.example.com');
    expect(added.match.layer4_configs).toEqual([{ ip_protocol: 'tcp', ports: ['80'] }]);
  });

  test('adding a name to an existing flow only updates that rule\'s dest_fqdns', () => {
    const before = firewall({ requirements: egressFqdns(['a.example.com', 'c.example.com']) });
    const after = firewall({ requirements: egressFqdns(['a.example.com', 'b.example.com', 'c.example.com']) });
    const d = diff(before, after);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed).toHaveLength(1);
    expect(resourcesOf(after, 'google_compute_network_firewall_policy_rule')[0].priority).toBe(resourcesOf(before, 'google_compute_network_firewall_policy_rule')[0].priority);
  });

  test('an existing policy: rules go into it, no policy or association is created', () => {
    const json = firewall({ requirements: egressFqdns(['a.example.com']), firewallPolicy: 'projects/p/global/firewallPolicies/shared' });
    expect(json.resource.google_compute_network_firewall_policy).toBeUndefined();
    expect(json.resource.google_compute_network_firewall_policy_association).toBeUndefined();
    expect(resourcesOf(json, 'google_compute_network_firewall_policy_rule')[0].firewall_policy).toBe('projects/p/global/firewallPolicies/shared');
  });

  test('fqdnPriorityStart moves the priorities', () => {
    const json = firewall({ requirements: egressFqdns(['a.example.com']), fqdnPriorityStart: 500000 });
    expect(resourcesOf(json, 'google_compute_network_firewall_policy_rule')[0].priority).toBe(507520);
  });

  test('synthesizing twice is byte-identical', () => {
    const build = () => {
      const app = Testing.app();
      const stack = new TerraformStack(app, 'test');
      new GcpFirewall(stack, 'Fw', { network: 'my-vpc', requirements: chainguardEnforceProfile().filter((r) => r.direction === Direction.EGRESS).merge(RequirementSet.of([cidrFlow('10.0.0.0/8')])) });
      return Testing.synth(stack);
    };
    expect(build()).toBe(build());
  });
});

describe('GcpFirewall: a peer that is every address needs the named opt-in allowAnyAddress', () => {
  const HTTPS_OUT = { direction: Direction.EGRESS, protocol: Protocol.TCP, ports: [PortRange.single(443)] };
  const anyAddress = () => userCidrRequirements([{ cidr: '0.0.0.0/0', purpose: 'HTTPS out' }, { cidr: '::/0', purpose: 'HTTPS out v6' }], HTTPS_OUT, 'test node egress');
  const HINT = 'Give the networks the flow needs, or opt in explicitly with allowAnyAddress: true on GcpFirewall.';

  test.each([
    ['0.0.0.0/0', Direction.EGRESS],
    ['::/0', Direction.INGRESS],
  ])('%s (%s) is refused without it, naming the requirement and the prop', (cidr, direction) => {
    const e = errorOf(() => firewall({ requirements: RequirementSet.of([cidrFlow('192.0.2.0/24'), cidrFlow(cidr, { direction, purpose: 'Anywhere' })]) }));
    expect(e.code).toBe('any-address');
    expect(e.value).toBe(cidr);
    expect(e.message).toBe(`Invalid peer "${cidr}" (from test/core: Anywhere). A /0 peer allows every address. ${HINT}`);
  });

  test('networks that together cover every address are refused too, naming each', () => {
    const requirements = RequirementSet.of([cidrFlow('::/1', { purpose: 'Lower half' }), cidrFlow('8000::/1', { purpose: 'Upper half' })]);
    expect(() => firewall({ requirements })).toThrow(
      `Invalid peer "::/0" (from ::/1 from test/core: Lower half, 8000::/1 from test/core: Upper half). A /0 peer allows every address (these networks together cover all of them). ${HINT}`,
    );
  });

  test('nothing is created when a /0 is refused', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    expect(() => new GcpFirewall(stack, 'Fw', { network: 'vpc', requirements: egressFqdns(['a.example.com']).merge(anyAddress()) })).toThrow(
      'Invalid peer "0.0.0.0/0" (from user/test-node-egress: HTTPS out).',
    );
    expect(JSON.parse(Testing.synth(stack)).resource).toBeUndefined();
  });

  test('with the opt-in, /0 peers render exactly as a CIDR rule', () => {
    const json = synth((scope) => new GcpFirewall(scope, 'Fw', { network: 'vpc', requirements: anyAddress(), allowAnyAddress: true }));
    expect(json.resource).toEqual({
      google_compute_firewall: {
        'Fw_fwreq-e-tcp-443-0-0-0-0-0-87847260_0748D94A': {
          name: 'fwreq-e-tcp-443-0-0-0-0-0-87847260',
          network: 'vpc',
          description: 'HTTPS out',
          direction: 'EGRESS',
          priority: 1000,
          allow: [{ protocol: 'tcp', ports: ['443'] }],
          destination_ranges: ['0.0.0.0/0'],
        },
        'Fw_fwreq-e-tcp-443-0-425eb94e_2C1B8B9E': {
          name: 'fwreq-e-tcp-443-0-425eb94e',
          network: 'vpc',
          description: 'HTTPS out v6',
          direction: 'EGRESS',
          priority: 1000,
          allow: [{ protocol: 'tcp', ports: ['443'] }],
          destination_ranges: ['::/0'],
        },
      },
    });
  });

  test('the opt-in changes nothing when no peer is /0', () => {
    const build = (allowAnyAddress?: boolean) => {
      const stack = new TerraformStack(Testing.app(), 'test');
      const requirements = chainguardEnforceProfile().merge(RequirementSet.of([cidrFlow('10.0.0.0/8'), cidrFlow('192.0.2.0/24', { direction: Direction.INGRESS })]));
      new GcpFirewall(stack, 'Fw', { network: 'my-vpc', requirements, allowAnyAddress });
      return Testing.synth(stack);
    };
    expect(build(true)).toBe(build(undefined));
    expect(build(false)).toBe(build(undefined));
  });
});

describe('GcpFirewall: rejections', () => {
  test('a wildcard domain: GCP FQDN objects take no wildcards; names the alternatives', () => {
    const e = errorOf(() => firewall({ requirements: egressFqdns(['*.example.com']) }));
    expect(e.code).toBe('unsupported-peer');
    expect(e.message).toBe(
      'GCP firewall cannot express "*.example.com": GCP FQDN objects take no wildcards (from test/core: Pull images). List the subdomains explicitly (e.g. a.example.com, b.example.com), or send the traffic through Secure Web Proxy or another proxy that filters by host name.',
    );
  });

  test('nothing is created when a requirement is rejected', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'test');
    expect(() => new GcpFirewall(stack, 'Fw', { network: 'vpc', requirements: RequirementSet.of([cidrFlow('10.0.0.0/8')]).merge(egressFqdns(['*.example.com'])) })).toThrow(
      'GCP FQDN objects take no wildcards',
    );
    expect(JSON.parse(Testing.synth(stack)).resource).toBeUndefined();
  });

  test('an ingress domain name', () => {
    const set = RequirementSet.of([req({ direction: Direction.INGRESS, peer: Peer.fqdn('ci.example.com') })]);
    expect(() => firewall({ requirements: set })).toThrow(
      'GCP firewall cannot express "ci.example.com": ingress from a domain name is not supported (from test/core: Pull images). Give the CIDRs the peer connects from.',
    );
  });

  test('an Azure service tag', () => {
    const set = RequirementSet.of([req({ protocol: Protocol.TCP, peer: Peer.serviceTag('AzureCloud.westeurope') })]);
    expect(() => firewall({ requirements: set })).toThrow(
      'GCP firewall cannot express "AzureCloud.westeurope": a service-tag is not a Google Cloud concept (from test/core: Pull images). Give CIDRs or domain names, or render this requirement with the Azure target.',
    );
  });

  test('an unresolved placeholder', () => {
    const set = RequirementSet.of([req({ protocol: Protocol.TCP, peer: Peer.placeholder('dns-servers', 'Set customDnsServers.') })]);
    expect(() => firewall({ requirements: set })).toThrow('Placeholder <dns-servers> is not resolved (from test/core: <dns-servers> (Pull images)). Set customDnsServers.');
  });

  test('network tags with domain names', () => {
    expect(() => firewall({ requirements: egressFqdns(['a.example.com']), targetTags: ['nodes'] })).toThrow(
      'Invalid targetTags "nodes" (from GcpFirewall (domain name a.example.com from test/core: Pull images)). Network firewall policy rules, which carry the domain names, cannot target network tags: use targetServiceAccounts instead, which both rule kinds support.',
    );
  });

  test('network tags and service accounts together', () => {
    expect(() => firewall({ requirements: RequirementSet.empty(), targetTags: ['nodes'], targetServiceAccounts: [SA] })).toThrow(
      `Invalid targetTags with targetServiceAccounts "nodes / ${SA}" (from GcpFirewall). A google_compute_firewall rule targets network tags or service accounts, not both: give one of them.`,
    );
  });

  test.each([[-1], [65536], [1.5]])('priority %p', (priority) => {
    expect(() => firewall({ requirements: RequirementSet.empty(), priority })).toThrow(
      `Invalid priority "${priority}" (from GcpFirewall). A VPC firewall rule priority is a whole number from 0 to 65535.`,
    );
  });

  test('priority at the boundaries 0 and 65535 is accepted', () => {
    for (const priority of [0, 65535]) {
      expect(resourcesOf(firewall({ requirements: RequirementSet.of([cidrFlow('10.0.0.0/8')]), priority }), 'google_compute_firewall')[0].priority).toBe(priority);
    }
  });

  test.each([['1abc'], ['Fw'], ['a'.repeat(21)], ['a_b']])('namePrefix %p', (namePrefix) => {
    expect(() => firewall({ requirements: RequirementSet.empty(), namePrefix })).toThrow(
      `Invalid namePrefix "${namePrefix}" (from GcpFirewall). Start with a lower-case letter and use up to 20 lower-case letters, digits and hyphens (GCP names follow RFC 1035).`,
    );
  });

  test('fqdnPriorityStart out of range', () => {
    expect(() => firewall({ requirements: RequirementSet.empty(), fqdnPriorityStart: 2147483647 })).toThrow(
      'Invalid fqdnPriorityStart "2147483647" (from GcpFirewall). Give a whole number from 0 to 2147473648, so that the 10000 priorities from it stay within 0-2147483647.',
    );
  });

  test('requirements that are not a RequirementSet', () => {
    expect(() => firewall({ requirements: [] as unknown as RequirementSet })).toThrow(
      'Invalid requirements "" (from GcpFirewall). Give a RequirementSet, e.g. a profile or RequirementSet.of([...]).',
    );
  });

  test('more domain-name rules than the 10,000 priorities reserved for them', () => {
    // one rule per distinct port, each with one name
    const many = RequirementSet.of(Array.from({ length: 10001 }, (_, i) => req({ peer: Peer.fqdn('a.example.com'), ports: [PortRange.single(i + 1)] })));
    expect(() => new GcpFirewall(new TerraformStack(Testing.app(), 'big'), 'Fw', { network: 'vpc', requirements: many })).toThrow(
      'GCP firewall policy rules: 10001 exceeds the limit of 10000 (from GcpFirewall). Split the requirements over several GcpFirewall constructs.',
    );
  });

  test('an empty network', () => {
    expect(() => firewall({ requirements: RequirementSet.empty(), network: ' ' })).toThrow(
      'Invalid network " " (from GcpFirewall). Give the VPC network name, id or self link, e.g. network.id.',
    );
  });
});
