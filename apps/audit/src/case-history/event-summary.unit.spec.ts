import { RecordedEvent } from '@gridcare/event-store';
import { summarizeEvent, whyOfEvent } from './event-summary';

const event = (type: string, data: unknown) => ({ type, data }) as RecordedEvent;

describe('a case-history entry in the domain words', () => {
  it('names the tier, the trigger, the fired rules and the rule set of a triage decision', () => {
    const triaged = event('ResidentTriaged', {
      tier: 'red',
      previousTier: 'yellow',
      trigger: { kind: 'spo2-recorded' },
      firedRules: [{ id: 'infected-low-spo2', tier: 'red' }, { id: 'infected', tier: 'yellow' }],
      ruleSet: { id: 'triage', version: '2026.1', hash: 'abc' },
    });
    expect(summarizeEvent(triaged)).toBe('triaged RED (was YELLOW) on spo2-recorded; rules fired: infected-low-spo2, infected; triage 2026.1');
    expect(whyOfEvent(triaged)).toMatchObject({ trigger: { kind: 'spo2-recorded' }, ruleSet: { hash: 'abc' } });
  });

  it("names a routing decision's channel, facility, applied rule and its fired rules (bare ids)", () => {
    const requested = event('ReferralRequested', {
      decision: {
        policy: { id: 'routing', version: '2026.1', hash: 'def' },
        firedRules: ['high-risk-elderly-to-tertiary', 'severe-to-emergency-department'],
        appliedRule: 'high-risk-elderly-to-tertiary',
        outcome: { channel: 'direct-to-tertiary', facilityId: 'h-g32' },
      },
    });
    expect(summarizeEvent(requested)).toBe(
      'referral requested: direct-to-tertiary to h-g32 by high-risk-elderly-to-tertiary; rules fired: high-risk-elderly-to-tertiary, severe-to-emergency-department; routing 2026.1',
    );
    expect(whyOfEvent(requested)).toMatchObject({ appliedRule: 'high-risk-elderly-to-tertiary', policy: { hash: 'def' } });
  });

  it('falls back to the type for an event it has no words for', () => {
    expect(summarizeEvent(event('SomethingNew', {}))).toBe('SomethingNew');
    expect(whyOfEvent(event('SomethingNew', { note: 'x' }))).toBeNull();
  });
});
