// Facilities, capacity reports and holds for the facility decider's specs.
import { BedReleaseReason } from '@gridcare/referrals-contracts';
import { ChangeFacilityCapacity, RegisterFacility } from '../facility-commands';
import { BedHeldEvent, BedReleasedEvent, FacilityCapacityChangedEvent, FacilityRegisteredEvent } from '../facility-events';

export const FACILITY_ID = 'h-g07';
export const referralId = (n: number) => `f0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const registration = {
  facilityId: FACILITY_ID,
  name: 'Peking University Shougang Hospital',
  kind: 'tertiary-hospital' as const,
  level: 'tertiary' as const,
  districtId: 'd05',
  location: { latitude: 39.91, longitude: 116.19 },
  capabilities: ['fever-clinic' as const, 'emergency-department' as const, 'icu' as const],
  communityIds: [],
};

export const registerFacility = (overrides: Partial<RegisterFacility> = {}): RegisterFacility => ({ type: 'RegisterFacility', ...registration, ...overrides });
export const facilityRegistered = (overrides: Partial<FacilityRegisteredEvent['data']> = {}): FacilityRegisteredEvent => ({
  type: 'FacilityRegistered',
  data: { ...registration, ...overrides },
});

const report = { facilityId: FACILITY_ID, icuBedsOpen: 2, icuBedsOccupied: 1, criticalCareDoctors: 4, criticalCareNurses: 8 };
export const changeCapacity = (overrides: Partial<ChangeFacilityCapacity> = {}): ChangeFacilityCapacity => ({ type: 'ChangeFacilityCapacity', ...report, ...overrides });
/** By default: 2 ICU beds open, 1 occupied, so one bed can be held. */
export const capacityChanged = (overrides: Partial<FacilityCapacityChangedEvent['data']> = {}): FacilityCapacityChangedEvent => ({
  type: 'FacilityCapacityChanged',
  data: { ...report, ...overrides },
});

export const holdBed = (n: number) => ({ type: 'HoldBed' as const, facilityId: FACILITY_ID, referralId: referralId(n) });
export const bedHeld = (n: number): BedHeldEvent => ({ type: 'BedHeld', data: { facilityId: FACILITY_ID, referralId: referralId(n) } });
export const releaseBed = (n: number, reason: BedReleaseReason = 'referral-cancelled') => ({ type: 'ReleaseBed' as const, facilityId: FACILITY_ID, referralId: referralId(n), reason });
export const bedReleased = (n: number, reason: BedReleaseReason = 'referral-cancelled'): BedReleasedEvent => ({
  type: 'BedReleased',
  data: { facilityId: FACILITY_ID, referralId: referralId(n), reason },
});
