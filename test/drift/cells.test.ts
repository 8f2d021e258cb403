import { classifyName, nameKey, NameKind, namesOfCell, portSpecs, specsAgree } from '../../lib/drift/cells';
import { cellText, codeSpans, splitRow } from '../../lib/drift/markdown';

describe('table cells', () => {
  test.each([
    ['AzureCloud.<Region>', 'azurecloud.<location>'],
    ['<cluster-region-name>.handler.control.monitor.azure.com', '<location>.handler.control.monitor.azure.com'],
    ['kube-<cluster_ID>', 'kube-<cluster-id>'],
    ['https://cgr.dev/path', 'cgr.dev'],
    ['.data.mcr.microsoft.com', '*.data.mcr.microsoft.com'],
    ['Example.COM.', 'example.com'],
    ['150.238.229.128/27', '150.238.229.128/27'],
    ['2001:DB8::/32', '2001:db8::/32'],
  ])('nameKey(%s) = %s', (text, key) => {
    expect(nameKey(text)).toBe(key);
  });

  test.each([
    ['*', NameKind.ANY],
    ['Any', NameKind.ANY],
    ['ntp.ubuntu.com:123', NameKind.NAME],
    ['10.0.0.0/8', NameKind.CIDR],
    ['CustomDNSIP:53', NameKind.PLACEHOLDER],
    ['randomly-generated-sg-name', NameKind.PLACEHOLDER],
  ])('classifyName(%s) is %s', (text, kind) => {
    expect(classifyName(text).kind).toBe(kind);
  });

  test('names: code spans with alternatives, several names in one span, notes in spans left out, sentences as one placeholder', () => {
    const alternatives = namesOfCell('**`*:1194`** <br/> *Or* <br/> [ServiceTag](/x) - **`AzureCloud.<Region>:1194`** `(only known after cluster creation)`', 'f');
    expect(alternatives).toEqual({
      anyOf: true,
      names: [
        { key: '0.0.0.0/0', kind: NameKind.ANY, text: '*:1194' },
        { key: 'azurecloud.<location>', kind: NameKind.NAME, text: 'AzureCloud.<Region>:1194' },
      ],
    });
    expect(namesOfCell('**`a.example.com, b.example.com`**', 'f').names.map((n) => n.key)).toEqual(['a.example.com', 'b.example.com']);
    expect(namesOfCell('**`login.microsoftonline.com`** <br/> **`login.microsoftonline.us`** (Azure Government)', 'f')).toMatchObject({ anyOf: false, names: [{ key: 'login.microsoftonline.com' }, { key: 'login.microsoftonline.us' }] });
    expect(namesOfCell('cgr.dev', 'f').names).toEqual([{ key: 'cgr.dev', kind: NameKind.NAME, text: 'cgr.dev' }]);
    expect(namesOfCell('Virtual private endpoint gateway IP addresses. The gateway is assigned ...', 'f').names).toEqual([
      { key: 'virtual private endpoint gateway ip addresses', kind: NameKind.PLACEHOLDER, text: 'Virtual private endpoint gateway IP addresses' },
    ]);
    expect(() => namesOfCell('   ', 'f line 3')).toThrow(/f line 3/);
  });

  test('ports: protocol prefixes, ranges in code spans, lists, none, protocol columns', () => {
    expect(portSpecs('**`HTTPS:443`**', undefined, 'f')).toEqual([{ protocol: 'https', ports: '443' }]);
    expect(portSpecs('443 and 4443', 'TCP', 'f')).toEqual([{ protocol: 'tcp', ports: '443,4443' }]);
    expect(portSpecs('`30000` - `32767`', 'UDP', 'f')).toEqual([{ protocol: 'udp', ports: '30000-32767' }]);
    expect(portSpecs('-', 'ALL', 'f')).toEqual([{ protocol: 'any', ports: '' }]);
    expect(portSpecs('443', undefined, 'f')).toEqual([{ ports: '443' }]);
    expect(portSpecs('LBaaS ports', 'TCP, UDP, or both', 'f')).toEqual([
      { protocol: 'tcp', ports: '(lbaas ports)' },
      { protocol: 'udp', ports: '(lbaas ports)' },
    ]);
    expect(() => portSpecs('four', 'TCP', 'f line 9')).toThrow(/Invalid port "four".*f line 9/);
    expect(() => portSpecs('443', 'SCTP', 'f')).toThrow(/Invalid protocol "SCTP"/);
    expect(() => portSpecs('QUIC:443', undefined, 'f')).toThrow(/Invalid protocol "QUIC"/);
  });

  test('specs agree on ports and transport; an unnamed protocol compares ports only', () => {
    expect(specsAgree({ protocol: 'tcp', ports: '443' }, { protocol: 'https', ports: '443' })).toBe(true);
    expect(specsAgree({ ports: '443' }, { protocol: 'https', ports: '443' })).toBe(true);
    expect(specsAgree({ protocol: 'udp', ports: '443' }, { protocol: 'https', ports: '443' })).toBe(false);
    expect(specsAgree({ protocol: 'https', ports: '8443' }, { protocol: 'https', ports: '443' })).toBe(false);
  });

  test('markdown helpers: pipes inside code spans and escaped pipes, links, footnotes, keywords, emphasis', () => {
    expect(splitRow('| `a|b` | c \\| d | e |')).toEqual(['`a|b`', 'c | d', 'e']);
    expect(cellText('[text](http://x) and [ref][r]<sup>1</sup>[^2] {{site.data.keyword.cloud_notm}} **bold** *it* `*.keep*`')).toBe('text and ref cloud_notm bold it `*.keep*`');
    expect(codeSpans('x `a` y ``b`c`` z')).toEqual(['a', 'b`c']);
  });
});
