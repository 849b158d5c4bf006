import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { z } from 'zod';
import { CalendarDate } from '../calendar-date';
import { Reason } from '../reason';

/** What a follow-up is for: a health check of an infected resident, a greeting for one living alone, referral assistance. */
export const FollowUpPurpose = z.enum(['health-check', 'greeting', 'referral-assistance']);
export type FollowUpPurpose = z.infer<typeof FollowUpPurpose>;

/** Why the schedule is what it is: the facts the plan was derived from. */
export const FollowUpPlanBasis = z.enum(['red-infected', 'yellow-infected', 'living-alone', 'raised-frequency']);
export type FollowUpPlanBasis = z.infer<typeof FollowUpPlanBasis>;

/**
 * The resident's next follow-up. Numbers count up per resident; a schedule change replaces the
 * pending follow-up (named in `replaces`), so one is never booked twice nor lost.
 */
export const FollowUpScheduled = defineEventContract({
  type: 'FollowUpScheduled',
  version: 1,
  schema: z.strictObject({
    residentId: z.uuid(),
    followUpNumber: z.number().int().min(1),
    dueOn: CalendarDate,
    intervalDays: z.number().int().min(1).max(30),
    purposes: z.array(FollowUpPurpose).min(1),
    basis: z.array(FollowUpPlanBasis).min(1),
    replaces: z.number().int().min(1).nullable(),
  }),
});
export type FollowUpScheduledData = EventData<typeof FollowUpScheduled>;

export const FollowUpMethod = z.enum(['telephone', 'messaging', 'door-to-door']);
export type FollowUpMethod = z.infer<typeof FollowUpMethod>;

export const FollowUpOutcome = z.enum(['stable', 'better', 'worse', 'not-reached', 'needs-referral']);
export type FollowUpOutcome = z.infer<typeof FollowUpOutcome>;

/** A worker did a follow-up: how, and what they found. */
export const FollowUpCompleted = defineEventContract({
  type: 'FollowUpCompleted',
  version: 1,
  schema: z.strictObject({
    residentId: z.uuid(),
    followUpNumber: z.number().int().min(1),
    method: FollowUpMethod,
    outcome: FollowUpOutcome,
    workerId: z.string().min(1).max(100),
    note: z.string().max(2000).nullable(),
    completedOn: CalendarDate,
  }),
});
export type FollowUpCompletedData = EventData<typeof FollowUpCompleted>;

/** Follow-ups at least this often for the rest of the episode; only an explicit reset lowers it. */
export const FollowUpFrequencyRaised = defineEventContract({
  type: 'FollowUpFrequencyRaised',
  version: 1,
  schema: z.strictObject({ residentId: z.uuid(), intervalDays: z.number().int().min(1).max(30), previousIntervalDays: z.number().int().min(1).nullable(), reason: Reason }),
});
export type FollowUpFrequencyRaisedData = EventData<typeof FollowUpFrequencyRaised>;

/** The resident was not reached twice in a row: someone must go and see. */
export const FollowUpEscalated = defineEventContract({
  type: 'FollowUpEscalated',
  version: 1,
  schema: z.strictObject({ residentId: z.uuid(), followUpNumber: z.number().int().min(1), reason: z.enum(['not-reached-twice']), escalatedOn: CalendarDate }),
});
export type FollowUpEscalatedData = EventData<typeof FollowUpEscalated>;

/** No follow-up is needed any more (the episode ended, the resident no longer lives alone): the pending one is cancelled. */
export const FollowUpsEnded = defineEventContract({
  type: 'FollowUpsEnded',
  version: 1,
  schema: z.strictObject({ residentId: z.uuid(), cancelledFollowUpNumber: z.number().int().min(1), endedOn: CalendarDate }),
});
export type FollowUpsEndedData = EventData<typeof FollowUpsEnded>;

/** The community asks for help with a referral (red and infected, or a follow-up found it needed): the referrals service reacts. */
export const ReferralAssistanceRequested = defineEventContract({
  type: 'ReferralAssistanceRequested',
  version: 1,
  schema: z.strictObject({
    residentId: z.uuid(),
    episodeId: z.uuid().nullable(),
    reason: z.enum(['red-and-infected', 'follow-up-needs-referral', 'follow-up-worse']),
    followUpNumber: z.number().int().min(1).nullable(),
    requestedOn: CalendarDate,
  }),
});
export type ReferralAssistanceRequestedData = EventData<typeof ReferralAssistanceRequested>;
