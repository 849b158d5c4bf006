import { Decider } from '@gridcare/decider';
import { Jurisdiction, ResidentArea } from '@gridcare/identity';
import { AggregateStore } from '@gridcare/nest-event-sourcing';
import { Placement, residentStream } from '@gridcare/residents-contracts';
import { RegisteredResident, ResidentCommand, residentDecider, ResidentEvent, ResidentState } from '@gridcare/residents-domain';
import { assertInJurisdiction } from '../identity/resident-access';

/** Where a resident lives, as their stream records it. */
export function areaOf(placement: Placement): ResidentArea {
  return { ...placement.jurisdiction, gridId: placement.gridId };
}

/**
 * The resident decider, refusing (OutsideJurisdiction) a command on a resident who lives outside
 * `jurisdiction`, or a registration there. The check runs on the very state the command is
 * decided on, so a resident registered a moment ago counts, and a race is checked again.
 */
export function residentDeciderWithin(jurisdiction: Jurisdiction | undefined, residentId: string): Decider<ResidentCommand, ResidentState, ResidentEvent> {
  if (!jurisdiction) return residentDecider;
  return {
    ...residentDecider,
    decide: (command, state) => {
      if (command.type === 'RegisterResident') assertInJurisdiction(jurisdiction, areaOf(command), residentId);
      if (state.status === 'registered') assertInJurisdiction(jurisdiction, areaOf(state.placement), residentId);
      return residentDecider.decide(command, state);
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The resident as their stream has them now; null when not registered (an id that is not a UUID cannot be). */
export async function loadRegisteredResident(aggregates: AggregateStore, residentId: string): Promise<RegisteredResident | null> {
  if (!UUID.test(residentId)) return null;
  const { state } = await aggregates.load(residentStream(residentId), residentDecider);
  return state.status === 'registered' ? state : null;
}
