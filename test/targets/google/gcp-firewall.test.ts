import { ComputeNetwork } from '@cdktf/provider-google/lib/compute-network';
import { ComputeNetworkFirewallPolicy } from '@cdktf/provider-google/lib/compute-network-firewall-policy';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest';
import { Construct } from 'constructs';
import { chainguardEnforceProfile } from '../../../lib/catalog/chainguard-enforce';
import { gkeNodesProfile, GkeGoogleApiAccess } from '../../../lib/catalog/gke';
import { Direction, FirewallRequirementsError, Landing, Peer, PortRange, Protocol, RequirementSet } from '../../../lib/model';
import { userCidrRequirements } from '../../../lib/plan/user-cidrs';
import { GcpFirewall, GcpFirewallProps } from '../../../lib/targets/google';
import { errorOf, req } from '../../model/fixtures';
import { cidrFlow, diff, egressFqdns, resourcesOf } from '../helpers';

const SA = 'nodes@my-project.iam.gserviceaccount.com';
const RFC1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const POLICY_RULE = 'google_compute_network_firewall_policy_rule';
const VPC_RULE = 'google_compute_firewall';

/** A stack with the google provider (synth validations want one). */
function newStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'test');
  new GoogleProvider(stack, 'google', {});
  return stack;
}

/** Synthesizes one GcpFirewall (validations included) and returns the parsed JSON. */
function firewall(props: Partial<GcpFirewallProps>): any {
  const stack = newStack();
  new GcpFirewall(stack, 'Fw', { network: 'my-vpc', ...props });
  return JSON.parse(Testing.synth(stack, true));
}

/** Synthesizes whatever `build` creates, with validations. */
function synthAll(build: (scope: Construct) => void): any {
  const stack = newStack();
  build(stack);
  return JSON.parse(Testing.synth(stack, true));
}

/** `count` host names under example.com, zero-padded so they sort by number. */
function hostNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `host-${String(i).padStart(3, '0')}.example.com`);
}

const ingress = (cidr: string, options: { protocol?: Protocol; ports?: number[]; purpose?: string } = {}) => cidrFlow(cidr, { ...options, direction: Direction.INGRESS });

const gke = () =>
  gkeNodesProfile({
    region: 'europe-west1',
    googleApiAccess: GkeGoogleApiAccess.PRIVATE,
    controlPlaneCidrs: ['172.16.0.32/28'],
    nodeCidrs: ['10.20.0.0/20'],
    podCidrs: ['10.24.0.0/14'],
    serviceCidrs: ['10.28.0.0/20'],
  });

/** Policy rules sorted by priority (evaluation order). */
function inEvaluationOrder(json: any): any[] {
  return resourcesOf(json, POLICY_RULE).sort((a, b) => a.priority - b.priority);
}

describe('GcpFirewall: ingress VPC firewall rules', () => {
  test('one google_compute_firewall per aggregated network and flow, with exact attributes', () => {
    // GIVEN two adjacent ingress networks and a UDP flow
    const requirementSets = [
      RequirementSet.of([
        ingress('10.0.0.0/25', { purpose: 'Load balancer health checks' }),
        ingress('10.0.0.128/25', { purpose: 'Load balancer health checks' }),
        ingress('192.0.2.0/24', { protocol: Protocol.UDP, ports: [53], purpose: 'DNS from on-premises' }),
      ]),
    ];
    // WHEN
    const json = firewall({ requirementSets, targetTags: ['gke-nodes'], priority: 900, denyOtherEgress: false });
    // THEN
    expect(resourcesOf(json, VPC_RULE)).toEqual([
      {
        name: 'fwreq-i-tcp-443-10-0-0-0-24-47281e35',
        network: 'my-vpc',
        description: 'Load balancer health checks',
        direction: 'INGRESS',
        priority: 900,
        allow: [{ protocol: 'tcp', ports: ['443'] }],
        source_ranges: ['10.0.0.0/24'],
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
    // no egress and no deny: no policy
    expect(json.resource.google_compute_network_firewall_policy).toBeUndefined();
  });

  test('names are RFC 1035, at most 63 characters, and stable', () => {
    const requirementSets = [RequirementSet.of([ingress('2001:db8:aaaa:bbbb:cccc:dddd:eeee:0/112', { ports: [30000] })])];
    const names = resourcesOf(firewall({ requirementSets, namePrefix: 'team-payments-prod' }), VPC_RULE).map((r) => r.name);
    expect(names).toEqual(['team-payments-prod-i-tcp-30000-2001-db8-aaaa-bbbb-cccc-eda56d29']);
    for (const n of names) {
      expect(n).toMatch(RFC1035);
      expect(n.length).toBeLessThanOrEqual(63);
    }
  });

  test('adding one ingress CIDR adds exactly one rule resource and changes nothing else', () => {
    const base = RequirementSet.of([ingress('10.0.0.0/24'), ingress('10.9.0.0/16', { ports: [80] }), cidrFlow('10.8.0.0/16')]).merge(egressFqdns(['a.example.com']));
    const before = firewall({ requirementSets: [base], targetServiceAccounts: [SA] });
    const after = firewall({ requirementSets: [base, RequirementSet.of([ingress('172.16.0.0/12')])], targetServiceAccounts: [SA] });
    const d = diff(before, after);
    expect(d.removed).toEqual([]);
    expect(d.changed).toEqual([]);
    expect(d.added).toEqual(['google_compute_firewall.Fw_fwreq-i-tcp-443-172-16-0-0-12-a37e891d_572E2765']);
  });
});

describe('GcpFirewall: egress allows in a network firewall policy', () => {
  test('the Enforce agent hosts: a policy, its association, one rule with every host, then the denies', () => {
    const enforce = chainguardEnforceProfile({ acknowledgeRetired: true });
    const hosts = enforce.requirements.filter((r) => r.peer.isDomain && r.landsOnNodes).map((r) => r.peer.value).sort();
    const json = firewall({ requirementSets: [enforce], targetServiceAccounts: [SA] });
    expect(JSON.stringify(json)).toHaveResourceWithProperties(ComputeNetworkFirewallPolicy, { name: 'fwreq-egress' });
    expect(resourcesOf(json, 'google_compute_network_firewall_policy_association')).toEqual([
      { name: 'fwreq-egress', attachment_target: 'my-vpc', firewall_policy: '${google_compute_network_firewall_policy.Fw_EgressPolicy_AA40D069.name}' },
    ]);
    const rules = inEvaluationOrder(json);
    expect(rules).toHaveLength(3);
    expect(rules[0]).toEqual({
      firewall_policy: '${google_compute_network_firewall_policy.Fw_EgressPolicy_AA40D069.name}',
      rule_name: 'fwreq-fqdn-tcp-443-1-365dff11',
      // The retired catalog says so in every description (the marker leads, so truncation keeps it).
      description:
        'RETIRED 2024-04-10: Blob storage behind cgr.dev: the registry redirects every layer download here / RETIRED 2024-04-10: Enforce agent (namespace gulfstream) to the Chainguard Enforce SaaS / RETIRED 2024-04-10: Enforce agent (namespace gulfstream) to a t...',
      priority: 17520,
      direction: 'EGRESS',
      action: 'allow',
      match: { dest_fqdns: hosts, layer4_configs: [{ ip_protocol: 'tcp', ports: ['443'] }] },
      target_service_accounts: [SA],
    });
    expect(hosts).toHaveLength(24);
    // the Enforce CIDR rows land on the control plane: never a node rule
    expect(JSON.stringify(json)).not.toContain('34.107.162.32');
    expect(resourcesOf(json, VPC_RULE)).toEqual([]);
  });

  test('CIDR egress: one rule per flow and IP version, with every aggregated network of that flow', () => {
    const requirementSets = [
      RequirementSet.of([
        cidrFlow('10.0.0.0/25', { purpose: 'Mirror' }),
        cidrFlow('10.0.0.128/25', { purpose: 'Mirror' }),
        cidrFlow('192.0.2.0/24', { purpose: 'Partner API' }),
        cidrFlow('2001:db8::/32', { purpose: 'Partner API v6' }),
        req({ protocol: Protocol.ANY, ports: [], peer: Peer.cidr('10.1.0.0/16'), purpose: 'Anything' }),
        req({ protocol: Protocol.ICMP, ports: [], peer: Peer.cidr('2001:db8:1::/48'), purpose: 'Ping v6' }),
        req({ protocol: Protocol.HTTPS, ports: [PortRange.single(443), PortRange.range(8000, 8080)], peer: Peer.cidr('10.3.0.0/16'), purpose: 'Web' }),
      ]),
    ];
    const allows = resourcesOf(firewall({ requirementSets }), POLICY_RULE).filter((r) => r.action === 'allow');
    expect(allows.map((r) => [r.match.layer4_configs, r.match.dest_ip_ranges, r.description])).toEqual(
      expect.arrayContaining([
        [[{ ip_protocol: 'tcp', ports: ['443'] }], ['10.0.0.0/24', '192.0.2.0/24'], 'Mirror / Partner API'],
        [[{ ip_protocol: 'tcp', ports: ['443'] }], ['2001:db8::/32'], 'Partner API v6'],
        [[{ ip_protocol: 'all' }], ['10.1.0.0/16'], 'Anything'],
        [[{ ip_protocol: '58' }], ['2001:db8:1::/48'], 'Ping v6'],
        [[{ ip_protocol: 'tcp', ports: ['443', '8000-8080'] }], ['10.3.0.0/16'], 'Web'],
      ]),
    );
    expect(allows).toHaveLength(5);
    expect(new Set(allows.map((r) => r.priority)).size).toBe(5);
    expect(resourcesOf(firewall({ requirementSets }), VPC_RULE)).toEqual([]);
  });

  test('100 names fit one rule; 101 split into two rules (100 + 1) with distinct, stable priorities', () => {
    expect(resourcesOf(firewall({ requirementSets: [egressFqdns(hostNames(100))] }), POLICY_RULE).filter((r) => r.match.dest_fqdns).map((r) => r.match.dest_fqdns.length)).toEqual([100]);
    const rules = resourcesOf(firewall({ requirementSets: [egressFqdns(hostNames(101))] }), POLICY_RULE).filter((r) => r.match.dest_fqdns);
    expect(rules.map((r) => [r.rule_name, r.priority, r.match.dest_fqdns.length])).toEqual([
      ['fwreq-fqdn-tcp-443-1-365dff11', 17520, 100],
      ['fwreq-fqdn-tcp-443-2-974b78fb', 18541, 1],
    ]);
    expect(rules[1].match.dest_fqdns).toEqual(['host-100.example.com']);
  });

  test('a flow with other ports gets its own rule; existing rules keep their names and priorities', () => {
    const base = egressFqdns(['a.example.com']);
    const before = firewall({ requirementSets: [base] });
    const after = firewall({ requirementSets: [base, egressFqdns(['b.example.com'], 'Plain HTTP', Protocol.HTTP, [80])] });
    const d = diff(before, after);
    expect(d.removed).toEqual([]);
    expect(d.changed).toEqual([]);
    expect(d.added).toHaveLength(1);
    const added = resourcesOf(after, POLICY_RULE).find((r) => r.match.dest_fqdns?.[0] === 'b.example.com');
    expect(added.match.layer4_configs).toEqual([{ ip_protocol: 'tcp', ports: ['80'] }]);
  });

  test("adding a name to an existing flow only updates that rule's dest_fqdns", () => {
    const before = firewall({ requirementSets: [egressFqdns(['a.example.com', 'c.example.com'])] });
    const after = firewall({ requirementSets: [egressFqdns(['a.example.com', 'b.example.com', 'c.example.com'])] });
    const d = diff(before, after);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed).toHaveLength(1);
  });

  test('an existing policy: every rule, the denies included, goes into it; no policy or association is created', () => {
    const json = firewall({ requirementSets: [egressFqdns(['a.example.com'])], firewallPolicy: 'projects/p/global/firewallPolicies/shared' });
    expect(json.resource.google_compute_network_firewall_policy).toBeUndefined();
    expect(json.resource.google_compute_network_firewall_policy_association).toBeUndefined();
    const rules = resourcesOf(json, POLICY_RULE);
    expect(rules.map((r) => [r.firewall_policy, r.action])).toEqual([
      ['projects/p/global/firewallPolicies/shared', 'deny'],
      ['projects/p/global/firewallPolicies/shared', 'deny'],
      ['projects/p/global/firewallPolicies/shared', 'allow'],
    ]);
  });

  test('policyPriorityStart moves the allow priorities; the deprecated fqdnPriorityStart does the same', () => {
    const priority = (json: any) => resourcesOf(json, POLICY_RULE).find((r) => r.action === 'allow').priority;
    expect(priority(firewall({ requirementSets: [egressFqdns(['a.example.com'])], policyPriorityStart: 500000 }))).toBe(507520);
    expect(priority(firewall({ requirementSets: [egressFqdns(['a.example.com'])], fqdnPriorityStart: 500000 }))).toBe(507520);
  });

  test('target service accounts, project and logging reach every resource', () => {
    const json = firewall({ requirementSets: [RequirementSet.of([ingress('10.0.0.0/24'), cidrFlow('10.1.0.0/24')]), egressFqdns(['a.example.com'])], targetServiceAccounts: [SA], project: 'p1', enableLogging: true });
    for (const type of [VPC_RULE, 'google_compute_network_firewall_policy', 'google_compute_network_firewall_policy_association', POLICY_RULE]) {
      for (const r of resourcesOf(json, type)) expect(r.project).toBe('p1');
    }
    for (const r of [...resourcesOf(json, VPC_RULE), ...resourcesOf(json, POLICY_RULE)]) {
      expect(r.target_service_accounts).toEqual([SA]);
      expect(r.enable_logging).toBe(true);
    }
    expect(resourcesOf(json, POLICY_RULE)).toHaveLength(4);
  });

  test('${ and %{ in a purpose are escaped so that Terraform does not read them as template syntax', () => {
    const purpose = 'Billing ${team} 100%{x}';
    const json = firewall({ requirementSets: [RequirementSet.of([ingress('10.0.0.0/24', { purpose })]), egressFqdns(['a.example.com'], purpose)] });
    expect(resourcesOf(json, VPC_RULE)[0].description).toBe('Billing $${team} 100%%{x}');
    expect(resourcesOf(json, POLICY_RULE).find((r) => r.action === 'allow').description).toBe('Billing $${team} 100%%{x}');
  });

  test('synthesizing twice is byte-identical', () => {
    const build = () => {
      const stack = new TerraformStack(Testing.app(), 'test');
      new GcpFirewall(stack, 'Fw', { network: 'my-vpc', requirementSets: [chainguardEnforceProfile({ acknowledgeRetired: true }), gke(), RequirementSet.of([cidrFlow('10.0.0.0/8')])] });
      return Testing.synth(stack);
    };
    expect(build()).toBe(build());
  });
});

describe('GcpFirewall: allow the listed flows, deny the rest', () => {
  const json = firewall({ requirementSets: [gke(), chainguardEnforceProfile({ acknowledgeRetired: true })], targetServiceAccounts: [SA] });
  const rules = inEvaluationOrder(json);

  test('the last egress rules deny 0.0.0.0/0 and ::/0 for every protocol; every allow comes before them', () => {
    const denies = rules.filter((r) => r.action === 'deny');
    expect(rules.slice(-2)).toEqual(denies);
    expect(denies).toEqual([
      {
        firewall_policy: '${google_compute_network_firewall_policy.Fw_EgressPolicy_AA40D069.name}',
        rule_name: 'fwreq-deny-egress-ipv4',
        description: 'Deny every other IPv4 egress: only the flows allowed before this rule leave',
        priority: 2147483642,
        direction: 'EGRESS',
        action: 'deny',
        match: { dest_ip_ranges: ['0.0.0.0/0'], layer4_configs: [{ ip_protocol: 'all' }] },
        target_service_accounts: [SA],
      },
      {
        firewall_policy: '${google_compute_network_firewall_policy.Fw_EgressPolicy_AA40D069.name}',
        rule_name: 'fwreq-deny-egress-ipv6',
        description: 'Deny every other IPv6 egress: only the flows allowed before this rule leave',
        priority: 2147483643,
        direction: 'EGRESS',
        action: 'deny',
        match: { dest_ip_ranges: ['::/0'], layer4_configs: [{ ip_protocol: 'all' }] },
        target_service_accounts: [SA],
      },
    ]);
    // before the predefined goto_next rules (2147483644 on) every policy carries
    expect(Math.max(...rules.map((r) => r.priority))).toBeLessThan(2147483644);
  });

  test("GKE's own egress is allowed before the deny: control plane, node/Pod/Service ranges, private.googleapis.com, the Enforce hosts", () => {
    const allows = rules.filter((r) => r.action === 'allow');
    const ranges = allows.flatMap((r) => r.match.dest_ip_ranges ?? []);
    expect(ranges.sort()).toEqual(['10.20.0.0/20', '10.24.0.0/14', '10.28.0.0/20', '172.16.0.32/28', '199.36.153.8/30', '2600:2d00:2:2000::/64']);
    expect(allows.flatMap((r) => r.match.dest_fqdns ?? [])).toContain('cgr.dev');
    expect(allows.every((r) => r.direction === 'EGRESS')).toBe(true);
  });

  test('the control plane reaches the kubelet through an ingress VPC firewall rule (ingress stays VPC rules)', () => {
    expect(resourcesOf(json, VPC_RULE).map((r) => [r.direction, r.source_ranges, r.allow])).toEqual([['INGRESS', ['172.16.0.32/28'], [{ protocol: 'tcp', ports: ['443', '10250'] }]]]);
  });

  test('denyOtherEgress: false leaves the denies out and keeps the allows', () => {
    const open = inEvaluationOrder(firewall({ requirementSets: [gke()], denyOtherEgress: false }));
    expect(open.map((r) => r.action)).toEqual(['allow', 'allow', 'allow']);
  });

  test('denyPriority places the denies (IPv4, then IPv6) after the allow range', () => {
    const placed = inEvaluationOrder(firewall({ requirementSets: [egressFqdns(['a.example.com'])], denyPriority: 20000 }));
    expect(placed.map((r) => [r.action, r.priority])).toEqual([
      ['allow', 17520],
      ['deny', 20000],
      ['deny', 20001],
    ]);
  });

  test('with no egress on the nodes, the deny still renders and a warning says it blocks all egress', () => {
    const stack = newStack();
    const fw = new GcpFirewall(stack, 'Fw', { network: 'vpc', requirementSets: [RequirementSet.of([ingress('10.0.0.0/24')])], targetServiceAccounts: [SA] });
    const out = JSON.parse(Testing.synth(stack, true));
    expect(resourcesOf(out, POLICY_RULE).map((r) => r.action)).toEqual(['deny', 'deny']);
    expect(fw.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data))).toEqual([
      'GcpFirewall: no egress requirement lands on the nodes, so the egress deny blocks all egress of the target service accounts. Add the egress the nodes need (e.g. gkeNodesProfile), or set denyOtherEgress: false.',
    ]);
  });
});

describe('GcpFirewall: rows that do not land on the nodes are skipped', () => {
  test('control-plane and service rows: skippedRequirements and an info annotation; never a rule', () => {
    const stack = newStack();
    const cp = req({ direction: Direction.INGRESS, peer: Peer.cidr('198.51.100.0/24'), protocol: Protocol.TCP, landing: Landing.CONTROL_PLANE, purpose: 'Reach the API' });
    const fw = new GcpFirewall(stack, 'Fw', { network: 'vpc', requirementSets: [RequirementSet.of([cp, cidrFlow('10.0.0.0/24')])] });
    const out = JSON.parse(Testing.synth(stack, true));
    expect(fw.skippedRequirements.map((r) => r.peer.value)).toEqual(['198.51.100.0/24']);
    expect(JSON.stringify(out)).not.toContain('198.51.100.0');
    expect(fw.node.metadata.filter((m) => m.type === '@cdktf/info').map((m) => String(m.data))).toEqual([
      'GcpFirewall: 1 requirement(s) land on the cluster API endpoint (e.g. 198.51.100.0/24 from test/core) and are not opened on the nodes: render them with EksEndpointAccess (AWS), GkeAuthorizedNetworks (Google Cloud) or AksAuthorizedIpRanges (Azure).',
    ]);
  });

  test('a wildcard or a placeholder on a skipped row is not refused (the row is not rendered here)', () => {
    const cp = req({ direction: Direction.INGRESS, peer: Peer.placeholder('office', 'Set office.'), landing: Landing.CONTROL_PLANE });
    const service = req({ direction: Direction.INGRESS, peer: Peer.fqdn('*.example.com'), landing: Landing.SERVICE });
    const out = firewall({ requirementSets: [RequirementSet.of([cp, service]), egressFqdns(['a.example.com'])] });
    expect(resourcesOf(out, POLICY_RULE)).toHaveLength(3);
  });
});

describe('GcpFirewall: requirement sets accumulate until synth', () => {
  test('addRequirements after construction changes the output', () => {
    const json = synthAll((scope) => {
      const fw = new GcpFirewall(scope, 'Fw', { network: 'vpc', requirementSets: [egressFqdns(['a.example.com'])] });
      fw.addRequirements(RequirementSet.of([cidrFlow('10.0.0.0/24')]));
    });
    expect(resourcesOf(json, POLICY_RULE).filter((r) => r.action === 'allow')).toHaveLength(2);
  });

  test('splitting reacts to what was added later: the 101st name makes a second rule', () => {
    const json = synthAll((scope) => {
      const fw = new GcpFirewall(scope, 'Fw', { network: 'vpc', requirementSets: [egressFqdns(hostNames(100))] });
      fw.addRequirements(egressFqdns(['zzz.example.com']));
    });
    expect(resourcesOf(json, POLICY_RULE).filter((r) => r.match.dest_fqdns).map((r) => r.match.dest_fqdns.length)).toEqual([100, 1]);
  });

  test('the /0 check sees sets added later: two halves added separately cover every address', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const fw = new GcpFirewall(stack, 'Fw', { network: 'vpc', requirementSets: [RequirementSet.of([cidrFlow('0.0.0.0/1')])] });
    fw.addRequirements(RequirementSet.of([cidrFlow('128.0.0.0/1')]));
    expect(() => Testing.synth(stack)).toThrow('Invalid peer "0.0.0.0/0"');
  });

  test('reading a rendered attribute renders; adding after that fails', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const fw = new GcpFirewall(stack, 'Fw', { network: 'vpc', requirementSets: [egressFqdns(['a.example.com'])] });
    expect(fw.policyRules).toHaveLength(3);
    expect(fw.isRendered).toBe(true);
    expect(() => fw.addRequirements(egressFqdns(['b.example.com']))).toThrow('The construct has already rendered its resources');
  });

  test('a bad set fails at the addRequirements call that added it', () => {
    const fw = new GcpFirewall(new TerraformStack(Testing.app(), 'test'), 'Fw', { network: 'vpc' });
    expect(() => fw.addRequirements(egressFqdns(['*.example.com']))).toThrow('GCP FQDN objects take no wildcards');
  });
});

describe('GcpFirewall: a peer that is every address needs the named opt-in allowAnyAddress', () => {
  const HTTPS_OUT = { direction: Direction.EGRESS, protocol: Protocol.TCP, ports: [PortRange.single(443)] };
  const anyAddress = () => userCidrRequirements([{ cidr: '0.0.0.0/0', purpose: 'HTTPS out' }, { cidr: '::/0', purpose: 'HTTPS out v6' }], HTTPS_OUT, 'test node egress');
  const HINT = 'Give the networks the flow needs, or opt in explicitly with allowAnyAddress: true on GcpFirewall test/Fw.';

  test.each([
    ['0.0.0.0/0', Direction.EGRESS],
    ['::/0', Direction.INGRESS],
  ])('%s (%s) is refused without it, naming the requirement and the prop', (cidr, direction) => {
    const e = errorOf(() => firewall({ requirementSets: [RequirementSet.of([cidrFlow('192.0.2.0/24'), cidrFlow(cidr, { direction, purpose: 'Anywhere' })])] }));
    expect(e.code).toBe('any-address');
    expect(e.value).toBe(cidr);
    expect(e.message).toBe(`Invalid peer "${cidr}" (from test/core: Anywhere). A /0 peer allows every address. ${HINT}`);
  });

  test('networks that together cover every address are refused too, naming each', () => {
    const requirementSets = [RequirementSet.of([cidrFlow('::/1', { purpose: 'Lower half' }), cidrFlow('8000::/1', { purpose: 'Upper half' })])];
    expect(() => firewall({ requirementSets })).toThrow(
      `Invalid peer "::/0" (from ::/1 from test/core: Lower half, 8000::/1 from test/core: Upper half). A /0 peer allows every address (these networks together cover all of them). ${HINT}`,
    );
  });

  test('with the opt-in, /0 egress renders as a policy allow (before the deny)', () => {
    const rules = inEvaluationOrder(firewall({ requirementSets: [anyAddress()], allowAnyAddress: true }));
    expect(rules.map((r) => [r.action, r.match.dest_ip_ranges])).toEqual(
      expect.arrayContaining([
        ['allow', ['0.0.0.0/0']],
        ['allow', ['::/0']],
      ]),
    );
    expect(rules.slice(-2).map((r) => r.action)).toEqual(['deny', 'deny']);
  });

  test('the opt-in changes nothing when no peer is /0', () => {
    const build = (allowAnyAddress?: boolean) => {
      const stack = new TerraformStack(Testing.app(), 'test');
      new GcpFirewall(stack, 'Fw', { network: 'my-vpc', requirementSets: [chainguardEnforceProfile({ acknowledgeRetired: true }), RequirementSet.of([cidrFlow('10.0.0.0/8'), ingress('192.0.2.0/24')])], allowAnyAddress });
      return Testing.synth(stack);
    };
    expect(build(true)).toBe(build(undefined));
    expect(build(false)).toBe(build(undefined));
  });
});

describe('GcpFirewall: rejections', () => {
  const set = () => RequirementSet.of([cidrFlow('10.0.0.0/8')]);
  const make = (props: Record<string, unknown>) => () => new GcpFirewall(new TerraformStack(Testing.app(), 'test'), 'Fw', { network: 'vpc', ...props } as unknown as GcpFirewallProps);

  test('a wildcard domain: GCP FQDN objects take no wildcards; names the alternatives', () => {
    const e = errorOf(make({ requirementSets: [egressFqdns(['*.example.com'])] }));
    expect(e.code).toBe('unsupported-peer');
    expect(e.message).toBe(
      'GCP firewall cannot express "*.example.com": GCP FQDN objects take no wildcards (from test/core: Pull images). List the subdomains explicitly (e.g. a.example.com, b.example.com), reach Google APIs through private.googleapis.com (gkeNodesProfile googleApiAccess: private), or send the traffic through Secure Web Proxy or another proxy that filters by host name.',
    );
  });

  test('the GKE domains profile (wildcards) is refused with the private access way out', () => {
    const base = { region: 'europe-west1', controlPlaneCidrs: ['172.16.0.32/28'], nodeCidrs: ['10.0.0.0/20'], podCidrs: ['10.4.0.0/14'] };
    const domains = gkeNodesProfile({ ...base, googleApiAccess: GkeGoogleApiAccess.DOMAINS });
    expect(make({ requirementSets: [domains] })).toThrow('gkeNodesProfile googleApiAccess: private');
    // The profile's default is private.googleapis.com, which renders.
    expect(make({ requirementSets: [gkeNodesProfile(base)] })).not.toThrow();
  });

  test('an ingress domain name', () => {
    expect(make({ requirementSets: [RequirementSet.of([req({ direction: Direction.INGRESS, peer: Peer.fqdn('ci.example.com') })])] })).toThrow(
      'GCP firewall cannot express "ci.example.com": ingress from a domain name is not supported (from test/core: Pull images). Give the CIDRs the peer connects from.',
    );
  });

  test('an Azure service tag', () => {
    expect(make({ requirementSets: [RequirementSet.of([req({ protocol: Protocol.TCP, peer: Peer.serviceTag('AzureCloud.westeurope') })])] })).toThrow(
      'GCP firewall cannot express "AzureCloud.westeurope": a service-tag is not a Google Cloud concept (from test/core: Pull images). Give CIDRs or domain names, or render this requirement with the Azure target.',
    );
  });

  test('an unresolved placeholder on a node row', () => {
    expect(make({ requirementSets: [RequirementSet.of([req({ protocol: Protocol.TCP, peer: Peer.placeholder('dns-servers', 'Set customDnsServers.') })])] })).toThrow(
      'Placeholder <dns-servers> is not resolved (from test/core: <dns-servers> (Pull images)). Set customDnsServers.',
    );
  });

  test('network tags with egress: policy rules cannot target tags', () => {
    expect(make({ requirementSets: [egressFqdns(['a.example.com'])], targetTags: ['nodes'], denyOtherEgress: false })).toThrow(
      'Invalid targetTags "egress to a.example.com" (from GcpFirewall test/Fw (test/core: Pull images)). Egress rules live in a network firewall policy (so that the egress deny cannot block them), and policy rules cannot target network tags: use targetServiceAccounts instead, which both rule kinds support.',
    );
  });

  test('network tags with the egress deny: it would deny every instance', () => {
    expect(make({ targetTags: ['nodes'] })).toThrow(
      'Invalid targetTags with denyOtherEgress "true" (from GcpFirewall test/Fw targetTags). The egress deny is a network firewall policy rule, which cannot target network tags (it would deny the egress of every instance in the network): use targetServiceAccounts, or set denyOtherEgress: false and deny egress yourself.',
    );
  });

  test("targetTags: 'gke-node' is refused, not split into characters", () => {
    const e = errorOf(make({ targetTags: 'gke-node', denyOtherEgress: false }));
    expect(e.code).toBe('invalid-type');
    expect(e.message).toBe('Invalid targetTags (string, expected an array) "gke-node" (from GcpFirewall test/Fw targetTags). Give targetTags as an array, e.g. ["gke-node"].');
  });

  test('network tags and service accounts together', () => {
    expect(make({ targetTags: ['nodes'], targetServiceAccounts: [SA] })).toThrow(
      `Invalid targetTags with targetServiceAccounts "nodes / ${SA}" (from GcpFirewall test/Fw targetTags). A rule targets network tags or service accounts, not both: give one of them.`,
    );
  });

  test.each([[-1], [65536], [1.5], [NaN], [Infinity]])('priority %p', (priority) => {
    expect(make({ priority })).toThrow(`Invalid priority "${priority}" (from GcpFirewall test/Fw priority). A VPC firewall rule priority is a whole number from 0 to 65535.`);
  });

  test('priority at the boundaries 0 and 65535 is accepted', () => {
    for (const priority of [0, 65535]) {
      expect(resourcesOf(firewall({ requirementSets: [RequirementSet.of([ingress('10.0.0.0/8')])], priority }), VPC_RULE)[0].priority).toBe(priority);
    }
  });

  test('a Terraform token as priority is named as such, not as its numeric encoding', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const v = new TerraformVariable(stack, 'prio', { type: 'number' });
    const e = errorOf(() => new GcpFirewall(stack, 'Fw', { network: 'vpc', priority: v.numberValue }));
    expect(e.code).toBe('unresolved-token');
    expect(e.message).toContain('Invalid priority "<unresolved Terraform token>"');
  });

  test.each([['1abc'], ['Fw'], ['a'.repeat(21)], ['a_b']])('namePrefix %p', (namePrefix) => {
    expect(make({ namePrefix })).toThrow(
      `Invalid namePrefix "${namePrefix}" (from GcpFirewall test/Fw namePrefix). Start with a lower-case letter and use up to 20 lower-case letters, digits and hyphens (GCP names follow RFC 1035).`,
    );
  });

  test('policyPriorityStart out of range', () => {
    expect(make({ policyPriorityStart: 2147483647 })).toThrow(
      'Invalid policyPriorityStart "2147483647" (from GcpFirewall test/Fw policyPriorityStart). Give a whole number from 0 to 2147473642',
    );
  });

  test('policyPriorityStart and its deprecated alias together', () => {
    expect(make({ policyPriorityStart: 1, fqdnPriorityStart: 2 })).toThrow('fqdnPriorityStart is the deprecated name of policyPriorityStart: give only policyPriorityStart.');
  });

  test.each([[19999], [2147483643]])('denyPriority %p is outside the range after the allows and before the predefined rules', (denyPriority) => {
    expect(make({ denyPriority })).toThrow(`Invalid denyPriority "${denyPriority}" (from GcpFirewall test/Fw denyPriority). The egress deny must come after every allow of the policy: give a whole number from 20000`);
  });

  test('denyPriority with denyOtherEgress: false', () => {
    expect(make({ denyPriority: 30000, denyOtherEgress: false })).toThrow('Conflicting options denyPriority (30000) and denyOtherEgress: false');
  });

  test("denyOtherEgress: 'false' is refused, not read as true", () => {
    expect(make({ denyOtherEgress: 'false' })).toThrow('Invalid denyOtherEgress (string, expected true or false) "false"');
  });

  test('requirementSets given a single set, and requirements that are not a set', () => {
    expect(make({ requirementSets: set() })).toThrow('Wrap the set in an array: requirementSets: [set].');
    expect(make({ requirements: [] })).toThrow('Invalid requirements (an array, expected a RequirementSet) "[]" (from GcpFirewall test/Fw requirements).');
  });

  test('the deprecated requirements prop is merged with requirementSets', () => {
    const json = firewall({ requirements: RequirementSet.of([cidrFlow('10.1.0.0/16')]), requirementSets: [RequirementSet.of([cidrFlow('10.2.0.0/16')])] });
    expect(resourcesOf(json, POLICY_RULE).flatMap((r) => (r.action === 'allow' ? r.match.dest_ip_ranges : []))).toEqual(['10.1.0.0/16', '10.2.0.0/16']);
  });

  test('an unknown prop is refused with did-you-mean', () => {
    expect(make({ allowAnyAdress: true })).toThrow('Unknown property "allowAnyAdress" (from GcpFirewall test/Fw). Did you mean "allowAnyAddress"?');
  });

  test('a missing, empty or non-string network', () => {
    expect(make({ network: undefined })).toThrow('Missing required property network');
    expect(make({ network: ' ' })).toThrow('Invalid network " " (from GcpFirewall test/Fw network). Give the VPC network name, id or self link, e.g. network.id.');
    expect(make({ network: 42 })).toThrow('Invalid network (number, expected a string) "42"');
  });

  test('more egress allow rules than the 10,000 priorities reserved for them', () => {
    // one rule per distinct port, each with one name
    const many = RequirementSet.of(Array.from({ length: 10001 }, (_, i) => req({ peer: Peer.fqdn('a.example.com'), ports: [PortRange.single(i + 1)] })));
    expect(() => firewall({ requirementSets: [many] })).toThrow(
      'GCP firewall policy allow rules: 10001 exceeds the limit of 10000 (from GcpFirewall test/Fw). Split the requirements over several GcpFirewall constructs sharing one policy (firewallPolicy) with distinct policyPriorityStart values.',
    );
  });
});

describe('GcpFirewall: conflicts between constructs at synth', () => {
  const network = (scope: Construct) => new ComputeNetwork(scope, 'net', { name: 'vpc', autoCreateSubnetworks: false });

  test('two constructs creating a policy for the same network are refused with the fix', () => {
    const e = errorOf(() =>
      synthAll((scope) => {
        const net = network(scope);
        new GcpFirewall(scope, 'A', { network: net.id, namePrefix: 'a', requirementSets: [egressFqdns(['a.example.com'])] });
        new GcpFirewall(scope, 'B', { network: net.selfLink, namePrefix: 'b', requirementSets: [egressFqdns(['b.example.com'])] });
      }),
    );
    expect(e).toBeInstanceOf(FirewallRequirementsError);
    expect(e.code).toBe('conflicting-constructs');
    expect(e.message).toBe(
      'Two GcpFirewall constructs each create a global network firewall policy for network "google_compute_network.net": GCP associates one global network firewall policy with a network (from GcpFirewall test/A and GcpFirewall test/B). Merge the requirement sets into one GcpFirewall (addRequirements), or create one policy, associate it with the network and give it to both through firewallPolicy (with distinct policyPriorityStart values and the egress deny on one of them).',
    );
  });

  test('the same construct paths in two stacks are two resources: no conflict (one cluster per stack, as in a fleet)', () => {
    const app = Testing.app();
    const stacks = ['cluster-a', 'cluster-b'].map((name) => {
      const stack = new TerraformStack(app, name);
      new GoogleProvider(stack, 'google', { project: 'p' });
      const net = network(stack);
      new GcpFirewall(stack, 'egress', { network: net.id, namePrefix: name, requirementSets: [egressFqdns(['a.example.com'])] });
      return stack;
    });
    for (const stack of stacks) expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('different networks are fine', () => {
    const json = synthAll((scope) => {
      new GcpFirewall(scope, 'A', { network: 'vpc-a', namePrefix: 'a', requirementSets: [egressFqdns(['a.example.com'])] });
      new GcpFirewall(scope, 'B', { network: 'vpc-b', namePrefix: 'b', requirementSets: [egressFqdns(['a.example.com'])] });
    });
    expect(resourcesOf(json, 'google_compute_network_firewall_policy')).toHaveLength(2);
  });

  test('the same names in one project are refused', () => {
    expect(() =>
      synthAll((scope) => {
        new GcpFirewall(scope, 'A', { network: 'vpc-a', requirementSets: [RequirementSet.of([ingress('10.0.0.0/24')])], denyOtherEgress: false });
        new GcpFirewall(scope, 'B', { network: 'vpc-b', requirementSets: [RequirementSet.of([ingress('10.0.0.0/24')])], denyOtherEgress: false });
      }),
    ).toThrow('Two GcpFirewall constructs create resources named "fwreq-i-tcp-443-10-0-0-0-24-47281e35" in project <provider project>: names are unique in a project (from GcpFirewall test/A and GcpFirewall test/B). Give each GcpFirewall its own namePrefix.');
  });

  test('a shared policy: two denies at one priority are refused; one deny for both passes', () => {
    const shared = (denyB: boolean) => (scope: Construct) => {
      const policy = new ComputeNetworkFirewallPolicy(scope, 'policy', { name: 'shared' });
      new GcpFirewall(scope, 'A', { network: 'vpc', namePrefix: 'a', firewallPolicy: policy.name, requirementSets: [egressFqdns(['a.example.com'])] });
      new GcpFirewall(scope, 'B', { network: 'vpc', namePrefix: 'b', firewallPolicy: policy.id, policyPriorityStart: 20000, denyOtherEgress: denyB, requirementSets: [egressFqdns(['b.example.com'])] });
    };
    const e = errorOf(() => synthAll(shared(true)));
    expect(e.code).toBe('duplicate-priority');
    expect(e.message).toContain('Two GcpFirewall constructs put rules at priority 2147483642 of policy google_compute_network_firewall_policy.policy (a-deny-egress-ipv4 and b-deny-egress-ipv4)');
    expect(e.message).toContain('Keep the egress deny on one of them (denyOtherEgress: false on the other)');
    const json = synthAll(shared(false));
    expect(resourcesOf(json, POLICY_RULE).map((r) => r.action).sort()).toEqual(['allow', 'allow', 'deny', 'deny']);
  });

  test('a shared policy: allows at the same priorities are refused', () => {
    expect(() =>
      synthAll((scope) => {
        new GcpFirewall(scope, 'A', { network: 'vpc', firewallPolicy: 'shared', requirementSets: [egressFqdns(['a.example.com'])] });
        new GcpFirewall(scope, 'B', { network: 'vpc', firewallPolicy: 'shared', denyOtherEgress: false, requirementSets: [egressFqdns(['b.example.com'])] });
      }),
    ).toThrow('Give them distinct policyPriorityStart values at least 10000 apart.');
  });

  test("a shared policy: one construct's deny before another's allows is refused", () => {
    const e = errorOf(() =>
      synthAll((scope) => {
        new GcpFirewall(scope, 'A', { network: 'vpc', namePrefix: 'a', firewallPolicy: 'shared', denyPriority: 20000, requirementSets: [egressFqdns(['a.example.com'])] });
        new GcpFirewall(scope, 'B', { network: 'vpc', namePrefix: 'b', firewallPolicy: 'shared', policyPriorityStart: 30000, denyOtherEgress: false, requirementSets: [egressFqdns(['b.example.com'])] });
      }),
    );
    expect(e.code).toBe('deny-before-allow');
    expect(e.message).toContain('In policy shared, the egress deny a-deny-egress-ipv4 (priority 20000) comes before the allow b-fqdn-tcp-443-1-');
  });

  test('the service account of the nodes as a reference is kept', () => {
    const json = synthAll((scope) => {
      const sa = new ServiceAccount(scope, 'nodes', { accountId: 'nodes' });
      new GcpFirewall(scope, 'Fw', { network: 'vpc', targetServiceAccounts: [sa.email], requirementSets: [egressFqdns(['a.example.com'])] });
    });
    expect(resourcesOf(json, POLICY_RULE).every((r) => r.target_service_accounts[0] === '${google_service_account.nodes.email}')).toBe(true);
  });
});
