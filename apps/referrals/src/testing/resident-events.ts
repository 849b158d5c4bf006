// The residents service's events, as it would append them, for the specs that play the
// residents service: built through the residents contracts and appended to the resident's stream.
import { randomUUID } from 'node:crypto';
import { EventStore, EventToAppend } from '@gridcare/event-store';
import {
  ReferralAssistanceRequested,
  ResidentMoved,
  ResidentRegistered,
  residentStream,
  ResidentTriaged,
  Spo2Recorded,
  Tier,
  TriageTriggerKind,
  UnderlyingCondition,
} from '@gridcare/residents-contracts';
import { COMMUNITY } from './network-fixtures';

const RESIDENTS_SERVICE = { id: 'residents-service', role: 'system' };
const HASH = 'b'.repeat(64);

export interface Resident {
  id: string;
  birthDate: string;
  conditions: UnderlyingCondition[];
  lowImmunity: boolean;
  communityId: string;
}

const place = (communityId: string) => ({
  jurisdiction: { districtId: communityId.slice(0, 3), streetId: communityId.slice(0, 8), communityId },
  gridId: communityId.startsWith('d01') ? 'g01' : communityId.startsWith('d02') ? 'g02' : 'g03',
});

/** A resident of the fixture community, 58 unless told, with no underlying disease. */
export const aResident = (overrides: Partial<Resident> = {}): Resident => ({
  id: randomUUID(),
  birthDate: '1967-06-01',
  conditions: [],
  lowImmunity: false,
  communityId: COMMUNITY,
  ...overrides,
});

/** What one residents' append carries: the events, with the metadata the residents service gives them. */
const appendable = (events: { type: string; schemaVersion: number; data: unknown }[], correlationId = randomUUID()): EventToAppend[] =>
  events.map((event) => ({ id: randomUUID(), ...event, metadata: { correlationId, causationId: null, actor: RESIDENTS_SERVICE } }));

export const registered = (resident: Resident) =>
  ResidentRegistered.create({
    residentId: resident.id,
    nationalId: `11010519670601${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}X`,
    fullName: 'Li Hua',
    sex: 'male',
    birthDate: resident.birthDate,
    phone: null,
    livingAlone: false,
    familyDoctorId: null,
    conditions: resident.conditions,
    lowImmunity: resident.lowImmunity,
    pregnant: false,
    ...place(resident.communityId),
    source: 'manual',
    importId: null,
  });

export interface TriageOutcome {
  tier: Tier;
  previousTier: Tier | null;
  infected: boolean;
  kind?: TriageTriggerKind;
  latestSpo2?: number | null;
  ageYears?: number;
  asOf?: string;
}

export const triaged = (resident: Resident, { tier, previousTier, infected, kind = 'infection-reported', latestSpo2 = null, ageYears = 58, asOf = '2026-01-15' }: TriageOutcome) =>
  ResidentTriaged.create({
    residentId: resident.id,
    decisionId: randomUUID(),
    trigger: { kind, sourceEventId: null },
    asOf,
    inputs: { ageYears, sex: 'male', pregnant: false, lowImmunity: resident.lowImmunity, livingAlone: false, conditions: resident.conditions, infected, latestSpo2, dosesReceived: 2 },
    ruleSet: { id: 'triage', version: '2026.1', hash: HASH },
    firedRules: [{ id: 'infected', tier }],
    tier,
    previousTier,
  });

export const spo2Recorded = (resident: Resident, spo2: number, measuredOn = '2026-01-15') =>
  Spo2Recorded.create({ residentId: resident.id, episodeId: randomUUID(), spo2, pulse: 100, measuredAt: `${measuredOn}T10:00:00+08:00`, measuredOn });

export const referralAssistanceRequested = (resident: Resident, requestedOn = '2026-01-15') =>
  ReferralAssistanceRequested.create({ residentId: resident.id, episodeId: null, reason: 'follow-up-needs-referral', followUpNumber: 2, requestedOn });

export const moved = (resident: Resident, communityId: string) =>
  ResidentMoved.create({ residentId: resident.id, from: place(resident.communityId), to: place(communityId), reason: 'moved to her son' });

/** Appends one residents' append (one correlation) to the resident's stream; answers with the recorded events. */
export async function appendResidentEvents(store: EventStore, resident: Resident, events: { type: string; schemaVersion: number; data: unknown }[]) {
  const toAppend = appendable(events);
  await store.appendToStream(residentStream(resident.id), toAppend, { expectedRevision: 'any' });
  const recorded = await store.readStream(residentStream(resident.id));
  return toAppend.map((event) => {
    const found = recorded.find((candidate) => candidate.id === event.id);
    if (!found) throw new Error(`event ${event.id} was not recorded`);
    return found;
  });
}

/** Registers the resident (a registration triage, green, not infected) as the residents service does. */
export const registerResident = (store: EventStore, resident: Resident) =>
  appendResidentEvents(store, resident, [registered(resident), triaged(resident, { tier: 'green', previousTier: null, infected: false, kind: 'registration' })]);
