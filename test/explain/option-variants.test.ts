import { PROFILES } from '../../lib/catalog';
import { OptionType, ProfileDefinition } from '../../lib/catalog/profile-definition';
import { exampleOptions, optionVariants, profileRows } from '../../lib/explain/option-variants';
import { RequirementSet } from '../../lib/model/requirement-set';

const profile = (name: string) => PROFILES.find((p) => p.name === name) as ProfileDefinition;

describe('option variants, derived from the declarations', () => {
  test('the required options get the example their declaration gives', () => {
    expect(exampleOptions(profile('ibm-vpc'))).toEqual({ region: 'us-south', subnetCidrs: ['10.240.0.0/24', '10.240.64.0/24'] });
    expect(Object.keys(exampleOptions(profile('gke'))).sort()).toEqual(['controlPlaneCidrs', 'nodeCidrs', 'podCidrs', 'region']);
  });

  test('one variant per boolean turned on, per other choice, per choice added to a list', () => {
    const fake: ProfileDefinition = {
      name: 'fake',
      description: 'test',
      options: [
        { name: 'on', flag: 'on', type: OptionType.BOOLEAN, description: 'b' },
        { name: 'mode', flag: 'mode', type: OptionType.CHOICE, choices: ['a', 'b'], description: 'c' },
        { name: 'extras', flag: 'extras', type: OptionType.CHOICE_LIST, choices: ['x', 'y'], description: 'l' },
        { name: 'name', flag: 'name', type: OptionType.STRING, description: 's' },
      ],
      build: () => RequirementSet.of([]),
    };
    expect(optionVariants(fake, { mode: 'a', extras: ['x'] }).map((v) => [v.label, v.options])).toEqual([
      ['on: true', { mode: 'a', extras: ['x'], on: true }],
      ['mode: b', { mode: 'b', extras: ['x'] }],
      ['extras: y', { mode: 'a', extras: ['x', 'y'] }],
    ]);
  });

  test('rows are recorded with the variants that bring them in; a variant needing companions gets documentation addresses', () => {
    const aks = profileRows(profile('aks'));
    const gpu = [...aks.rows.values()].find((r) => r.peer.value === 'nvidia.github.io');
    expect(gpu && aks.variantsOf.get(gpu.id)?.map((v) => v.label)).toEqual(['gpu: true']);
    const mcr = [...aks.rows.values()].find((r) => r.peer.value === 'mcr.microsoft.com');
    expect(mcr && aks.variantsOf.get(mcr.id)?.[0].label).toBe('default');
    const ibm = profileRows(profile('ibm-vpc'));
    const infra = [...ibm.rows.values()].find((r) => r.peer.value === '161.26.0.0/16');
    expect(infra && ibm.variantsOf.get(infra.id)?.map((v) => v.label)).toEqual(['workerEgress: minimum', 'workerEgress: secure-by-default']);
    expect(ibm.filled.get('192.0.2.1/32')).toBe('vpeGatewayIps');
  });
});
