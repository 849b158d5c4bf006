// Residents' events as the residents service writes them, built through its contracts.
import {
  ReferralAssistanceRequested,
  ResidentCorrected,
  ResidentMoved,
  ResidentRegistered,
  ResidentTierOverridden,
  ResidentTriaged,
  Spo2Recorded,
  Tier,
  TriageTriggerKind,
} from '@gridcare/residents-contracts';

export const RESIDENT_ID = '3f0e1d2c-4b5a-4697-8a8b-9c0d1e2f3a4b';
export const EPISODE_ID = '6b5a4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d';
export const EVENT_ID = (n: number) => `e0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const HASH = 'a'.repeat(64);
const PLACE = { jurisdiction: { districtId: 'd01', streetId: 'd01-s001', communityId: 'd01-s001-c001' }, gridId: 'g01' };

type Event = { id: string; type: string; data: unknown };
const event = (n: number, { type, data }: { type: string; data: unknown }): Event => ({ id: EVENT_ID(n), type, data });

export const registered = (n = 1, overrides: Partial<Parameters<typeof ResidentRegistered.create>[0]> = {}) =>
  event(
    n,
    ResidentRegistered.create({
      residentId: RESIDENT_ID,
      nationalId: '11010519491231002X',
      fullName: 'Wang Fang',
      sex: 'female',
      birthDate: '1949-12-31',
      phone: null,
      livingAlone: false,
      familyDoctorId: null,
      conditions: [{ code: 'hypertension', controlled: true }],
      lowImmunity: false,
      pregnant: false,
      ...PLACE,
      source: 'manual',
      importId: null,
      ...overrides,
    }),
  );

export interface Triage {
  tier: Tier;
  previousTier: Tier | null;
  infected: boolean;
  kind?: TriageTriggerKind;
  latestSpo2?: number | null;
  ageYears?: number;
  lowImmunity?: boolean;
  asOf?: string;
}

export const triaged = (n: number, { tier, previousTier, infected, kind = 'infection-reported', latestSpo2 = null, ageYears = 76, lowImmunity = false, asOf = '2026-01-15' }: Triage) =>
  event(
    n,
    ResidentTriaged.create({
      residentId: RESIDENT_ID,
      decisionId: EVENT_ID(1000 + n),
      trigger: { kind, sourceEventId: null },
      asOf,
      inputs: { ageYears, sex: 'female', pregnant: false, lowImmunity, livingAlone: false, conditions: [{ code: 'hypertension', controlled: true }], infected, latestSpo2, dosesReceived: 2 },
      ruleSet: { id: 'triage', version: '2026.1', hash: HASH },
      firedRules: [{ id: 'infected', tier }],
      tier,
      previousTier,
    }),
  );

export const spo2 = (n: number, reading: number, measuredOn = '2026-01-16') =>
  event(n, Spo2Recorded.create({ residentId: RESIDENT_ID, episodeId: EPISODE_ID, spo2: reading, pulse: 96, measuredAt: `${measuredOn}T08:00:00+08:00`, measuredOn }));

export const assistance = (n: number, requestedOn = '2026-01-17') =>
  event(n, ReferralAssistanceRequested.create({ residentId: RESIDENT_ID, episodeId: EPISODE_ID, reason: 'follow-up-needs-referral', followUpNumber: 3, requestedOn }));

export const moved = (n: number, communityId: string, gridId: string) =>
  event(
    n,
    ResidentMoved.create({
      residentId: RESIDENT_ID,
      from: PLACE,
      to: { jurisdiction: { districtId: communityId.slice(0, 3), streetId: communityId.slice(0, 8), communityId }, gridId },
      reason: 'moved in with her daughter',
    }),
  );

export const corrected = (n: number, changes: Parameters<typeof ResidentCorrected.create>[0]['changes']) =>
  event(n, ResidentCorrected.create({ residentId: RESIDENT_ID, changes, reason: 'census error' }));

export const overridden = (n: number, tier: Tier, previousTier: Tier) =>
  event(
    n,
    ResidentTierOverridden.create({ residentId: RESIDENT_ID, decisionId: EVENT_ID(2000 + n), tier, previousTier, reason: 'doctor judgement', overridesDecisionId: null, ruleSet: { id: 'triage', version: '2026.1', hash: HASH } }),
  );
