import { RoutingPolicyDocument } from '@gridcare/referrals-contracts';
import { RuleSetRef, ruleSetHash } from '@gridcare/rule-language';
import { z } from 'zod';
import { refuseRoute } from './routing-errors';

/**
 * A validated routing policy with its hash: what every routing command carries. Build it with
 * loadRoutingPolicy (from the shipped JSON or a published event), so the hash a decision cites
 * is the hash of the document it used.
 */
export interface RoutingPolicy {
  readonly document: RoutingPolicyDocument;
  readonly hash: string;
}

/** Validates a routing policy document (refusing an unknown fact or value with its path) and hashes it. */
export function loadRoutingPolicy(json: unknown): RoutingPolicy {
  const result = RoutingPolicyDocument.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({ path: z.core.toDotPath(issue.path), message: issue.message }));
    const summary = issues.map((issue) => `${issue.path || '(document)'}: ${issue.message}`).join('; ');
    throw refuseRoute('INVALID_ROUTING_POLICY', `invalid routing policy (${summary})`, { issues });
  }
  return { document: result.data, hash: ruleSetHash(result.data) };
}

/** How a decision cites its policy. */
export const routingPolicyRefOf = ({ document, hash }: RoutingPolicy): RuleSetRef => ({ id: document.id, version: document.version, hash });
