import { identityAssertionHeaders } from '@gridcare/identity/testing';
import { EventStore, RecordedEvent } from '@gridcare/event-store';
import { EVENT_STORE } from '@gridcare/nest-event-sourcing';
import { residentStream } from '@gridcare/residents-contracts';
import { Pool } from 'pg';
import { RESIDENTS_POOL } from '../database/residents-database.module';
import { nationalId, registration } from '../testing/resident-fixtures';
import { comparableRow, expectedResidentRow, residentRows, TIER_COUNTS, TIER_COUNTS_FROM_ROWS } from '../testing/resident-read-model';
import { ResidentsTestApp, startResidentsTestApp } from '../testing/residents-test-app';
import { DOCTOR, WORKER } from '../testing/test-identities';


const REGISTER = `mutation ($input: RegisterResidentInput!) { registerResident(input: $input) { id } }`;
const CORRECT = `mutation ($input: CorrectResidentInput!) { correctResident(input: $input) { id } }`;
const MOVE = `mutation ($input: MoveResidentInput!) { moveResident(input: $input) { id } }`;
const RETRIAGE = `mutation ($id: ID!) { requestRetriage(residentId: $id) { id } }`;

/** Errors a client can act on; anything else (INTERNAL_SERVER_ERROR, a 500) is a bug. */
const TYPED_ERRORS = ['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND', 'FORBIDDEN'];

const SHUANGJING = { districtId: 'd05', streetId: 'd05-s001', communityId: 'd05-s001-c003' };
const JINSONG = { districtId: 'd05', streetId: 'd05-s002', communityId: 'd05-s002-c007' };

interface Outcome {
  request: Request;
  status: number;
  errorCode: string | null;
}

type Request =
  | { kind: 'correct'; changes: Record<string, unknown> }
  | { kind: 'move'; jurisdiction: typeof SHUANGJING; gridId: string }
  | { kind: 'retriage' };

/** Ten changes to one resident: facts that overlap, two moves, two re-triages. */
const REQUESTS: Request[] = [
  { kind: 'correct', changes: { phone: '13900000001' } },
  { kind: 'correct', changes: { phone: '13900000002', livingAlone: false } },
  { kind: 'correct', changes: { conditions: [{ code: 'copd', controlled: false }] } },
  { kind: 'correct', changes: { lowImmunity: true } },
  { kind: 'correct', changes: { fullName: 'Wang Guifang (corrected)', familyDoctorId: 'fd-2' } },
  { kind: 'correct', changes: { conditions: [{ code: 'hypertension', controlled: false }], phone: '13900000003' } },
  { kind: 'move', jurisdiction: SHUANGJING, gridId: 'g03' },
  { kind: 'move', jurisdiction: JINSONG, gridId: 'g04' },
  { kind: 'retriage' },
  { kind: 'retriage' },
];

function defined<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`expected ${what}`);
  return value;
}

describe('concurrent commands on one resident', () => {
  let service: ResidentsTestApp;
  let store: EventStore;
  let pool: Pool;

  beforeAll(async () => {
    service = await startResidentsTestApp('2026-01-15T09:00:00+08:00');
    store = service.app.get(EVENT_STORE);
    pool = service.app.get(RESIDENTS_POOL);
  });
  afterAll(async () => service.close());

  async function send(residentId: string, request: Request): Promise<Outcome> {
    const [query, variables, actor] =
      request.kind === 'correct'
        ? [CORRECT, { input: { residentId, changes: request.changes, reason: 'checked at the door' } }, DOCTOR]
        : request.kind === 'move'
          ? [MOVE, { input: { residentId, jurisdiction: request.jurisdiction, gridId: request.gridId, reason: 'moved house' } }, WORKER]
          : [RETRIAGE, { id: residentId }, DOCTOR];
    const response = await fetch(service.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await identityAssertionHeaders(actor)) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    return { request, status: response.status, errorCode: body.errors ? (body.errors[0].extensions?.code ?? 'UNTYPED') : null };
  }

  async function register(birthDate: string, sequence: number): Promise<string> {
    const input = registration({ nationalId: nationalId(birthDate, sequence), birthDate, conditions: [] });
    const response = await service.graphql<{ registerResident: { id: string } }>(REGISTER, { input }, WORKER);
    expect(response.errors).toBeUndefined();
    return defined(response.data?.registerResident.id, 'registered resident');
  }

  /** The value a fact has after the stream's last correction of it, or undefined when none changed it. */
  function lastCorrected(events: RecordedEvent[], fact: string): { value: unknown } | undefined {
    const corrections = events.filter((event) => event.type === 'ResidentCorrected').map((event) => (event.data as { changes: Record<string, unknown> }).changes);
    const last = corrections.reverse().find((changes) => fact in changes);
    return last ? { value: last[fact] } : undefined;
  }

  it.each([
    ['1950-04-04', 412],
    ['1961-08-18', 536],
    ['1944-12-30', 708],
  ])('applies ten parallel changes to one resident (born %s) without losing any', async (birthDate, sequence) => {
    const residentId = await register(birthDate, sequence);
    const outcomes = await Promise.all(REQUESTS.map((request) => send(residentId, request)));

    // Every request succeeded or was refused with a typed error; none broke the server.
    for (const outcome of outcomes) {
      expect(outcome.status).toBe(200);
      if (outcome.errorCode !== null) expect(TYPED_ERRORS).toContain(outcome.errorCode);
    }
    await service.waitForProjections();

    const events = await store.readStream(residentStream(residentId));
    // One writer at a time: revisions 0..n with no gap and no duplicate.
    expect(events.map((event) => event.revision)).toEqual(events.map((_, index) => index));

    // Every accepted request is in the stream, once: each decision event names its trigger.
    const succeeded = (kind: Request['kind']) => outcomes.filter((outcome) => outcome.errorCode === null && outcome.request.kind === kind).length;
    const triggers = events.filter((event) => event.type === 'ResidentTriaged').map((event) => (event.data as { trigger: { kind: string } }).trigger.kind);
    expect(events.filter((event) => event.type === 'ResidentCorrected')).toHaveLength(succeeded('correct'));
    expect(triggers.filter((kind) => kind === 'facts-corrected')).toHaveLength(succeeded('correct'));
    expect(events.filter((event) => event.type === 'ResidentMoved')).toHaveLength(succeeded('move'));
    expect(triggers.filter((kind) => kind === 'moved')).toHaveLength(succeeded('move'));
    expect(triggers.filter((kind) => kind === 'manual-request')).toHaveLength(succeeded('retriage'));
    // With re-decision on conflict, no change is refused for a concurrent write.
    expect(outcomes.filter((outcome) => outcome.errorCode === 'CONFLICT')).toEqual([]);
    // Two moves to different places and re-triages always apply; corrections may only be refused as no change.
    expect(succeeded('move') + succeeded('retriage')).toBe(4);
    for (const outcome of outcomes.filter((o) => o.errorCode !== null)) expect(outcome).toMatchObject({ request: { kind: 'correct' }, errorCode: 'BAD_USER_INPUT' });

    // No lost update: the row is the stream folded with the decider, and each corrected fact
    // shows the value of the last correction of it in the stream.
    const [row] = await residentRows(pool, [residentId]);
    expect(comparableRow(row)).toEqual(expectedResidentRow(events));
    const byFact: Record<string, (r: typeof row) => unknown> = {
      phone: (r) => r.phone,
      livingAlone: (r) => r.living_alone,
      conditions: (r) => r.conditions,
      lowImmunity: (r) => r.low_immunity,
      fullName: (r) => r.full_name,
      familyDoctorId: (r) => r.family_doctor_id,
    };
    for (const outcome of outcomes) {
      if (outcome.request.kind !== 'correct' || outcome.errorCode !== null) continue;
      for (const fact of Object.keys(outcome.request.changes)) {
        expect(byFact[fact](row)).toEqual(defined(lastCorrected(events, fact), `a correction of ${fact}`).value);
      }
    }
    const lastMove = defined([...events].reverse().find((event) => event.type === 'ResidentMoved'), 'a move');
    expect(row.community_id).toBe((lastMove.data as { to: { jurisdiction: { communityId: string } } }).to.jurisdiction.communityId);
    const lastDecision = defined([...events].reverse().find((event) => event.type === 'ResidentTriaged'), 'a triage decision');
    expect(row.tier).toBe((lastDecision.data as { tier: string }).tier);

    // The tier counts moved with every change.
    expect((await pool.query(TIER_COUNTS)).rows).toEqual((await pool.query(TIER_COUNTS_FROM_ROWS)).rows);
  });
});
