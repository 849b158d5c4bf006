import { RecordedEvent } from '@gridcare/event-store';
import { ReadModel } from '@gridcare/projections';
import { evolveResidentFacts, RESIDENT_FACT_EVENT_TYPES, ResidentFacts } from '@gridcare/referrals-domain';
import { Jurisdiction, ResidentMovedData, ResidentRegisteredData } from '@gridcare/residents-contracts';
import { PoolClient } from 'pg';

/** A resident_facts row. */
interface ResidentFactsRow {
  resident_id: string;
  /** Null in rows projected before the column existed, until the resident moves or a rebuild. */
  district_id: string | null;
  street_id: string | null;
  community_id: string;
  grid_id: string;
  birth_date: string;
  conditions: ResidentFacts['conditions'];
  low_immunity: boolean;
  tier: ResidentFacts['tier'];
  infected: boolean;
  latest_spo2: number | null;
  stream_revision: number;
  updated_at: Date;
}

/** From `table`: unqualified inside the projection's transaction, `referrals.resident_facts` outside it. */
const LOAD_RESIDENT_FACTS = (table: string) => `
SELECT resident_id, district_id, street_id, community_id, grid_id, birth_date::text AS birth_date, conditions, low_immunity, tier, infected, latest_spo2, stream_revision, updated_at
FROM ${table} WHERE resident_id = ANY($1::uuid[])`;

const UPSERT_RESIDENT_FACTS = `
INSERT INTO resident_facts (resident_id, district_id, street_id, community_id, grid_id, birth_date, conditions, low_immunity, tier, infected, latest_spo2, stream_revision, updated_at)
SELECT r.resident_id, r.district_id, r.street_id, r.community_id, r.grid_id, r.birth_date, r.conditions, r.low_immunity, r.tier, r.infected, r.latest_spo2, r.stream_revision, r.updated_at
FROM jsonb_to_recordset($1::jsonb) AS r(resident_id uuid, district_id text, street_id text, community_id text, grid_id text, birth_date date, conditions jsonb, low_immunity boolean,
  tier text, infected boolean, latest_spo2 double precision, stream_revision int, updated_at timestamptz)
ON CONFLICT (resident_id) DO UPDATE SET
  district_id = EXCLUDED.district_id, street_id = EXCLUDED.street_id, community_id = EXCLUDED.community_id, grid_id = EXCLUDED.grid_id, birth_date = EXCLUDED.birth_date, conditions = EXCLUDED.conditions,
  low_immunity = EXCLUDED.low_immunity, tier = EXCLUDED.tier, infected = EXCLUDED.infected, latest_spo2 = EXCLUDED.latest_spo2,
  stream_revision = EXCLUDED.stream_revision, updated_at = EXCLUDED.updated_at`;

export const factsOfRow = (row: ResidentFactsRow): ResidentFacts => ({
  residentId: row.resident_id,
  communityId: row.community_id,
  gridId: row.grid_id,
  birthDate: row.birth_date,
  conditions: row.conditions,
  lowImmunity: row.low_immunity,
  tier: row.tier,
  infected: row.infected,
  latestSpo2: row.latest_spo2,
});

/** The resident's facts as the referrals service knows them, from the residents' events (the domain's fold): read outside the projection. */
export async function loadResidentFacts(client: { query: PoolClient['query'] }, schema: string, residentIds: readonly string[]): Promise<Map<string, ResidentFacts>> {
  const { rows } = await client.query<ResidentFactsRow>(LOAD_RESIDENT_FACTS(`"${schema}".resident_facts`), [residentIds]);
  return new Map(rows.map((row) => [row.resident_id, factsOfRow(row)]));
}

/**
 * What the referrals service knows of residents, from the residents service's events alone:
 * registration, corrections, moves, triage decisions and overrides, SpO2 readings. The
 * referral policy routes the referrals it opens on these rows.
 */
export const residentFactsProjection: ReadModel = {
  name: 'resident-facts',
  tables: ['resident_facts'],
  eventTypes: RESIDENT_FACT_EVENT_TYPES,

  async apply(events, tx) {
    const residentIds = [...new Set(events.map((event) => (event.data as { residentId: string }).residentId))];
    const { rows } = await tx.query<ResidentFactsRow>(LOAD_RESIDENT_FACTS('resident_facts'), [residentIds]);
    const loaded = new Map(rows.map((row) => [row.resident_id, row]));
    const changed = new Map<string, ResidentFactsRow>();
    for (const event of events) {
      const { residentId } = event.data as { residentId: string };
      const row = changed.get(residentId) ?? loaded.get(residentId);
      const facts = evolveResidentFacts(row ? factsOfRow(row) : null, event);
      if (facts) changed.set(residentId, rowOf(facts, placeAfter(row ?? null, event), event));
    }
    if (changed.size) await tx.query(UPSERT_RESIDENT_FACTS, [JSON.stringify([...changed.values()])]);
  },
};

/** A resident's district and street. */
interface DistrictAndStreet {
  district_id: string | null;
  street_id: string | null;
}

/**
 * The resident's district and street after `event`: the jurisdiction a registration or a move
 * carries, else as before. (The domain's facts keep the community and grid; the referrals service
 * checks district and street jurisdictions against these.)
 */
function placeAfter(row: DistrictAndStreet | null, event: RecordedEvent): DistrictAndStreet {
  if (event.type === 'ResidentRegistered') return districtAndStreetOf((event.data as ResidentRegisteredData).jurisdiction);
  if (event.type === 'ResidentMoved') return districtAndStreetOf((event.data as ResidentMovedData).to.jurisdiction);
  return { district_id: row?.district_id ?? null, street_id: row?.street_id ?? null };
}

function districtAndStreetOf(jurisdiction: Jurisdiction): DistrictAndStreet {
  return { district_id: jurisdiction.districtId, street_id: jurisdiction.streetId };
}

function rowOf(facts: ResidentFacts, place: DistrictAndStreet, event: RecordedEvent): ResidentFactsRow {
  return {
    resident_id: facts.residentId,
    ...place,
    community_id: facts.communityId,
    grid_id: facts.gridId,
    birth_date: facts.birthDate,
    conditions: facts.conditions,
    low_immunity: facts.lowImmunity,
    tier: facts.tier,
    infected: facts.infected,
    latest_spo2: facts.latestSpo2,
    stream_revision: event.revision,
    updated_at: event.recordedAt,
  };
}
