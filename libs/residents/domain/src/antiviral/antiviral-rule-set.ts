import { DomainError } from '@gridcare/decider';
import { AntiviralRuleSetDocument, RuleSetRef } from '@gridcare/residents-contracts';
import { z } from 'zod';
import { deepFreeze } from '../triage/deep-freeze';
import { ruleSetHash } from '@gridcare/rule-language';
import shippedRules from './rules/antiviral-eligibility.2026-1.json';

/** A validated antiviral eligibility rule set with its hash: what ReportInfection carries. */
export interface AntiviralRuleSet {
  readonly document: AntiviralRuleSetDocument;
  readonly hash: string;
}

/** Validates an antiviral eligibility rule set document (refusing an unknown fact with its path) and hashes it. */
export function loadAntiviralRuleSet(json: unknown): AntiviralRuleSet {
  const result = AntiviralRuleSetDocument.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({ path: z.core.toDotPath(issue.path), message: issue.message }));
    const summary = issues.map((issue) => `${issue.path || '(document)'}: ${issue.message}`).join('; ');
    throw new DomainError('INVALID_RULE_SET', `invalid antiviral eligibility rule set (${summary})`, { issues });
  }
  return { document: result.data, hash: ruleSetHash(result.data) };
}

let loaded: AntiviralRuleSet | undefined;

/** The rule set shipped with the service (version 2026.1), validated and hashed once. */
export function defaultAntiviralRuleSet(): AntiviralRuleSet {
  loaded ??= deepFreeze(loadAntiviralRuleSet(shippedRules));
  return loaded;
}

export const antiviralRuleSetRefOf = ({ document, hash }: AntiviralRuleSet): RuleSetRef => ({ id: document.id, version: document.version, hash });
