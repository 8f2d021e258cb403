import { ReferenceKind, referenceOfTraversal, referencesInString } from '../../lib/validate';

const texts = (value: string, symbols?: string[]) => referencesInString(value, symbols ? new Set(symbols) : undefined).map((r) => r.text);

describe('referencesInString', () => {
  test('resources, data sources, variables, locals and modules', () => {
    expect(referencesInString('${aws_security_group.sg.id}')).toEqual([
      { kind: ReferenceKind.RESOURCE, type: 'aws_security_group', name: 'sg', attribute: 'id', text: 'aws_security_group.sg.id' },
    ]);
    expect(referencesInString('${data.aws_vpc.main.cidr_block}')).toEqual([
      { kind: ReferenceKind.DATA, type: 'aws_vpc', name: 'main', attribute: 'cidr_block', text: 'data.aws_vpc.main.cidr_block' },
    ]);
    expect(texts('${var.cidrs}-${local.name}-${module.net.vpc_id}')).toEqual(['var.cidrs', 'local.name', 'module.net']);
  });

  test('plain strings and escaped $${ have no references', () => {
    expect(texts('aws_security_group.sg.id')).toEqual([]);
    expect(texts('$${aws_security_group.sg.id}')).toEqual([]);
  });

  test('indexes, splats and whole-object references', () => {
    expect(texts('${aws_instance.web[0].private_ip}')).toEqual(['aws_instance.web.private_ip']);
    expect(texts('${aws_instance.web[*].id}')).toEqual(['aws_instance.web.id']);
    expect(texts('${aws_instance.web["a"].id}')).toEqual(['aws_instance.web.id']);
    expect(referencesInString('${aws_instance.web}')[0]).toEqual({ kind: ReferenceKind.RESOURCE, type: 'aws_instance', name: 'web', text: 'aws_instance.web' });
  });

  test('function names, string literals, numbers and built-in roots are skipped', () => {
    expect(texts('${join(",", [aws_security_group.sg.arn, "a.b", "x.y.z"])}')).toEqual(['aws_security_group.sg.arn']);
    expect(texts('${cidrsubnet(var.base, 8, 1.5)}')).toEqual(['var.base']);
    expect(texts('${each.value}${count.index}${path.module}${terraform.workspace}${self.id}')).toEqual([]);
    expect(texts('${provider::aws::arn_parse(var.arn).region}')).toEqual(['var.arn']);
  });

  test('interpolations nested inside string literals are scanned', () => {
    expect(texts('${format("%s", "${data.aws_vpc.main.id}")}')).toEqual(['data.aws_vpc.main.id']);
  });

  test('for-expression and iterator symbols are not references', () => {
    expect(texts('${[for sg_rule in aws_security_group_rule.all : sg_rule.id]}')).toEqual(['aws_security_group_rule.all']);
    expect(texts('${{for k, v in var.m : k => v.name}}')).toEqual(['var.m']);
    expect(texts('${rule_item.value.name}', ['rule_item'])).toEqual([]);
  });

  test('conditionals and operators', () => {
    expect(texts('${var.on ? aws_eip.a.public_ip : "none"}')).toEqual(['var.on', 'aws_eip.a.public_ip']);
    expect(texts('${-var.offset + local.base}')).toEqual(['var.offset', 'local.base']);
  });
});

describe('referenceOfTraversal', () => {
  test('depends_on entries as cdktf writes them, with or without ${}', () => {
    expect(referenceOfTraversal('aws_security_group.sg')).toEqual({ kind: ReferenceKind.RESOURCE, type: 'aws_security_group', name: 'sg', text: 'aws_security_group.sg' });
    expect(referenceOfTraversal('${data.aws_vpc.main}')!.text).toBe('data.aws_vpc.main');
    expect(referenceOfTraversal('module.net')!.kind).toBe(ReferenceKind.MODULE);
    expect(referenceOfTraversal('each')).toBeUndefined();
  });
});
