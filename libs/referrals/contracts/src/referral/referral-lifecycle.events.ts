import { defineEventContract, EventData } from '@gridcare/event-contracts';
import { Reason } from '@gridcare/residents-contracts';
import { z } from 'zod';
import { FacilityId } from '../facility/facility-values';

// The referral after acceptance: each event names the facility it happens at.

export const ReferralInTransit = defineEventContract({
  type: 'ReferralInTransit',
  version: 1,
  schema: z.strictObject({ referralId: z.uuid(), facilityId: FacilityId }),
});
export type ReferralInTransitData = EventData<typeof ReferralInTransit>;

/** The patient arrived and was admitted; an ICU bed held for them is now occupied (released from hold). */
export const PatientAdmitted = defineEventContract({
  type: 'PatientAdmitted',
  version: 1,
  schema: z.strictObject({ referralId: z.uuid(), facilityId: FacilityId, icuBedHeld: z.boolean() }),
});
export type PatientAdmittedData = EventData<typeof PatientAdmitted>;

export const PatientDischarged = defineEventContract({
  type: 'PatientDischarged',
  version: 1,
  schema: z.strictObject({ referralId: z.uuid(), facilityId: FacilityId }),
});
export type PatientDischargedData = EventData<typeof PatientDischarged>;

/** A stable patient goes back to grassroots for rehabilitation: the downward referral is its own, named here. */
export const ReferredDown = defineEventContract({
  type: 'ReferredDown',
  version: 1,
  schema: z.strictObject({ referralId: z.uuid(), facilityId: FacilityId, downwardReferralId: z.uuid() }),
});
export type ReferredDownData = EventData<typeof ReferredDown>;

/** The referral ends before admission; an ICU bed held for it must be released. */
export const ReferralCancelled = defineEventContract({
  type: 'ReferralCancelled',
  version: 1,
  schema: z.strictObject({ referralId: z.uuid(), facilityId: FacilityId, reason: Reason, icuBedHeld: z.boolean() }),
});
export type ReferralCancelledData = EventData<typeof ReferralCancelled>;
