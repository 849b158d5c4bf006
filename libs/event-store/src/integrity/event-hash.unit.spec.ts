import { canonicalJsonText, contentHash, contentHashOfCanonical } from './event-hash';

const EVENT = { streamId: 'resident-7', id: '3F0C9A8E-1B2C-4D5E-8F90-123456789ABC', type: 'ResidentRegistered', schemaVersion: 2 };

describe('the content hash a writer computes in one pass', () => {
  const values: [string, unknown][] = [
    ['nested objects with keys out of order', { b: { z: 1, a: [3, { y: true, x: null }] }, a: 'é', 'ü': 1, Z: 2 }],
    ['undefined in objects and arrays, NaN, -0 and Infinity', { gone: undefined, list: [undefined, 1, Number.NaN, -0, Number.POSITIVE_INFINITY] }],
    ['dates and toJSON', { at: new Date('2026-01-15T01:00:00Z'), custom: { toJSON: () => ({ b: 1, a: 2 }) } }],
    ['integer-like keys', { 10: 'ten', 2: 'two', 1: 'one' }],
    ['a "__proto__" key', JSON.parse('{"__proto__": {"polluted": true}, "a": 1}')],
    ['strings that need escaping', { quote: '"', newline: '\n', emoji: '🫁', control: '\u0001' }],
    ['a bare value', 'just text'],
  ];

  it.each(values)('equals the hash of the stored value read back, for %s', (_name, data) => {
    const metadata = { correlationId: 'c-1', causationId: null, actor: { role: 'community_worker', id: 'w-1' } };
    const stored = { ...EVENT, data: JSON.parse(JSON.stringify(data)), metadata: JSON.parse(JSON.stringify(metadata)) };
    expect(contentHashOfCanonical(EVENT, canonicalJsonText(data)!, canonicalJsonText(metadata)!)).toBe(contentHash(stored));
  });

  it('changes with any part of the content', () => {
    const base = contentHashOfCanonical(EVENT, '{"a":1}', '{}');
    expect(contentHashOfCanonical({ ...EVENT, schemaVersion: 3 }, '{"a":1}', '{}')).not.toBe(base);
    expect(contentHashOfCanonical({ ...EVENT, streamId: 'resident-8' }, '{"a":1}', '{}')).not.toBe(base);
    expect(contentHashOfCanonical(EVENT, '{"a":2}', '{}')).not.toBe(base);
    expect(contentHashOfCanonical({ ...EVENT, id: EVENT.id.toLowerCase() }, '{"a":1}', '{}')).toBe(base);
  });

  it('has no JSON form for a function or a symbol', () => {
    expect(canonicalJsonText(() => 1)).toBeUndefined();
    expect(() => canonicalJsonText({ n: 1n })).toThrow();
  });
});
