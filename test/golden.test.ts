import { goldenDifferences, readGolden, renderGolden } from '../tools/golden';

// Output must not change by accident: the examples' cdk.tf.json, the construct cases and every exported module are
// rendered afresh and compared byte for byte with test/golden (regenerate with `npm run golden:update` when a
// change to the output is intended, and review the diff).

describe('golden output', () => {
  const fresh = renderGolden();
  const committed = readGolden();

  test('covers every example, construct case and export spec', () => {
    const stacks = [...fresh.keys()].filter((p) => p.startsWith('stacks/'));
    expect(stacks).toEqual(expect.arrayContaining(['stacks/aks-egress.tf.json', 'stacks/case-azure-explicit.tf.json', 'stacks/case-ibm-variants.tf.json']));
    expect([...fresh.keys()].filter((p) => p.endsWith('/main.tf.json')).length).toBeGreaterThanOrEqual(14);
  });

  test('every rendered file equals the committed golden file, byte for byte', () => {
    expect(goldenDifferences(committed, fresh)).toEqual([]);
  });

  test('the comparison sees a changed, a missing and an extra file', () => {
    const changed = new Map(committed);
    const [first] = [...changed.keys()];
    changed.set(first, `${changed.get(first)} `);
    changed.delete([...changed.keys()][1]);
    changed.set('stacks/extra.tf.json', '{}');
    expect(goldenDifferences(committed, changed)).toEqual([first, [...committed.keys()][1], 'stacks/extra.tf.json'].sort());
  });
});
