import { RecordedEvent } from '@gridcare/event-store';
import { referralOfStream, residentOfEvent } from './resident-of-event';

const RESIDENT = '0b6f2f4e-3c1a-8d2e-9f00-1234567890ab';
const REFERRAL = '9a1c2b3d-4e5f-8a6b-9c7d-0e1f2a3b4c5d';
const event = (streamId: string, data: unknown = {}): RecordedEvent => ({ streamId, data }) as RecordedEvent;

describe('which resident an event is about', () => {
  it("reads it from the resident's streams, the referral policy's included", () => {
    for (const stream of [`resident-${RESIDENT}`, `resident-supplies-${RESIDENT}`, `resident-assignment-${RESIDENT}`, `referral-policy-${RESIDENT}`]) {
      expect(residentOfEvent(event(stream), () => undefined)).toBe(RESIDENT);
    }
  });

  it("takes a referral's resident from its opening event, and its later events from the referral", () => {
    expect(residentOfEvent(event(`referral-${REFERRAL}`, { referralId: REFERRAL, residentId: RESIDENT }), () => undefined)).toBe(RESIDENT);
    expect(residentOfEvent(event(`referral-${REFERRAL}`, { facilityId: 'h-1' }), (id) => (id === REFERRAL ? RESIDENT : undefined))).toBe(RESIDENT);
  });

  it('is no one for facilities, grids and rule sets; a referral policy stream is no referral', () => {
    expect(residentOfEvent(event('facility-h-g01'), () => RESIDENT)).toBeNull();
    expect(residentOfEvent(event('triage-rule-set'), () => RESIDENT)).toBeNull();
    expect(referralOfStream(`referral-policy-${RESIDENT}`)).toBeNull();
    expect(referralOfStream(`referral-${REFERRAL.toUpperCase()}`)).toBe(REFERRAL);
  });
});
