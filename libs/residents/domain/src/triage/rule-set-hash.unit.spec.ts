import { TriageRuleSetDocument } from '@gridcare/residents-contracts';
import { createHash } from 'node:crypto';
import { canonicalJson, ruleSetHash } from '@gridcare/rule-language';
import { defaultTriageRuleSet } from './default-triage-rule-set';

const document = defaultTriageRuleSet().document;

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

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});

describe('ruleSetHash', () => {
  it('is the sha256 hex of the canonical JSON', () => {
    expect(ruleSetHash(document)).toBe(createHash('sha256').update(canonicalJson(document)).digest('hex'));
    expect(defaultTriageRuleSet().hash).toBe(ruleSetHash(document));
  });

  it('is the same however the keys are ordered or the file is indented', () => {
    const reordered = reversedKeys(document);
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(document));
    expect(ruleSetHash(reordered)).toBe(ruleSetHash(document));
    expect(ruleSetHash(JSON.parse(JSON.stringify(document, null, 4)))).toBe(ruleSetHash(document));
  });

  it.each<[string, (doc: TriageRuleSetDocument) => TriageRuleSetDocument]>([
    ['the version', (doc) => ({ ...doc, version: '2026.2' })],
    ['a description', (doc) => ({ ...doc, description: doc.description + '.' })],
    ['a threshold', (doc) => ({ ...doc, rules: doc.rules.map((rule) => (rule.id === 'elderly' ? { ...rule, when: { fact: 'ageYears', op: 'gte', value: 60 } } : rule)) })],
    ['a rule tier', (doc) => ({ ...doc, rules: doc.rules.map((rule) => (rule.id === 'pregnant' ? { ...rule, tier: 'red' } : rule)) })],
    ['the order of the rules', (doc) => ({ ...doc, rules: [...doc.rules].reverse() })],
    ['the serious conditions', (doc) => ({ ...doc, seriousConditions: [...doc.seriousConditions, 'asthma'] })],
    ['the override roles', (doc) => ({ ...doc, overrideRoles: ['administrator'] })],
  ])('changes with %s', (_label, change) => {
    expect(ruleSetHash(change(document))).not.toBe(ruleSetHash(document));
  });
});
