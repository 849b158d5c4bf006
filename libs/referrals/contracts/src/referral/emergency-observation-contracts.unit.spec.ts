import { issuesOf, REFERRAL_ID, RESIDENT_ID } from '../testing/contract-fixtures';

describe('EmergencyObservationStarted', () => {
  const started = () => ({ referralId: REFERRAL_ID, residentId: RESIDENT_ID, facilityId: 'sh-g07-2', startedAt: '2026-01-15T09:00:00+08:00' });

  it('names the referral, the resident, the facility and when observation started', () => {
    expect(issuesOf('EmergencyObservationStarted', started())).toEqual([]);
    expect(issuesOf('EmergencyObservationStarted', { ...started(), startedAt: '2026-01-15T01:00:00.000Z' })).toEqual([]);
  });

  it('refuses a start without an offset, or without a facility', () => {
    expect(issuesOf('EmergencyObservationStarted', { ...started(), startedAt: '2026-01-15 09:00' })).toEqual(['startedAt']);
    const { facilityId: _facility, ...noFacility } = started();
    expect(issuesOf('EmergencyObservationStarted', noFacility)).toEqual(['facilityId']);
  });
});
