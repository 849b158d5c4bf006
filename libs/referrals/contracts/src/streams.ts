/** One stream per facility: registration, capacity reports, and the ICU beds held for referrals. */
export const facilityStream = (facilityId: string): string => `facility-${facilityId}`;

/** One stream per referral: its routing decisions and its lifecycle. */
export const referralStream = (referralId: string): string => `referral-${referralId}`;

/** One stream per treatment grid: its lead hospital, facilities, communities and neighbours. */
export const gridStream = (gridId: string): string => `grid-${gridId}`;

/** Every published routing policy, in publication order. */
export const ROUTING_POLICY_STREAM = 'routing-policy';

/** One stream per resident for the referral policy's skipped triggers (an opened referral is in its own stream). */
export const referralPolicyStream = (residentId: string): string => `referral-policy-${residentId}`;
