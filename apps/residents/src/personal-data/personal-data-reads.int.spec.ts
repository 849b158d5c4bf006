import { Pool } from 'pg';
import { CITY_AUDITOR, CITY_COMMAND_CENTRE } from '@gridcare/identity/testing';
import { CHAOWAI, resident, XIAZHUANG, XIAZHUANG_WORKER } from '../graphql/testing/access-fixtures';
import { ResidentsTestApp, startResidentsTestApp } from '../testing/residents-test-app';

const REGISTER = `mutation ($input: RegisterResidentInput!) { registerResident(input: $input) { id } }`;

describe('reading personal data is itself recorded', () => {
  let service: ResidentsTestApp;
  let pool: Pool;
  const ids: string[] = [];

  beforeAll(async () => {
    service = await startResidentsTestApp();
    pool = new Pool({ connectionString: service.database.url });
    for (const [sequence, area] of [[11, XIAZHUANG], [13, XIAZHUANG], [15, CHAOWAI]] as const) {
      const answer = await service.graphql<{ registerResident: { id: string } }>(REGISTER, { input: resident(sequence, area) });
      ids.push(answer.data!.registerResident.id);
    }
    await service.waitForProjections();
  });
  afterAll(async () => {
    await pool?.end();
    await service?.close();
  });

  /** The PersonalDataRead events recorded for a reader, as the log has them. */
  const readsOf = async (actorId: string) =>
    (
      await pool.query<{ stream_id: string; data: unknown; metadata: { actor: unknown } }>(
        `SELECT stream_id, data, metadata FROM event_store.events WHERE event_type = 'PersonalDataRead' AND metadata->'actor'->>'id' = $1 ORDER BY global_position`,
        [actorId],
      )
    ).rows;

  it("records who was shown whose national ID and phone, once per request, under the reader's role", async () => {
    const answer = await service.graphql<{ residents: { edges: { node: { id: string; phone: string | null } }[] } }>(
      `query WorkerList { residents(filter: { communityId: "${XIAZHUANG.communityId}" }) { edges { node { id phone nationalId } } } }`,
      {},
      XIAZHUANG_WORKER,
    );
    expect(answer.data?.residents.edges.map((edge) => edge.node.phone)).toEqual([expect.any(String), expect.any(String)]);
    const reads = await readsOf(XIAZHUANG_WORKER.actorId);
    expect(reads).toHaveLength(1);
    expect(reads[0].data).toEqual({ residentIds: [ids[0], ids[1]].sort(), fields: ['nationalId', 'phone'], operation: 'WorkerList' });
    expect(reads[0].metadata.actor).toEqual({ id: XIAZHUANG_WORKER.actorId, role: 'community_worker' });
    expect(reads[0].stream_id).toMatch(/^personal-data-read-[0-9a-f-]{36}$/);
  });

  it("records a reader's concurrent requests each, with no conflict between them", async () => {
    const before = (await readsOf(XIAZHUANG_WORKER.actorId)).length;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => service.graphql('query ($id: ID!) { resident(id: $id) { phone } }', { id: ids[0] }, XIAZHUANG_WORKER)),
    );
    expect(answers.every((answer) => answer.errors === undefined)).toBe(true);
    expect(await readsOf(XIAZHUANG_WORKER.actorId)).toHaveLength(before + 10);
  });

  it('records nothing when nothing personal was shown: a role without the right, or fields not asked for', async () => {
    for (const identity of [CITY_COMMAND_CENTRE, CITY_AUDITOR]) {
      const answer = await service.graphql<{ resident: { phone: string | null } }>('query ($id: ID!) { resident(id: $id) { phone nationalId } }', { id: ids[2] }, identity);
      expect(answer.data?.resident.phone).toBeNull();
      expect(await readsOf(identity.actorId)).toEqual([]);
    }
    const before = (await readsOf(XIAZHUANG_WORKER.actorId)).length;
    await service.graphql('query ($id: ID!) { resident(id: $id) { fullName tier } }', { id: ids[0] }, XIAZHUANG_WORKER);
    expect(await readsOf(XIAZHUANG_WORKER.actorId)).toHaveLength(before);
  });
});
