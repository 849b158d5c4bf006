import { FacilityRegisteredData, IcuBeds } from '@gridcare/referrals-contracts';
import { FacilityEvent } from './facility-events';

export interface RegisteredFacility {
  readonly status: 'registered';
  readonly registration: FacilityRegisteredData;
  readonly icuBedsOpen: number;
  readonly icuBedsOccupied: number;
  readonly criticalCareDoctors: number;
  readonly criticalCareNurses: number;
  /** Referrals an ICU bed is held for. */
  readonly holds: ReadonlySet<string>;
  /** Referrals whose hold was released: releasing again changes nothing. */
  readonly released: ReadonlySet<string>;
}

export type FacilityState = { readonly status: 'unregistered' } | RegisteredFacility;

export const initialFacilityState = (): FacilityState => ({ status: 'unregistered' });

/** The facility's ICU beds: open and occupied as last reported (plus admissions since), held as its stream counts. */
export const icuBedsOf = (facility: RegisteredFacility): IcuBeds => ({ open: facility.icuBedsOpen, occupied: facility.icuBedsOccupied, held: facility.holds.size });

export function evolveFacility(state: FacilityState, event: FacilityEvent): FacilityState {
  if (event.type === 'FacilityRegistered') {
    return { status: 'registered', registration: event.data, icuBedsOpen: 0, icuBedsOccupied: 0, criticalCareDoctors: 0, criticalCareNurses: 0, holds: new Set(), released: new Set() };
  }
  if (state.status !== 'registered') return state;
  switch (event.type) {
    case 'FacilityCapacityChanged': {
      const { icuBedsOpen, icuBedsOccupied, criticalCareDoctors, criticalCareNurses } = event.data;
      return { ...state, icuBedsOpen, icuBedsOccupied, criticalCareDoctors, criticalCareNurses };
    }
    case 'BedHeld': {
      const released = new Set(state.released);
      released.delete(event.data.referralId);
      return { ...state, holds: new Set(state.holds).add(event.data.referralId), released };
    }
    case 'BedReleased': {
      const holds = new Set(state.holds);
      holds.delete(event.data.referralId);
      // Admitted: the held bed is now occupied, until the next capacity report counts it.
      const occupied = state.icuBedsOccupied + (event.data.reason === 'patient-admitted' ? 1 : 0);
      return { ...state, holds, released: new Set(state.released).add(event.data.referralId), icuBedsOccupied: occupied };
    }
  }
}
