// The federated graph end to end: the residents and referrals services in-process (each on its
// own test database, over real HTTP), the gateway in front of them on the checked-in supergraph.
// Test-only exception to the module boundaries (eslint.config.js): the gateway's int specs start
// the other services through their own test harnesses.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startResidentsTestApp, ResidentsTestApp } from '../../residents/src/testing/residents-test-app';
import { nationalId, registration } from '../../residents/src/testing/resident-fixtures';
import { startReferralsTestApp, ReferralsTestApp } from '../../referrals/src/testing/referrals-test-app';
import { fixtureNetwork, COMMUNITY } from '../../referrals/src/testing/network-fixtures';
import { requestInput, FAMILY_DOCTOR } from '../../referrals/src/testing/referral-queries';
import { Identity, issueAccessToken } from '@gridcare/identity';
import { CITY_ADMINISTRATOR } from '@gridcare/identity/testing';
import { createGatewayServer, GatewayServer } from './gateway-server';
import { GatewayAuthentication } from './identity';

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

const ADMINISTRATOR = CITY_ADMINISTRATOR;
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
const supergraphSdl = readFileSync(join(__dirname, '..', 'supergraph.graphql'), 'utf8');

describe('the federated graph at the gateway', () => {
  let residents: ResidentsTestApp;
  let referrals: ReferralsTestApp;
  let gateway: GatewayServer;
  let gatewayUrl: string;
  let authentication: GatewayAuthentication;

  const bearer = async (identity: Identity) => ({ authorization: `Bearer ${await issueAccessToken(identity)}` });
  const query = async <T>(document: string, variables: Record<string, unknown> = {}, actor: Identity = ADMINISTRATOR): Promise<GraphQLResponse<T>> => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await bearer(actor)) },
      body: JSON.stringify({ query: document, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  };
  /** The data of an operation that must succeed. */
  const ok = async <T>(document: string, variables: Record<string, unknown> = {}, actor: Identity = ADMINISTRATOR): Promise<T> => {
    const answer = await query<T>(document, variables, actor);
    if (answer.errors || !answer.data) throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors)}`);
    return answer.data;
  };

  beforeAll(async () => {
    residents = await startResidentsTestApp();
    referrals = await startReferralsTestApp({ network: fixtureNetwork() });
    authentication = await GatewayAuthentication.fromEnvironment({});
    gateway = createGatewayServer({ supergraphSdl, subgraphUrls: { residents: residents.url, referrals: referrals.url }, authentication, logging: false });
    gatewayUrl = await gateway.listen(0);
  });

  afterAll(async () => {
    await gateway?.close();
    await referrals?.close();
    await residents?.close();
  });

  it('answers its health check', async () => {
    const response = await fetch(gatewayUrl.replace('/graphql', '/health'));
    expect(response.status).toBe(200);
  });

  it("shows a resident's residents fields and their referrals in one query", async () => {
    const jurisdiction = { districtId: 'd01', streetId: 'd01-s001', communityId: COMMUNITY };
    const { registerResident } = await ok<{ registerResident: { id: string; tier: string } }>(
      'mutation ($input: RegisterResidentInput!) { registerResident(input: $input) { id tier } }',
      { input: registration({ jurisdiction, gridId: 'g01' }) },
    );
    const residentId = registerResident.id;

    // The family doctor's identity reaches the referrals service through the gateway.
    const { requestReferral } = await ok<{ requestReferral: { id: string; requestedBy: string } }>(
      'mutation ($input: RequestReferralInput!) { requestReferral(input: $input) { id requestedBy } }',
      { input: requestInput({ residentId, communityId: COMMUNITY }) },
      FAMILY_DOCTOR,
    );
    expect(requestReferral.requestedBy).toBe(FAMILY_DOCTOR.actorId);
    await residents.waitForProjections();
    await referrals.waitForProjections();

    const { resident } = await ok<{ resident: { fullName: string; tier: string; referrals: { id: string; status: string; channel: string }[] } }>(
      'query ($id: ID!) { resident(id: $id) { fullName tier referrals { id status channel } } }',
      { id: residentId },
    );
    expect(resident).toEqual({
      fullName: 'Wang Guifang',
      tier: registerResident.tier,
      referrals: [{ id: requestReferral.id, status: 'REQUESTED', channel: expect.any(String) }],
    });
  });

  it("answers the residents fields and a clear error for the referrals when the referrals service is down", async () => {
    const { registerResident } = await ok<{ registerResident: { id: string } }>('mutation ($input: RegisterResidentInput!) { registerResident(input: $input) { id } }', {
      input: registration({ nationalId: nationalId('1960-01-01', 11), fullName: 'Li Ming', birthDate: '1960-01-01' }),
    });
    await residents.waitForProjections();
    // A gateway whose referrals subgraph answers nowhere: a port that was free a moment ago.
    const down = createGatewayServer({
      supergraphSdl,
      subgraphUrls: { residents: residents.url, referrals: `http://127.0.0.1:${await freePort()}/graphql` },
      authentication,
      logging: false,
    });
    const downUrl = await down.listen(0);
    try {
      const response = await fetch(downUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await bearer(ADMINISTRATOR)) },
        body: JSON.stringify({ query: 'query ($id: ID!) { resident(id: $id) { fullName referrals { id } } }', variables: { id: registerResident.id } }),
      });
      const answer = (await response.json()) as GraphQLResponse<{ resident: { fullName: string; referrals: unknown } }>;
      expect(answer.data?.resident?.fullName).toBe('Li Ming');
      expect(answer.data?.resident?.referrals).toBeNull();
      expect(answer.errors).toEqual([
        {
          message: 'The referrals service is unavailable: its fields are null in this answer.',
          path: ['resident', 'referrals'],
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'referrals' },
        },
      ]);
    } finally {
      await down.close();
    }
  });
});
