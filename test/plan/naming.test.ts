import { chunk, contentHash, sanitizeText, slug, stableName } from '../../lib/plan';

describe('contentHash', () => {
  test('8 hex digits, stable, and part boundaries matter', () => {
    expect(contentHash('a', 'b')).toMatch(/^[0-9a-f]{8}$/);
    expect(contentHash('a', 'b')).toBe(contentHash('a', 'b'));
    expect(contentHash('ab')).not.toBe(contentHash('a', 'b'));
    expect(contentHash('a', 'bc')).not.toBe(contentHash('ab', 'c'));
  });
});

describe('slug', () => {
  test.each([
    ['AKS Core Rules', 'aks-core-rules'],
    ['*.data.mcr.microsoft.com', 'wildcard-data-mcr-microsoft-com'],
    ['  --Hello__World--  ', 'hello-world'],
    ['10.0.0.0/16', '10-0-0-0-16'],
    ['2001:db8::/32', '2001-db8-32'],
    ['Ünïcödé', 'n-c-d'],
    ['---', 'x'],
    ['', 'x'],
  ])('slug(%j) = %j', (text, expected) => {
    expect(slug(text)).toBe(expected);
  });

  test('cuts to maxLength without leaving a trailing hyphen', () => {
    expect(slug('a'.repeat(100))).toHaveLength(63);
    expect(slug('abcd efgh', 5)).toBe('abcd');
    expect(slug('abc', 63, 'fallback')).toBe('abc');
    expect(slug('!!!', 63, 'fallback')).toBe('fallback');
  });
});

describe('stableName', () => {
  test('readable prefix plus the key hash, within maxLength', () => {
    expect(stableName('AKS core', 'k1')).toBe(`aks-core-${contentHash('k1')}`);
    expect(stableName('x'.repeat(200), 'k')).toHaveLength(63);
    expect(stableName('x'.repeat(200), 'k', 24)).toHaveLength(24);
    expect(stableName('a b c d e f g', 'k', 14)).toBe(`a-b-c-${contentHash('k')}`);
    // The cut never leaves a double hyphen before the hash.
    expect(stableName('a b c d e f g', 'k', 13)).toBe(`a-b-${contentHash('k')}`);
  });

  test('different keys never share a name, even with the same readable part', () => {
    const names = new Set(Array.from({ length: 500 }, (_, i) => stableName('same readable text', `key-${i}`, 30)));
    expect(names.size).toBe(500);
  });

  test('the same key always gives the same name', () => {
    expect(stableName('r', 'egress/tcp/443')).toBe(stableName('r', 'egress/tcp/443'));
  });

  test('only lower-case letters, digits and hyphens', () => {
    expect(stableName('*.Hello World!/32', 'k')).toMatch(/^[a-z0-9-]+$/);
  });
});

describe('sanitizeText', () => {
  test('replaces disallowed characters with spaces and folds whitespace', () => {
    expect(sanitizeText('Pull <images> & "charts"\n\tfrom MCR', 'a-zA-Z0-9 ._-', 100)).toBe('Pull images charts from MCR');
  });

  test('cuts with an ellipsis within maxLength', () => {
    const out = sanitizeText('Hello <world> & friends: quoted', 'a-zA-Z0-9 ._-', 20);
    expect(out).toBe('Hello world frien...');
    expect(out.length).toBeLessThanOrEqual(20);
    // A space before the cut is trimmed before the ellipsis.
    expect(sanitizeText('abcd efgh ijkl', 'a-z ', 8)).toBe('abcd...');
  });

  test('keeps text that fits exactly', () => {
    expect(sanitizeText('abc', 'a-z', 3)).toBe('abc');
    expect(sanitizeText('  abc  ', 'a-z', 3)).toBe('abc');
  });
});

describe('chunk', () => {
  test('consecutive chunks of at most size', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([1, 2, 3, 4], 2)).toEqual([[1, 2], [3, 4]]);
    expect(chunk([1, 2], 5)).toEqual([[1, 2]]);
    expect(chunk([], 3)).toEqual([]);
  });

  test.each([0, -1, 2.5, NaN])('rejects size %p instead of looping forever or repeating items', (size) => {
    expect(() => chunk([1, 2, 3], size)).toThrow(`Invalid chunk size "${size}". A chunk size is a whole number of at least 1.`);
  });
});
