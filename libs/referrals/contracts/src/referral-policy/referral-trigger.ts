import { z } from 'zod';

/**
 * What in a resident's case makes the referral policy open a referral: the resident entered red
 * and infected (ResidentTriaged), an SpO2 reading below the policy's threshold (Spo2Recorded),
 * or the community asked for referral assistance (ReferralAssistanceRequested).
 */
export const ReferralTriggerKind = z.enum(['red-and-infected', 'low-spo2', 'referral-assistance']);
export type ReferralTriggerKind = z.infer<typeof ReferralTriggerKind>;

/** The residents' event a trigger is. */
export const ReferralTriggerEventType = z.enum(['ResidentTriaged', 'Spo2Recorded', 'ReferralAssistanceRequested']);
export type ReferralTriggerEventType = z.infer<typeof ReferralTriggerEventType>;

export const ReferralTriggerRef = z.strictObject({
  kind: ReferralTriggerKind,
  /** The residents' event, by id: the causation of whatever the policy decided. */
  eventId: z.uuid(),
  eventType: ReferralTriggerEventType,
});
export type ReferralTriggerRef = z.infer<typeof ReferralTriggerRef>;
