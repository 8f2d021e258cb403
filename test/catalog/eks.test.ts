import {
  AWS_ENDPOINTS,
  AWS_PARTITIONS,
  awsPartitionOf,
  EKS_ADDON_REGISTRY_ACCOUNTS,
  EKS_COMMERCIAL_REGIONS,
  EKS_FEATURES,
  EKS_REGION_TABLE,
  EksAddonRegistrySource,
  eksRegion,
  EKS_PROFILE,
  EKS_REGIONS,
  EksFeature,
  eksNodesProfile,
  EksNodesProfileOptions,
  eksPodRequirements,
  eksRestrictedClusterTraffic,
} from '../../lib/catalog/eks';
import { PROFILES } from '../../lib/catalog';
import { runCli } from '../cli/run-cli';
import { OptionType } from '../../lib/catalog/profile-definition';
import { Direction, FirewallRequirementsError, NecessityKind, PeerKind, RequirementSet, toRecord } from '../../lib/model';

const PRIVATE_CLUSTERS_URL =
  'https://github.com/awsdocs/amazon-eks-user-guide/blob/101184ecc138f7f661b484f2cabac7022b726a6b/latest/ug/clusters/private-clusters.adoc';
const SG_URL = 'https://github.com/awsdocs/amazon-eks-user-guide/blob/4d52b4d05e3478582e7d10a73cbd9ba9194dd5f7/latest/ug/networking/sec-group-reqs.adoc';

const flows = (set: RequirementSet) =>
  set.requirements.map((r) => `${r.direction} ${r.protocol} ${r.portsText || '-'} ${r.peer.value} ${r.primarySource.section} ${r.necessity.kind}`);
const byPeer = (set: RequirementSet, peer: string) => set.requirements.filter((r) => r.peer.value === peer);
const bad = (o: Record<string, unknown>) => () => eksNodesProfile(o as unknown as EksNodesProfileOptions);

describe('EKS catalog', () => {
  test('Pod requirements: every row cites the private-clusters page, HTTPS 443, with its VPC endpoint service', () => {
    const section = eksPodRequirements('eu-west-1');
    expect(section.requirements.map((r) => [r.peer.value, r.necessity.kind, r.metadata.vpcEndpoint, r.metadata.vpcEndpointType])).toEqual([
      ['api.ecr.eu-west-1.amazonaws.com', 'required', 'com.amazonaws.eu-west-1.ecr.api', 'interface'],
      ['prod-eu-west-1-starport-layer-bucket.s3.eu-west-1.amazonaws.com', 'required', 'com.amazonaws.eu-west-1.s3', 'gateway'],
      ['<account-id>.dkr.ecr.eu-west-1.amazonaws.com', 'required', 'com.amazonaws.eu-west-1.ecr.dkr', 'interface'],
      ['eks.eu-west-1.amazonaws.com', 'required', 'com.amazonaws.eu-west-1.eks', 'interface'],
      ['elasticloadbalancing.eu-west-1.amazonaws.com', 'conditional', 'com.amazonaws.eu-west-1.elasticloadbalancing', 'interface'],
      ['xray.eu-west-1.amazonaws.com', 'conditional', 'com.amazonaws.eu-west-1.xray', 'interface'],
      ['ssm.eu-west-1.amazonaws.com', 'conditional', 'com.amazonaws.eu-west-1.ssm', 'interface'],
      ['logs.eu-west-1.amazonaws.com', 'conditional', 'com.amazonaws.eu-west-1.logs', 'interface'],
      ['sts.eu-west-1.amazonaws.com', 'conditional', 'com.amazonaws.eu-west-1.sts', 'interface'],
      ['eks-auth.eu-west-1.api.aws', 'conditional', 'com.amazonaws.eu-west-1.eks-auth', 'interface'],
      ['autoscaling.eu-west-1.amazonaws.com', 'conditional', 'com.amazonaws.eu-west-1.autoscaling', 'interface'],
      ['sts.eu-west-1.amazonaws.com', 'conditional', 'com.amazonaws.eu-west-1.sts', 'interface'],
    ]);
    for (const r of section.requirements) {
      expect(r.direction).toBe(Direction.EGRESS);
      expect(toRecord(r)).toMatchObject({ protocol: 'https', ports: ['443'], source: 'eks/pod-requirements' });
      expect(r.primarySource).toEqual({
        catalog: 'eks',
        section: 'pod-requirements',
        sectionTitle: 'Pod requirements',
        title: 'Deploy private clusters with limited internet access (Amazon EKS User Guide)',
        url: `${PRIVATE_CLUSTERS_URL}#private-clusters-pod`,
        date: 'n/a (undated commit)',
      });
      expect(r.metadata.hostForm).toBeTruthy();
    }
    expect(section.requirements.some((r) => r.peer.value === 'sts.amazonaws.com')).toBe(false);
  });

  test('Restricting cluster traffic: TCP 443, TCP 10250, TCP and UDP 53 to the cluster security group, any protocol among the nodes', () => {
    const section = eksRestrictedClusterTraffic();
    expect(section.requirements.map((r) => `${r.protocol} ${r.portsText || '-'} ${r.peer.toString()} ${r.peer.kind}`)).toEqual([
      'tcp 443 <cluster-security-group> placeholder',
      'tcp 10250 <cluster-security-group> placeholder',
      'tcp 53 <cluster-security-group> placeholder',
      'udp 53 <cluster-security-group> placeholder',
      'any - <node-subnets> placeholder',
    ]);
    for (const r of section.requirements) {
      expect(r.necessity.conditions.map((c) => c.key)).toEqual(['restricted-cluster-security-group']);
      expect(r.primarySource).toMatchObject({ url: `${SG_URL}#security-group-restricting-cluster-traffic`, date: '2024-12-18', sectionTitle: 'Restricting cluster traffic' });
    }
    expect(section.requirements[0].peer.howToFill).toContain('clusterSecurityGroupCidrs');
  });

  test('the region table: every region of the aws, aws-us-gov and aws-cn partitions from the botocore data, each with its add-on account', () => {
    expect(EKS_COMMERCIAL_REGIONS).toHaveLength(34);
    expect(EKS_REGIONS).toHaveLength(38);
    expect(EKS_REGIONS).toEqual([...AWS_PARTITIONS.flatMap((p) => p.regions)].sort());
    expect(EKS_REGION_TABLE.filter((r) => !/^\d{12}$/.test(r.addonRegistryAccountId))).toEqual([]);
    expect(EKS_ADDON_REGISTRY_ACCOUNTS['us-east-1']).toBe('602401143452');
    expect(EKS_ADDON_REGISTRY_ACCOUNTS['af-south-1']).toBe('877085696533');
    expect(EKS_ADDON_REGISTRY_ACCOUNTS['ap-south-2']).toBe('900889452093');
    expect(eksRegion('ap-southeast-5')).toEqual({
      name: 'ap-southeast-5',
      partition: 'aws',
      addonRegistryAccountId: '151610086707',
      addonRegistrySource: EksAddonRegistrySource.EKS_AMI_GET_ECR_URI,
    });
    expect(eksRegion('us-gov-west-1')).toMatchObject({ partition: 'aws-us-gov', addonRegistryAccountId: '013241004608' });
    expect(eksRegion('us-gov-east-1')).toMatchObject({ partition: 'aws-us-gov', addonRegistryAccountId: '151742754352' });
    expect(eksRegion('cn-north-1')).toMatchObject({ partition: 'aws-cn', addonRegistryAccountId: '918309763551' });
    expect(eksRegion('cn-northwest-1')).toMatchObject({ partition: 'aws-cn', addonRegistryAccountId: '961992271922' });
    // Every region has an EKS endpoint in the endpoint data.
    expect(EKS_REGIONS.filter((r) => AWS_ENDPOINTS.eks[r] === undefined)).toEqual([]);
  });

  test('the partitions and their DNS suffixes', () => {
    expect(AWS_PARTITIONS.map((p) => [p.id, p.dnsSuffix, p.dualStackDnsSuffix, p.regions.length])).toEqual([
      ['aws', 'amazonaws.com', 'api.aws', 34],
      ['aws-us-gov', 'amazonaws.com', 'api.aws', 2],
      ['aws-cn', 'amazonaws.com.cn', 'api.amazonwebservices.com.cn', 2],
    ]);
    expect(awsPartitionOf('us-gov-south-9')?.id).toBe('aws-us-gov');
    expect(awsPartitionOf('cn-south-9')?.id).toBe('aws-cn');
    expect(awsPartitionOf('eusc-de-east-1')).toBeUndefined();
  });
});

describe('eksNodesProfile', () => {
  test('defaults: ECR API, layer bucket, add-on registry, EKS, EC2 (every node) and regional STS (IRSA)', () => {
    const set = eksNodesProfile({ region: 'eu-west-1' });
    expect(flows(set)).toEqual([
      'egress https 443 602401143452.dkr.ecr.eu-west-1.amazonaws.com addon-image-registries required',
      'egress https 443 api.ecr.eu-west-1.amazonaws.com pod-requirements required',
      'egress https 443 ec2.eu-west-1.amazonaws.com vpc-cni-ec2 required',
      'egress https 443 eks.eu-west-1.amazonaws.com pod-requirements required',
      'egress https 443 prod-eu-west-1-starport-layer-bucket.s3.eu-west-1.amazonaws.com pod-requirements required',
      'egress https 443 sts.eu-west-1.amazonaws.com pod-requirements conditional',
    ]);
    expect(set.unresolvedPlaceholders).toEqual([]);
    expect(byPeer(set, '602401143452.dkr.ecr.eu-west-1.amazonaws.com')[0].metadata.vpcEndpoint).toBe('com.amazonaws.eu-west-1.ecr.dkr');
  });

  test('the add-on registry account follows the region; ap-east-2 records the table divergence', () => {
    expect(byPeer(eksNodesProfile({ region: 'af-south-1' }), '877085696533.dkr.ecr.af-south-1.amazonaws.com')).toHaveLength(1);
    const [row] = byPeer(eksNodesProfile({ region: 'ap-east-2' }), '533267051163.dkr.ecr.ap-east-2.amazonaws.com');
    expect(row.metadata.note).toContain('ap-east-1');
  });

  test('each feature adds its rows; the Cluster Autoscaler also needs STS without IRSA', () => {
    const base = new Set(eksNodesProfile({ region: 'us-east-1', irsa: false, eksOptimizedAmi: false }).requirements.map((r) => r.peer.value));
    const added = (feature: EksFeature) =>
      eksNodesProfile({ region: 'us-east-1', irsa: false, eksOptimizedAmi: false, features: [feature] })
        .requirements.map((r) => r.peer.value)
        .filter((p) => !base.has(p));
    expect(base.has('sts.us-east-1.amazonaws.com')).toBe(false);
    // EC2 stays without the EKS-optimized AMI: the VPC CNI calls it on every node.
    expect(base.has('ec2.us-east-1.amazonaws.com')).toBe(true);
    expect(added(EksFeature.POD_IDENTITY)).toEqual(['eks-auth.us-east-1.api.aws']);
    expect(added(EksFeature.CLUSTER_AUTOSCALER)).toEqual(['autoscaling.us-east-1.amazonaws.com', 'sts.us-east-1.amazonaws.com']);
    expect(added(EksFeature.LOAD_BALANCER_CONTROLLER)).toEqual(['elasticloadbalancing.us-east-1.amazonaws.com']);
    expect(added(EksFeature.CLOUDWATCH_LOGS)).toEqual(['logs.us-east-1.amazonaws.com']);
    expect(added(EksFeature.SSM)).toEqual(['ssm.us-east-1.amazonaws.com', 'ssmmessages.us-east-1.amazonaws.com']);
    expect(added(EksFeature.XRAY)).toEqual(['xray.us-east-1.amazonaws.com']);
    expect(added(EksFeature.OIDC_DISCOVERY)).toEqual(['oidc.eks.us-east-1.amazonaws.com']);
  });

  test('STS for IRSA and the Cluster Autoscaler is one requirement with both conditions and purposes', () => {
    const set = eksNodesProfile({ region: 'us-east-1', features: [EksFeature.CLUSTER_AUTOSCALER] });
    const [sts] = byPeer(set, 'sts.us-east-1.amazonaws.com');
    expect(sts.necessity.conditions.map((c) => c.key)).toEqual(['cluster-autoscaler', 'irsa']);
    expect(sts.purposes).toHaveLength(2);
    expect(set.requirements.filter((r) => r.peer.value.startsWith('sts.'))).toHaveLength(1);
  });

  test('your ECR registries: one row per account, sorted and deduplicated', () => {
    const set = eksNodesProfile({ region: 'eu-west-1', ecrAccountIds: ['210987654321', '123456789012', '210987654321'] });
    const registries = set.requirements.filter((r) => r.primarySource.section === 'pod-requirements' && r.peer.value.includes('.dkr.ecr.'));
    expect(registries.map((r) => r.peer.value)).toEqual(['123456789012.dkr.ecr.eu-west-1.amazonaws.com', '210987654321.dkr.ecr.eu-west-1.amazonaws.com']);
  });

  test('the cluster endpoint host, from a URL', () => {
    const set = eksNodesProfile({ region: 'eu-west-1', clusterEndpoint: 'https://0123456789ABCDEF0123456789ABCDEF.gr7.eu-west-1.eks.amazonaws.com' });
    const [row] = byPeer(set, '0123456789abcdef0123456789abcdef.gr7.eu-west-1.eks.amazonaws.com');
    expect(toRecord(row)).toMatchObject({ protocol: 'https', ports: ['443'], source: 'eks/node-requirements', necessity: 'required' });
  });

  test('restricted cluster security group: placeholders resolve to the given CIDRs', () => {
    const set = eksNodesProfile({ region: 'eu-west-1', clusterSecurityGroupCidrs: ['10.0.0.0/24', '10.0.1.0/24'], nodeSubnetCidrs: ['10.0.16.0/20', '2001:db8::/56'] });
    const restricted = set.requirements.filter((r) => r.primarySource.section === 'restricting-cluster-traffic');
    expect(restricted.map((r) => `${r.protocol} ${r.portsText || '-'} ${r.peer.value}`).sort()).toEqual(
      [
        'tcp 443 10.0.0.0/24',
        'tcp 443 10.0.1.0/24',
        'tcp 10250 10.0.0.0/24',
        'tcp 10250 10.0.1.0/24',
        'tcp 53 10.0.0.0/24',
        'tcp 53 10.0.1.0/24',
        'udp 53 10.0.0.0/24',
        'udp 53 10.0.1.0/24',
        'any - 10.0.16.0/20',
        'any - 2001:db8::/56',
      ].sort(),
    );
    expect(restricted.every((r) => r.peer.kind === PeerKind.CIDR && r.necessity.kind === NecessityKind.CONDITIONAL)).toBe(true);
  });

  test('allowUnlistedRegion with the add-on registry account', () => {
    const set = eksNodesProfile({ region: 'eu-west-4', allowUnlistedRegion: true, addonRegistryAccountId: '602401143452' });
    expect(set.requirements.map((r) => r.peer.value)).toContain('api.ecr.eu-west-4.amazonaws.com');
  });

  test('is deterministic and cached per option set', () => {
    expect(eksNodesProfile({ region: 'eu-west-1', features: [EksFeature.SSM, EksFeature.XRAY] })).toBe(
      eksNodesProfile({ region: 'eu-west-1', features: [EksFeature.XRAY, EksFeature.SSM] }),
    );
  });

  describe('rejections', () => {
    test('missing or unknown region, with did-you-mean and the opt-in', () => {
      expect(bad({})).toThrow('Missing required option region');
      expect(bad({ region: 'eu-west-9' })).toThrow('Unknown AWS Region "eu-west-9" (from profile eks option region). Did you mean "eu-west-1"?');
      expect(bad({ region: 'eu-west-9' })).toThrow('set allowUnlistedRegion (CLI --allow-unlisted-region) and addonRegistryAccountId');
      expect(bad({ region: 'westeurope', allowUnlistedRegion: true })).toThrow('An AWS Region name looks like eu-west-1.');
      expect(bad({ region: 42 })).toThrow('Invalid region (number, expected a string) "42" (from profile eks option region). Give the AWS Region name as a string, e.g. eu-west-1.');
    });

    test('regions of partitions the catalog does not transcribe', () => {
      expect(bad({ region: 'eusc-de-east-1' })).toThrow('eusc-de-east-1 is in aws-eusc (European Sovereign Cloud; endpoints end in amazonaws.eu)');
      expect(bad({ region: 'us-iso-east-1' })).toThrow('is in an isolated partition');
      expect(bad({ region: 'us-isob-east-1', allowUnlistedRegion: true, addonRegistryAccountId: '602401143452' })).toThrow(FirewallRequirementsError);
    });

    test('an unlisted region without the add-on registry account', () => {
      expect(bad({ region: 'eu-west-4', allowUnlistedRegion: true })).toThrow('Missing required option addonRegistryAccountId');
    });

    test('bad account ids', () => {
      expect(bad({ region: 'eu-west-1', ecrAccountIds: ['12345'] })).toThrow(
        'Invalid AWS account id "12345" (from profile eks option ecrAccountIds[0]). An AWS account id is 12 digits',
      );
      expect(bad({ region: 'eu-west-1', addonRegistryAccountId: '60240114345x' })).toThrow('option addonRegistryAccountId');
      expect(bad({ region: 'eu-west-1', ecrAccountIds: [123456789012] })).toThrow('Invalid ecrAccountIds (number, expected a string) "123456789012" (from profile eks option ecrAccountIds[0]). Every entry of ecrAccountIds is a string.');
    });

    test('strings where arrays are expected', () => {
      expect(bad({ region: 'eu-west-1', ecrAccountIds: '123456789012' })).toThrow('Invalid ecrAccountIds (string, expected an array) "123456789012" (from profile eks option ecrAccountIds). Give ecrAccountIds as an array, e.g. ["123456789012"].');
      expect(bad({ region: 'eu-west-1', features: 'ssm' })).toThrow('Invalid features (string, expected an array) "ssm" (from profile eks option features). Give features as an array, e.g. ["ssm"].');
      expect(bad({ region: 'eu-west-1', nodeSubnetCidrs: '10.0.0.0/16' })).toThrow('Invalid nodeSubnetCidrs (string, expected an array) "10.0.0.0/16" (from profile eks option nodeSubnetCidrs). Give nodeSubnetCidrs as an array, e.g. ["10.0.0.0/16"].');
    });

    test('unknown features, with did-you-mean', () => {
      expect(bad({ region: 'eu-west-1', features: ['xrya'] })).toThrow(
        `Unknown EKS feature "xrya" (from profile eks option features[0]). Did you mean "xray"? Valid values: ${EKS_FEATURES.join(', ')}.`,
      );
    });

    test('non-boolean flags, NaN included', () => {
      expect(bad({ region: 'eu-west-1', irsa: 'yes' })).toThrow('Invalid irsa (string, expected true or false) "yes" (from profile eks option irsa). Give irsa: true or irsa: false (a boolean, not a string or number).');
      expect(bad({ region: 'eu-west-1', eksOptimizedAmi: NaN })).toThrow('Invalid eksOptimizedAmi (number, expected true or false) "NaN" (from profile eks option eksOptimizedAmi).');
    });

    test('the public endpoint only, without its host', () => {
      expect(bad({ region: 'eu-west-1', endpointPrivateAccess: false })).toThrow(
        'Missing required option clusterEndpoint: without endpoint private access the nodes reach the API server through its public endpoint',
      );
    });

    test('a cluster endpoint that is not an EKS endpoint of the region', () => {
      expect(bad({ region: 'eu-west-1', clusterEndpoint: 'https://abc.gr7.us-east-1.eks.amazonaws.com' })).toThrow(
        'Invalid cluster endpoint "https://abc.gr7.us-east-1.eks.amazonaws.com" (from profile eks option clusterEndpoint). Give the endpoint of a cluster in eu-west-1',
      );
      expect(bad({ region: 'eu-west-1', clusterEndpoint: 'http://example.com' })).toThrow('Invalid cluster endpoint');
      expect(bad({ region: 'eu-west-1', clusterEndpoint: 7 })).toThrow('Invalid clusterEndpoint (number, expected a string) "7" (from profile eks option clusterEndpoint).');
    });

    test('conflicting and incomplete security group options', () => {
      expect(bad({ region: 'eu-west-1', restrictClusterSecurityGroup: false, clusterSecurityGroupCidrs: ['10.0.0.0/24'] })).toThrow(
        'Conflicting options restrictClusterSecurityGroup=false and clusterSecurityGroupCidrs/nodeSubnetCidrs (from profile eks option restrictClusterSecurityGroup)',
      );
      expect(bad({ region: 'eu-west-1', restrictClusterSecurityGroup: true })).toThrow('Missing required option clusterSecurityGroupCidrs');
      expect(bad({ region: 'eu-west-1', clusterSecurityGroupCidrs: ['10.0.0.0/24'] })).toThrow('Missing required option nodeSubnetCidrs');
      expect(bad({ region: 'eu-west-1', clusterSecurityGroupCidrs: ['10.0.0.1/24'], nodeSubnetCidrs: ['10.0.16.0/20'] })).toThrow(
        'from profile eks option clusterSecurityGroupCidrs[0]',
      );
    });

    test('every rejection is a FirewallRequirementsError, never a TypeError', () => {
      for (const input of [null, undefined, 'eu-west-1', { region: null }, { region: 'eu-west-1', features: [null] }, { region: 'eu-west-1', ecrAccountIds: {} }]) {
        expect(() => eksNodesProfile(input as unknown as EksNodesProfileOptions)).toThrow(FirewallRequirementsError);
      }
    });
  });
});

describe('EKS_PROFILE', () => {
  test('is registered and describes every option', () => {
    expect(PROFILES.map((p) => p.name)).toContain('eks');
    expect(EKS_PROFILE.options.map((o) => [o.name, o.flag, o.type])).toEqual([
      ['region', 'region', OptionType.STRING],
      ['allowUnlistedRegion', 'allow-unlisted-region', OptionType.BOOLEAN],
      ['addonRegistryAccountId', 'addon-registry-account-id', OptionType.STRING],
      ['ecrAccountIds', 'ecr-account-ids', OptionType.STRING_LIST],
      ['eksOptimizedAmi', 'eks-optimized-ami', OptionType.BOOLEAN],
      ['irsa', 'irsa', OptionType.BOOLEAN],
      ['features', 'features', OptionType.CHOICE_LIST],
      ['ssmEc2Messages', 'ssm-ec2-messages', OptionType.BOOLEAN],
      ['fips', 'fips', OptionType.BOOLEAN],
      ['dualStack', 'dual-stack', OptionType.BOOLEAN],
      ['clusterEndpoint', 'cluster-endpoint', OptionType.STRING],
      ['endpointPrivateAccess', 'endpoint-private-access', OptionType.BOOLEAN],
      ['restrictClusterSecurityGroup', 'restrict-cluster-security-group', OptionType.BOOLEAN],
      ['clusterSecurityGroupCidrs', 'cluster-security-group-cidrs', OptionType.CIDR_LIST],
      ['nodeSubnetCidrs', 'node-subnet-cidrs', OptionType.CIDR_LIST],
    ]);
  });

  test('builds from parsed flags: all features, comma lists, boolean text', () => {
    const set = EKS_PROFILE.build({ region: 'eu-west-1', features: ['all'], ecrAccountIds: '123456789012,210987654321', irsa: 'false' });
    expect(set.requirements.map((r) => r.peer.value)).toEqual(expect.arrayContaining(['eks-auth.eu-west-1.api.aws', '210987654321.dkr.ecr.eu-west-1.amazonaws.com']));
  });

  test('rejects unknown options and bad values', () => {
    expect(() => EKS_PROFILE.build({ region: 'eu-west-1', regoin: 'x' })).toThrow('Unknown EKS profile option "regoin"');
    expect(() => EKS_PROFILE.build({ region: ['eu-west-1'] })).toThrow('Invalid --region "eu-west-1" (from profile eks option region). --region takes one value.');
    expect(() => EKS_PROFILE.build({ region: 'eu-west-1', irsa: 'maybe' })).toThrow('irsa is true or false');
    expect(() => EKS_PROFILE.build({ region: 'eu-west-1', features: 5 })).toThrow('features takes values separated by commas');
  });
});

describe('eksNodesProfile: regions, partitions and endpoint variants', () => {
  const peers = (o: EksNodesProfileOptions) => eksNodesProfile(o).requirements.map((r) => r.peer.value).sort();

  test('ap-southeast-5: its add-on registry account, cited from get-ecr-uri.sh', () => {
    const set = eksNodesProfile({ region: 'ap-southeast-5' });
    const [row] = byPeer(set, '151610086707.dkr.ecr.ap-southeast-5.amazonaws.com');
    expect(row.primarySource).toMatchObject({
      catalog: 'eks',
      section: 'addon-image-registries',
      url: 'https://github.com/awslabs/amazon-eks-ami/blob/09eea9e8a26a56d71cc993d396d49c0f45c9cffc/templates/al2/runtime/get-ecr-uri.sh',
      date: '2025-01-21',
    });
    expect(peers({ region: 'ap-southeast-5' })).toEqual([
      '151610086707.dkr.ecr.ap-southeast-5.amazonaws.com',
      'api.ecr.ap-southeast-5.amazonaws.com',
      'ec2.ap-southeast-5.amazonaws.com',
      'eks.ap-southeast-5.amazonaws.com',
      'prod-ap-southeast-5-starport-layer-bucket.s3.ap-southeast-5.amazonaws.com',
      'sts.ap-southeast-5.amazonaws.com',
    ]);
  });

  test('EC2 cites the private-clusters table and the VPC CNI policy', () => {
    const [ec2] = byPeer(eksNodesProfile({ region: 'eu-west-1', eksOptimizedAmi: false }), 'ec2.eu-west-1.amazonaws.com');
    expect(ec2.necessity.kind).toBe(NecessityKind.REQUIRED);
    expect(ec2.primarySource).toMatchObject({
      section: 'vpc-cni-ec2',
      url: 'https://github.com/aws/amazon-vpc-cni-k8s/blob/3ecdfeb5c84d8725af1d69e7fa78ac5dc771e5a6/docs/iam-policy.md',
    });
    expect(ec2.metadata.note).toContain('ec2:AssignPrivateIpAddresses');
    expect(ec2.metadata.vpcEndpoint).toBe('com.amazonaws.eu-west-1.ec2');
  });

  test('Session Manager: ssm brings ssmmessages; ssmEc2Messages adds ec2messages for agents older than 3.3.40.0', () => {
    const withSsm = eksNodesProfile({ region: 'eu-west-1', features: [EksFeature.SSM] });
    const [channel] = byPeer(withSsm, 'ssmmessages.eu-west-1.amazonaws.com');
    expect(toRecord(channel)).toMatchObject({ protocol: 'https', ports: ['443'], source: 'eks/session-manager-endpoints', necessity: 'conditional' });
    expect(channel.primarySource.url).toBe(
      'https://github.com/awsdocs/aws-systems-manager-user-guide/blob/37a6ea534fde7ba7dbee06b7abd387b1d3fa5407/doc_source/session-manager-getting-started-privatelink.md',
    );
    expect(channel.metadata.vpcEndpoint).toBe('com.amazonaws.eu-west-1.ssmmessages');
    expect(byPeer(withSsm, 'ec2messages.eu-west-1.amazonaws.com')).toEqual([]);

    const older = eksNodesProfile({ region: 'eu-west-1', features: [EksFeature.SSM], ssmEc2Messages: true });
    const added = older.requirements.filter((r) => !withSsm.requirements.some((q) => q.peer.value === r.peer.value));
    expect(added.map((r) => [r.peer.value, r.primarySource.section, r.primarySource.date])).toEqual([
      ['ec2messages.eu-west-1.amazonaws.com', 'ssm-agent-3-3-40-0', '2024-02-07'],
    ]);
    expect(added[0].metadata.vpcEndpoint).toBe('com.amazonaws.eu-west-1.ec2messages');
  });

  test('AWS GovCloud: its regions, add-on accounts and endpoint names', () => {
    expect(peers({ region: 'us-gov-west-1', features: [EksFeature.POD_IDENTITY] })).toEqual([
      '013241004608.dkr.ecr.us-gov-west-1.amazonaws.com',
      'api.ecr.us-gov-west-1.amazonaws.com',
      'ec2.us-gov-west-1.amazonaws.com',
      'eks-auth.us-gov-west-1.api.aws',
      'eks.us-gov-west-1.amazonaws.com',
      'prod-us-gov-west-1-starport-layer-bucket.s3.us-gov-west-1.amazonaws.com',
      'sts.us-gov-west-1.amazonaws.com',
    ]);
  });

  test('China: amazonaws.com.cn names, its add-on accounts, its dual-stack suffix, the cluster endpoint in .com.cn', () => {
    const set = eksNodesProfile({
      region: 'cn-north-1',
      features: [EksFeature.POD_IDENTITY, EksFeature.OIDC_DISCOVERY],
      ecrAccountIds: ['123456789012'],
      clusterEndpoint: 'https://0123456789ABCDEF0123456789ABCDEF.yl4.cn-north-1.eks.amazonaws.com.cn',
    });
    expect(set.requirements.map((r) => r.peer.value).sort()).toEqual([
      '0123456789abcdef0123456789abcdef.yl4.cn-north-1.eks.amazonaws.com.cn',
      '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn',
      '918309763551.dkr.ecr.cn-north-1.amazonaws.com.cn',
      'api.ecr.cn-north-1.amazonaws.com.cn',
      'ec2.cn-north-1.amazonaws.com.cn',
      'eks-auth.cn-north-1.api.amazonwebservices.com.cn',
      'eks.cn-north-1.amazonaws.com.cn',
      'oidc.eks.cn-north-1.amazonaws.com.cn',
      'prod-cn-north-1-starport-layer-bucket.s3.cn-north-1.amazonaws.com.cn',
      'sts.cn-north-1.amazonaws.com.cn',
    ]);
    expect(byPeer(set, 'oidc.eks.cn-north-1.amazonaws.com.cn')[0].metadata.note).toContain('not checked against a document');
    expect(byPeer(set, 'api.ecr.cn-north-1.amazonaws.com.cn')[0].metadata.vpcEndpoint).toContain('describe-vpc-endpoint-services');
    expect(byPeer(eksNodesProfile({ region: 'cn-northwest-1' }), '961992271922.dkr.ecr.cn-northwest-1.amazonaws.com.cn')).toHaveLength(1);
    expect(peers({ region: 'cn-north-1', dualStack: true })).toEqual(
      expect.arrayContaining(['ecr.cn-north-1.api.amazonwebservices.com.cn', 'eks.cn-north-1.api.amazonwebservices.com.cn']),
    );
    expect(bad({ region: 'cn-north-1', clusterEndpoint: 'https://abc.yl4.cn-north-1.eks.amazonaws.com' })).toThrow('Give the endpoint of a cluster in cn-north-1');
  });

  test('FIPS in us-east-1: each service its FIPS name, from the endpoint data; services without FIPS names keep theirs', () => {
    const fips = eksNodesProfile({ region: 'us-east-1', fips: true, ecrAccountIds: ['123456789012'], features: [...EKS_FEATURES] });
    expect(fips.requirements.map((r) => `${r.peer.value} ${r.primarySource.section}`).sort()).toEqual([
      '123456789012.dkr.ecr-fips.us-east-1.amazonaws.com fips-endpoints',
      '602401143452.dkr.ecr-fips.us-east-1.amazonaws.com addon-image-registries-fips',
      'autoscaling-fips.us-east-1.amazonaws.com fips-endpoints',
      'ec2-fips.us-east-1.amazonaws.com fips-endpoints',
      'ecr-fips.us-east-1.amazonaws.com fips-endpoints',
      'eks-auth.us-east-1.api.aws pod-requirements',
      'elasticloadbalancing-fips.us-east-1.amazonaws.com fips-endpoints',
      'fips.eks.us-east-1.amazonaws.com fips-endpoints',
      'logs-fips.us-east-1.amazonaws.com fips-endpoints',
      'oidc.eks.us-east-1.amazonaws.com oidc-issuer',
      'prod-us-east-1-starport-layer-bucket.s3.us-east-1.amazonaws.com pod-requirements',
      'ssm-fips.us-east-1.amazonaws.com fips-endpoints',
      'ssmmessages.us-east-1.amazonaws.com session-manager-endpoints',
      'sts-fips.us-east-1.amazonaws.com fips-endpoints',
      'xray-fips.us-east-1.amazonaws.com fips-endpoints',
    ]);
    const [ecrFips] = byPeer(fips, 'ecr-fips.us-east-1.amazonaws.com');
    expect(ecrFips.primarySource).toMatchObject({
      title: 'botocore endpoint data (boto/botocore botocore/data/endpoints.json and partitions.json)',
      url: 'https://github.com/boto/botocore/blob/0e6e2404b85dc336dd2889814e089bde7d1a4c55/botocore/data/endpoints.json',
      date: '2026-08-07',
    });
    expect(byPeer(fips, 'eks-auth.us-east-1.api.aws')[0].metadata.note).toContain('no FIPS endpoint of Amazon EKS Auth');
    // No standard name of a service with a FIPS name remains.
    expect(fips.requirements.some((r) => r.peer.value === 'ec2.us-east-1.amazonaws.com' || r.peer.value === 'sts.us-east-1.amazonaws.com')).toBe(false);
  });

  test('FIPS in GovCloud: the standard names are the FIPS endpoints (ECR has its own)', () => {
    expect(peers({ region: 'us-gov-east-1', fips: true })).toEqual([
      '151742754352.dkr.ecr-fips.us-gov-east-1.amazonaws.com',
      'ec2.us-gov-east-1.amazonaws.com',
      'ecr-fips.us-gov-east-1.amazonaws.com',
      'eks.us-gov-east-1.amazonaws.com',
      'prod-us-gov-east-1-starport-layer-bucket.s3.us-gov-east-1.amazonaws.com',
      'sts.us-gov-east-1.amazonaws.com',
    ]);
  });

  test('dual-stack in us-west-2: the api.aws names beside the IPv4 ones', () => {
    const base = new Set(peers({ region: 'us-west-2', ecrAccountIds: ['123456789012'], features: [...EKS_FEATURES] }));
    const set = eksNodesProfile({ region: 'us-west-2', dualStack: true, ecrAccountIds: ['123456789012'], features: [...EKS_FEATURES] });
    const added = set.requirements.filter((r) => !base.has(r.peer.value));
    expect(added.map((r) => `${r.peer.value} ${r.primarySource.section}`).sort()).toEqual([
      '123456789012.dkr-ecr.us-west-2.on.aws dual-stack-endpoints',
      '602401143452.dkr-ecr.us-west-2.on.aws dual-stack-endpoints',
      'ec2.us-west-2.api.aws dual-stack-endpoints',
      'ecr.us-west-2.api.aws dual-stack-endpoints',
      'eks.us-west-2.api.aws dual-stack-endpoints',
      'logs.us-west-2.api.aws dual-stack-endpoints',
      'oidc-eks.us-west-2.api.aws oidc-issuer',
    ]);
    expect(set.requirements.filter((r) => base.has(r.peer.value))).toHaveLength(base.size);
    expect(byPeer(set, 'sts.us-west-2.amazonaws.com')[0].metadata.note).toContain('No dual-stack name of AWS STS is published for us-west-2');
    for (const r of added) expect(toRecord(r)).toMatchObject({ protocol: 'https', ports: ['443'] });
  });

  test('dual-stack where EC2 has no dual-stack name (ap-southeast-5): EC2 stays IPv4, with a note', () => {
    const set = eksNodesProfile({ region: 'ap-southeast-5', dualStack: true });
    expect(set.requirements.map((r) => r.peer.value)).toEqual(expect.arrayContaining(['ecr.ap-southeast-5.api.aws', 'eks.ap-southeast-5.api.aws']));
    expect(set.requirements.some((r) => r.peer.value === 'ec2.ap-southeast-5.api.aws')).toBe(false);
    expect(byPeer(set, 'ec2.ap-southeast-5.amazonaws.com')[0].metadata.note).toContain('No dual-stack name of Amazon EC2 is published for ap-southeast-5');
  });

  test('FIPS and dual-stack together: the FIPS dual-stack names where published', () => {
    const set = eksNodesProfile({ region: 'us-east-1', fips: true, dualStack: true });
    expect(set.requirements.map((r) => r.peer.value)).toEqual(expect.arrayContaining(['ecr-fips.us-east-1.api.aws', '602401143452.dkr-ecr-fips.us-east-1.on.aws']));
    expect(set.requirements.some((r) => r.peer.value === 'ecr.us-east-1.api.aws' || r.peer.value === 'eks.us-east-1.api.aws')).toBe(false);
  });

  test('the CLI flags: --fips, --dual-stack, --ssm-ec2-messages', () => {
    const set = EKS_PROFILE.build({ region: 'us-east-2', fips: 'true', dualStack: 'true', features: ['ssm'], ssmEc2Messages: 'true' });
    expect(set.requirements.map((r) => r.peer.value)).toEqual(expect.arrayContaining(['ssm-fips.us-east-2.amazonaws.com', 'ec2messages.us-east-2.amazonaws.com', 'ecr-fips.us-east-2.api.aws']));
  });

  describe('rejections', () => {
    test('FIPS in a region without a FIPS endpoint names the region, the service and where it exists', () => {
      expect(bad({ region: 'eu-west-1', fips: true })).toThrow(
        'AWS publishes no FIPS endpoint of Amazon ECR (api.ecr) in eu-west-1: botocore endpoints.json gives one only in us-east-1, us-east-2, us-west-1, us-west-2.',
      );
      expect(bad({ region: 'eu-west-1', fips: true })).toThrow('set fips to false (CLI --no-fips) to use the standard endpoint api.ecr.eu-west-1.amazonaws.com');
      expect(bad({ region: 'cn-north-1', fips: true })).toThrow('The endpoint data has no FIPS endpoint in the aws-cn partition (cn-north-1)');
      expect(bad({ region: 'ca-central-1', fips: true })).toThrow('Amazon ECR (api.ecr) in ca-central-1');
      expect(bad({ region: 'eu-west-1', fips: true })).toThrow(FirewallRequirementsError);
    });

    test('ssmEc2Messages without the ssm feature', () => {
      expect(bad({ region: 'eu-west-1', ssmEc2Messages: true })).toThrow('Option ssmEc2Messages needs the ssm feature (from profile eks option ssmEc2Messages)');
    });

    test('non-boolean fips, dualStack and ssmEc2Messages', () => {
      expect(bad({ region: 'eu-west-1', fips: 'yes' })).toThrow('Invalid fips (string, expected true or false) "yes" (from profile eks option fips).');
      expect(bad({ region: 'eu-west-1', dualStack: 1 })).toThrow('Invalid dualStack (number, expected true or false) "1" (from profile eks option dualStack).');
      expect(bad({ region: 'eu-west-1', features: ['ssm'], ssmEc2Messages: 'no' })).toThrow('Invalid ssmEc2Messages (string, expected true or false) "no" (from profile eks option ssmEc2Messages).');
    });
  });
});

describe('the CLI lists the EKS profile', () => {
  test('list eks --region ap-southeast-5 (with FIPS refused there, dual-stack accepted)', () => {
    const { code, stdout, stderr } = runCli('list', 'eks', '--region', 'ap-southeast-5', '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const records = JSON.parse(stdout) as Array<{ peer: { value: string } }>;
    expect(records.map((r) => r.peer.value)).toEqual(
      expect.arrayContaining(['151610086707.dkr.ecr.ap-southeast-5.amazonaws.com', 'ec2.ap-southeast-5.amazonaws.com', 'eks.ap-southeast-5.amazonaws.com']),
    );
    const fips = runCli('list', 'eks', '--region', 'ap-southeast-5', '--fips');
    expect(fips.code).not.toBe(0);
    expect(fips.stderr).toContain('AWS publishes no FIPS endpoint of Amazon ECR (api.ecr) in ap-southeast-5');
    const dual = runCli('list', 'eks', '--region', 'ap-southeast-5', '--dual-stack', '--format', 'csv');
    expect(dual.code).toBe(0);
    expect(dual.stdout).toContain(',ecr.ap-southeast-5.api.aws,');
  });

  test('list eks --region us-gov-west-1 and cn-northwest-1', () => {
    expect(runCli('list', 'eks', '--region', 'us-gov-west-1', '--format', 'csv').stdout).toContain(',013241004608.dkr.ecr.us-gov-west-1.amazonaws.com,');
    expect(runCli('list', 'eks', '--region', 'cn-northwest-1', '--format', 'csv').stdout).toContain(',api.ecr.cn-northwest-1.amazonaws.com.cn,');
  });
});

describe('the botocore endpoint transcription', () => {
  test('every service has every region of every partition, named in that partition\'s DNS suffixes', () => {
    for (const [service, byRegion] of Object.entries(AWS_ENDPOINTS)) {
      for (const p of AWS_PARTITIONS) {
        for (const region of p.regions) {
          const row = byRegion[region];
          expect([service, region, row !== undefined]).toEqual([service, region, true]);
          for (const host of [row.host, row.fips, row.dualStack, row.fipsDualStack].filter((h): h is string => h !== undefined)) {
            expect(host.includes(`.${region}.`)).toBe(true);
            expect(host.endsWith(`.${p.dnsSuffix}`) || host.endsWith(`.${p.dualStackDnsSuffix}`)).toBe(true);
          }
        }
      }
    }
    expect(Object.keys(AWS_ENDPOINTS).sort()).toEqual(['api.ecr', 'autoscaling', 'ec2', 'eks', 'eks-auth', 'elasticloadbalancing', 'logs', 'ssm', 'sts', 'xray']);
  });

  test('a few rows exactly as botocore lists them', () => {
    expect(AWS_ENDPOINTS['api.ecr']['us-east-1']).toEqual({
      host: 'api.ecr.us-east-1.amazonaws.com',
      fips: 'ecr-fips.us-east-1.amazonaws.com',
      dualStack: 'ecr.us-east-1.api.aws',
      fipsDualStack: 'ecr-fips.us-east-1.api.aws',
    });
    expect(AWS_ENDPOINTS.eks['us-west-2']).toEqual({ host: 'eks.us-west-2.amazonaws.com', fips: 'fips.eks.us-west-2.amazonaws.com' });
    expect(AWS_ENDPOINTS.ec2['ca-west-1']).toEqual({ host: 'ec2.ca-west-1.amazonaws.com', fips: 'ec2-fips.ca-west-1.amazonaws.com' });
    expect(AWS_ENDPOINTS['eks-auth']['cn-north-1']).toEqual({ host: 'eks-auth.cn-north-1.api.amazonwebservices.com.cn' });
    expect(AWS_ENDPOINTS.logs['cn-northwest-1']).toEqual({ host: 'logs.cn-northwest-1.amazonaws.com.cn', dualStack: 'logs.cn-northwest-1.api.amazonwebservices.com.cn' });
    expect(AWS_ENDPOINTS.sts['us-gov-west-1']).toEqual({ host: 'sts.us-gov-west-1.amazonaws.com', fips: 'sts.us-gov-west-1.amazonaws.com' });
  });
});
