import { CalendarDate, ConditionCode } from '@gridcare/residents-contracts';
import { ReferralTriggerKind, Severity } from '@gridcare/referrals-contracts';
import { RuleId, RuleSetRef, RuleSetVersion, ruleSetHash } from '@gridcare/rule-language';
import { z } from 'zod';
import { deepFreeze } from '../routing/deep-freeze';
import shipped from './rules/referral-policy.2026-1.json';

const Trigger = z.strictObject({ description: z.string().min(1), severity: Severity });

/**
 * When the referral policy opens a referral, and what it says of the patient that no doctor
 * assessed: the severity each trigger stands for, the SpO2 threshold, and which underlying
 * conditions make a resident high-risk. Data a clinician reviews, shipped as JSON.
 */
export const ReferralPolicyDocument = z.strictObject({
  id: RuleId,
  version: RuleSetVersion,
  description: z.string().min(1),
  effectiveFrom: CalendarDate,
  triggers: z.strictObject({
    'red-and-infected': Trigger,
    'low-spo2': Trigger.extend({ spo2Below: z.number().min(50).max(100) }),
    'referral-assistance': Trigger,
  } satisfies Record<ReferralTriggerKind, z.ZodType>),
  highRisk: z.strictObject({ description: z.string().min(1), seriousConditions: z.array(ConditionCode) }),
});
export type ReferralPolicyDocument = z.infer<typeof ReferralPolicyDocument>;

export interface ReferralPolicy {
  readonly document: ReferralPolicyDocument;
  readonly hash: string;
}

/** Validates a referral policy document (an invalid one fails at start, naming where) and hashes it. */
export function loadReferralPolicy(json: unknown): ReferralPolicy {
  const result = ReferralPolicyDocument.safeParse(json);
  if (!result.success) {
    const summary = result.error.issues.map((issue) => `${z.core.toDotPath(issue.path) || '(document)'}: ${issue.message}`).join('; ');
    throw new Error(`invalid referral policy (${summary})`);
  }
  return { document: result.data, hash: ruleSetHash(result.data) };
}

let loaded: ReferralPolicy | undefined;

/** The policy shipped with the service (version 2026.1), validated and hashed once. */
export function defaultReferralPolicy(): ReferralPolicy {
  loaded ??= deepFreeze(loadReferralPolicy(shipped));
  return loaded;
}

/** How a skipped trigger cites the policy. */
export const referralPolicyRefOf = ({ document, hash }: ReferralPolicy): RuleSetRef => ({ id: document.id, version: document.version, hash });
