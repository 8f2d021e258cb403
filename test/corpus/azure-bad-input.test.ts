/**
 * Bad inputs for the Azure constructs, factories, the AKS profile options and the Azure export targets, grouped by
 * class. Each must be refused with a FirewallRequirementsError whose message names the value (0 crashes, 0 silent
 * acceptances).
 */
import { TerraformStack, Testing } from 'cdktf';
import { AksAddon, AksCloud, aksProfile, AksProfileOptions } from '../../lib/catalog/aks';
import { chainguardEnforceProfile } from '../../lib/catalog/chainguard-enforce';
import { AKS_AUTHORIZED_IP_RANGES_EXPORT } from '../../lib/export/azure/aks-authorized-ip-ranges';
import { AZURE_FIREWALL_POLICY_EXPORT } from '../../lib/export/azure/azure-firewall-policy';
import { Direction, Landing, Necessity, Peer, PortRange, Protocol, Requirement, RequirementSet } from '../../lib/model';
import { UserCidr } from '../../lib/plan/user-cidrs';
import {
  AksAuthorizedIpRanges,
  AksAuthorizedIpRangesProps,
  AksEgressRouteTable,
  AksEgressRouteTableProps,
  AzureFirewallPolicyRules,
  AzureFirewallPolicyRulesProps,
  FirewallRuleSources,
} from '../../lib/targets/azure';
import { errorOf } from '../errors';

interface BadInput {
  readonly input: string;
  readonly act: () => unknown;
  /** A fragment of the message: names the value (and, where it matters, the origin and the fix). */
  readonly message: string;
  readonly code?: string;
}

const source = { catalog: 'corpus', section: 's', sectionTitle: 'S', title: 'T', url: 'https://example.com', date: '2025-01-01' };
const egress = (protocol: Protocol, ports: number[], peer: Peer) =>
  RequirementSet.of([Requirement.create({ direction: Direction.EGRESS, protocol, ports: ports.map((p) => PortRange.single(p)), peer, purpose: 'Corpus', necessity: Necessity.required(), source })]);
const controlPlane = (cidr: string) =>
  RequirementSet.of([
    Requirement.create({ direction: Direction.INGRESS, protocol: Protocol.TCP, ports: [PortRange.single(443)], peer: Peer.cidr(cidr), purpose: 'Corpus SaaS', necessity: Necessity.required(), source, landing: Landing.CONTROL_PLANE }),
  ]);
const web = egress(Protocol.HTTPS, [443], Peer.fqdn('mcr.microsoft.com'));
const POLICY = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/firewallPolicies/p';

const stack = () => new TerraformStack(Testing.app(), 'corpus');
const rules = (props: Partial<AzureFirewallPolicyRulesProps>, render = false) => () => {
  const c = new AzureFirewallPolicyRules(stack(), 'rules', { requirementSets: [web], firewallPolicyId: POLICY, sources: FirewallRuleSources.addresses(['10.42.1.0/24']), basePriority: 200, ...props });
  if (render) c.render();
};
const ranges = (props: AksAuthorizedIpRangesProps) => () => AksAuthorizedIpRanges.compute(props);
const ROUTES: AksEgressRouteTableProps = { name: 'rt', resourceGroupName: 'rg', location: 'westeurope', firewallPrivateIp: '10.42.2.4', firewallPublicIp: '20.50.1.2', subnetId: 'subnet-id' };
const routes = (props: Partial<AksEgressRouteTableProps>) => () => new AksEgressRouteTable(stack(), 'udr', { ...ROUTES, ...props });
const aks = (options: Partial<AksProfileOptions>) => () => aksProfile({ location: 'westeurope', ...options } as AksProfileOptions);
const as = <T>(v: unknown) => v as T;

const CLASSES: Record<string, BadInput[]> = {
  'any address by coverage': [
    { input: 'rule sources 0.0.0.0/1 + 128.0.0.0/1', act: () => FirewallRuleSources.addresses(['0.0.0.0/1', '128.0.0.0/1']), message: '"0.0.0.0/1, 128.0.0.0/1 (together 0.0.0.0/0)"', code: 'any-address' },
    { input: 'new IP Group ::/1 + 8000::/1', act: () => FirewallRuleSources.newIpGroup({ name: 'g', resourceGroupName: 'rg', location: 'westeurope', cidrs: ['::/1', '8000::/1'] }), message: '(together ::/0)', code: 'any-address' },
    { input: 'rule source ::/0', act: () => FirewallRuleSources.addresses(['10.0.0.0/8', '::/0']), message: 'Invalid source "::/0" (from FirewallRuleSources.addresses cidrs[1])', code: 'any-address' },
    { input: 'network destinations 0.0.0.0/1 and 128.0.0.0/1 for one flow', act: rules({ requirementSets: [egress(Protocol.TCP, [443], Peer.cidr('0.0.0.0/1')), egress(Protocol.TCP, [443], Peer.cidr('128.0.0.0/1'))] }, true), message: 'Invalid peer "0.0.0.0/0"', code: 'any-address' },
    { input: 'network destination 0.0.0.0/0 without allowAnyAddress', act: rules({ requirementSets: [egress(Protocol.UDP, [123], Peer.cidr('0.0.0.0/0'))] }, true), message: 'allowAnyAddress: true on AzureFirewallPolicyRules', code: 'any-address' },
    { input: 'authorized ranges 0.0.0.0/1 + 128.0.0.0/1', act: ranges({ cidrs: [{ cidr: '0.0.0.0/1' }, { cidr: '128.0.0.0/1' }] }), message: 'There is no opt-in: authorized IP ranges exist', code: 'any-address' },
    { input: 'authorized range ::/0 from a control-plane row', act: ranges({ requirementSets: [controlPlane('::/0')] }), message: 'Invalid authorized IP range "::/0"', code: 'any-address' },
    { input: 'export: authorized ranges covering every address', act: () => AKS_AUTHORIZED_IP_RANGES_EXPORT.build(RequirementSet.empty(), { cidrs: [{ cidr: '0.0.0.0/0' }] }, 'export aks-authorized-ip-ranges'), message: 'Invalid authorized IP range "0.0.0.0/0"', code: 'any-address' },
  ],
  'host addresses': [
    { input: 'custom DNS server as a network', act: aks({ customDnsServers: ['10.0.0.0/24'] }), message: 'Invalid custom DNS server "10.0.0.0/24" (from option customDnsServers[0])', code: 'invalid-host' },
    { input: 'custom DNS server 0.0.0.0', act: aks({ customDnsServers: ['0.0.0.0'] }), message: 'Invalid custom DNS server "0.0.0.0"', code: 'invalid-host' },
    { input: 'API server IP as a network', act: aks({ apiServerPublicIp: '20.61.10.0/24', podsAccessApiServer: true }), message: 'Invalid public IP of the API server "20.61.10.0/24" (from option apiServerPublicIp)', code: 'invalid-host' },
    { input: 'firewall public IP as a network', act: ranges({ firewallPublicIps: ['20.50.1.0/24'] }), message: 'Invalid firewall public IP "20.50.1.0/24" (from AksAuthorizedIpRanges firewallPublicIps[0])', code: 'invalid-host' },
    { input: 'firewall public IP multicast', act: ranges({ firewallPublicIps: ['224.0.0.1'] }), message: 'Invalid firewall public IP "224.0.0.1"', code: 'invalid-host' },
    { input: 'route table firewall private IP as a network', act: routes({ firewallPrivateIp: '10.42.2.0/26' }), message: 'Invalid firewallPrivateIp "10.42.2.0/26" (from AksEgressRouteTable corpus/udr firewallPrivateIp)', code: 'invalid-host' },
    { input: 'route table firewall private IP loopback', act: routes({ firewallPrivateIp: '127.0.0.1' }), message: 'Invalid firewallPrivateIp "127.0.0.1"', code: 'invalid-host' },
    { input: 'route table firewall public IP as IPv6', act: routes({ firewallPublicIp: '2001:db8::1' }), message: 'Invalid firewallPublicIp "2001:db8::1"' },
  ],
  landing: [
    { input: 'firewall policy with control-plane rows only', act: rules({ requirementSets: [controlPlane('34.132.193.40/32')] }, true), message: 'none egress from the nodes' },
    { input: 'authorized ranges from egress rows only', act: ranges({ requirementSets: [web] }), message: 'Invalid authorized IP ranges "[]"' },
    { input: 'authorized ranges: a control-plane row naming a domain', act: ranges({ requirementSets: [RequirementSet.of([Requirement.create({ direction: Direction.INGRESS, protocol: Protocol.TCP, ports: [PortRange.single(443)], peer: Peer.fqdn('scanner.example.com'), purpose: 'Scanner', necessity: Necessity.required(), source, landing: Landing.CONTROL_PLANE })])] }), message: 'cannot express "scanner.example.com"', code: 'unsupported-peer' },
  ],
  'runtime types': [
    { input: 'addons as a string', act: aks({ addons: as<AksAddon[]>('istio') }), message: 'Invalid addons (string, expected an array) "istio"', code: 'invalid-type' },
    { input: 'customDnsServers as a string', act: aks({ customDnsServers: as<string[]>('10.0.0.4') }), message: 'Invalid customDnsServers (string, expected an array) "10.0.0.4"', code: 'invalid-type' },
    { input: "privateCluster: 'false'", act: aks({ privateCluster: as<boolean>('false') }), message: 'Invalid privateCluster (string, expected true or false) "false"', code: 'invalid-type' },
    { input: "dnsProxyEnabled: 'true'", act: rules({ dnsProxyEnabled: as<boolean>('true') }), message: 'Invalid dnsProxyEnabled (string, expected true or false) "true" (from AzureFirewallPolicyRules corpus/rules dnsProxyEnabled)', code: 'invalid-type' },
    { input: 'requirementSets as one set', act: rules({ requirementSets: as<RequirementSet[]>(web) }), message: 'Wrap the set in an array: requirementSets: [set]', code: 'invalid-type' },
    { input: 'sources as a list of strings', act: rules({ sources: as<FirewallRuleSources>(['10.42.1.0/24']) }), message: 'Invalid sources "[\\"10.42.1.0/24\\"]"', code: 'invalid-type' },
    { input: 'authorized cidrs as plain strings (the old form)', act: ranges({ cidrs: as<UserCidr[]>(['203.0.113.0/24']) }), message: 'Invalid cidrs entry "203.0.113.0/24" (from AksAuthorizedIpRanges cidrs[0])', code: 'invalid-type' },
    { input: 'firewallPublicIps as a string', act: ranges({ firewallPublicIps: as<string[]>('20.50.1.2') }), message: 'Invalid firewallPublicIps (string, expected an array) "20.50.1.2"', code: 'invalid-type' },
    { input: 'rule source cidrs as a string', act: () => FirewallRuleSources.addresses(as<string[]>('10.42.1.0/24')), message: 'Invalid cidrs (string, expected an array) "10.42.1.0/24"', code: 'invalid-type' },
    { input: 'route table firewall private IP as a number', act: routes({ firewallPrivateIp: as<string>(167772164) }), message: 'Invalid firewallPrivateIp (number, expected a string) "167772164"', code: 'invalid-type' },
  ],
  'undefined required props': [
    { input: 'no firewallPolicyId', act: rules({ firewallPolicyId: undefined }), message: 'Missing required property firewallPolicyId', code: 'missing-option' },
    { input: 'no sources', act: rules({ sources: undefined }), message: 'Missing required property sources', code: 'missing-option' },
    { input: 'no basePriority', act: rules({ basePriority: undefined }), message: 'Missing required property basePriority', code: 'missing-option' },
    { input: 'no location', act: () => aksProfile(as<AksProfileOptions>({})), message: 'Missing required option location', code: 'missing-option' },
    { input: 'route table without subnetId', act: routes({ subnetId: undefined }), message: 'Missing required property subnetId', code: 'missing-option' },
  ],
  'unknown enum values and unknown props': [
    { input: 'unknown cloud', act: aks({ cloud: as<AksCloud>('azure-germany') }), message: 'Unknown cloud "azure-germany" (from option cloud)', code: 'unknown-option' },
    { input: 'unknown add-on', act: aks({ addons: [as<AksAddon>('keyvault')] }), message: 'Unknown AKS add-on "keyvault" (from option addons[0])', code: 'unknown-option' },
    { input: 'unknown rule mode', act: rules({ mode: as<never>('tags') }), message: 'Unknown mode "tags"', code: 'unknown-option' },
    { input: 'misspelt allowAnyAddress', act: rules(as<Partial<AzureFirewallPolicyRulesProps>>({ allowAnyAdress: true })), message: 'Unknown property "allowAnyAdress" (from AzureFirewallPolicyRules corpus/rules). Did you mean "allowAnyAddress"?', code: 'unknown-option' },
    { input: 'misspelt profile option', act: aks(as<Partial<AksProfileOptions>>({ customDnsServer: ['10.0.0.4'] })), message: 'Unknown property "customDnsServer" (from profile aks). Did you mean "customDnsServers"?', code: 'unknown-option' },
    { input: 'export: unknown sources kind', act: () => AZURE_FIREWALL_POLICY_EXPORT.build(web, { basePriority: 200, sources: 'cidrs' }, 'export azure-firewall-policy'), message: 'Unknown sources "cidrs"', code: 'unknown-option' },
  ],
  'NaN, Infinity and tokens where literals are needed': [
    { input: 'basePriority NaN', act: rules({ basePriority: NaN }), message: 'Invalid basePriority "NaN"' },
    { input: 'maxRuleCollectionGroups Infinity', act: rules({ maxRuleCollectionGroups: Infinity }), message: 'Invalid maxRuleCollectionGroups "Infinity"' },
    { input: 'basePriority as a number token', act: rules({ basePriority: -8.109e298 }), message: 'Invalid basePriority "<unresolved Terraform token>"', code: 'unresolved-token' },
    { input: 'group name as a token', act: rules({ ruleCollectionGroupName: '${TfToken[TOKEN.7]}' }), message: 'ruleCollectionGroupName must be a literal known at synth, not a Terraform reference', code: 'unresolved-token' },
    { input: 'konnectivity NaN', act: aks({ konnectivity: as<boolean>(NaN) }), message: 'Invalid konnectivity (number, expected true or false) "NaN"', code: 'invalid-type' },
  ],
  limits: [
    { input: '201 authorized ranges', act: ranges({ cidrs: Array.from({ length: 201 }, (_, i) => ({ cidr: `100.${64 + Math.floor(i / 128)}.${(i % 128) * 2}.0/24` })) }), message: 'AKS API server authorized IP ranges: 201 exceeds the limit of 200', code: 'limit-exceeded' },
    { input: 'basePriority past 65000', act: rules({ basePriority: 65001 }), message: 'Invalid basePriority "65001"' },
    { input: 'maxRuleCollectionGroupBytes past 2 MB', act: rules({ maxRuleCollectionGroupBytes: 3 * 1024 * 1024 }), message: 'Invalid maxRuleCollectionGroupBytes "3145728"' },
    { input: 'application rule port past 64000', act: rules({ requirementSets: [egress(Protocol.HTTPS, [64001], Peer.fqdn('example.com'))] }), message: 'Invalid application rule port "64001"' },
  ],
  'peers Azure Firewall cannot express': [
    { input: 'network-rule FQDN without DNS proxy', act: rules({ requirementSets: [egress(Protocol.UDP, [123], Peer.fqdn('ntp.ubuntu.com'))] }), message: 'cannot express "ntp.ubuntu.com"', code: 'unsupported-peer' },
    { input: 'wildcard in a network rule', act: rules({ requirementSets: [egress(Protocol.TCP, [443], Peer.fqdn('*.example.com'))], dnsProxyEnabled: true }), message: 'cannot express "*.example.com"', code: 'unsupported-peer' },
    { input: 'an unresolved placeholder', act: rules({ requirementSets: [egress(Protocol.UDP, [53], Peer.placeholder('custom-dns-servers', 'Set customDnsServers.'))] }), message: 'Placeholder <custom-dns-servers> is not resolved', code: 'unresolved-placeholder' },
  ],
};

describe('Azure bad-input corpus', () => {
  test('holds at least 30 inputs', () => {
    expect(Object.values(CLASSES).flat().length).toBeGreaterThanOrEqual(30);
  });

  for (const [name, cases] of Object.entries(CLASSES)) {
    describe(name, () => {
      test.each(cases.map((c) => [c.input, c] as const))('%s', (_input, c) => {
        const e = errorOf(c.act);
        expect(e.message).toContain(c.message);
        if (c.code) expect(e.code).toBe(c.code);
        // A missing option has no value; its message names the option instead.
        if (e.code !== 'missing-option') expect(e.value).not.toBe('');
      });
    });
  }

  test('a conflict between two constructs on one policy is refused at synth', () => {
    const s = stack();
    const props = { firewallPolicyId: POLICY, sources: FirewallRuleSources.addresses(['10.42.1.0/24']), basePriority: 200 };
    new AzureFirewallPolicyRules(s, 'a', { ...props, requirementSets: [web] });
    new AzureFirewallPolicyRules(s, 'b', { ...props, requirementSets: [chainguardEnforceProfile({ acknowledgeRetired: true })] });
    expect(() => Testing.synth(s, true)).toThrow(/Rule collection groups a-rules and b-rules both have priority 200 .*\(from AzureFirewallPolicyRules corpus\/a and AzureFirewallPolicyRules corpus\/b\)/);
  });
});
