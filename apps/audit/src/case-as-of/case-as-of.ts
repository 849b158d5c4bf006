import { comparePositions, EventStore, GlobalPosition, RecordedEvent } from '@gridcare/event-store';
import { fold } from '@gridcare/decider';
import { FINAL_REFERRAL_STATUSES, referralDecider, ReferralEvent, ReferralState } from '@gridcare/referrals-domain';
import { referralStream } from '@gridcare/referrals-contracts';
import { residentStream } from '@gridcare/residents-contracts';
import { residentDecider, ResidentEvent, ResidentState } from '@gridcare/residents-domain';

/** A moment of the case: a global log position, or a time (the store's recording time). */
export type Moment = { position: GlobalPosition } | { at: Date };

export interface CaseState {
  resident: ResidentState;
  referrals: ReferralState[];
  eventsFolded: number;
}

const upTo = (moment: Moment) => (event: RecordedEvent) =>
  'position' in moment ? comparePositions(event.position, moment.position) <= 0 : event.recordedAt.getTime() <= moment.at.getTime();

/**
 * A resident's case as it was at a moment: their stream and their referrals' streams, each cut
 * at the moment and folded with the very deciders (evolve) that build today's state in the
 * residents and referrals services.
 */
export async function caseAsOf(store: EventStore, residentId: string, referralIds: readonly string[], moment: Moment): Promise<CaseState> {
  const included = upTo(moment);
  const residentEvents = (await store.readStream(residentStream(residentId))).filter(included);
  const resident = fold(residentDecider, residentEvents as unknown as ResidentEvent[]);
  let eventsFolded = residentEvents.length;
  const referrals: ReferralState[] = [];
  for (const referralId of referralIds) {
    const events = (await store.readStream(referralStream(referralId))).filter(included);
    eventsFolded += events.length;
    const state = fold(referralDecider, events as unknown as ReferralEvent[]);
    if (state.status !== 'none') referrals.push(state);
  }
  return { resident, referrals, eventsFolded };
}

export function isOpen(referral: ReferralState): boolean {
  return referral.status !== 'none' && !FINAL_REFERRAL_STATUSES.includes(referral.status);
}
