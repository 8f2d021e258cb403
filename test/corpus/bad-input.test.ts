/**
 * The bad-input corpus: distinct invalid inputs across the layers, each with the specific message it must
 * produce. Every rejection is a FirewallRequirementsError (the CLI turns it into exit code 2 with nothing on
 * stdout), raised before anything is built.
 */
import { Testing, TerraformStack } from 'cdktf';
import { aksProfile, AksCloud, AksAddon, AksProfileOptions, chainguardEnforceProfile, ChainguardEnforceProfileOptions, EnforceMode, ibmVpcProfile, IbmVpcProfileOptions, ibmWorkerAllowlist, PROFILES } from '../../lib/catalog';
import { CatalogSection } from '../../lib/catalog/catalog-section';
import { Cidr, Direction, Landing, Necessity, Peer, PortRange, Protocol, Requirement, RequirementSet } from '../../lib/model';
import { assertWithinLimit, chunk } from '../../lib/plan';
import { EksEndpointAccess, EksIpFamily } from '../../lib/targets/aws/eks-endpoint-access';
import { runCli } from '../cli/run-cli';
import { planSecurityGroupRules } from '../../lib/targets/aws/plan/security-group-plan';
import { AksAuthorizedIpRanges, AzureFirewallPolicyRules, FirewallRuleSources } from '../../lib/targets/azure';
import { GcpFirewall, GcpFirewallProps, GkeAuthorizedNetworks } from '../../lib/targets/google';
import { IbmIsSecurityGroupRule, IbmProvider, IbmRuleDirection, IbmRuleProtocol, IbmSecurityGroupRules, IbmSecurityGroupRulesProps } from '../../lib/targets/ibm';
import { errorOf } from '../errors';

/** One invalid input: what it is, how it is fed in, and a fragment of the message it must produce. */
interface BadInput {
  /** `model`, `plan`, `profile <name>`, `target <cloud>`. */
  readonly area: string;
  /** The invalid input, as a user would describe it. */
  readonly input: string;
  readonly act: () => unknown;
  /** The specific part of the message that names the problem and the fix. */
  readonly message: string;
  /** The error code, when the case pins it. */
  readonly code?: string;
}

const source = { catalog: 'corpus', section: 's', sectionTitle: 'S', title: 'T', url: 'https://example.com', date: '2025-01-01' };
const flow = (protocol: Protocol, ports: PortRange[], peer: Peer) =>
  Requirement.create({ direction: Direction.EGRESS, protocol, ports, peer, purpose: 'Corpus', necessity: Necessity.required(), source });

const MODEL: BadInput[] = [
  { area: 'model', input: 'CIDR with host bits', act: () => Cidr.parse('10.0.0.1/16', 'option subnetCidrs[1]'), message: 'host bits are set after the prefix (from option subnetCidrs[1]). Did you mean 10.0.0.0/16?', code: 'invalid-cidr' },
  { area: 'model', input: 'IPv6 CIDR with host bits', act: () => Cidr.parse('2001:db8::1/64'), message: 'Did you mean 2001:db8::/64?', code: 'invalid-cidr' },
  { area: 'model', input: 'IPv4 prefix over 32', act: () => Cidr.parse('10.0.0.0/33'), message: 'the prefix length must be a whole number from 0 to 32' },
  { area: 'model', input: 'IPv6 prefix over 128', act: () => Cidr.parse('2001:db8::/129'), message: 'the prefix length must be a whole number from 0 to 128' },
  { area: 'model', input: 'two-part IPv4', act: () => Cidr.parse('10.1'), message: '"10.1" is not a dotted-decimal IPv4 address' },
  { area: 'model', input: 'octal-looking IPv4', act: () => Cidr.parse('010.0.0.1'), message: '"010.0.0.1" is not a dotted-decimal IPv4 address' },
  { area: 'model', input: 'IPv6 zone id', act: () => Cidr.parse('fe80::1%eth0'), message: '"fe80::1%eth0" is not an IPv6 address' },
  { area: 'model', input: 'empty CIDR', act: () => Cidr.parse(''), message: 'Invalid CIDR "": it is empty' },
  { area: 'model', input: 'port 0', act: () => PortRange.parse('0'), message: 'Invalid port "0": 0 is outside 1-65535', code: 'invalid-port' },
  { area: 'model', input: 'port 65536', act: () => PortRange.single(65536), message: '65536 is outside 1-65535' },
  { area: 'model', input: 'reversed port range', act: () => PortRange.parse('32767-30000'), message: 'the range is reversed; write it as 30000-32767' },
  { area: 'model', input: 'fractional port', act: () => PortRange.single(1.5), message: 'Invalid port "1.5": a port must be a whole number' },
  { area: 'model', input: 'port list where one port is expected', act: () => PortRange.parse('80,443'), message: 'it is not a port number or a low-high range' },
  { area: 'model', input: 'wildcard in a middle label', act: () => Peer.fqdn('www.*.example.com'), message: 'a wildcard is allowed only in the left-most label', code: 'invalid-fqdn' },
  { area: 'model', input: 'wildcard glued to a label', act: () => Peer.fqdn('*example.com'), message: 'the wildcard in label "*example" must be the whole label' },
  { area: 'model', input: 'partial wildcard label', act: () => Peer.fqdn('foo*.example.com'), message: 'the wildcard in label "foo*" must be the whole label' },
  { area: 'model', input: 'wildcard over a TLD', act: () => Peer.fqdn('*.com'), message: 'a wildcard must be followed by at least two labels. Write *.example.com, not *.com.' },
  { area: 'model', input: 'URL instead of a host', act: () => Peer.fqdn('https://mcr.microsoft.com/v2/'), message: 'a domain name has no scheme, port or path. Give only the host name, e.g. mcr.microsoft.com.' },
  { area: 'model', input: 'host with a port', act: () => Peer.fqdn('mcr.microsoft.com:443'), message: 'Give only the host name, e.g. mcr.microsoft.com.' },
  { area: 'model', input: 'single-label name', act: () => Peer.fqdn('localhost'), message: 'it needs at least two labels' },
  { area: 'model', input: 'underscore in a label', act: () => Peer.fqdn('my_host.example.com'), message: 'label "my_host" is not a valid DNS label' },
  { area: 'model', input: 'service tag with a space', act: () => Peer.serviceTag('Azure Cloud'), message: 'Invalid service tag "Azure Cloud". A service tag looks like AzureCloud or AzureCloud.westeurope.' },
  { area: 'model', input: 'service tag with a malformed token', act: () => Peer.serviceTag('AzureCloud.<Location>'), message: 'Invalid service tag "AzureCloud.<Location>"' },
  { area: 'model', input: 'FQDN tag with a hyphen', act: () => Peer.fqdnTag('Azure-Kubernetes'), message: 'An FQDN tag is a single word such as AzureKubernetesService.' },
  { area: 'model', input: 'tcp without ports', act: () => flow(Protocol.TCP, [], Peer.fqdn('example.com')), message: 'protocol tcp needs at least one port' },
  { area: 'model', input: 'icmp with ports', act: () => flow(Protocol.ICMP, [PortRange.single(8)], Peer.cidr('10.0.0.0/8')), message: 'protocol icmp takes no ports' },
  { area: 'model', input: 'FQDN tag over plain tcp', act: () => flow(Protocol.TCP, [PortRange.single(443)], Peer.fqdnTag('AzureKubernetesService')), message: 'FQDN tags are matched by application rules: use http or https.' },
  { area: 'model', input: 'token with two values', act: () => Peer.fqdn('<location>.example.com').resolve({ location: ['a', 'b'] }), message: '<location> takes exactly one value.' },
  {
    area: 'model',
    input: 'placeholder left unresolved',
    act: () => RequirementSet.of([flow(Protocol.UDP, [PortRange.single(53)], Peer.placeholder('dns-servers', 'Set dnsServers.'))]).assertResolved(),
    message: 'Placeholder <dns-servers> is not resolved (from corpus/s: <dns-servers> (Corpus)). Set dnsServers.',
    code: 'unresolved-placeholder',
  },
  {
    area: 'model',
    input: 'catalog row with a bad CIDR',
    act: () => new CatalogSection({ catalog: 'corpus', title: 'T', url: 'https://example.com', date: '2025-01-01' }, 'rows', 'Rows').cidrs(['10.0.0.0/8', '192.168.1.1/16'], Protocol.TCP, [443], 'x'),
    message: 'Invalid CIDR "192.168.1.1/16": host bits are set after the prefix (from catalog corpus/rows). Did you mean 192.168.0.0/16?',
  },
  { area: 'plan', input: 'count over a platform limit', act: () => assertWithinLimit('EKS public access CIDRs', 41, 40, 'cluster', 'Aggregate the CIDRs.'), message: 'EKS public access CIDRs: 41 exceeds the limit of 40 (from cluster). Aggregate the CIDRs.', code: 'limit-exceeded' },
  { area: 'plan', input: 'chunk size 0', act: () => chunk([1, 2], 0), message: 'Invalid chunk size "0". A chunk size is a whole number of at least 1.' },
];

const aks = (o: Partial<AksProfileOptions>) => () => aksProfile({ location: 'westeurope', ...o } as AksProfileOptions);
const chainguard = (o: Record<string, unknown>) => () => chainguardEnforceProfile(o as ChainguardEnforceProfileOptions);
const ibm = (o: Partial<IbmVpcProfileOptions>) => () => ibmVpcProfile({ region: 'us-south', subnetCidrs: ['10.240.0.0/24'], ...o } as IbmVpcProfileOptions);
const build = (name: string, options: Record<string, unknown>) => () => PROFILES.find((p) => p.name === name)!.build(options);

const PROFILE: BadInput[] = [
  { area: 'profile aks', input: 'no location', act: () => aksProfile({} as AksProfileOptions), message: "Missing required option location: the AKS FQDNs and service tags name the cluster's Azure region", code: 'missing-option' },
  { area: 'profile aks', input: 'misspelt region', act: aks({ location: 'westeruope' }), message: 'Did you mean "westeurope"?', code: 'unknown-option' },
  { area: 'profile aks', input: 'region of another cloud', act: aks({ location: 'chinaeast2' }), message: 'chinaeast2 is a region of Microsoft Azure operated by 21Vianet: set cloud to azure-china' },
  { area: 'profile aks', input: 'unknown cloud', act: aks({ cloud: 'azure-germany' as AksCloud }), message: 'Unknown cloud "azure-germany" (from option cloud)' },
  { area: 'profile aks', input: 'unknown add-on', act: aks({ addons: ['azure-montor' as AksAddon] }), message: 'Unknown AKS add-on "azure-montor" (from option addons[0]). Did you mean "azure-monitor"?' },
  { area: 'profile aks', input: 'Defender in Azure China', act: aks({ cloud: AksCloud.AZURE_CHINA, location: 'chinaeast2', addons: [AksAddon.DEFENDER] }), message: 'Microsoft Defender for Containers is retired in Microsoft Azure operated by 21Vianet', code: 'unsupported-addon' },
  { area: 'profile aks', input: 'DNS server with host bits', act: aks({ customDnsServers: ['10.0.0.4/24'] }), message: 'Invalid custom DNS server "10.0.0.4/24" (from option customDnsServers[0]). It must be one machine\'s address, not a network: give the address without the prefix, 10.0.0.4.', code: 'invalid-host' },
  { area: 'profile aks', input: 'API server IP given as a network', act: aks({ apiServerPublicIp: '20.61.10.0/24' }), message: "It must be one machine's address, not a network: give the address of the machine itself, e.g. 20.61.10.1", code: 'invalid-host' },
  { area: 'profile aks', input: 'podsAccessApiServer without the IP', act: aks({ podsAccessApiServer: true }), message: 'Placeholder <api-server-public-ip> is not resolved', code: 'unresolved-placeholder' },
  { area: 'profile aks', input: 'boolean option given as text', act: aks({ gpu: 'yes' as unknown as boolean }), message: 'Invalid gpu (string, expected true or false) "yes" (from option gpu).' },
  { area: 'profile aks', input: 'unknown option name (CLI form)', act: build('aks', { location: 'westeurope', region: 'x' }), message: 'Unknown AKS profile option "region"' },
  { area: 'profile chainguard-enforce', input: 'unknown mode', act: chainguard({ mode: 'agent-less' }), message: 'Unknown Enforce mode "agent-less" (from profile chainguard-enforce option mode). Did you mean "agentless"?' },
  { area: 'profile chainguard-enforce', input: 'unknown edition', act: chainguard({ mode: EnforceMode.AGENT, edition: '2024-01-01' }), message: 'Unknown Enforce edition "2024-01-01"' },
  { area: 'profile chainguard-enforce', input: 'mode given as a list (CLI form)', act: build('chainguard-enforce', { mode: ['agent'] }), message: '--mode takes one value.' },
  { area: 'profile ibm-vpc', input: 'no region', act: () => ibmVpcProfile({ subnetCidrs: ['10.240.0.0/24'] } as IbmVpcProfileOptions), message: 'Missing required option region', code: 'missing-option' },
  { area: 'profile ibm-vpc', input: 'unknown region', act: ibm({ region: 'us-soth' }), message: 'Unknown VPC region "us-soth" (from profile ibm-vpc option region). Did you mean "us-south"?' },
  { area: 'profile ibm-vpc', input: 'no subnets', act: ibm({ subnetCidrs: [] }), message: "Missing required option subnetCidrs: the node ports are opened only to the cluster's VPC subnets" },
  { area: 'profile ibm-vpc', input: 'IPv6 subnet', act: ibm({ subnetCidrs: ['2001:db8::/64'] }), message: 'IBM Cloud VPC subnets and security group rules are IPv4 only' },
  { area: 'profile ibm-vpc', input: 'unknown registry region', act: ibm({ registryRegions: ['eu-xx'] }), message: 'Unknown registry region "eu-xx" (from profile ibm-vpc option registryRegions[0])' },
  { area: 'profile ibm-vpc', input: 'master endpoint outside IBM', act: ibm({ masterEndpoints: ['c3.example.com'] }), message: 'Master service endpoints end with .containers.cloud.ibm.com' },
  { area: 'profile ibm-vpc', input: 'legacy master port under current docs', act: ibm({ masterEndpoints: ['https://c3.us-south.containers.cloud.ibm.com:25000'] }), message: 'it is outside the master port range 30000-32767; clusters created under the 2020 documentation use 20000-32767: set masterPortRange to legacy-2020' },
  { area: 'profile ibm-vpc', input: 'etcd port without master endpoints', act: ibm({ etcdPort: 31234 }), message: 'Missing required option masterEndpoints: calicoctl reaches the etcd port on the master endpoint host' },
  { area: 'profile ibm-vpc', input: 'etcd port out of range', act: ibm({ etcdPort: 70000, masterEndpoints: ['c3.us-south.containers.cloud.ibm.com'] }), message: 'Invalid port "70000": 70000 is outside 1-65535 (from profile ibm-vpc option etcdPort)' },
  { area: 'profile ibm-vpc', input: 'worker allowlist without subnets', act: () => ibmWorkerAllowlist({ subnetCidrs: [] }), message: 'Missing required option subnetCidrs' },
];

/** `count` networks in 10.0.0.0/8 that no two can aggregate, as user CIDRs. */
const many = (count: number) => Array.from({ length: count }, (_, i) => ({ cidr: `10.${(i % 128) * 2}.${Math.floor(i / 128) * 2}.0/24`, purpose: `net ${i}` }));
/** `count` (at most 128) public /32s in 192.0.2.0/24 that no two can aggregate, as user CIDRs (EKS refuses private ranges). */
const manyPublic = (count: number) => Array.from({ length: count }, (_, i) => ({ cidr: `192.0.2.${i * 2 + 1}/32`, purpose: `net ${i}` }));
const ingress = (protocol: Protocol, ports: PortRange[], peer: Peer, landing = Landing.NODES) =>
  RequirementSet.of([Requirement.create({ direction: Direction.INGRESS, protocol, ports, peer, purpose: 'Corpus ingress', necessity: Necessity.required(), source, landing })]);
const stack = () => new TerraformStack(Testing.app(), 'corpus');
const ibmRules = (props: Partial<IbmSecurityGroupRulesProps>) => () =>
  new IbmSecurityGroupRules(stack(), 'rules', { requirements: ingress(Protocol.TCP, [PortRange.range(30000, 32767)], Peer.cidr('10.240.0.0/24')), ...props });

const egress = (protocol: Protocol, ports: PortRange[], peer: Peer) => RequirementSet.of([flow(protocol, ports, peer)]);
const azureRules = (sets: RequirementSet[], sources = FirewallRuleSources.addresses(['10.42.1.0/24'])) => () =>
  new AzureFirewallPolicyRules(stack(), 'rules', { requirementSets: sets, firewallPolicyId: 'policy-id', sources, basePriority: 200 }).render();

/** GcpFirewall renders at synth: whole-set checks (/0 peers, limits) fail there. */
const gcp = (props: Partial<GcpFirewallProps>) => () => {
  const s = stack();
  new GcpFirewall(s, 'fw', { requirements: egress(Protocol.TCP, [PortRange.single(443)], Peer.cidr('203.0.113.0/24')), network: 'vpc', ...props });
  Testing.synth(s);
};

const TARGETS: BadInput[] = [
  { area: 'target google', input: 'wildcard FQDN in a GCP firewall', act: gcp({ requirements: egress(Protocol.HTTPS, [PortRange.single(443)], Peer.fqdn('*.example.com')) }), message: 'GCP FQDN objects take no wildcards', code: 'unsupported-peer' },
  { area: 'target google', input: 'Azure service tag in a GCP firewall', act: gcp({ requirements: egress(Protocol.TCP, [PortRange.single(443)], Peer.serviceTag('AzureCloud')) }), message: 'a service-tag is not a Google Cloud concept' },
  { area: 'target google', input: 'GCP firewall priority 70000', act: gcp({ priority: 70000 }), message: 'A VPC firewall rule priority is a whole number from 0 to 65535.' },
  { area: 'target google', input: '::/0 in a GCP firewall without allowAnyAddress', act: gcp({ requirements: ingress(Protocol.TCP, [PortRange.single(443)], Peer.cidr('::/0')) }), message: 'Invalid peer "::/0" (from corpus/s: Corpus ingress). A /0 peer allows every address. Give the networks the flow needs, or opt in explicitly with allowAnyAddress: true on GcpFirewall corpus/fw.' },
  { area: 'target google', input: 'GCP firewall targeting tags and service accounts', act: gcp({ targetTags: ['gke-node'], targetServiceAccounts: ['nodes@p.iam.gserviceaccount.com'] }), message: 'targets network tags or service accounts, not both' },
  { area: 'target azure', input: 'authorized ranges on a private AKS cluster', act: () => AksAuthorizedIpRanges.compute({ cidrs: [{ cidr: '203.0.113.0/24' }], privateCluster: true }), message: 'API server authorized IP ranges are not supported for private clusters' },
  { area: 'target azure', input: 'authorized range 0.0.0.0/0', act: () => AksAuthorizedIpRanges.compute({ cidrs: [{ cidr: '0.0.0.0/0' }] }), message: 'authorized IP ranges exist to keep the API server from being reachable from every address' },
  { area: 'target azure', input: 'firewall public IP given as a network', act: () => AksAuthorizedIpRanges.compute({ firewallPublicIps: ['20.50.1.0/24'] }), message: 'Invalid firewall public IP "20.50.1.0/24" (from AksAuthorizedIpRanges firewallPublicIps[0]). It must be one machine\'s address' },
  { area: 'target azure', input: 'no authorized ranges at all', act: () => AksAuthorizedIpRanges.compute({}), message: 'an empty list leaves the API server open to every address' },
  { area: 'target azure', input: '201 authorized ranges', act: () => AksAuthorizedIpRanges.compute({ cidrs: many(201) }), message: 'AKS API server authorized IP ranges: 201 exceeds the limit of 200', code: 'limit-exceeded' },
  { area: 'target azure', input: 'FQDN network rule without DNS proxy', act: azureRules([egress(Protocol.UDP, [PortRange.single(123)], Peer.fqdn('ntp.ubuntu.com'))]), message: 'FQDNs in network rules work only with DNS proxy enabled on the firewall policy' },
  { area: 'target azure', input: 'wildcard FQDN in a network rule', act: azureRules([egress(Protocol.TCP, [PortRange.single(443)], Peer.fqdn('*.example.com'))]), message: 'FQDN filtering in network rules does not support wildcards' },
  { area: 'target azure', input: 'firewall source 0.0.0.0/0', act: () => FirewallRuleSources.addresses(['0.0.0.0/0']), message: '0.0.0.0/0 allows every IPv4 address.' },
  { area: 'target azure', input: 'firewall policy with ingress requirements only', act: azureRules([ingress(Protocol.TCP, [PortRange.single(443)], Peer.cidr('203.0.113.0/24'))]), message: 'An Azure Firewall policy filters egress traffic' },
  { area: 'target google', input: 'IPv6 authorized network', act: () => GkeAuthorizedNetworks.fromRequirements({ cidrs: [{ cidr: '2001:db8::/48', purpose: 'office' }] }), message: 'GKE master authorized networks cannot express "2001:db8::/48": they take IPv4 CIDRs only', code: 'unsupported-peer' },
  { area: 'target google', input: '51 networks on a public cluster', act: () => GkeAuthorizedNetworks.fromRequirements({ cidrs: many(51) }), message: 'GKE master authorized networks (public cluster): 51 exceeds the limit of 50', code: 'limit-exceeded' },
  { area: 'target google', input: 'domain name as a control-plane peer', act: () => GkeAuthorizedNetworks.fromRequirements({ requirements: ingress(Protocol.TCP, [PortRange.single(443)], Peer.fqdn('ci.example.com'), Landing.CONTROL_PLANE) }), message: 'it admits networks (CIDRs) only, not a fqdn' },
  { area: 'target google', input: '101 networks on a private cluster', act: () => GkeAuthorizedNetworks.fromRequirements({ cidrs: many(101), privateCluster: true }), message: 'GKE master authorized networks (private cluster): 101 exceeds the limit of 100', code: 'limit-exceeded' },
  { area: 'target google', input: 'unresolved placeholder as a control-plane peer', act: () => GkeAuthorizedNetworks.fromRequirements({ requirements: ingress(Protocol.TCP, [PortRange.single(443)], Peer.placeholder('ci-runners', 'Set the CI runner CIDRs.'), Landing.CONTROL_PLANE) }), message: 'Placeholder <ci-runners> is not resolved (from corpus/s: <ci-runners> (Corpus ingress)). Set the CI runner CIDRs.' },
  { area: 'target google', input: 'user CIDR given as a bare string', act: () => GkeAuthorizedNetworks.fromRequirements({ cidrs: ['203.0.113.0/24' as unknown as { cidr: string }] }), message: 'Give { cidr: "203.0.113.0/24", purpose: "office" }.' },
  { area: 'target aws', input: 'domain name in a security group', act: () => planSecurityGroupRules(egress(Protocol.TCP, [PortRange.single(443)], Peer.fqdn('mcr.microsoft.com')).requirements, 'NetworkFirewallDomainAllowlist'), message: 'AWS security groups cannot express "mcr.microsoft.com": security group rules match IP addresses, not domain names', code: 'unsupported-peer' },
  { area: 'target aws', input: 'both EKS endpoints off', act: () => EksEndpointAccess.fromRequirements({ endpointPrivateAccess: false, endpointPublicAccess: false }), message: 'Nothing could reach the API server: enable the private endpoint, the public one, or both.' },
  { area: 'target aws', input: 'public EKS endpoint with no CIDRs', act: () => EksEndpointAccess.fromRequirements({}), message: 'An empty list leaves the public endpoint open to 0.0.0.0/0 (the EKS default).' },
  { area: 'target aws', input: '41 EKS public access CIDRs', act: () => EksEndpointAccess.fromRequirements({ publicAccessCidrs: manyPublic(41) }), message: 'EKS public access CIDRs: 41 exceeds the limit of 40 (from EksEndpointAccess)', code: 'limit-exceeded' },
  { area: 'target aws', input: 'IPv6 CIDR on an IPv4 EKS cluster', act: () => EksEndpointAccess.fromRequirements({ publicAccessCidrs: [{ cidr: '2001:db8::/48' }], ipFamily: EksIpFamily.IPV4 }), message: 'IPv6 CIDRs cannot be added to an IPv4 cluster' },
  { area: 'target aws', input: 'private range as an EKS public access CIDR', act: () => EksEndpointAccess.fromRequirements({ publicAccessCidrs: [{ cidr: '10.0.0.0/16', purpose: 'VPC' }] }), message: 'EKS public access CIDRs cannot express "10.0.0.0/16": it overlaps 10.0.0.0/8 (private, RFC 1918): EKS refuses reserved addresses, and such addresses never reach a public endpoint (from EksEndpointAccess publicAccessCidrs[0]). Use the public egress address, e.g. the NAT gateway\'s Elastic IP', code: 'unsupported-peer' },
  { area: 'target aws', input: 'IPv6 unique local address as an EKS node egress CIDR', act: () => EksEndpointAccess.fromRequirements({ nodeEgressCidrs: [{ cidr: 'fd00::1' }], ipFamily: EksIpFamily.IPV6 }), message: 'it overlaps fc00::/7 (unique local, RFC 4193)', code: 'unsupported-peer' },
  { area: 'target aws', input: '0.0.0.0/0 in a security group without allowAnyAddress', act: () => planSecurityGroupRules(egress(Protocol.TCP, [PortRange.single(443)], Peer.cidr('0.0.0.0/0')).requirements, 'NetworkFirewallDomainAllowlist'), message: 'Invalid peer "0.0.0.0/0" (from corpus/s: Corpus). A /0 peer allows every address. Give the networks the flow needs, or opt in explicitly with allowAnyAddress: true on SecurityGroupRules.' },
  { area: 'target aws', input: 'private EKS access off without node egress addresses', act: () => EksEndpointAccess.fromRequirements({ publicAccessCidrs: [{ cidr: '203.0.113.0/24' }], endpointPrivateAccess: false }), message: 'give their egress (NAT gateway) addresses in nodeEgressCidrs, or enable private access' },
  { area: 'target ibm', input: 'neither security group nor VPC', act: ibmRules({}), message: 'Missing required option securityGroupId or vpcId: the rules need a security group' },
  { area: 'target ibm', input: 'IPv6 peer in a security group', act: ibmRules({ vpcId: 'v', requirements: ingress(Protocol.TCP, [PortRange.single(443)], Peer.cidr('2001:db8::/48')) }), message: 'IBM VPC security group rules support ip_version "ipv4" only' },
  { area: 'target ibm', input: 'Azure service tag in a security group', act: ibmRules({ vpcId: 'v', requirements: ingress(Protocol.TCP, [PortRange.single(443)], Peer.serviceTag('AzureCloud')) }), message: 'a service-tag stands for a set of addresses or names only Azure Firewall knows' },
  { area: 'target ibm', input: 'upper-case security group rule name', act: () => new IbmIsSecurityGroupRule(stack(), 'bad', { group: 'r006-sg', direction: IbmRuleDirection.INBOUND, protocol: IbmRuleProtocol.TCP, portMin: 443, portMax: 443, remote: '10.0.0.0/8', name: 'Node-Ports' }), message: 'Invalid security group rule name "Node-Ports"' },
  { area: 'target ibm', input: 'region display name for the provider', act: () => new IbmProvider(stack(), 'bad', { region: 'Frankfurt' }), message: 'Use a region name such as us-south, eu-de or jp-tok.' },
];

const CASES: BadInput[] = [...MODEL, ...PROFILE, ...TARGETS];

/** A CLI call that must exit with 2, write nothing on stdout, and say `message` on stderr. */
interface BadCall {
  readonly argv: string[];
  readonly message: string;
}

const CLI: BadCall[] = [
  { argv: ['lst', 'aks'], message: 'Unknown command "lst" (from cdktf-firewall-requirements). Did you mean "list"?' },
  { argv: ['list', 'akss'], message: 'Unknown profile "akss" (from cdktf-firewall-requirements list). Did you mean "aks"?' },
  { argv: ['list', 'aks', '--locaton', 'westeurope'], message: 'Unknown option for profile aks "--locaton"' },
  { argv: ['list', 'aks', '--location', 'westeurope', '--format', 'yaml'], message: 'Unknown format "yaml" (from flag --format)' },
  { argv: ['list', 'aks', '--location'], message: '--location needs a value.' },
  { argv: ['list', 'aks', '--location', 'westeurope', '--gpu=maybe'], message: 'Boolean flags take true or false (or use --no-gpu).' },
  { argv: ['list', 'aks', '--location', 'westeurope', '--cloud', 'azure'], message: 'Unknown cloud "azure" (from flag --cloud)' },
  { argv: ['list', 'aks', '--location', 'westeurope', '--addons', 'monitoring'], message: 'Unknown addon "monitoring" (from flag --addons)' },
  { argv: ['list', 'aks', 'westeurope'], message: 'Options are given as --flag value; see --help.' },
  { argv: ['list', 'aks'], message: 'Missing required option location' },
  { argv: ['list', 'aks', '--location', 'westeurope', '--custom-dns-servers', '10.0.0.4/24'], message: 'give the address without the prefix, 10.0.0.4.' },
  { argv: ['list', 'chainguard-enforce', '--mode', 'agent-less'], message: 'Unknown mode "agent-less" (from flag --mode). Did you mean "agentless"?' },
  { argv: ['list', 'ibm-vpc', '--region', 'us-south', '--subnet-cidrs', '10.240.0.0/24', '--master-endpoints', 'c3.us-south.containers.cloud.ibm.com', '--etcd-port', 'abc'], message: 'Invalid value for --etcd-port "abc" (from flag --etcd-port). --etcd-port takes a whole decimal number from 1 to 65535.' },
  { argv: ['list', 'ibm-vpc', '--region', 'us-south'], message: 'Missing required option subnetCidrs' },
  { argv: ['validate', '--bogus'], message: 'Unknown flag "--bogus"' },
  { argv: ['validate', 'no-such-folder-for-the-corpus'], message: 'It does not exist.' },
];

/** Runs the CLI in-process and captures what it writes. */
const run = (argv: readonly string[]) => runCli(...argv);

describe('bad-input corpus', () => {
  test.each(CASES.map((c) => [c.area, c.input, c] as const))('%s: %s', (_area, _input, c) => {
    const e = errorOf(c.act);
    expect(e.message).toContain(c.message);
    if (c.code) expect(e.code).toBe(c.code);
    // Every message says where the value came from or how to fix it.
    expect(e.origin !== '' || e.hint !== '').toBe(true);
  });

  test.each(CLI.map((c) => [c.argv.join(' '), c] as const))('cli: %s', (_argv, c) => {
    const { code, stdout, stderr } = run(c.argv);
    expect(stdout).toBe('');
    expect(code).toBe(2);
    expect(stderr).toContain(c.message);
    expect(stderr.startsWith('cdktf-firewall-requirements')).toBe(true);
  });

  test('the corpus is large, distinct and covers every layer', () => {
    const all = [...CASES.map((c) => `${c.area}: ${c.input}`), ...CLI.map((c) => `cli: ${c.argv.join(' ')}`)];
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(40);
    const areas = new Set(CASES.map((c) => c.area));
    expect([...areas]).toEqual(expect.arrayContaining(['model', 'profile aks', 'profile chainguard-enforce', 'profile ibm-vpc']));
    expect([...areas].filter((a) => a.startsWith('target ')).length).toBeGreaterThanOrEqual(2);
    expect(CLI.length).toBeGreaterThan(0);
  });
});
