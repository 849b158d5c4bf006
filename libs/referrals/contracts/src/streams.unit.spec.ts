import { facilityStream, gridStream, referralPolicyStream, referralStream, ROUTING_POLICY_STREAM } from './streams';
import { REFERRAL_ID, RESIDENT_ID } from './testing/contract-fixtures';

describe('stream names', () => {
  it('one stream per facility, referral and grid; one for the routing policies', () => {
    expect(facilityStream('h-g07')).toBe('facility-h-g07');
    expect(referralStream(REFERRAL_ID)).toBe(`referral-${REFERRAL_ID}`);
    expect(gridStream('g07')).toBe('grid-g07');
    expect(ROUTING_POLICY_STREAM).toBe('routing-policy');
  });

  it("one stream per resident for the referral policy's skipped triggers", () => {
    expect(referralPolicyStream(RESIDENT_ID)).toBe(`referral-policy-${RESIDENT_ID}`);
  });
});
