import { deciderSpecification } from '@gridcare/decider/testing';
import { fold } from '@gridcare/decider';
import { icuBedsOf, RegisteredFacility } from './facility-state';
import { facilityDecider } from './facility.decider';
import { bedHeld, bedReleased, capacityChanged, facilityRegistered, holdBed, releaseBed } from './testing/facility-fixtures';

const spec = deciderSpecification(facilityDecider);
/** 2 ICU beds open, 1 occupied: one bed to hold. */
const oneBedFree = [facilityRegistered(), capacityChanged()];

describe('ICU beds held for referrals', () => {
  describe('HoldBed', () => {
    it('holds an open ICU bed for a referral', () => {
      spec.given(oneBedFree).when(holdBed(1)).then([bedHeld(1)]);
    });

    it('holds the last bed once: the next referral is refused, naming the facility', () => {
      spec
        .given([...oneBedFree, bedHeld(1)])
        .when(holdBed(2))
        .thenThrows({ code: 'NO_ICU_BED_OPEN', details: { facilityId: 'h-g07', icuBeds: { open: 2, occupied: 1, held: 1 } } });
      spec.given([...oneBedFree, bedHeld(1)]).when(holdBed(2)).thenThrows(/facility h-g07 has no open ICU bed/);
    });

    it('does nothing when the referral already holds a bed here (a retried accept)', () => {
      spec.given([...oneBedFree, bedHeld(1)]).when(holdBed(1)).then([]);
    });

    it('refuses when every open bed is occupied, and at a facility without an ICU or not registered', () => {
      spec.given([facilityRegistered(), capacityChanged({ icuBedsOccupied: 2 })]).when(holdBed(1)).thenThrows({ code: 'NO_ICU_BED_OPEN' });
      spec.given([facilityRegistered()]).when(holdBed(1)).thenThrows({ code: 'NO_ICU_BED_OPEN' });
      spec.given([facilityRegistered({ capabilities: ['fever-clinic'] })]).when(holdBed(1)).thenThrows({ code: 'NO_ICU_CAPABILITY' });
      spec.given([]).when(holdBed(1)).thenThrows({ code: 'FACILITY_NOT_REGISTERED' });
    });

    it('holds the bed a released hold freed', () => {
      spec.given([...oneBedFree, bedHeld(1), bedReleased(1)]).when(holdBed(2)).then([bedHeld(2)]);
    });
  });

  describe('ReleaseBed', () => {
    it('releases a hold for the reason given', () => {
      spec.given([...oneBedFree, bedHeld(1)]).when(releaseBed(1, 'hold-lapsed')).then([bedReleased(1, 'hold-lapsed')]);
    });

    it('does nothing for a hold already released (a retried release)', () => {
      spec.given([...oneBedFree, bedHeld(1), bedReleased(1)]).when(releaseBed(1)).then([]);
    });

    it('refuses a referral that holds no bed here', () => {
      spec.given(oneBedFree).when(releaseBed(1)).thenThrows({ code: 'BED_NOT_HELD', details: { facilityId: 'h-g07' } });
    });
  });

  it('an admission turns the held bed into an occupied one; a cancellation frees it', () => {
    const admitted = fold(facilityDecider, [...oneBedFree, bedHeld(1), bedReleased(1, 'patient-admitted')]) as RegisteredFacility;
    expect(icuBedsOf(admitted)).toEqual({ open: 2, occupied: 2, held: 0 });
    const cancelled = fold(facilityDecider, [...oneBedFree, bedHeld(1), bedReleased(1, 'referral-cancelled')]) as RegisteredFacility;
    expect(icuBedsOf(cancelled)).toEqual({ open: 2, occupied: 1, held: 0 });
  });
});
