import { PROFILES } from '../../lib/catalog';
import { AKS_OPTION_SPECS, aksProfile, AksProfileOptions } from '../../lib/catalog/aks/profile';
import { CHAINGUARD_ENFORCE_OPTION_SPECS } from '../../lib/catalog/chainguard-enforce/profile';
import { CHAINGUARD_CONTAINERS_OPTION_SPECS } from '../../lib/catalog/chainguard-containers/profile';
import { EKS_OPTION_SPECS, eksNodesProfile, EksNodesProfileOptions } from '../../lib/catalog/eks/profile';
import { GKE_OPTION_SPECS, gkeNodesProfile, GkeNodesProfileOptions } from '../../lib/catalog/gke/profile';
import { IBM_VPC_OPTION_SPECS, ibmVpcProfile, IbmVpcProfileOptions } from '../../lib/catalog/ibm-vpc/profile';
import { cliProfile, declareOptions, flagOf, fromCliValues, OptionDeclarations, readOptions } from '../../lib/catalog/options';
import { OptionType } from '../../lib/catalog/profile-definition';
import { parseListArguments } from '../../lib/cli/args';
import { profileUsage } from '../../lib/cli/profile-help';
import { checkProfileOptions } from '../../lib/export/spec';
import { FirewallRequirementsError } from '../../lib/model/errors';
import { RequirementSet } from '../../lib/model/requirement-set';

const errorOf = (fn: () => unknown): FirewallRequirementsError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof FirewallRequirementsError) return e;
    throw e;
  }
  throw new Error('did not throw');
};

const GKE_PROFILE_BUILD = (o: Record<string, unknown>) => PROFILES.find((p) => p.name === 'gke')!.build(o);
const GKE: GkeNodesProfileOptions = { region: 'europe-west1', controlPlaneCidrs: ['172.16.0.0/28'], nodeCidrs: ['10.0.0.0/20'], podCidrs: ['10.4.0.0/14'] };
const IBM: IbmVpcProfileOptions = { region: 'us-south', subnetCidrs: ['10.240.0.0/24'] };

describe('declareOptions', () => {
  test('derives kebab-case flags from the names; digits stay with their word', () => {
    expect(flagOf('apiServerPublicIp')).toBe('api-server-public-ip');
    expect(flagOf('ssmEc2Messages')).toBe('ssm-ec2-messages');
    expect(AKS_OPTION_SPECS.find((o) => o.name === 'nodesProvisionedBeforeMarch2021')!.flag).toBe('nodes-provisioned-before-march-2021');
    expect(flagOf('irsa')).toBe('irsa');
  });

  test('lists the options in declaration order, with flags and default texts', () => {
    const table = declareOptions<{ fastPath?: boolean; names?: string[]; port?: number }>({
      fastPath: { type: OptionType.BOOLEAN, defaultValue: false, description: 'Fast path.' },
      names: { type: OptionType.STRING_LIST, defaultValue: [], description: 'Names.' },
      port: { type: OptionType.INTEGER, min: 1, max: 9, flag: 'the-port', description: 'A port.' },
    });
    expect(table).toEqual([
      { name: 'fastPath', flag: 'fast-path', type: OptionType.BOOLEAN, defaultValue: false, defaultText: 'false', description: 'Fast path.' },
      { name: 'names', flag: 'names', type: OptionType.STRING_LIST, defaultValue: [], defaultText: 'none', description: 'Names.' },
      { name: 'port', flag: 'the-port', type: OptionType.INTEGER, min: 1, max: 9, description: 'A port.' },
    ]);
  });

  test('the table must name every property of the options interface, and no other (checked by the compiler)', () => {
    interface Two {
      readonly a?: boolean;
      readonly b?: string;
    }
    // @ts-expect-error b is missing
    const missing: OptionDeclarations<Two> = { a: { type: OptionType.BOOLEAN, description: 'A.' } };
    const extra: OptionDeclarations<Two> = {
      a: { type: OptionType.BOOLEAN, description: 'A.' },
      b: { type: OptionType.STRING, description: 'B.' },
      // @ts-expect-error c is not a property of Two
      c: { type: OptionType.STRING, description: 'C.' },
    };
    expect(Object.keys(missing)).toEqual(['a']);
    expect(Object.keys(extra)).toEqual(['a', 'b', 'c']);
  });

  test.each([
    ['aks', AKS_OPTION_SPECS, ['cloud', 'location', 'addons', 'addonsUsingKeyVault', 'containerRegistries', 'containerRegistryDataEndpointRegions', 'containerRegistryStorageEndpoint', 'gpu', 'windows', 'privateCluster', 'konnectivity', 'customDnsServers', 'apiServerPublicIp', 'podsAccessApiServer', 'nodesProvisionedBeforeMarch2021', 'includeRecommended', 'allowUnlistedLocation']],
    ['chainguard-enforce', CHAINGUARD_ENFORCE_OPTION_SPECS, ['mode', 'edition', 'acknowledgeRetired']],
    ['chainguard-containers', CHAINGUARD_CONTAINERS_OPTION_SPECS, ['roles', 'blobHost', 'workloadIdentity']],
    ['eks', EKS_OPTION_SPECS, ['region', 'allowUnlistedRegion', 'addonRegistryAccountId', 'ecrAccountIds', 'eksOptimizedAmi', 'irsa', 'features', 'ssmEc2Messages', 'fips', 'dualStack', 'clusterEndpoint', 'endpointPrivateAccess', 'restrictClusterSecurityGroup', 'clusterSecurityGroupCidrs', 'nodeSubnetCidrs']],
    ['gke', GKE_OPTION_SPECS, ['region', 'allowUnlistedRegion', 'googleApiAccess', 'vpcServiceControls', 'controlPlaneCidrs', 'nodeCidrs', 'podCidrs', 'serviceCidrs']],
    ['ibm-vpc', IBM_VPC_OPTION_SPECS, ['region', 'subnetCidrs', 'adminAccess', 'registryRegions', 'globalRegistry', 'privateRegistryDomains', 'masterPortRange', 'masterEndpoints', 'etcdPort', 'nodePortsFromAnywhere', 'ingressMonitoringPort', 'workerEgress', 'vpeGatewayIps', 'clusterVersion', 'podSubnetCidr', 'iamPrivateEndpointIps', 'customDnsResolvers', 'loadBalancerHealthChecks']],
  ])('profile %s: the CLI definition carries the declared table', (name, table, names) => {
    expect(table.map((o) => o.name)).toEqual(names);
    expect(PROFILES.find((p) => p.name === name)!.options).toBe(table);
  });
});

describe('unknown and misspelt options are errors in every profile, with did-you-mean', () => {
  test.each([
    ['aks', () => aksProfile({ location: 'westeurope', privateClustr: true } as unknown as AksProfileOptions), 'privateClustr', 'privateCluster'],
    ['eks', () => eksNodesProfile({ region: 'eu-west-1', irsaa: false } as unknown as EksNodesProfileOptions), 'irsaa', 'irsa'],
    // A misspelt VPC Service Controls option would otherwise leave Google API access at *.googleapis.com.
    ['gke', () => gkeNodesProfile({ ...GKE, vpcServiceControl: true } as unknown as GkeNodesProfileOptions), 'vpcServiceControl', 'vpcServiceControls'],
    ['ibm-vpc', () => ibmVpcProfile({ ...IBM, nodePortsFromAnywere: true } as unknown as IbmVpcProfileOptions), 'nodePortsFromAnywere', 'nodePortsFromAnywhere'],
  ])('%s', (name, act, typo, meant) => {
    const e = errorOf(act);
    expect(e.code).toBe('unknown-option');
    expect(e.message).toMatch(new RegExp(`^Unknown property "${typo}" \\(from profile ${name}\\)\\. Did you mean "${meant}"\\?`));
  });

  test('JSON-style keys that would be names are refused, not merged into the options', () => {
    const polluted = JSON.parse('{"region": "europe-west1", "__proto__": {"vpcServiceControls": true}}');
    expect(() => gkeNodesProfile({ ...GKE, ...polluted })).toThrow('Unknown property "__proto__" (from profile gke).');
    expect(() => GKE_PROFILE_BUILD({ ...GKE, ...polluted })).toThrow('Unknown GKE profile option "__proto__" (from profile gke).');
  });
});

describe('only own properties count', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).nodePortsFromAnywhere;
    delete (Object.prototype as Record<string, unknown>).vpcServiceControls;
  });

  test('an opt-in inherited through a polluted Object.prototype has no effect', () => {
    (Object.prototype as Record<string, unknown>).nodePortsFromAnywhere = true;
    expect(() => ibmVpcProfile({ region: 'us-south', subnetCidrs: ['0.0.0.0/1', '128.0.0.0/1'] })).toThrow(
      'Invalid subnet CIDR "0.0.0.0/1, 128.0.0.0/1 (together 0.0.0.0/0)"',
    );
    expect(ibmVpcProfile(IBM).requirements.map((r) => r.peer.value)).not.toContain('0.0.0.0/0');
  });

  test('an inherited VPC Service Controls flag does not change the access mode, CLI form included', () => {
    (Object.prototype as Record<string, unknown>).vpcServiceControls = true;
    const hosts = (set: RequirementSet) => set.requirements.map((r) => r.peer.value);
    // The default (private.googleapis.com), not restricted: the inherited flag is ignored.
    expect(hosts(gkeNodesProfile(GKE))).toContain('199.36.153.8/30');
    expect(Object.keys(fromCliValues(GKE_OPTION_SPECS, { ...GKE }, { origin: 'profile gke' }, 'GKE profile option'))).not.toContain('vpcServiceControls');
  });

  test('readOptions returns own values on a null-prototype object, defaults applied', () => {
    const o = readOptions<IbmVpcProfileOptions>(IBM_VPC_OPTION_SPECS, IBM, { origin: 'profile ibm-vpc' });
    expect(Object.getPrototypeOf(o)).toBeNull();
    expect({ ...o }).toEqual({ region: 'us-south', subnetCidrs: ['10.240.0.0/24'], adminAccess: true, globalRegistry: true, privateRegistryDomains: false, masterPortRange: 'current', nodePortsFromAnywhere: false, workerEgress: 'none', loadBalancerHealthChecks: false });
  });
});

describe('"any address" by coverage in the EKS and GKE CIDR options', () => {
  test.each([
    ['gke nodeCidrs', () => gkeNodesProfile({ ...GKE, nodeCidrs: ['0.0.0.0/1', '128.0.0.0/1'] }), 'profile gke option nodeCidrs'],
    ['gke podCidrs ::/0', () => gkeNodesProfile({ ...GKE, podCidrs: ['::/0'] }), 'profile gke option podCidrs[0]'],
    ['gke serviceCidrs', () => gkeNodesProfile({ ...GKE, serviceCidrs: ['0.0.0.0/0'] }), 'profile gke option serviceCidrs[0]'],
    ['eks nodeSubnetCidrs', () => eksNodesProfile({ region: 'eu-west-1', clusterSecurityGroupCidrs: ['10.0.0.0/24'], nodeSubnetCidrs: ['0.0.0.0/2', '64.0.0.0/2', '128.0.0.0/1'] }), 'profile eks option nodeSubnetCidrs'],
    ['eks clusterSecurityGroupCidrs', () => eksNodesProfile({ region: 'eu-west-1', clusterSecurityGroupCidrs: ['0.0.0.0/0'], nodeSubnetCidrs: ['10.0.16.0/20'] }), 'profile eks option clusterSecurityGroupCidrs[0]'],
  ])('%s', (_what, act, origin) => {
    const e = errorOf(act);
    expect(e.code).toBe('any-address');
    expect(e.origin.startsWith(origin)).toBe(true);
    expect(e.hint).toMatch(/names specific networks; a list that covers every address is never what it means\.$/);
  });

  test('specific networks still pass', () => {
    expect(gkeNodesProfile({ ...GKE, nodeCidrs: ['0.0.0.0/1'] }).size).toBeGreaterThan(0);
  });
});

describe('wildcard cluster endpoints', () => {
  test('EKS refuses a pattern for the cluster endpoint', () => {
    const e = errorOf(() => eksNodesProfile({ region: 'eu-west-1', clusterEndpoint: 'https://*.gr7.eu-west-1.eks.amazonaws.com' }));
    expect(e.message).toBe(
      'Invalid cluster endpoint "https://*.gr7.eu-west-1.eks.amazonaws.com" (from profile eks option clusterEndpoint). A cluster endpoint is one host, not a pattern: give this cluster\'s endpoint as aws eks describe-cluster --query cluster.endpoint prints it, e.g. https://0123456789ABCDEF0123456789ABCDEF.gr7.eu-west-1.eks.amazonaws.com.',
    );
  });

  test('IBM refuses a wildcard master endpoint', () => {
    expect(() => ibmVpcProfile({ ...IBM, masterEndpoints: ['*.us-south.containers.cloud.ibm.com'] })).toThrow(FirewallRequirementsError);
  });
});

describe('one set of CLI value readers: the same behaviour in every profile', () => {
  const BASE: Record<string, Record<string, unknown>> = {
    aks: { location: 'westeurope' },
    'chainguard-enforce': {},
    eks: { region: 'eu-west-1' },
    gke: { ...GKE },
    'ibm-vpc': { ...IBM },
  };
  const flows = (set: RequirementSet) => set.requirements.map((r) => `${r.direction} ${r.protocol} ${r.ports.join(',')} ${r.peer.value}`);

  test.each(PROFILES.filter((p) => p.options.some((o) => o.type === OptionType.BOOLEAN)).map((p) => [p.name]))('%s: booleans as true/false or "true"/"false"', (name) => {
    const profile = PROFILES.find((p) => p.name === name)!;
    const option = profile.options.find((o) => o.type === OptionType.BOOLEAN)!;
    // Some booleans need other options: compare the text form with the boolean form, whichever outcome it has.
    for (const value of [true, false]) {
      const typed = () => flows(profile.build({ ...BASE[name], [option.name]: value }));
      const text = () => flows(profile.build({ ...BASE[name], [option.name]: String(value) }));
      let expected: string[] | string;
      try {
        expected = typed();
      } catch (e) {
        expected = (e as Error).message;
      }
      if (typeof expected === 'string') expect(text).toThrow(expected);
      else expect(text()).toEqual(expected);
    }
    expect(() => profile.build({ ...BASE[name], [option.name]: 'yes' })).toThrow(`Invalid --${option.flag} "yes"`);
  });

  test.each([
    ['aks', 'customDnsServers', ['10.0.0.4', '10.0.0.5']],
    ['eks', 'ecrAccountIds', ['123456789012', '210987654321']],
    ['gke', 'podCidrs', ['10.4.0.0/14', '10.8.0.0/14']],
    ['ibm-vpc', 'subnetCidrs', ['10.240.0.0/24', '10.240.64.0/24']],
  ])('%s: lists split on commas, in one string or in items', (name, option, values) => {
    const profile = PROFILES.find((p) => p.name === name)!;
    const expected = flows(profile.build({ ...BASE[name], [option]: values }));
    expect(flows(profile.build({ ...BASE[name], [option]: values.join(', ') }))).toEqual(expected);
    expect(flows(profile.build({ ...BASE[name], [option]: [values.join(',')] }))).toEqual(expected);
  });

  test('integers as numbers or decimal text (IBM ports)', () => {
    const profile = PROFILES.find((p) => p.name === 'ibm-vpc')!;
    expect(flows(profile.build({ ...IBM, ingressMonitoringPort: '443' }))).toEqual(flows(profile.build({ ...IBM, ingressMonitoringPort: 443 })));
  });
});

describe('a new declared option reaches the CLI parser, the help and the export spec check', () => {
  interface ThrowawayOptions {
    readonly zone: string;
    readonly fastPath?: boolean;
  }
  const seen: ThrowawayOptions[] = [];
  const OPTIONS = declareOptions<ThrowawayOptions>({
    zone: { type: OptionType.STRING, required: true, description: 'The zone.', missing: { reason: 'the rows name it', example: "zone: 'z1'" } },
    fastPath: { type: OptionType.BOOLEAN, defaultValue: false, description: 'Take the fast path.' },
  });
  const throwaway = (options: ThrowawayOptions) => {
    seen.push(readOptions(OPTIONS, options, { origin: 'profile throwaway' }));
    return RequirementSet.empty();
  };
  const PROFILE = cliProfile({ name: 'throwaway', title: 'Throwaway', description: 'A profile for this test.', options: OPTIONS, profile: (o) => throwaway(o as unknown as ThrowawayOptions) });

  beforeEach(() => seen.splice(0));

  test('CLI: --fast-path, --no-fast-path, and the value reaches the profile function', () => {
    const on = parseListArguments(['--zone', 'z1', '--fast-path'], PROFILE);
    expect(on.options).toEqual({ zone: 'z1', fastPath: true });
    PROFILE.build(on.options);
    PROFILE.build(parseListArguments(['--zone', 'z1', '--no-fast-path'], PROFILE).options);
    PROFILE.build(parseListArguments(['--zone', 'z1'], PROFILE).options);
    expect(seen.map((o) => o.fastPath)).toEqual([true, false, false]);
    expect(() => parseListArguments(['--zone', 'z1', '--fast-pth'], PROFILE)).toThrow('Did you mean "--fast-path"?');
  });

  test('help lists the flag with its description and default', () => {
    const help = profileUsage(PROFILE);
    expect(help).toMatch(/\n {2}--fast-path \| --no-fast-path +Take the fast path\.\n +default: false\n/);
    expect(help).toMatch(/\n {2}--zone <value> +The zone\. \(required\)\n/);
  });

  test('export spec: the option is known, its JSON shape is checked, misspellings get did-you-mean', () => {
    expect(checkProfileOptions(PROFILE, { zone: 'z1', fastPath: true }, 'spec.json')).toEqual({ zone: 'z1', fastPath: true });
    expect(() => checkProfileOptions(PROFILE, { zone: 'z1', fastPath: 'true' }, 'spec.json')).toThrow(
      'Invalid value of $.profiles.throwaway.fastPath (string, expected true or false) "true" (from spec.json at $.profiles.throwaway.fastPath). Give fastPath: true or false (JSON booleans, not strings).',
    );
    expect(() => checkProfileOptions(PROFILE, { zone: 'z1', fastpath: true }, 'spec.json')).toThrow('Unknown option of profile throwaway "fastpath" (from spec.json at $.profiles.throwaway.fastpath). Did you mean "fastPath"?');
  });

  test('the typed function checks the option and applies its default', () => {
    throwaway({ zone: 'z1' });
    expect(seen[0].fastPath).toBe(false);
    expect(() => throwaway({ zone: 'z1', fastPath: 'yes' as unknown as boolean })).toThrow('Invalid fastPath (string, expected true or false) "yes" (from profile throwaway option fastPath).');
    expect(() => throwaway({} as ThrowawayOptions)).toThrow('Missing required option zone: the rows name it (from profile throwaway). For example: zone: \'z1\'.');
  });
});
