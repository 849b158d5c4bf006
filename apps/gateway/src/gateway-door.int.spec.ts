// The gateway's door and limits, against stub subgraphs: tokens, identity assertions, depth,
// cost, aliases, body size and subgraph timeouts. The real services' side is in e2e and in
// each service's access specs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPair } from 'jose';
import {
  ACCESS_TOKEN_AUDIENCE,
  accessTokenSigningKey,
  DEFAULT_TOKEN_ISSUER,
  Identity,
  IDENTITY_ASSERTION_HEADER,
  IdentityVerifier,
  issueAccessToken,
  signIdentity,
} from '@gridcare/identity';
import { communityWorker } from '@gridcare/identity/testing';
import { createGatewayServer, GatewayServer } from './gateway-server';
import { GatewayAuthentication } from './identity';
import { GatewayLimits } from './limits/gateway-limits';
import { StubSubgraph } from './testing/stub-subgraph';

const supergraphSdl = readFileSync(join(__dirname, '..', 'supergraph.graphql'), 'utf8');
const WORKER: Identity = communityWorker('worker-7', 'c-0001');
const RESIDENT_QUERY = 'query ($id: ID!) { resident(id: $id) { fullName } }';

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[] };
}

describe('the gateway door', () => {
  const residents = new StubSubgraph(() => ({ data: { resident: { __typename: 'Resident', id: 'r-1', fullName: 'Wang Guifang' } } }));
  const referrals = new StubSubgraph(() => ({ data: {} }));
  let authentication: GatewayAuthentication;
  const gateways: GatewayServer[] = [];

  async function gateway(limits: Partial<GatewayLimits> = {}): Promise<string> {
    const server = createGatewayServer({
      supergraphSdl,
      subgraphUrls: { residents: await residentsUrl, referrals: await referralsUrl },
      authentication,
      limits,
      logging: false,
    });
    gateways.push(server);
    return server.listen(0);
  }

  async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  }

  const bearer = async (identity: Identity = WORKER) => ({ authorization: `Bearer ${await issueAccessToken(identity)}` });
  let residentsUrl: Promise<string>;
  let referralsUrl: Promise<string>;
  let url: string;

  beforeAll(async () => {
    residentsUrl = residents.start();
    referralsUrl = referrals.start();
    authentication = await GatewayAuthentication.fromEnvironment({});
    url = await gateway();
  });

  beforeEach(() => {
    residents.requests.length = 0;
    residents.delayMs = 0;
  });

  afterAll(async () => {
    for (const server of gateways) await server.close();
    await residents.stop();
    await referrals.stop();
  });

  it('answers health and readiness checks without a token', async () => {
    expect((await fetch(url.replace('/graphql', '/health'))).status).toBe(200);
  });

  it('refuses a request without a token, asking nothing of the subgraphs', async () => {
    const answer = await post(url, { query: RESIDENT_QUERY, variables: { id: 'r-1' } });
    expect(answer.status).toBe(401);
    expect(answer.body.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'missing' });
    expect(residents.requests).toHaveLength(0);
  });

  it('refuses bare identity headers in place of a token', async () => {
    const answer = await post(url, { query: RESIDENT_QUERY, variables: { id: 'r-1' } }, { 'x-gridcare-actor-id': 'admin-1', 'x-gridcare-actor-role': 'administrator' });
    expect(answer.status).toBe(401);
    expect(residents.requests).toHaveLength(0);
  });

  it('refuses a token signed with another key, an expired one and one issued for another audience', async () => {
    const { privateKey } = await generateKeyPair('EdDSA');
    const forged = await signIdentity(WORKER, privateKey, { issuer: DEFAULT_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE, expiresInSeconds: 600 });
    const expired = await issueAccessToken(WORKER, { expiresInSeconds: -60 });
    const otherAudience = await signIdentity(WORKER, await accessTokenSigningKey({}), { issuer: DEFAULT_TOKEN_ISSUER, audience: 'another-system', expiresInSeconds: 600 });
    const reasons = [];
    for (const token of [forged, expired, otherAudience, 'not-a-jwt']) {
      const answer = await post(url, { query: RESIDENT_QUERY, variables: { id: 'r-1' } }, { authorization: `Bearer ${token}` });
      expect(answer.status).toBe(401);
      reasons.push(answer.body.errors?.[0].extensions?.reason);
    }
    expect(reasons).toEqual(['invalid-signature', 'expired', 'wrong-issuer', 'malformed']);
    expect(residents.requests).toHaveLength(0);
  });

  it("hands the subgraph its own signed assertion of the token's identity, dropping what the client claimed", async () => {
    const { privateKey } = await generateKeyPair('EdDSA');
    const clientMadeAssertion = await signIdentity({ ...WORKER, role: 'administrator', jurisdiction: { level: 'city' } }, privateKey, {
      issuer: 'gridcare-gateway',
      audience: 'gridcare-subgraphs',
      expiresInSeconds: 600,
    });
    const answer = await post(url, { query: RESIDENT_QUERY, variables: { id: 'r-1' } }, {
      ...(await bearer()),
      [IDENTITY_ASSERTION_HEADER]: clientMadeAssertion,
      'x-gridcare-actor-role': 'administrator',
    });
    expect(answer.body).toEqual({ data: { resident: { fullName: 'Wang Guifang' } } });
    const sent = residents.requests[0].headers;
    expect(sent.authorization).toBeUndefined();
    expect(sent['x-gridcare-actor-role']).toBeUndefined();
    const subgraphVerifier = await IdentityVerifier.forGatewayAssertions({});
    expect(await subgraphVerifier.identityOf(sent[IDENTITY_ASSERTION_HEADER] as string)).toEqual(WORKER);
  });

  it('refuses an operation deeper, costlier or with more aliases than the limits, before any subgraph is asked', async () => {
    const limited = await gateway({ maxDepth: 2, maxCost: 40, maxAliases: 2 });
    const headers = await bearer();
    const deep = await post(limited, { query: '{ resident(id: "r-1") { episode { followUps { dueOn } } } }' }, headers);
    const aliased = await post(limited, { query: '{ a: resident(id: "1") { id } b: resident(id: "2") { id } c: resident(id: "3") { id } }' }, headers);
    const costly = await post(
      limited,
      { query: `{ residents(filter: { communityId: "c-0001" }) { edges { node { ${'id fullName tier sex birthDate livingAlone '.repeat(2)} } } } }` },
      headers,
    );
    for (const answer of [deep, aliased, costly]) {
      expect(answer.body.errors?.[0].extensions?.code).toBe('OPERATION_LIMIT_EXCEEDED');
    }
    expect(deep.body.errors?.[0].message).toMatch(/depth/i);
    expect(aliased.body.errors?.[0].message).toMatch(/aliases/i);
    expect(costly.body.errors?.[0].message).toMatch(/cost/i);
    expect(residents.requests).toHaveLength(0);
  });

  it('refuses a body over the size limit with 413', async () => {
    const small = await gateway({ maxRequestBytes: 1000 });
    const answer = await post(small, { query: RESIDENT_QUERY, variables: { id: 'r'.repeat(2000) } }, await bearer());
    expect(answer.status).toBe(413);
    expect(answer.body.errors?.[0].extensions?.code).toBe('REQUEST_TOO_LARGE');
    expect(residents.requests).toHaveLength(0);
  });

  it('gives up on a subgraph that does not answer in time, with a clear error', async () => {
    const impatient = await gateway({ subgraphTimeoutMs: 200 });
    residents.delayMs = 3000;
    const started = Date.now();
    const answer = await post(impatient, { query: RESIDENT_QUERY, variables: { id: 'r-1' } }, await bearer());
    expect(Date.now() - started).toBeLessThan(2500);
    expect(answer.body.data?.resident ?? null).toBeNull();
    expect(answer.body.errors).toEqual([
      expect.objectContaining({
        message: 'The residents service did not answer in time: its fields are null in this answer.',
        path: ['resident'],
        extensions: { code: 'SUBGRAPH_TIMEOUT', serviceName: 'residents' },
      }),
    ]);
  });
});
