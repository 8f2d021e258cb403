/**
 * The validator against the real provider bindings: a small app with AWS, Azure and Google resources is
 * synthesized into a temp folder and must validate clean; the same JSON with one defect at a time must
 * give the specific line. Schemas come from the shared cache (node_modules/.cache/cdktf-firewall-requirements):
 * the first run on a machine derives them from the three assemblies (about 10 s), later runs read the cache
 * (about 0.1-0.2 s per provider).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { DataAwsVpc } from '@cdktf/provider-aws/lib/data-aws-vpc';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { FirewallPolicy } from '@cdktf/provider-azurerm/lib/firewall-policy';
import { FirewallPolicyRuleCollectionGroup } from '@cdktf/provider-azurerm/lib/firewall-policy-rule-collection-group';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { ComputeFirewall } from '@cdktf/provider-google/lib/compute-firewall';
import { ContainerCluster } from '@cdktf/provider-google/lib/container-cluster';
import { SchemaStore, validateDirectory, validateStackJson } from '../../lib/validate';

let outdir: string;
let synthesized: any;
const store = new SchemaStore({ keepLoaded: true });

beforeAll(() => {
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-real-'));
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'net');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  new GoogleProvider(stack, 'google', { project: 'demo-project', region: 'europe-west4' });

  const vpc = new DataAwsVpc(stack, 'vpc', { default: true });
  new EksCluster(stack, 'eks', {
    name: 'eks-demo',
    roleArn: 'arn:aws:iam::123456789012:role/eks',
    vpcConfig: { subnetIds: ['subnet-aaaa', 'subnet-bbbb'], endpointPublicAccess: true, publicAccessCidrs: ['203.0.113.0/24'] },
  });
  const sg = new SecurityGroup(stack, 'nodeports', { name: 'nodeports', description: 'node ports', vpcId: vpc.id });
  new VpcSecurityGroupIngressRule(stack, 'nodeports_tcp', {
    securityGroupId: sg.id,
    ipProtocol: 'tcp',
    fromPort: 30000,
    toPort: 32767,
    cidrIpv4: '203.0.113.0/24',
  });

  const policy = new FirewallPolicy(stack, 'policy', { name: 'aks-egress-policy', resourceGroupName: 'rg-net', location: 'westeurope' });
  new FirewallPolicyRuleCollectionGroup(stack, 'aks_egress', {
    name: 'aks-egress',
    firewallPolicyId: policy.id,
    priority: 200,
    applicationRuleCollection: [
      {
        name: 'aks-fqdns',
        priority: 210,
        action: 'Allow',
        rule: [{ name: 'mcr', sourceAddresses: ['10.240.0.0/16'], protocols: [{ type: 'Https', port: 443 }], destinationFqdns: ['mcr.microsoft.com'] }],
      },
    ],
    networkRuleCollection: [
      {
        name: 'aks-network',
        priority: 220,
        action: 'Allow',
        rule: [{ name: 'ntp', protocols: ['UDP'], sourceAddresses: ['10.240.0.0/16'], destinationFqdns: ['ntp.ubuntu.com'], destinationPorts: ['123'] }],
      },
    ],
  });

  new ContainerCluster(stack, 'gke', {
    name: 'gke-demo',
    location: 'europe-west4',
    initialNodeCount: 1,
    deletionProtection: false,
    masterAuthorizedNetworksConfig: { cidrBlocks: [{ cidrBlock: '203.0.113.0/24', displayName: 'enforce' }] },
  });
  new ComputeFirewall(stack, 'egress', {
    name: 'allow-egress-443',
    network: 'default',
    direction: 'EGRESS',
    destinationRanges: ['203.0.113.0/24'],
    allow: [{ protocol: 'tcp', ports: ['443'] }],
  });
  app.synth();
  synthesized = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'net', 'cdk.tf.json'), 'utf8'));
});

afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

/** The synthesized stack with one change, validated. */
function problemsAfter(mutate: (stack: any) => void): readonly string[] {
  const stack = JSON.parse(JSON.stringify(synthesized));
  mutate(stack);
  return validateStackJson(JSON.stringify(stack), { store }).problems;
}

test('cdktf writes max-one blocks as objects and repeatable blocks as arrays', () => {
  const { resource } = synthesized;
  expect(resource.aws_eks_cluster.eks.vpc_config).toEqual({
    endpoint_public_access: true,
    public_access_cidrs: ['203.0.113.0/24'],
    subnet_ids: ['subnet-aaaa', 'subnet-bbbb'],
  });
  expect(Array.isArray(resource.azurerm_firewall_policy_rule_collection_group.aks_egress.application_rule_collection)).toBe(true);
  expect(resource.google_container_cluster.gke.master_authorized_networks_config).toEqual({
    cidr_blocks: [{ cidr_block: '203.0.113.0/24', display_name: 'enforce' }],
  });
  expect(resource.google_compute_firewall.egress.allow).toEqual([{ ports: ['443'], protocol: 'tcp' }]);
});

test('the synthesized app validates clean against all three provider schemas', () => {
  const report = validateDirectory(outdir, { store });
  expect(report.problems).toEqual([]);
  expect([report.stacks, report.resources, report.dataSources, report.providerBlocks]).toEqual([1, 7, 1, 3]);
  expect(report.unchecked).toEqual([]);
  expect(report.notes).toEqual([]);
  expect(report.schemaLoads.map((l) => l.origin)).toEqual([
    '@cdktf/provider-aws 21.22.1',
    '@cdktf/provider-azurerm 14.23.1',
    '@cdktf/provider-google 16.12.1',
  ]);
});

test('an unknown argument, in a resource and in a provider block', () => {
  expect(problemsAfter((s) => (s.provider.aws[0].regoin = 'eu-west-1'))).toEqual(['provider.aws: regoin: unknown argument; did you mean "region"?']);
  expect(
    problemsAfter((s) => {
      const rule = s.resource.azurerm_firewall_policy_rule_collection_group.aks_egress.network_rule_collection[0].rule[0];
      rule.destination_fqdn = rule.destination_fqdns;
      delete rule.destination_fqdns;
    }),
  ).toEqual(['azurerm_firewall_policy_rule_collection_group.aks_egress.network_rule_collection[0].rule[0]: destination_fqdn: unknown argument; did you mean "destination_fqdns"?']);
});

test('a missing required argument', () => {
  expect(problemsAfter((s) => delete s.resource.aws_eks_cluster.eks.vpc_config.subnet_ids)).toEqual([
    'aws_eks_cluster.eks.vpc_config: subnet_ids: missing required argument',
  ]);
  expect(problemsAfter((s) => delete s.resource.google_compute_firewall.egress.allow[0].protocol)).toEqual([
    'google_compute_firewall.egress.allow[0]: protocol: missing required argument',
  ]);
});

test('a block given as a string', () => {
  expect(problemsAfter((s) => (s.resource.aws_eks_cluster.eks.vpc_config = 'subnet-aaaa'))).toEqual([
    'aws_eks_cluster.eks: vpc_config: is a block: expected an object, got the string "subnet-aaaa"',
  ]);
});

test('a repeated value in a max-one block', () => {
  expect(
    problemsAfter((s) => {
      const gke = s.resource.google_container_cluster.gke;
      gke.master_authorized_networks_config = [gke.master_authorized_networks_config, gke.master_authorized_networks_config];
    }),
  ).toEqual(['google_container_cluster.gke: master_authorized_networks_config: at most one master_authorized_networks_config block is allowed, got 2']);
});

test('a dangling reference', () => {
  expect(problemsAfter((s) => (s.resource.aws_vpc_security_group_ingress_rule.nodeports_tcp.security_group_id = '${aws_security_group.node_ports.id}'))).toEqual([
    'aws_vpc_security_group_ingress_rule.nodeports_tcp: security_group_id: references aws_security_group.node_ports, which is not declared in this stack; did you mean aws_security_group.nodeports?',
  ]);
  expect(problemsAfter((s) => (s.resource.aws_security_group.nodeports.description = '${data.aws_vpc.vpc.cidr_blok}'))).toEqual([
    'aws_security_group.nodeports: description: references data.aws_vpc.vpc.cidr_blok, but aws_vpc has no attribute "cidr_blok"; did you mean "cidr_block"?',
  ]);
});

test('references to computed attributes of real resources pass', () => {
  expect(
    problemsAfter((s) => {
      s.output = {
        endpoint: { value: '${aws_eks_cluster.eks.endpoint}' },
        ca: { value: '${aws_eks_cluster.eks.certificate_authority[0].data}' },
        cidr: { value: '${data.aws_vpc.vpc.cidr_block}' },
        gke: { value: '${google_container_cluster.gke.endpoint}' },
      };
    }),
  ).toEqual([]);
});
