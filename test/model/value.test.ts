import { compareText, describeValue, isTerraformReference } from '../../lib/model/value';

describe('compareText', () => {
  test('orders by code unit, the same in every locale', () => {
    expect(['b', 'a-b', 'a_b', 'B', 'ab', 'a'].sort(compareText)).toEqual(['B', 'a', 'a-b', 'a_b', 'ab', 'b']);
    expect([compareText('x', 'x'), compareText('x', 'y'), compareText('y', 'x')]).toEqual([0, -1, 1]);
  });
});

describe('value description and reference detection (the leaf module)', () => {
  test('the same functions the input checks use', () => {
    expect([describeValue(undefined), describeValue('a'), describeValue([1]), describeValue(-8.1e298)]).toEqual(['undefined', 'a', '[1]', '<unresolved Terraform token>']);
    expect([isTerraformReference('${var.x}'), isTerraformReference('x'), isTerraformReference(['#{TfToken[TOKEN.1]}'])]).toEqual([true, false, true]);
  });
});
