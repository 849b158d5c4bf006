import { DomainError } from '@gridcare/decider';
import { RuleSetRef, TriageRuleSetDocument } from '@gridcare/residents-contracts';
import { z } from 'zod';
import { ruleSetHash } from '@gridcare/rule-language';

/**
 * A validated rule set document with its hash: what every triage command carries. Build it
 * with loadTriageRuleSet (from the shipped JSON or a published event), so the hash a decision
 * cites is the hash of the document it used.
 */
export interface TriageRuleSet {
  readonly document: TriageRuleSetDocument;
  readonly hash: string;
}

export interface RuleSetIssue {
  readonly path: string;
  readonly message: string;
}

/** Validates a rule set document (refusing an unknown fact or operator with its path) and hashes it. */
export function loadTriageRuleSet(json: unknown): TriageRuleSet {
  const result = TriageRuleSetDocument.safeParse(json);
  if (!result.success) {
    const issues: RuleSetIssue[] = result.error.issues.map((issue) => ({ path: z.core.toDotPath(issue.path), message: issue.message }));
    const summary = issues.map((issue) => `${issue.path || '(document)'}: ${issue.message}`).join('; ');
    throw new DomainError('INVALID_RULE_SET', `invalid triage rule set (${summary})`, { issues });
  }
  return { document: result.data, hash: ruleSetHash(result.data) };
}

/** How a decision cites its rule set. */
export const ruleSetRefOf = ({ document, hash }: TriageRuleSet): RuleSetRef => ({ id: document.id, version: document.version, hash });
