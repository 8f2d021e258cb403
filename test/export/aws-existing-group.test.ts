import { exportModule } from '../../lib/export';

const profiles = { eks: { region: 'eu-west-1', clusterSecurityGroupCidrs: ['10.0.0.0/24'], nodeSubnetCidrs: ['10.0.16.0/20'] }, 'chainguard-containers': {} };
const json = (text: string | undefined) => JSON.parse(text ?? '{}');

describe('aws-security-group-rules: the group id as a required module input', () => {
  test('existingSecurityGroup: every rule references var.security_group_id, which has no default', () => {
    const m = exportModule('aws-security-group-rules', { profiles, select: { peerKinds: ['cidr'] }, target: { existingSecurityGroup: true } });
    const variable = json(m.files['variables.tf.json']).variable.security_group_id;
    expect(variable.default).toBeUndefined();
    expect(variable.type).toBe('string');
    const main = json(m.files['main.tf.json']);
    const rules = [...Object.values<any>(main.resource.aws_vpc_security_group_egress_rule ?? {}), ...Object.values<any>(main.resource.aws_vpc_security_group_ingress_rule ?? {})];
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.every((r) => r.security_group_id === '${var.security_group_id}')).toBe(true);
    expect(main.resource.aws_security_group).toBeUndefined();
  });

  test('a literal securityGroupId stays the variable\'s default', () => {
    const m = exportModule('aws-security-group-rules', { profiles, select: { peerKinds: ['cidr'] }, target: { securityGroupId: 'sg-0123456789abcdef0' } });
    expect(json(m.files['variables.tf.json']).variable.security_group_id.default).toBe('sg-0123456789abcdef0');
  });

  test.each([
    [{ existingSecurityGroup: true, securityGroupId: 'sg-1' }, /drop securityGroupId/],
    [{ existingSecurityGroup: true, vpcId: 'vpc-1' }, /drop vpcId/],
    [{ existingSecurityGroup: 'yes' }, /existingSecurityGroup/],
  ])('%j is refused', (target, message) => {
    expect(() => exportModule('aws-security-group-rules', { profiles, select: { peerKinds: ['cidr'] }, target })).toThrow(message);
  });
});
