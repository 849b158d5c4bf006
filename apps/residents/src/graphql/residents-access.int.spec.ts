import { EventStore } from '@gridcare/event-store';
import { actorOfIdentity, Identity } from '@gridcare/identity';
import { CITY_AUDITOR, CITY_COMMAND_CENTRE, identityAssertionHeaders, referralDesk } from '@gridcare/identity/testing';
import { EVENT_STORE } from '@gridcare/nest-event-sourcing';
import { residentStream, residentSuppliesStream } from '@gridcare/residents-contracts';
import { GraphQLResponse, ResidentsTestApp, startResidentsTestApp } from '../testing/residents-test-app';
import {
  CHAOWAI,
  D05_COMMAND_CENTRE,
  everyMutation,
  forgedAssertionHeaders,
  JINSONG,
  resident,
  VOLUNTEER_COORDINATOR,
  XIAZHUANG,
  XIAZHUANG_WORKER,
} from './testing/access-fixtures';

const REGISTER = `mutation ($input: RegisterResidentInput!) { registerResident(input: $input) { id } }`;
const RESIDENT = `query ($id: ID!) { resident(id: $id) { id fullName nationalId phone } }`;
const ENTITIES = `query ($id: ID!) { _entities(representations: [{ __typename: "Resident", id: $id }]) { ... on Resident { id fullName nationalId } } }`;
const CORRECT = `mutation ($input: CorrectResidentInput!) { correctResident(input: $input) { id livingAlone } }`;
const RETRIAGE = `mutation ($id: ID!) { requestRetriage(residentId: $id) { id } }`;
const HAND_OUT_KITS = `mutation ($id: ID!) { handOutHealthKits(residentId: $id, kits: 1) { id supplies { healthKitsHandedOut } } }`;
const IN_DISTRICT = `{ residents(filter: { districtId: "d05" }, first: 100) { edges { node { id jurisdiction { communityId } } } } }`;
const TIER_COUNTS = `{ tierCounts(level: DISTRICT) { areaId total } }`;
const SUPPLIES = `query ($ids: [ID!]!) { suppliesByCommunity(communityIds: $ids) { communityId } }`;
const WORKER_WORKLIST = `query ($workerId: ID!) { workerWorklist(workerId: $workerId) { asOf edges { cursor } } }`;
const ASSIGN_MANY = `mutation ($input: AssignResidentsInput!) { assignResidents(input: $input) { assigned unchanged refused { residentId code message } } }`;

const codeOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;

describe('residents subgraph: who may see and do what', () => {
  let service: ResidentsTestApp;
  let store: EventStore;
  /** In Xiazhuang, Jinsong (both district d05) and Chaowai (district d01). */
  const ids = { xiazhuang: '', jinsong: '', chaowai: '' };

  async function post(body: { query: string; variables?: Record<string, unknown> }, headers: Record<string, string>): Promise<GraphQLResponse> {
    const response = await fetch(service.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return (await response.json()) as GraphQLResponse;
  }

  async function register(input: Record<string, unknown>, identity?: Identity): Promise<string> {
    const response = await service.graphql<{ registerResident: { id: string } }>(REGISTER, { input }, identity);
    if (!response.data) throw new Error(`registration failed: ${JSON.stringify(response.errors)}`);
    return response.data.registerResident.id;
  }

  const revisionOf = async (stream: string) => (await store.readStream(stream)).length;

  beforeAll(async () => {
    service = await startResidentsTestApp('2026-01-15T09:00:00+08:00');
    store = service.app.get(EVENT_STORE);
    ids.xiazhuang = await register(resident(402, XIAZHUANG));
    ids.jinsong = await register(resident(404, JINSONG, 'g04'));
    ids.chaowai = await register(resident(406, CHAOWAI, 'g01'));
  });
  afterAll(async () => service.close());

  describe('a request needs the gateway’s signed assertion', () => {
    it.each([
      ['no assertion', async () => ({})],
      ['an assertion signed with another key', async () => forgedAssertionHeaders()],
      ['the old bare actor headers', async () => ({ 'x-gridcare-actor-id': 'admin-1', 'x-gridcare-actor-role': 'administrator' })],
      ['an assertion that is not a JWT', async () => ({ 'x-gridcare-identity': 'admin-1' })],
    ])('refuses %s: UNAUTHENTICATED for queries and mutations, nothing written', async (_, headersOf) => {
      const headers = await headersOf();
      const before = await revisionOf(residentStream(ids.xiazhuang));
      expect(codeOf(await post({ query: RESIDENT, variables: { id: ids.xiazhuang } }, headers))).toBe('UNAUTHENTICATED');
      expect(codeOf(await post({ query: TIER_COUNTS }, headers))).toBe('UNAUTHENTICATED');
      expect(codeOf(await post({ query: RETRIAGE, variables: { id: ids.xiazhuang } }, headers))).toBe('UNAUTHENTICATED');
      expect(await revisionOf(residentStream(ids.xiazhuang))).toBe(before);
    });

    it('refuses a census upload without a valid assertion with 401', async () => {
      const upload = (headers: Record<string, string>) =>
        fetch(service.url.replace(/\/graphql$/, '/census-files?name=c.csv'), { method: 'POST', headers: { 'content-type': 'text/csv', ...headers }, body: 'a,b\n' });
      expect((await upload({})).status).toBe(401);
      expect((await upload(await forgedAssertionHeaders())).status).toBe(401);
      expect((await upload({ 'x-gridcare-actor-id': 'cc', 'x-gridcare-actor-role': 'command_centre' })).status).toBe(401);
      expect((await upload(await identityAssertionHeaders(CITY_AUDITOR))).status).toBe(403);
    });
  });

  describe('a community worker works in their community', () => {
    it('reads and changes a resident of their community', async () => {
      const read = await service.graphql<{ resident: { nationalId: string; phone: string } }>(RESIDENT, { id: ids.xiazhuang }, XIAZHUANG_WORKER);
      expect(read.errors).toBeUndefined();
      expect(read.data?.resident.nationalId).toMatch(/^110107/);
      const corrected = await service.graphql(CORRECT, { input: { residentId: ids.xiazhuang, changes: { phone: '13900000009' }, reason: 'new phone' } }, XIAZHUANG_WORKER);
      expect(corrected.errors).toBeUndefined();
      const kits = await service.graphql(HAND_OUT_KITS, { id: ids.xiazhuang }, XIAZHUANG_WORKER);
      expect(kits.errors).toBeUndefined();
    });

    it('is refused a resident of another community (FORBIDDEN), and nothing is written', async () => {
      const read = await service.graphql(RESIDENT, { id: ids.jinsong }, XIAZHUANG_WORKER);
      expect(codeOf(read)).toBe('FORBIDDEN');
      expect(read.errors?.[0].message).toContain('outside your jurisdiction');
      expect(read.data?.resident).toBeNull();
      expect(codeOf(await service.graphql(ENTITIES, { id: ids.jinsong }, XIAZHUANG_WORKER))).toBe('FORBIDDEN');

      const before = { resident: await revisionOf(residentStream(ids.jinsong)), supplies: await revisionOf(residentSuppliesStream(ids.jinsong)) };
      const corrected = await service.graphql(CORRECT, { input: { residentId: ids.jinsong, changes: { livingAlone: false }, reason: 'checked' } }, XIAZHUANG_WORKER);
      expect(codeOf(corrected)).toBe('FORBIDDEN');
      expect(codeOf(await service.graphql(RETRIAGE, { id: ids.jinsong }, XIAZHUANG_WORKER))).toBe('FORBIDDEN');
      expect(codeOf(await service.graphql(HAND_OUT_KITS, { id: ids.jinsong }, XIAZHUANG_WORKER))).toBe('FORBIDDEN');
      expect({ resident: await revisionOf(residentStream(ids.jinsong)), supplies: await revisionOf(residentSuppliesStream(ids.jinsong)) }).toEqual(before);
    });

    it('may not register a resident in another community, and may act at once on one registered in theirs', async () => {
      const outside = resident(408, JINSONG, 'g04');
      const refused = await service.graphql<{ registerResident: { id: string } }>(REGISTER, { input: outside }, XIAZHUANG_WORKER);
      expect(codeOf(refused)).toBe('FORBIDDEN');
      const registered = await register(resident(410, XIAZHUANG), XIAZHUANG_WORKER);
      expect((await service.graphql(RETRIAGE, { id: registered }, XIAZHUANG_WORKER)).errors).toBeUndefined();
    });

    it('sees lists narrowed to their community, and only their own worklist', async () => {
      const listed = await service.graphql<{ residents: { edges: { node: { jurisdiction: { communityId: string } } }[] } }>(IN_DISTRICT, {}, XIAZHUANG_WORKER);
      const communities = new Set(listed.data?.residents.edges.map((edge) => edge.node.jurisdiction.communityId));
      expect([...communities]).toEqual([XIAZHUANG.communityId]);
      const everyone = await service.graphql<{ residents: { edges: unknown[] } }>(IN_DISTRICT);
      expect(everyone.data?.residents.edges.length).toBeGreaterThan(listed.data?.residents.edges.length ?? 0);

      const counts = await service.graphql<{ tierCounts: { areaId: string; total: number }[] }>(TIER_COUNTS, {}, XIAZHUANG_WORKER);
      expect(counts.data?.tierCounts).toEqual([{ areaId: 'd05', total: listed.data?.residents.edges.length }]);
      const supplies = await service.graphql<{ suppliesByCommunity: { communityId: string }[] }>(SUPPLIES, { ids: [XIAZHUANG.communityId, JINSONG.communityId] }, XIAZHUANG_WORKER);
      expect(supplies.data?.suppliesByCommunity.map((row) => row.communityId)).toEqual([XIAZHUANG.communityId]);

      expect((await service.graphql(WORKER_WORKLIST, { workerId: XIAZHUANG_WORKER.actorId }, XIAZHUANG_WORKER)).errors).toBeUndefined();
      expect(codeOf(await service.graphql(WORKER_WORKLIST, { workerId: 'chen-yawen' }, XIAZHUANG_WORKER))).toBe('FORBIDDEN');
      expect((await service.graphql(WORKER_WORKLIST, { workerId: 'chen-yawen' }, D05_COMMAND_CENTRE)).errors).toBeUndefined();
    });
  });

  it('refuses a bulk assignment just for the residents outside the jurisdiction', async () => {
    const before = await revisionOf(residentStream(ids.chaowai));
    const answer = await service.graphql<{ assignResidents: { assigned: number; refused: { residentId: string; code: string }[] } }>(
      ASSIGN_MANY,
      { input: { residentIds: [ids.xiazhuang, ids.chaowai], workerId: 'li-ming', reason: 'her street' } },
      D05_COMMAND_CENTRE,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.assignResidents).toMatchObject({ assigned: 1, refused: [{ residentId: ids.chaowai, code: 'FORBIDDEN' }] });
    expect(await revisionOf(residentStream(ids.chaowai))).toBe(before);
  });

  it('lets an auditor read everything and change nothing', async () => {
    const read = await service.graphql<{ resident: { fullName: string } }>(RESIDENT, { id: ids.chaowai }, CITY_AUDITOR);
    expect(read.data?.resident.fullName).toBe('Wang Guifang');
    const newcomer = resident(412, XIAZHUANG);
    const before = await revisionOf(residentStream(ids.xiazhuang));
    for (const [name, query, variables] of everyMutation(ids.xiazhuang, newcomer)) {
      const response = await service.graphql(query, variables, CITY_AUDITOR);
      expect([name, codeOf(response)]).toEqual([name, 'FORBIDDEN']);
    }
    expect(await revisionOf(residentStream(ids.xiazhuang))).toBe(before);
  });

  it('refuses every read to a referral desk, and the mutations not listed for a role', async () => {
    const desk = referralDesk('desk-1', 'f-001');
    expect(codeOf(await service.graphql(RESIDENT, { id: ids.xiazhuang }, desk))).toBe('FORBIDDEN');
    expect(codeOf(await service.graphql(TIER_COUNTS, {}, desk))).toBe('FORBIDDEN');
    expect(codeOf(await service.graphql(RETRIAGE, { id: ids.xiazhuang }, desk))).toBe('FORBIDDEN');
    expect(codeOf(await service.graphql(RETRIAGE, { id: ids.xiazhuang }, CITY_COMMAND_CENTRE))).toBe('FORBIDDEN');
    const [, publish, document] = everyMutation(ids.xiazhuang, {}).find(([name]) => name === 'publishTriageRuleSet') ?? [];
    expect(codeOf(await service.graphql(publish as string, document, XIAZHUANG_WORKER))).toBe('FORBIDDEN');
    expect((await service.graphql(HAND_OUT_KITS, { id: ids.xiazhuang }, VOLUNTEER_COORDINATOR)).errors).toBeUndefined();
  });

  it.each([
    ['a command centre', CITY_COMMAND_CENTRE, false],
    ['an auditor', CITY_AUDITOR, false],
    ['a volunteer coordinator', VOLUNTEER_COORDINATOR, false],
    ['a community worker', XIAZHUANG_WORKER, true],
  ])('shows national ID and phone to %s: %s', async (_, identity, shown) => {
    const read = await service.graphql<{ resident: { nationalId: string | null; phone: string | null } }>(RESIDENT, { id: ids.xiazhuang }, identity);
    expect(read.errors).toBeUndefined();
    if (shown) expect(read.data?.resident).toMatchObject({ nationalId: expect.stringMatching(/^110107/), phone: expect.any(String) });
    else expect(read.data?.resident).toMatchObject({ nationalId: null, phone: null });
  });

  it('records the identity’s actor id and role on the triage decision it caused', async () => {
    await service.graphql(RETRIAGE, { id: ids.xiazhuang }, XIAZHUANG_WORKER);
    const corrected = await service.graphql(CORRECT, { input: { residentId: ids.xiazhuang, changes: { livingAlone: false }, reason: 'her son moved in' } }, XIAZHUANG_WORKER);
    expect(corrected.errors).toBeUndefined();
    const triaged = (await store.readStream(residentStream(ids.xiazhuang))).filter((event) => event.type === 'ResidentTriaged');
    expect(triaged[triaged.length - 1].metadata.actor).toEqual(actorOfIdentity(XIAZHUANG_WORKER));
    expect(actorOfIdentity(XIAZHUANG_WORKER)).toEqual({ id: 'worker-xiazhuang', role: 'community_worker' });
  });
});
