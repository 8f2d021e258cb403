import {
  EKS_ADDON_REGISTRY_ACCOUNTS,
  EKS_FEATURES,
  EKS_PROFILE,
  EKS_REGIONS,
  EksFeature,
  eksNodesProfile,
  EksNodesProfileOptions,
  eksPodRequirements,
  eksRestrictedClusterTraffic,
} from '../../lib/catalog/eks';
import { PROFILES } from '../../lib/catalog';
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
      ['ec2.eu-west-1.amazonaws.com', 'conditional', 'com.amazonaws.eu-west-1.ec2', 'interface'],
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

  test('regions are the commercial rows of the add-on registry table', () => {
    expect(EKS_REGIONS).toHaveLength(33);
    expect(EKS_ADDON_REGISTRY_ACCOUNTS['us-east-1']).toBe('602401143452');
    expect(EKS_ADDON_REGISTRY_ACCOUNTS['af-south-1']).toBe('877085696533');
    expect(EKS_ADDON_REGISTRY_ACCOUNTS['ap-south-2']).toBe('900889452093');
    expect(EKS_REGIONS.some((r) => r.startsWith('cn-') || r.startsWith('us-gov-'))).toBe(false);
  });
});

describe('eksNodesProfile', () => {
  test('defaults: ECR API, layer bucket, add-on registry, EKS, EC2 (optimized AMI) and regional STS (IRSA)', () => {
    const set = eksNodesProfile({ region: 'eu-west-1' });
    expect(flows(set)).toEqual([
      'egress https 443 602401143452.dkr.ecr.eu-west-1.amazonaws.com addon-image-registries required',
      'egress https 443 api.ecr.eu-west-1.amazonaws.com pod-requirements required',
      'egress https 443 ec2.eu-west-1.amazonaws.com pod-requirements conditional',
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
    expect(base.has('ec2.us-east-1.amazonaws.com')).toBe(false);
    expect(added(EksFeature.POD_IDENTITY)).toEqual(['eks-auth.us-east-1.api.aws']);
    expect(added(EksFeature.CLUSTER_AUTOSCALER)).toEqual(['autoscaling.us-east-1.amazonaws.com', 'sts.us-east-1.amazonaws.com']);
    expect(added(EksFeature.LOAD_BALANCER_CONTROLLER)).toEqual(['elasticloadbalancing.us-east-1.amazonaws.com']);
    expect(added(EksFeature.CLOUDWATCH_LOGS)).toEqual(['logs.us-east-1.amazonaws.com']);
    expect(added(EksFeature.SSM)).toEqual(['ssm.us-east-1.amazonaws.com']);
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
      expect(bad({ region: 42 })).toThrow('Invalid region "42" (from profile eks option region)');
    });

    test('regions of other partitions', () => {
      expect(bad({ region: 'cn-north-1' })).toThrow('cn-north-1 is in the aws-cn (endpoints end in amazonaws.com.cn) partition');
      expect(bad({ region: 'us-gov-west-1' })).toThrow(FirewallRequirementsError);
    });

    test('an unlisted region without the add-on registry account', () => {
      expect(bad({ region: 'eu-west-4', allowUnlistedRegion: true })).toThrow('Missing required option addonRegistryAccountId');
    });

    test('bad account ids', () => {
      expect(bad({ region: 'eu-west-1', ecrAccountIds: ['12345'] })).toThrow(
        'Invalid AWS account id "12345" (from profile eks option ecrAccountIds[0]). An AWS account id is 12 digits',
      );
      expect(bad({ region: 'eu-west-1', addonRegistryAccountId: '60240114345x' })).toThrow('option addonRegistryAccountId');
      expect(bad({ region: 'eu-west-1', ecrAccountIds: [123456789012] })).toThrow('Give ecrAccountIds as a list of strings');
    });

    test('strings where arrays are expected', () => {
      expect(bad({ region: 'eu-west-1', ecrAccountIds: '123456789012' })).toThrow('Invalid ecrAccountIds "123456789012" (from profile eks option ecrAccountIds)');
      expect(bad({ region: 'eu-west-1', features: 'ssm' })).toThrow('Give features as a list of strings');
      expect(bad({ region: 'eu-west-1', nodeSubnetCidrs: '10.0.0.0/16' })).toThrow('Give nodeSubnetCidrs as a list of strings');
    });

    test('unknown features, with did-you-mean', () => {
      expect(bad({ region: 'eu-west-1', features: ['xrya'] })).toThrow(
        `Unknown EKS feature "xrya" (from profile eks option features[0]). Did you mean "xray"? Valid values: ${EKS_FEATURES.join(', ')}.`,
      );
    });

    test('non-boolean flags, NaN included', () => {
      expect(bad({ region: 'eu-west-1', irsa: 'yes' })).toThrow('Invalid irsa "yes" (from profile eks option irsa). irsa is true or false.');
      expect(bad({ region: 'eu-west-1', eksOptimizedAmi: NaN })).toThrow('Invalid eksOptimizedAmi "NaN"');
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
      expect(bad({ region: 'eu-west-1', clusterEndpoint: 7 })).toThrow('Invalid cluster endpoint "7"');
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
      ['clusterEndpoint', 'cluster-endpoint', OptionType.STRING],
      ['endpointPrivateAccess', 'endpoint-private-access', OptionType.BOOLEAN],
      ['restrictClusterSecurityGroup', 'restrict-cluster-security-group', OptionType.BOOLEAN],
      ['clusterSecurityGroupCidrs', 'cluster-security-group-cidrs', OptionType.STRING_LIST],
      ['nodeSubnetCidrs', 'node-subnet-cidrs', OptionType.STRING_LIST],
    ]);
  });

  test('builds from parsed flags: all features, comma lists, boolean text', () => {
    const set = EKS_PROFILE.build({ region: 'eu-west-1', features: ['all'], ecrAccountIds: '123456789012,210987654321', irsa: 'false' });
    expect(set.requirements.map((r) => r.peer.value)).toEqual(expect.arrayContaining(['eks-auth.eu-west-1.api.aws', '210987654321.dkr.ecr.eu-west-1.amazonaws.com']));
  });

  test('rejects unknown options and bad values', () => {
    expect(() => EKS_PROFILE.build({ region: 'eu-west-1', regoin: 'x' })).toThrow('Unknown EKS profile option "regoin"');
    expect(() => EKS_PROFILE.build({ region: ['eu-west-1'] })).toThrow('Invalid value for region');
    expect(() => EKS_PROFILE.build({ region: 'eu-west-1', irsa: 'maybe' })).toThrow('irsa is true or false');
    expect(() => EKS_PROFILE.build({ region: 'eu-west-1', features: 5 })).toThrow('features takes values separated by commas');
  });
});
