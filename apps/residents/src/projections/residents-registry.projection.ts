import { RecordedEvent } from '@gridcare/event-store';
import { Projection } from '@gridcare/projections';
import { PoolClient } from 'pg';
import { dataOf, Jurisdiction, RegisteredData, TierDecisionData } from './registry-events';
import { APPLY_MOVE, APPLY_TIER_DECISIONS } from './tier-count-deltas';

const INSERT_RESIDENTS = `
INSERT INTO residents.residents (resident_id, national_id, full_name, sex, birth_date, phone, district_id, street_id, community_id, grid_id,
  living_alone, family_doctor_id, conditions, low_immunity, pregnant, registered_at, updated_at, stream_revision)
SELECT r.resident_id, r.national_id, r.full_name, r.sex, r.birth_date, r.phone, r.district_id, r.street_id, r.community_id, r.grid_id,
  r.living_alone, r.family_doctor_id, r.conditions, r.low_immunity, r.pregnant, r.at, r.at, r.revision
FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
  $11::bool[], $12::text[], $13::jsonb[], $14::bool[], $15::bool[], $16::timestamptz[], $17::int[])
  AS r(resident_id, national_id, full_name, sex, birth_date, phone, district_id, street_id, community_id, grid_id,
       living_alone, family_doctor_id, conditions, low_immunity, pregnant, at, revision)
ON CONFLICT (resident_id) DO NOTHING`;

/** Columns a correction may change, by the event's field name. */
const CORRECTABLE: Record<string, string> = {
  fullName: 'full_name',
  sex: 'sex',
  birthDate: 'birth_date',
  phone: 'phone',
  livingAlone: 'living_alone',
  familyDoctorId: 'family_doctor_id',
  conditions: 'conditions',
  lowImmunity: 'low_immunity',
  pregnant: 'pregnant',
};

const TIER_EVENTS = new Set(['ResidentTriaged', 'ResidentTierOverridden']);

/**
 * The registry: one row per resident with facts, jurisdiction, vaccination status and
 * current tier, and the tier counts per area. Written with set-based SQL so that a census
 * import of millions of residents keeps up; read through Prisma.
 */
export const residentsRegistryProjection: Projection<PoolClient> = {
  name: 'residents-registry',
  eventTypes: ['ResidentRegistered', 'ResidentCorrected', 'ResidentMoved', 'ResidentVaccinationStatusUpdated', 'ResidentTriaged', 'ResidentTierOverridden'],

  async apply(events, tx) {
    // A registration is the first event of its stream, so inserting all of a batch's
    // registrations first keeps every resident's own events in order.
    const registrations = events.filter((event) => event.type === 'ResidentRegistered');
    if (registrations.length) await insertResidents(registrations, tx);
    let tierRun: RecordedEvent[] = [];
    const flushTiers = async () => {
      if (tierRun.length) await applyTierDecisions(tierRun, tx);
      tierRun = [];
    };
    for (const event of events) {
      if (TIER_EVENTS.has(event.type)) {
        tierRun.push(event);
        continue;
      }
      await flushTiers();
      if (event.type === 'ResidentCorrected') await applyCorrection(event, tx);
      else if (event.type === 'ResidentMoved') await applyMove(event, tx);
      else if (event.type === 'ResidentVaccinationStatusUpdated') await applyVaccination(event, tx);
    }
    await flushTiers();
  },

  async reset(tx) {
    await tx.query('DELETE FROM residents.residents');
    await tx.query('DELETE FROM residents.tier_counts');
  },
};

async function insertResidents(events: RecordedEvent[], tx: PoolClient): Promise<void> {
  const rows = events.map((event) => ({ data: dataOf<RegisteredData>(event), event }));
  await tx.query(INSERT_RESIDENTS, [
    rows.map((r) => r.data.residentId),
    rows.map((r) => r.data.nationalId),
    rows.map((r) => r.data.fullName),
    rows.map((r) => r.data.sex),
    rows.map((r) => r.data.birthDate),
    rows.map((r) => r.data.phone),
    rows.map((r) => r.data.jurisdiction.districtId),
    rows.map((r) => r.data.jurisdiction.streetId),
    rows.map((r) => r.data.jurisdiction.communityId),
    rows.map((r) => r.data.gridId),
    rows.map((r) => r.data.livingAlone),
    rows.map((r) => r.data.familyDoctorId),
    rows.map((r) => JSON.stringify(r.data.conditions)),
    rows.map((r) => r.data.lowImmunity),
    rows.map((r) => r.data.pregnant),
    rows.map((r) => r.event.recordedAt),
    rows.map((r) => r.event.revision),
  ]);
}

async function applyTierDecisions(events: RecordedEvent[], tx: PoolClient): Promise<void> {
  const decisions = events.map((event) => ({ data: dataOf<TierDecisionData>(event), event }));
  await tx.query(APPLY_TIER_DECISIONS, [
    decisions.map((d) => d.data.residentId),
    decisions.map((d) => d.data.tier),
    decisions.map((d) => d.event.type === 'ResidentTierOverridden'),
    decisions.map((d) => d.data.decisionId),
    decisions.map((d) => d.event.recordedAt),
    decisions.map((d) => d.event.revision),
  ]);
}

async function applyCorrection(event: RecordedEvent, tx: PoolClient): Promise<void> {
  const { residentId, changes } = dataOf<{ residentId: string; changes: Record<string, unknown> }>(event);
  const assignments: string[] = [];
  const values: unknown[] = [residentId, event.recordedAt, event.revision];
  for (const [field, value] of Object.entries(changes)) {
    const column = CORRECTABLE[field];
    if (!column) continue;
    values.push(field === 'conditions' ? JSON.stringify(value) : value);
    assignments.push(`${column} = $${values.length}`);
  }
  await tx.query(`UPDATE residents.residents SET ${[...assignments, 'updated_at = $2', 'stream_revision = $3'].join(', ')} WHERE resident_id = $1`, values);
}

async function applyMove(event: RecordedEvent, tx: PoolClient): Promise<void> {
  const { residentId, to } = dataOf<{ residentId: string; to: { jurisdiction: Jurisdiction; gridId: string } }>(event);
  await tx.query(APPLY_MOVE, [residentId, to.jurisdiction.districtId, to.jurisdiction.streetId, to.jurisdiction.communityId, to.gridId, event.recordedAt, event.revision]);
}

async function applyVaccination(event: RecordedEvent, tx: PoolClient): Promise<void> {
  const data = dataOf<{ residentId: string; dosesReceived: number; boostersReceived: number; lastDoseOn: string | null }>(event);
  await tx.query(
    'UPDATE residents.residents SET doses_received = $2, boosters_received = $3, last_dose_on = $4, updated_at = $5, stream_revision = $6 WHERE resident_id = $1',
    [data.residentId, data.dosesReceived, data.boostersReceived, data.lastDoseOn, event.recordedAt, event.revision],
  );
}
