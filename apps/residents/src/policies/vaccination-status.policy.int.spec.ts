import { Identity } from '@gridcare/identity';
import { randomUUID } from 'node:crypto';
import { EventStore, EventToAppend, RecordedEvent } from '@gridcare/event-store';
import { EVENT_STORE } from '@gridcare/nest-event-sourcing';
import { residentStream } from '@gridcare/residents-contracts';
import { DoseAdministered, DoseKind, vaccinationStream } from '@gridcare/vaccination-contracts';
import { Pool } from 'pg';
import { ResidentDecisions } from '../commands/resident-decisions.service';
import { RESIDENTS_POOL } from '../database/residents-database.module';
import { nationalId, registration } from '../testing/resident-fixtures';
import { ResidentsTestApp, startResidentsTestApp } from '../testing/residents-test-app';
import { RESIDENTS_SERVICE_ACTOR, VACCINATION_STATUS_POLICY, VaccinationStatusPolicy, vaccinationStatusOf } from './vaccination-status.policy';
import { VACCINATOR, WORKER } from '../testing/test-identities';
import { actorOfIdentity } from '@gridcare/identity';

const REGISTER = `mutation ($input: RegisterResidentInput!) { registerResident(input: $input) { id } }`;
const RESIDENT = `query ($id: ID!) {
  resident(id: $id) {
    vaccination { dosesReceived boostersReceived lastDoseOn }
    triageDecisions { id trigger triggerSourceEventId tier actor { id role } }
  }
}`;

interface ResidentView {
  vaccination: { dosesReceived: number; boostersReceived: number; lastDoseOn: string | null };
  triageDecisions: { id: string; trigger: string; triggerSourceEventId: string | null; tier: string; actor: Identity }[];
}

/** A dose as the vaccination service would append it to the resident's vaccination stream. */
function dose(residentId: string, doseNumber: number, doseKind: DoseKind, administeredOn: string): EventToAppend {
  const event = DoseAdministered.create({ doseId: randomUUID(), residentId, product: 'CoronaVac', doseKind, doseNumber, administeredOn, site: 'Jianwai CHSC' });
  return { id: randomUUID(), ...event, metadata: { correlationId: randomUUID(), causationId: null, actor: actorOfIdentity(VACCINATOR) } };
}

async function eventually(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('vaccination status policy', () => {
  let service: ResidentsTestApp;
  let store: EventStore;
  let policy: VaccinationStatusPolicy;
  let pool: Pool;
  let residentId: string;
  const doses: EventToAppend[] = [];

  const administer = (event: EventToAppend) =>
    store.appendToStream(vaccinationStream((event.data as { residentId: string }).residentId), [event], { expectedRevision: 'any' });
  /** The policy has handled every dose in the log, and the read models show what it decided. */
  const settle = async () => {
    await policy.waitUntilCaughtUp();
    await service.waitForProjections();
  };
  const residentView = async (): Promise<ResidentView> => {
    const resident = (await service.graphql<{ resident: ResidentView | null }>(RESIDENT, { id: residentId })).data?.resident;
    if (!resident) throw new Error(`resident ${residentId} not found`);
    return resident;
  };
  const register = async (input: Record<string, unknown>): Promise<string> => {
    const registered = await service.graphql<{ registerResident: { id: string } }>(REGISTER, { input }, WORKER);
    expect(registered.errors).toBeUndefined();
    const id = registered.data?.registerResident.id;
    if (!id) throw new Error('registration returned no resident');
    return id;
  };
  const residentEvents = () => store.readStream(residentStream(residentId));

  beforeAll(async () => {
    service = await startResidentsTestApp('2026-01-15T09:00:00+08:00');
    store = service.app.get(EVENT_STORE);
    policy = service.app.get(VaccinationStatusPolicy);
    pool = service.app.get(RESIDENTS_POOL);
    residentId = await register(registration());
  });
  afterAll(async () => service.close());

  it('records the doses the vaccination service reports and re-triages, as the system, caused by each dose', async () => {
    doses.push(dose(residentId, 1, 'primary', '2025-06-01'), dose(residentId, 2, 'first-booster', '2025-12-01'));
    for (const event of doses) await administer(event);
    await settle();

    const resident = await residentView();
    expect(resident.vaccination).toEqual({ dosesReceived: 2, boostersReceived: 1, lastDoseOn: '2025-12-01' });
    const byVaccination = resident.triageDecisions.filter((decision) => decision.trigger === 'vaccination-status');
    expect(byVaccination.map((decision) => decision.triggerSourceEventId).sort()).toEqual(doses.map((event) => event.id).sort());
    for (const decision of byVaccination) expect(decision.actor).toEqual(RESIDENTS_SERVICE_ACTOR);

    const events = await residentEvents();
    expect(events.map((event) => event.type)).toEqual([
      'ResidentRegistered',
      'ResidentTriaged',
      // She lives alone: a daily greeting is booked at registration.
      'FollowUpScheduled',
      'ResidentVaccinationStatusUpdated',
      'ResidentTriaged',
      'ResidentVaccinationStatusUpdated',
      'ResidentTriaged',
    ]);
    expect(events.map((event) => event.revision)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const [dose1, dose2] = await store.readStream(vaccinationStream(residentId));
    expect(events[3].data).toEqual({ residentId, dosesReceived: 1, boostersReceived: 0, lastDoseOn: '2025-06-01', sourceEventId: dose1.id });
    expect(events[5].data).toEqual({ residentId, dosesReceived: 2, boostersReceived: 1, lastDoseOn: '2025-12-01', sourceEventId: dose2.id });
    for (const [index, source] of [
      [3, dose1],
      [4, dose1],
      [5, dose2],
      [6, dose2],
    ] as [number, RecordedEvent][]) {
      expect(events[index].metadata).toMatchObject({ actor: RESIDENTS_SERVICE_ACTOR, causationId: source.id, correlationId: source.metadata.correlationId });
    }
    expect(events[4].data).toMatchObject({ trigger: { kind: 'vaccination-status', sourceEventId: dose1.id }, inputs: { dosesReceived: 1 } });
    expect(events[6].data).toMatchObject({ trigger: { kind: 'vaccination-status', sourceEventId: dose2.id }, inputs: { dosesReceived: 2 } });

    const { rows } = await pool.query('SELECT projection FROM residents.projection_checkpoints WHERE projection = $1', [VACCINATION_STATUS_POLICY]);
    expect(rows).toHaveLength(1);
  });

  it('changes nothing when a dose event is appended again, or when the policy restarts or replays from the start', async () => {
    const before = await residentEvents();
    const viewBefore = await residentView();

    const again = await administer(doses[1]);
    expect(again.nextExpectedRevision).toBe(1);
    expect(await store.readStream(vaccinationStream(residentId))).toHaveLength(2);
    await settle();
    expect(await residentEvents()).toEqual(before);

    const handled = policy.status().eventsApplied;
    await policy.runner.stop();
    policy.runner.start();
    await settle();
    expect(policy.status().eventsApplied).toBe(handled);
    expect(await residentEvents()).toEqual(before);

    // A lost checkpoint: every dose is delivered again, and the decider recognises each one.
    await policy.runner.stop();
    await pool.query('DELETE FROM residents.projection_checkpoints WHERE projection = $1', [VACCINATION_STATUS_POLICY]);
    policy.runner.start();
    // The runner still holds its old checkpoint in memory until it reloads it: wait for the replay itself.
    await eventually(() => policy.status().eventsApplied === handled + doses.length);
    await settle();
    expect(policy.status()).toMatchObject({ running: true, lastError: null, eventsApplied: handled + doses.length });
    expect(await residentEvents()).toEqual(before);
    expect(await residentView()).toEqual(viewBefore);
  });

  it('skips a dose for a resident it does not know and goes on with the next', async () => {
    const stranger = randomUUID();
    await administer(dose(stranger, 1, 'primary', '2025-07-01'));
    const third = dose(residentId, 3, 'second-booster', '2026-01-10');
    await administer(third);
    await settle();

    expect(await store.readStream(residentStream(stranger))).toEqual([]);
    expect(policy.status()).toMatchObject({ running: true, lastError: null });
    const resident = await residentView();
    expect(resident.vaccination).toEqual({ dosesReceived: 3, boostersReceived: 2, lastDoseOn: '2026-01-10' });
    expect(resident.triageDecisions[0]).toMatchObject({ trigger: 'vaccination-status', triggerSourceEventId: third.id, actor: RESIDENTS_SERVICE_ACTOR });
  });

  it('retries a dose from its checkpoint when sending the command fails for a reason other than a refusal', async () => {
    const decisions = service.app.get(ResidentDecisions);
    const decide = jest.spyOn(decisions, 'decide').mockRejectedValueOnce(new Error('connection terminated unexpectedly'));
    const fourth = dose(residentId, 4, 'second-booster', '2026-01-12');
    await administer(fourth);
    await settle();
    const attempts = decide.mock.calls.filter(([, command]) => command.type === 'UpdateVaccinationStatus' && command.sourceEventId === fourth.id);
    decide.mockRestore();

    expect(attempts).toHaveLength(2);
    expect(policy.status()).toMatchObject({ running: true, lastError: null });
    const updates = (await residentEvents()).filter((event) => event.type === 'ResidentVaccinationStatusUpdated');
    expect(updates.map((event) => (event.data as { sourceEventId: string }).sourceEventId).filter((id) => id === fourth.id)).toHaveLength(1);
    expect((await residentView()).vaccination).toEqual({ dosesReceived: 4, boostersReceived: 3, lastDoseOn: '2026-01-12' });
  });

  it('counts only the doses up to the one it handles, each dose once, by the latest date', async () => {
    const other = registration({ nationalId: nationalId('1940-10-10', 333), birthDate: '1940-10-10' });
    const id = await register(other);
    const late = dose(id, 2, 'first-booster', '2025-11-20');
    const earlier = dose(id, 1, 'primary', '2025-03-03');
    // Recorded late, out of date order, and one dose recorded twice under two event ids.
    const duplicate = { ...late, id: randomUUID() };
    await store.appendToStream(vaccinationStream(id), [late, earlier, duplicate], { expectedRevision: 'no_stream' });
    await settle();

    const updates = (await store.readStream(residentStream(id))).filter((event) => event.type === 'ResidentVaccinationStatusUpdated').map((event) => event.data);
    expect(updates).toEqual([
      { residentId: id, dosesReceived: 1, boostersReceived: 1, lastDoseOn: '2025-11-20', sourceEventId: late.id },
      { residentId: id, dosesReceived: 2, boostersReceived: 1, lastDoseOn: '2025-11-20', sourceEventId: earlier.id },
      { residentId: id, dosesReceived: 2, boostersReceived: 1, lastDoseOn: '2025-11-20', sourceEventId: duplicate.id },
    ]);
  });

  it('recounts from the stream alone', () => {
    expect(vaccinationStatusOf([])).toEqual({ dosesReceived: 0, boostersReceived: 0, lastDoseOn: null });
  });
});
