import { RecordedEvent } from '@gridcare/event-store';
import { ReadModel } from '@gridcare/projections';
import { PoolClient } from 'pg';
import { dataOf, Jurisdiction, RegisteredData, TierDecisionData } from './registry-events';
import { APPLY_MOVE, APPLY_TIER_DECISIONS, INSERT_RESIDENTS } from './tier-count-deltas';

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
export const residentsRegistryProjection: ReadModel = {
  name: 'residents-registry',
  tables: ['residents', 'tier_counts'],
  eventTypes: ['ResidentRegistered', 'ResidentCorrected', 'ResidentMoved', 'ResidentVaccinationStatusUpdated', 'ResidentTriaged', 'ResidentTierOverridden'],

  async apply(events, tx) {
    // A registration is the first event of its stream, so inserting all of a batch's
    // registrations first keeps every resident's own events in order. Their first decisions,
    // when in the same batch, go in with them (a census import: one write per resident).
    const registrations = events.filter((event) => event.type === 'ResidentRegistered');
    const firstDecisions = decisionsFollowingRegistration(events);
    if (registrations.length) await insertResidents(registrations, firstDecisions.last, tx);
    let tierRun: RecordedEvent[] = [];
    const flushTiers = async () => {
      if (tierRun.length) await applyTierDecisions(tierRun, tx);
      tierRun = [];
    };
    for (const event of events) {
      if (firstDecisions.folded.has(event)) continue;
      if (TIER_EVENTS.has(event.type)) {
        tierRun.push(event);
        continue;
      }
      // Registrations are in already; one between two decisions must not split their run.
      if (event.type === 'ResidentRegistered') continue;
      await flushTiers();
      if (event.type === 'ResidentCorrected') await applyCorrection(event, tx);
      else if (event.type === 'ResidentMoved') await applyMove(event, tx);
      else if (event.type === 'ResidentVaccinationStatusUpdated') await applyVaccination(event, tx);
    }
    await flushTiers();
  },
};

/**
 * The tier decisions that directly follow a registration in this batch (before any other event
 * of that resident): they are applied with the insert. The row cannot exist already, as the
 * registration is its stream's first event and a batch is applied with its checkpoint.
 */
function decisionsFollowingRegistration(events: readonly RecordedEvent[]): { last: Map<string, RecordedEvent>; folded: Set<RecordedEvent> } {
  const last = new Map<string, RecordedEvent>();
  const folded = new Set<RecordedEvent>();
  const leading = new Set<string>();
  for (const event of events) {
    const residentId = dataOf<{ residentId: string }>(event).residentId;
    if (event.type === 'ResidentRegistered') leading.add(residentId);
    else if (!leading.has(residentId)) continue;
    else if (TIER_EVENTS.has(event.type)) {
      last.set(residentId, event);
      folded.add(event);
    } else leading.delete(residentId);
  }
  return { last, folded };
}

async function insertResidents(events: RecordedEvent[], decisions: Map<string, RecordedEvent>, tx: PoolClient): Promise<void> {
  const rows = events.map((event) => {
    const data = dataOf<RegisteredData>(event);
    const decisionEvent = decisions.get(data.residentId);
    const decision = decisionEvent && dataOf<TierDecisionData>(decisionEvent);
    return { data, event, decisionEvent, decision };
  });
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
    rows.map((r) => r.decisionEvent?.revision ?? r.event.revision),
    rows.map((r) => r.decision?.tier ?? null),
    rows.map((r) => r.decisionEvent?.type === 'ResidentTierOverridden'),
    rows.map((r) => r.decision?.decisionId ?? null),
    rows.map((r) => r.decisionEvent?.recordedAt ?? null),
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
  await tx.query(`UPDATE residents SET ${[...assignments, 'updated_at = $2', 'stream_revision = $3'].join(', ')} WHERE resident_id = $1`, values);
}

async function applyMove(event: RecordedEvent, tx: PoolClient): Promise<void> {
  const { residentId, to } = dataOf<{ residentId: string; to: { jurisdiction: Jurisdiction; gridId: string } }>(event);
  await tx.query(APPLY_MOVE, [residentId, to.jurisdiction.districtId, to.jurisdiction.streetId, to.jurisdiction.communityId, to.gridId, event.recordedAt, event.revision]);
}

async function applyVaccination(event: RecordedEvent, tx: PoolClient): Promise<void> {
  const data = dataOf<{ residentId: string; dosesReceived: number; boostersReceived: number; lastDoseOn: string | null }>(event);
  await tx.query(
    'UPDATE residents SET doses_received = $2, boosters_received = $3, last_dose_on = $4, updated_at = $5, stream_revision = $6 WHERE resident_id = $1',
    [data.residentId, data.dosesReceived, data.boostersReceived, data.lastDoseOn, event.recordedAt, event.revision],
  );
}
