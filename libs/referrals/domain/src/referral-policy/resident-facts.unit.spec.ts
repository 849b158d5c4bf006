import { defaultReferralPolicy } from './referral-policy';
import { ageOn, evolveResidentFacts, isHighRisk, ResidentFacts } from './resident-facts';
import { corrected, moved, overridden, registered, RESIDENT_ID, spo2, triaged } from './testing/resident-event-fixtures';

const fold = (events: { type: string; data: unknown }[]) => events.reduce<ResidentFacts | null>(evolveResidentFacts, null);

describe("the referrals service's facts of a resident, from residents' events", () => {
  it('starts at registration: community, grid, birth date, conditions, immunity', () => {
    expect(fold([registered()])).toEqual({
      residentId: RESIDENT_ID,
      communityId: 'd01-s001-c001',
      gridId: 'g01',
      birthDate: '1949-12-31',
      conditions: [{ code: 'hypertension', controlled: true }],
      lowImmunity: false,
      tier: null,
      infected: false,
      latestSpo2: null,
    });
  });

  it('follows corrections, moves, triage, overrides and readings', () => {
    const facts = fold([
      registered(),
      corrected(2, { birthDate: '1950-01-02', lowImmunity: true }),
      moved(3, 'd02-s001-c001', 'g02'),
      triaged(4, { tier: 'red', previousTier: null, infected: true, latestSpo2: 95 }),
      spo2(5, 91),
    ]);
    expect(facts).toMatchObject({ communityId: 'd02-s001-c001', gridId: 'g02', birthDate: '1950-01-02', lowImmunity: true, tier: 'red', infected: true, latestSpo2: 91 });
    expect(evolveResidentFacts(facts, overridden(6, 'yellow', 'red'))).toMatchObject({ tier: 'yellow', latestSpo2: 91 });
  });

  it('knows nothing of a resident whose registration it has not seen', () => {
    expect(fold([triaged(2, { tier: 'red', previousTier: null, infected: true }), spo2(3, 90)])).toBeNull();
  });

  it('ignores events it does not fold', () => {
    const facts = fold([registered()]);
    expect(evolveResidentFacts(facts, { type: 'FollowUpScheduled', data: {} })).toBe(facts);
  });

  it('counts age in full years on a city date', () => {
    expect(ageOn('1949-12-31', '2026-01-15')).toBe(76);
    expect(ageOn('1960-01-15', '2026-01-15')).toBe(66);
    expect(ageOn('1960-01-16', '2026-01-15')).toBe(65);
    expect(ageOn('2026-01-20', '2026-01-15')).toBe(0);
  });

  it("is high-risk as routing means it: a serious condition of the policy's list, an uncontrolled one, or low immunity", () => {
    const policy = defaultReferralPolicy();
    const with_ = (conditions: { code: string; controlled: boolean }[], lowImmunity = false) => isHighRisk({ conditions, lowImmunity }, policy);
    expect(with_([{ code: 'hypertension', controlled: true }])).toBe(false);
    expect(with_([{ code: 'hypertension', controlled: false }])).toBe(true);
    expect(with_([{ code: 'copd', controlled: true }])).toBe(true);
    expect(with_([], true)).toBe(true);
    expect(with_([])).toBe(false);
  });
});
