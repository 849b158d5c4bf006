import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { ruleSetHash } from './rule-set-hash';
import { RuleSetRef } from './rule-set-ref';

const document = {
  id: 'routing',
  version: '2026.1',
  rules: [
    { id: 'critically-ill', when: { fact: 'severity', op: 'eq', value: 'critical' }, levels: ['second-level', 'tertiary'] },
    { id: 'upward', when: { fact: 'direction', op: 'eq', value: 'up' }, levels: ['second-level'] },
  ],
};

/** The same content with every object's keys in reverse order. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reversedKeys(item)])) as T;
  return value;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order, has no whitespace', () => {
    expect(canonicalJson({ b: [{ d: 1, c: 'x y' }, 2], a: null, e: true })).toBe('{"a":null,"b":[{"c":"x y","d":1},2],"e":true}');
  });

  it('leaves out undefined properties, as JSON does', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    expect(() => canonicalJson(() => 1)).toThrow(TypeError);
  });
});

describe('ruleSetHash', () => {
  it('is the sha256 hex of the canonical JSON, of any document', () => {
    expect(ruleSetHash(document)).toBe(createHash('sha256').update(canonicalJson(document)).digest('hex'));
    expect(RuleSetRef.parse({ id: 'routing', version: '2026.1', hash: ruleSetHash(document) }).hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is the same however the keys are ordered or the file is indented', () => {
    const reordered = reversedKeys(document);
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(document));
    expect(ruleSetHash(reordered)).toBe(ruleSetHash(document));
    expect(ruleSetHash(JSON.parse(JSON.stringify(document, null, 4)))).toBe(ruleSetHash(document));
  });

  it.each<[string, (doc: typeof document) => unknown]>([
    ['the version', (doc) => ({ ...doc, version: '2026.2' })],
    ['a threshold value', (doc) => ({ ...doc, rules: [{ ...doc.rules[0], when: { ...doc.rules[0].when, value: 'severe' } }, doc.rules[1]] })],
    ['the order of the rules', (doc) => ({ ...doc, rules: [...doc.rules].reverse() })],
    ['the order within a list', (doc) => ({ ...doc, rules: [{ ...doc.rules[0], levels: ['tertiary', 'second-level'] }, doc.rules[1]] })],
  ])('changes with %s', (_label, change) => {
    expect(ruleSetHash(change(document))).not.toBe(ruleSetHash(document));
  });
});
