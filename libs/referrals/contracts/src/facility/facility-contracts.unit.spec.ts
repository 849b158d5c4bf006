import { freeIcuBeds, levelRank } from './facility-values';
import { facilityRegistered, issuesOf, REFERRAL_ID } from '../testing/contract-fixtures';

describe('facility contracts', () => {
  describe('FacilityRegistered', () => {
    it('accepts a hospital and a grassroots institution serving communities', () => {
      expect(issuesOf('FacilityRegistered', facilityRegistered())).toEqual([]);
      expect(
        issuesOf('FacilityRegistered', {
          ...facilityRegistered(),
          facilityId: 'vc-d13-s020-c041',
          kind: 'village-clinic',
          level: 'grassroots',
          capabilities: [],
          communityIds: ['d13-s020-c041'],
        }),
      ).toEqual([]);
    });

    it('ties the level to the kind', () => {
      expect(issuesOf('FacilityRegistered', { ...facilityRegistered(), kind: 'second-level-hospital' })).toEqual(['level']);
      expect(issuesOf('FacilityRegistered', { ...facilityRegistered(), kind: 'regional-medical-centre' })).toEqual([]);
    });

    it('names the field that is wrong', () => {
      expect(issuesOf('FacilityRegistered', { ...facilityRegistered(), facilityId: 'H G07' })).toEqual(['facilityId']);
      expect(issuesOf('FacilityRegistered', { ...facilityRegistered(), capabilities: ['icu', 'icu'] })).toEqual(['capabilities[1]']);
      expect(issuesOf('FacilityRegistered', { ...facilityRegistered(), capabilities: ['ventilators'] })).toEqual(['capabilities[0]']);
      expect(issuesOf('FacilityRegistered', { ...facilityRegistered(), location: { latitude: 139.9, longitude: 116.2 } })).toEqual(['location.latitude']);
    });
  });

  describe('FacilityCapacityChanged', () => {
    const report = { facilityId: 'h-g07', icuBedsOpen: 60, icuBedsOccupied: 48, criticalCareDoctors: 120, criticalCareNurses: 240 };

    it('reports ICU beds, critical-care doctors and nurses', () => {
      expect(issuesOf('FacilityCapacityChanged', report)).toEqual([]);
      expect(issuesOf('FacilityCapacityChanged', { ...report, icuBedsOpen: 0, icuBedsOccupied: 0 })).toEqual([]);
    });

    it('refuses more beds occupied than open, and negative or fractional counts', () => {
      expect(issuesOf('FacilityCapacityChanged', { ...report, icuBedsOccupied: 61 })).toEqual(['icuBedsOccupied']);
      expect(issuesOf('FacilityCapacityChanged', { ...report, criticalCareDoctors: -1, criticalCareNurses: 2.5 })).toEqual(['criticalCareDoctors', 'criticalCareNurses']);
    });
  });

  it('BedHeld and BedReleased name the facility and the referral', () => {
    expect(issuesOf('BedHeld', { facilityId: 'h-g07', referralId: REFERRAL_ID })).toEqual([]);
    expect(issuesOf('BedHeld', { facilityId: 'h-g07', referralId: 'r-1' })).toEqual(['referralId']);
    expect(issuesOf('BedReleased', { facilityId: 'h-g07', referralId: REFERRAL_ID, reason: 'patient-admitted' })).toEqual([]);
    expect(issuesOf('BedReleased', { facilityId: 'h-g07', referralId: REFERRAL_ID, reason: 'forgotten' })).toEqual(['reason']);
  });

  it('ranks levels lowest first and counts free beds net of holds', () => {
    expect(['tertiary', 'grassroots', 'second-level'].map((level) => levelRank(level as never))).toEqual([2, 0, 1]);
    expect(freeIcuBeds({ open: 10, occupied: 7, held: 2 })).toBe(1);
    expect(freeIcuBeds({ open: 10, occupied: 9, held: 2 })).toBe(0);
  });
});
