import { z } from 'zod';
import { Sex, UnderlyingConditions } from './resident-facts';

/** What a triage decision saw, recorded with it so an auditor can re-run it exactly. */
export const TriageInputs = z.strictObject({
  ageYears: z.number().int().min(0),
  sex: Sex,
  pregnant: z.boolean(),
  lowImmunity: z.boolean(),
  livingAlone: z.boolean(),
  conditions: UnderlyingConditions,
  infected: z.boolean(),
  latestSpo2: z.number().min(0).max(100).nullable(),
  dosesReceived: z.number().int().min(0),
});
export type TriageInputs = z.infer<typeof TriageInputs>;
