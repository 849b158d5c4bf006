import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { z } from 'zod';
import { CalendarDate } from '../calendar-date';
import { RuleSetRef } from '../rule-set-ref';
import { Tier } from '../tier';
import { TriageInputs } from '../triage-inputs';

export const TriageTriggerKind = z.enum([
  'registration',
  'facts-corrected',
  'moved',
  'vaccination-status',
  'infection-reported',
  'spo2-reading',
  'home-treatment-ended',
  'follow-up-outcome',
  'rule-set-published',
  'manual-request',
]);
export type TriageTriggerKind = z.infer<typeof TriageTriggerKind>;

export const TriageTrigger = z.strictObject({ kind: TriageTriggerKind, sourceEventId: z.uuid().nullable() });
export type TriageTrigger = z.infer<typeof TriageTrigger>;

export const FiredRule = z.strictObject({ id: z.string().min(1), tier: Tier });
export type FiredRule = z.infer<typeof FiredRule>;

/**
 * A triage decision with its explanation: what triggered it, the inputs as seen, the rule set
 * (version and hash), the rules that fired and the outcome. Re-running the rule set on the
 * inputs must give the same tier and fired rules.
 */
export const ResidentTriaged = defineEventContract({
  type: 'ResidentTriaged',
  version: 1,
  schema: z.strictObject({
    residentId: z.uuid(),
    decisionId: z.uuid(),
    trigger: TriageTrigger,
    // The city date the age was computed at: the decision must not depend on when it is replayed.
    asOf: CalendarDate,
    inputs: TriageInputs,
    ruleSet: RuleSetRef,
    firedRules: z.array(FiredRule),
    tier: Tier,
    previousTier: Tier.nullable(),
  }),
});
export type ResidentTriagedData = EventData<typeof ResidentTriaged>;
