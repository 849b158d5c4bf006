import { facilityStream, gridStream } from '@gridcare/referrals-contracts';
import { CITY_COMMAND_CENTRE } from '@gridcare/identity/testing';
import { deskOf, FAMILY_DOCTOR } from '../testing/referral-queries';
import { GraphQLResponse, ReferralsTestApp, startReferralsTestApp } from '../testing/referrals-test-app';

const COMMAND_CENTRE = CITY_COMMAND_CENTRE;

const FACILITY_FIELDS = `id name kind level districtId gridId location { latitude longitude } capabilities communityIds registeredAt
  capacity { criticalCareDoctors criticalCareNurses facilityRevision icuBeds { open occupied held free } }`;
const REGISTER = `mutation ($input: RegisterFacilityInput!) { registerFacility(input: $input) { ${FACILITY_FIELDS} } }`;
const CHANGE_CAPACITY = `mutation ($input: FacilityCapacityInput!) { changeFacilityCapacity(input: $input) { ${FACILITY_FIELDS} } }`;
const DEFINE_GRID = `mutation ($input: DefineGridInput!) { defineGrid(input: $input) {
  id name districtIds facilityIds communityIds neighbourGridIds definedAt leadFacility { id name } icuBeds { open occupied held free } } }`;
const FACILITIES = `query ($gridId: ID, $level: FacilityLevel, $first: Int, $after: String) {
  facilities(gridId: $gridId, level: $level, first: $first, after: $after) { edges { cursor node { id level gridId } } pageInfo { hasNextPage endCursor } } }`;

const hospital = (id: string, kind = 'SECOND_LEVEL_HOSPITAL') => ({
  id,
  name: `Hospital ${id}`,
  kind,
  districtId: 'd05',
  location: { latitude: 39.91, longitude: 116.19 },
  capabilities: ['FEVER_CLINIC', 'EMERGENCY_DEPARTMENT', 'ICU'],
});
const station = (id: string, communityId: string) => ({
  id,
  name: `Station ${id}`,
  kind: 'COMMUNITY_HEALTH_SERVICE_STATION',
  districtId: 'd05',
  location: { latitude: 39.92, longitude: 116.2 },
  capabilities: [],
  communityIds: [communityId],
});
const capacity = (facilityId: string, open: number, occupied: number) => ({ facilityId, icuBedsOpen: open, icuBedsOccupied: occupied, criticalCareDoctors: open * 2, criticalCareNurses: open * 4 });

const errorOf = (response: GraphQLResponse) => {
  expect(response.errors).toHaveLength(1);
  return response.errors?.[0].extensions;
};

describe('facilities and grids, over GraphQL', () => {
  let service: ReferralsTestApp;
  const eventTypes = async (streamId: string) => (await service.store.readStream(streamId)).map((event) => event.type);

  beforeAll(async () => {
    service = await startReferralsTestApp();
  });
  afterAll(async () => service.close());

  it('registers a facility, its level fixed by its kind; again with the same details changes nothing', async () => {
    const { registerFacility } = await service.ok<{ registerFacility: Record<string, unknown> }>(REGISTER, { input: hospital('h-g07', 'TERTIARY_HOSPITAL') }, COMMAND_CENTRE);
    expect(registerFacility).toMatchObject({
      id: 'h-g07',
      kind: 'TERTIARY_HOSPITAL',
      level: 'TERTIARY',
      gridId: null,
      capabilities: ['FEVER_CLINIC', 'EMERGENCY_DEPARTMENT', 'ICU'],
      capacity: { icuBeds: { open: 0, occupied: 0, held: 0, free: 0 }, criticalCareDoctors: 0, facilityRevision: 0 },
    });
    await service.ok(REGISTER, { input: hospital('h-g07', 'TERTIARY_HOSPITAL') }, COMMAND_CENTRE);
    expect(await eventTypes(facilityStream('h-g07'))).toEqual(['FacilityRegistered']);
    const other = await service.graphql(REGISTER, { input: { ...hospital('h-g07', 'TERTIARY_HOSPITAL'), name: 'Another name' } }, COMMAND_CENTRE);
    expect(errorOf(other)).toMatchObject({ code: 'CONFLICT', reason: 'FACILITY_ALREADY_REGISTERED', facilityId: 'h-g07' });
  });

  it('takes a capacity report in absolute numbers', async () => {
    await service.ok(REGISTER, { input: hospital('sh-g07-1') }, COMMAND_CENTRE);
    const { changeFacilityCapacity } = await service.ok<{ changeFacilityCapacity: { capacity: unknown } }>(CHANGE_CAPACITY, { input: capacity('sh-g07-1', 20, 15) }, deskOf('sh-g07-1'));
    expect(changeFacilityCapacity.capacity).toEqual({ criticalCareDoctors: 40, criticalCareNurses: 80, facilityRevision: 1, icuBeds: { open: 20, occupied: 15, held: 0, free: 5 } });
    const again = await service.ok<{ changeFacilityCapacity: { capacity: unknown } }>(CHANGE_CAPACITY, { input: capacity('sh-g07-1', 22, 21) }, deskOf('sh-g07-1'));
    expect(again.changeFacilityCapacity.capacity).toMatchObject({ facilityRevision: 2, icuBeds: { open: 22, occupied: 21, held: 0, free: 1 } });
  });

  it('refuses bad capacity reports, naming the field', async () => {
    await service.ok(REGISTER, { input: station('chs-d05-s001-c001', 'd05-s001-c001') }, COMMAND_CENTRE);
    const cases: [Record<string, unknown>, Record<string, unknown>][] = [
      [capacity('sh-g07-1', 10, 11), { code: 'BAD_USER_INPUT', field: 'icuBedsOccupied', reason: 'OCCUPIED_EXCEEDS_OPEN' }],
      [capacity('chs-d05-s001-c001', 2, 0), { code: 'BAD_USER_INPUT', field: 'icuBedsOpen', reason: 'NO_ICU_CAPABILITY' }],
      [{ ...capacity('sh-g07-1', 10, 5), criticalCareDoctors: -1 }, { code: 'BAD_USER_INPUT', field: 'criticalCareDoctors' }],
      [capacity('sh-nowhere', 1, 0), { code: 'NOT_FOUND', id: 'sh-nowhere' }],
    ];
    for (const [input, extensions] of cases) {
      expect(errorOf(await service.graphql(CHANGE_CAPACITY, { input }, deskOf(String(input.facilityId))))).toMatchObject(extensions);
    }
    expect(await eventTypes(facilityStream('chs-d05-s001-c001'))).toEqual(['FacilityRegistered']);
  });

  it('refuses a facility id that is not kebab-case, naming the field', async () => {
    expect(errorOf(await service.graphql(REGISTER, { input: hospital('Sh G07') }, COMMAND_CENTRE))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'facilityId' });
  });

  it('defines a grid: its facilities learn their grid, its communities map onto it', async () => {
    const input = {
      id: 'g07',
      name: 'Shijingshan Grid 07',
      districtIds: ['d05'],
      leadFacilityId: 'h-g07',
      facilityIds: ['h-g07', 'sh-g07-1', 'chs-d05-s001-c001', 'chs-d05-s001-c002'],
      communityIds: ['d05-s001-c001', 'd05-s001-c002'],
      neighbourGridIds: ['g06', 'g08'],
    };
    const { defineGrid } = await service.ok<{ defineGrid: Record<string, unknown> }>(DEFINE_GRID, { input }, COMMAND_CENTRE);
    expect(defineGrid).toMatchObject({ id: 'g07', leadFacility: { id: 'h-g07' }, neighbourGridIds: ['g06', 'g08'], icuBeds: { open: 22, occupied: 21, held: 0, free: 1 } });
    // Registered after the grid named it: it learns its grid all the same.
    await service.ok(REGISTER, { input: station('chs-d05-s001-c002', 'd05-s001-c002') }, COMMAND_CENTRE);
    const { rows } = await service.pool.query('SELECT community_id, grid_id FROM referrals.grid_communities ORDER BY community_id');
    expect(rows).toEqual([
      { community_id: 'd05-s001-c001', grid_id: 'g07' },
      { community_id: 'd05-s001-c002', grid_id: 'g07' },
    ]);
    await service.ok(DEFINE_GRID, { input }, COMMAND_CENTRE);
    expect(await eventTypes(gridStream('g07'))).toEqual(['GridDefined']);
    const changed = await service.graphql(DEFINE_GRID, { input: { ...input, neighbourGridIds: ['g06'] } }, COMMAND_CENTRE);
    expect(errorOf(changed)).toMatchObject({ code: 'CONFLICT', reason: 'GRID_ALREADY_DEFINED', gridId: 'g07' });
    const leadOutside = await service.graphql(DEFINE_GRID, { input: { ...input, id: 'g09', leadFacilityId: 'h-g99' } }, COMMAND_CENTRE);
    expect(errorOf(leadOutside)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'leadFacilityId' });
  });

  it('lists facilities by grid and level, in keyset pages', async () => {
    const page = async (variables: Record<string, unknown>) =>
      (await service.ok<{ facilities: { edges: { cursor: string; node: { id: string; gridId: string | null } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(FACILITIES, variables))
        .facilities;
    const first = await page({ gridId: 'g07', first: 2 });
    const rest = await page({ gridId: 'g07', first: 2, after: first.pageInfo.endCursor });
    expect([...first.edges, ...rest.edges].map((edge) => [edge.node.id, edge.node.gridId])).toEqual([
      ['chs-d05-s001-c001', 'g07'],
      ['chs-d05-s001-c002', 'g07'],
      ['h-g07', 'g07'],
      ['sh-g07-1', 'g07'],
    ]);
    expect([first.pageInfo.hasNextPage, rest.pageInfo.hasNextPage]).toEqual([true, false]);
    expect((await page({ level: 'GRASSROOTS' })).edges.map((edge) => edge.node.id)).toEqual(['chs-d05-s001-c001', 'chs-d05-s001-c002']);
    expect(errorOf(await service.graphql(FACILITIES, { first: 0 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const { grids } = await service.ok<{ grids: { id: string }[] }>('{ grids { id } }');
    expect(grids).toEqual([{ id: 'g07' }]);
  });

  it('only the command centre and administrators plan the network; referral desks report capacity', async () => {
    expect(errorOf(await service.graphql(REGISTER, { input: hospital('sh-g07-2') }, deskOf('sh-g07-2')))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await service.graphql(CHANGE_CAPACITY, { input: capacity('sh-g07-1', 22, 20) }, FAMILY_DOCTOR))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await eventTypes(facilityStream('sh-g07-2'))).toEqual([]);
  });
});
