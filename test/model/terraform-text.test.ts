import { hasTemplateSyntax, isCdktfToken, isWholeCdktfToken, KEEP_CDKTF_TOKENS, terraformText, terraformTextList, terraformTextMap } from '../../lib/model/terraform-text';

/** What Terraform makes of a template string without interpolations: `$${` reads as `${`, `%%{` as `%{`. */
function terraformReads(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const three = text.slice(i, i + 3);
    if (three === '$${' || three === '%%{') {
      out += three.slice(1);
      i += 2;
    } else if (three.startsWith('${') || three.startsWith('%{')) {
      throw new Error(`live template at ${i} in ${text}`);
    } else {
      out += text[i];
    }
  }
  return out;
}

describe('terraformText', () => {
  test.each([
    ['${var.x}', '$${var.x}'],
    ['%{if true}x%{endif}', '%%{if true}x%%{endif}'],
    ['already $${escaped}', 'already $$${escaped}'],
    ['already %%{escaped}', 'already %%%{escaped}'],
    ['100% of $5 {braces}', '100% of $5 {braces}'],
    ['', ''],
  ])('GIVEN %j THEN it is written %j', (text, written) => {
    expect(terraformText(text)).toBe(written);
  });

  test.each(['${var.x}', '%{if}', '$${x}', '$$${x}', '%%%{x}', 'a$', '%', '${', '$}{', 'plain text'])('GIVEN %j WHEN Terraform reads the written text THEN it is the text as written', (text) => {
    expect(terraformReads(terraformText(text))).toBe(text);
  });

  test('GIVEN a cdktf token in construct text WHEN tokens are kept THEN the token stays and the rest is escaped', () => {
    const token = '${TfToken[TOKEN.12]}';
    expect(terraformText(`env-${token}-\${var.x}`, KEEP_CDKTF_TOKENS)).toBe(`env-${token}-$\${var.x}`);
    expect(terraformText(token, KEEP_CDKTF_TOKENS)).toBe(token);
  });

  test('GIVEN a cdktf token marker in exported text THEN it is escaped like any other text (no cdktf resolves it)', () => {
    expect(terraformText('${TfToken[TOKEN.12]}')).toBe('$${TfToken[TOKEN.12]}');
  });

  test('GIVEN tags THEN keys and values are escaped; lists entry by entry', () => {
    expect(terraformTextMap({ '${k}': '%{v}', plain: 'text' })).toEqual({ '$${k}': '%%{v}', plain: 'text' });
    expect(terraformTextMap(undefined)).toBeUndefined();
    expect(terraformTextList(['${a}', 'b'])).toEqual(['$${a}', 'b']);
    expect(terraformTextList(undefined)).toBeUndefined();
  });
});

describe('hasTemplateSyntax and cdktf tokens', () => {
  test.each(['${"0.0.0.0/0"}', '${var.cidr}', '%{if true}0.0.0.0/0%{endif}', '10.0.0.0/8${""}', '$${x}'])('GIVEN %j THEN it holds template syntax', (value) => {
    expect(hasTemplateSyntax(value)).toBe(true);
  });

  test.each(['10.0.0.0/8', '2001:db8::/32', '443', '30000-32767', 'sg-0123', '$5', '100%', '{x}'])('GIVEN %j THEN it is a plain literal', (value) => {
    expect(hasTemplateSyntax(value)).toBe(false);
  });

  test('GIVEN encoded cdktf tokens THEN they are recognized; raw interpolations are not tokens', () => {
    expect(isCdktfToken('${TfToken[TOKEN.1]}')).toBe(true);
    expect(isCdktfToken(['#{TfToken[TOKEN.2]}'])).toBe(true);
    expect(isCdktfToken(-8.109562212591379e298)).toBe(true);
    expect(isCdktfToken('${var.x}')).toBe(false);
    expect(isCdktfToken(443)).toBe(false);
    expect(isWholeCdktfToken('${TfToken[TOKEN.1]}')).toBe(true);
    expect(isWholeCdktfToken('10.0.0.0/8 ${TfToken[TOKEN.1]}')).toBe(false);
  });
});
