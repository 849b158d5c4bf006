import { deciderSpecification } from '@gridcare/decider/testing';
import { fold } from '@gridcare/decider';
import { facilityCapacity } from './facility-capacity';
import { RegisteredFacility } from './facility-state';
import { facilityDecider } from './facility.decider';
import { bedHeld, capacityChanged, changeCapacity, facilityRegistered } from './testing/facility-fixtures';

const spec = deciderSpecification(facilityDecider);

describe('ChangeFacilityCapacity', () => {
  it('records ICU beds open and occupied, critical-care doctors and nurses', () => {
    spec.given([facilityRegistered()]).when(changeCapacity()).then([capacityChanged()]);
    spec.given([facilityRegistered(), capacityChanged()]).when(changeCapacity({ icuBedsOpen: 12, criticalCareNurses: 30 })).then([capacityChanged({ icuBedsOpen: 12, criticalCareNurses: 30 })]);
  });

  it('does nothing when nothing changed', () => {
    spec.given([facilityRegistered(), capacityChanged()]).when(changeCapacity()).then([]);
  });

  describe('refuses', () => {
    it('a facility that is not registered', () => {
      spec.given([]).when(changeCapacity()).thenThrows({ code: 'FACILITY_NOT_REGISTERED' });
    });

    it('more beds occupied than open, naming the field', () => {
      spec.given([facilityRegistered()]).when(changeCapacity({ icuBedsOccupied: 3 })).thenThrows({ code: 'OCCUPIED_EXCEEDS_OPEN', details: { field: 'icuBedsOccupied' } });
    });

    it('ICU beds at a facility without an ICU', () => {
      const station = facilityRegistered({ kind: 'community-health-service-station', level: 'grassroots', capabilities: ['fever-clinic'] });
      spec.given([station]).when(changeCapacity()).thenThrows({ code: 'NO_ICU_CAPABILITY' });
      spec.given([station]).when(changeCapacity({ icuBedsOpen: 0, icuBedsOccupied: 0 })).then([capacityChanged({ icuBedsOpen: 0, icuBedsOccupied: 0 })]);
    });
  });

  it('a report does not cancel holds: the read model shows them, and no free bed below zero', () => {
    const state = fold(facilityDecider, [facilityRegistered(), capacityChanged(), bedHeld(1), capacityChanged({ icuBedsOpen: 1, icuBedsOccupied: 1 })]) as RegisteredFacility;
    expect(facilityCapacity(state, 'g07', 3)).toEqual({
      facilityId: 'h-g07',
      gridId: 'g07',
      level: 'tertiary',
      capabilities: ['fever-clinic', 'emergency-department', 'icu'],
      location: { latitude: 39.91, longitude: 116.19 },
      icuBeds: { open: 1, occupied: 1, held: 1 },
      facilityRevision: 3,
    });
  });
});
