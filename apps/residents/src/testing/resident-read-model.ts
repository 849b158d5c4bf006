import { residentsRegistryProjection } from '../projections/residents-registry.projection';
import { fold } from '@gridcare/decider';
import { RecordedEvent } from '@gridcare/event-store';
import { ResidentEvent, residentDecider } from '@gridcare/residents-domain';
import { Pool } from 'pg';

/** A residents.residents row with dates as text, so rows compare the same in any time zone. */
export interface ResidentRow {
  resident_id: string;
  national_id: string;
  full_name: string;
  sex: string;
  birth_date: string;
  phone: string | null;
  district_id: string;
  street_id: string;
  community_id: string;
  grid_id: string;
  living_alone: boolean;
  family_doctor_id: string | null;
  conditions: { code: string; controlled: boolean }[];
  low_immunity: boolean;
  pregnant: boolean;
  doses_received: number;
  boosters_received: number;
  last_dose_on: string | null;
  tier: string | null;
  tier_overridden: boolean;
  last_decision_id: string | null;
  triaged_at: string | null;
  registered_at: string;
  updated_at: string;
  stream_revision: number;
}

const RESIDENT_COLUMNS = `resident_id, national_id, full_name, sex, birth_date::text, phone, district_id, street_id, community_id, grid_id,
  living_alone, family_doctor_id, conditions, low_immunity, pregnant, doses_received, boosters_received, last_dose_on::text, tier,
  tier_overridden, last_decision_id, to_json(triaged_at)#>>'{}' AS triaged_at, to_json(registered_at)#>>'{}' AS registered_at,
  to_json(updated_at)#>>'{}' AS updated_at, stream_revision`;

export async function residentRows(pool: Pool, residentIds?: string[]): Promise<ResidentRow[]> {
  const where = residentIds ? 'WHERE resident_id = ANY($1::uuid[])' : '';
  const { rows } = await pool.query<ResidentRow>(`SELECT ${RESIDENT_COLUMNS} FROM residents.residents ${where} ORDER BY resident_id`, residentIds ? [residentIds] : []);
  return rows;
}

const TIER_EVENTS = new Set(['ResidentTriaged', 'ResidentTierOverridden']);

/**
 * The row the registry projection must show for a resident's stream: the stream folded with
 * the resident decider (the command side's own view), plus when and up to which event.
 */
const REGISTRY_EVENT_TYPES = residentsRegistryProjection.eventTypes;

export function expectedResidentRow(events: readonly RecordedEvent[]): Omit<ResidentRow, 'registered_at' | 'updated_at' | 'triaged_at'> & {
  registered_at: Date;
  updated_at: Date;
  triaged_at: Date | null;
} {
  const state = fold(residentDecider, events as unknown as ResidentEvent[]);
  if (state.status !== 'registered') throw new Error('the stream has no registration');
  // The registry's row follows the events it projects; episodes and follow-ups have read models of their own.
  const last = [...events].reverse().find((event) => (REGISTRY_EVENT_TYPES as readonly string[]).includes(event.type)) ?? events[0];
  const lastTierEvent = [...events].reverse().find((event) => TIER_EVENTS.has(event.type));
  const { facts, placement, vaccination } = state;
  return {
    resident_id: state.residentId,
    national_id: state.nationalId,
    full_name: facts.fullName,
    sex: facts.sex,
    birth_date: facts.birthDate,
    phone: facts.phone,
    district_id: placement.jurisdiction.districtId,
    street_id: placement.jurisdiction.streetId,
    community_id: placement.jurisdiction.communityId,
    grid_id: placement.gridId,
    living_alone: facts.livingAlone,
    family_doctor_id: facts.familyDoctorId,
    conditions: facts.conditions,
    low_immunity: facts.lowImmunity,
    pregnant: facts.pregnant,
    doses_received: vaccination.dosesReceived,
    boosters_received: vaccination.boostersReceived,
    last_dose_on: vaccination.lastDoseOn,
    tier: state.tier,
    tier_overridden: state.tierOverridden,
    last_decision_id: state.lastDecisionId,
    registered_at: events[0].recordedAt,
    updated_at: last.recordedAt,
    triaged_at: lastTierEvent ? lastTierEvent.recordedAt : null,
    stream_revision: last.revision,
  };
}

/** A row as comparable with expectedResidentRow: timestamps as instants. */
export function comparableRow(row: ResidentRow) {
  return {
    ...row,
    registered_at: new Date(row.registered_at),
    updated_at: new Date(row.updated_at),
    triaged_at: row.triaged_at === null ? null : new Date(row.triaged_at),
  };
}

/** Residents per tier and area, counted from the registry rows themselves. */
export const TIER_COUNTS_FROM_ROWS = `
SELECT a.level, a.area_id, r.tier, count(*)::int AS residents
FROM residents.residents r
CROSS JOIN LATERAL (VALUES ('district', r.district_id), ('street', r.street_id), ('community', r.community_id), ('grid', r.grid_id)) AS a(level, area_id)
WHERE r.tier IS NOT NULL
GROUP BY a.level, a.area_id, r.tier
ORDER BY a.level, a.area_id, r.tier`;

export const TIER_COUNTS = `SELECT level, area_id, tier, residents FROM residents.tier_counts WHERE residents <> 0 ORDER BY level, area_id, tier`;
