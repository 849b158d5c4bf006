import { referralsContracts } from './referrals-contracts';

describe('referralsContracts', () => {
  it('registers every referrals event at version 1', () => {
    const registry = referralsContracts();
    for (const type of [
      'FacilityRegistered',
      'FacilityCapacityChanged',
      'BedHeld',
      'BedReleased',
      'GridDefined',
      'RoutingPolicyPublished',
      'ReferralRequested',
      'ReferralAccepted',
      'ReferralRedirected',
      'ReferralInTransit',
      'PatientAdmitted',
      'PatientDischarged',
      'ReferredDown',
      'ReferralCancelled',
      'EmergencyObservationStarted',
      'ReferralTriggerSkipped',
    ]) {
      expect(registry.currentVersion(type)).toBe(1);
    }
  });
});
