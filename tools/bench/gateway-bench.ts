// Gateway benchmark (issue 7), run by hand: `npx tsx tools/bench/gateway-bench.ts --residents=100000`.
// Imports a census, infects 10% and gives the residents of some communities to workers, starts the
// residents service two days later (so follow-ups are overdue) and the gateway, both from their
// builds, then measures with autocannon, in one run: a worker's overdue worklist and one resident,
// straight to the residents subgraph (with the gateway's identity assertion) and through the gateway
// (with an access token). Prints req/s, p50 and p99 of each and the gateway's overhead.
import autocannon from 'autocannon';
import { Client } from 'pg';
import { Identity, issueAccessToken } from '@gridcare/identity';
import { identityAssertionHeaders } from '@gridcare/identity/testing';
import { startProcess } from '../e2e/platform-processes';
import { concurrently } from './bench-stats';
import { importedCensus, measureQuery, startResidentsService } from './residents-bench-platform';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const RESIDENTS = Number(args.residents ?? 100_000);
const SECONDS = Number(args.seconds ?? 15);
const CONNECTIONS = Number(args.connections ?? 10);
const DAY_MS = 86_400_000;

interface Run {
  rps: number;
  /** autocannon's latencies are whole milliseconds; the mean is finer. */
  mean: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function load(url: string, headers: Record<string, string>, body: string): Promise<Run> {
  // A first answer must be data, not an error, or the figures would measure refusals.
  const check = (await (await fetch(url, { method: 'POST', headers, body })).json()) as { errors?: unknown };
  if (check.errors) throw new Error(`${url}: ${JSON.stringify(check.errors)}`);
  const result = await autocannon({ url, method: 'POST', headers, body, connections: CONNECTIONS, duration: SECONDS });
  return { rps: result.requests.average, mean: result.latency.mean, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

const line = (name: string, run: Run) =>
  `${name.padEnd(44)} ${run.rps.toFixed(0).padStart(6)} req/s  p50 ${run.p50.toFixed(1).padStart(5)} ms  p99 ${run.p99.toFixed(1).padStart(6)} ms  mean ${run.mean.toFixed(2)} ms` +
  (run.non2xx || run.errors ? `  (${run.non2xx} non-2xx, ${run.errors} errors)` : '');

async function main(): Promise<void> {
  const { server, url } = await importedCensus(RESIDENTS);
  const pg = new Client({ connectionString: url });
  await pg.connect();
  const city = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const twoDaysLater = new Date(Date.parse(`${city}T09:00:00+08:00`) + 2 * DAY_MS).toISOString();
  let residents = await startResidentsService(url);
  const stops: (() => Promise<void>)[] = [];
  try {
    const infected = (await pg.query(`SELECT resident_id FROM (SELECT resident_id, row_number() OVER (ORDER BY resident_id) AS n FROM residents.residents) r WHERE n % 10 = 0`)).rows.map(
      (row) => row.resident_id as string,
    );
    const report = 'mutation ($input: ReportInfectionInput!) { reportInfection(input: $input) { id } }';
    await concurrently(32, infected.length, (i) =>
      residents.graphql(report, { input: { residentId: infected[i], onsetOn: city, basis: 'ANTIGEN_TEST', symptoms: ['FEVER'] } }, { id: 'bench-doctor', role: 'family_doctor' }),
    );
    const [{ community_id: communityId }] = (await pg.query(`SELECT community_id FROM residents.follow_up_worklist GROUP BY community_id ORDER BY count(*) DESC LIMIT 1`)).rows;
    const workload = (await pg.query(`SELECT resident_id FROM residents.residents WHERE community_id = $1`, [communityId])).rows.map((row) => row.resident_id as string);
    await residents.graphql(
      'mutation ($input: AssignResidentsInput!) { assignResidents(input: $input) { assigned } }',
      { input: { residentIds: workload, workerId: 'bench-worker', reason: 'benchmark workload' } },
      { id: 'bench-admin', role: 'administrator' },
    );
    await residents.stop();
    residents = await startResidentsService(url, { GRIDCARE_CLOCK_START: twoDaysLater });
    stops.push(() => residents.stop());
    const residentsUrl = residents.url;
    const gateway = await startProcess('gateway', { RESIDENTS_URL: residentsUrl, REFERRALS_URL: 'http://127.0.0.1:9/graphql' });
    stops.push(() => gateway.stop());

    const worker: Identity = { actorId: 'bench-worker', role: 'community_worker', jurisdiction: { level: 'community', ids: [communityId] } };
    const direct = { 'content-type': 'application/json', ...(await identityAssertionHeaders(worker)) };
    const viaGateway = { 'content-type': 'application/json', authorization: `Bearer ${await issueAccessToken(worker)}` };
    const overdueResident = (await pg.query(`SELECT resident_id FROM residents.follow_up_worklist WHERE community_id = $1 AND due_on IS NOT NULL LIMIT 1`, [communityId])).rows[0].resident_id;
    const queries = {
      "a worker's overdue worklist (first 50)": JSON.stringify({
        query: '{ workerWorklist(workerId: "bench-worker", first: 50) { asOf edges { node { residentId fullName tier dueOn daysOverdue purposes } } pageInfo { hasNextPage endCursor } } }',
      }),
      'one resident': JSON.stringify({
        query: 'query ($id: ID!) { resident(id: $id) { id fullName sex birthDate phone tier livingAlone jurisdiction { communityId } conditions { code controlled } } }',
        variables: { id: overdueResident },
      }),
    };
    const due = await residents.graphql<{ workerWorklist: { edges: unknown[] } }>('{ workerWorklist(workerId: "bench-worker", first: 50) { edges { cursor } } }', {}, { id: 'bench-admin', role: 'administrator' });
    console.log(`${RESIDENTS.toLocaleString('en-US')} residents, ${infected.length.toLocaleString('en-US')} infected; bench-worker has ${workload.length} residents, ${due.workerWorklist.edges.length} on the first worklist page`);
    console.log(`autocannon: ${CONNECTIONS} connections, ${SECONDS} s per run`);
    for (const [name, body] of Object.entries(queries)) {
      const straight = await load(residentsUrl, direct, body);
      const through = await load(gateway.url, viaGateway, body);
      console.log(line(`${name}, residents subgraph`, straight));
      console.log(line(`${name}, through the gateway`, through));
      console.log(
        `${''.padEnd(44)} gateway: ${(through.rps / straight.rps).toFixed(2)}x the req/s, p50 +${(((through.p50 - straight.p50) / straight.p50) * 100).toFixed(0)}%, ` +
          `mean +${(((through.mean - straight.mean) / straight.mean) * 100).toFixed(0)}%, p99 ${(through.p99 / straight.p99).toFixed(2)}x`,
      );
    }
    // One client, one request at a time, timed to the microsecond: the gateway's own latency
    // without the queueing of ten connections on two cores.
    for (const [name, body] of Object.entries(queries)) {
      for (const [where, target, headers] of [
        ['residents subgraph', residentsUrl, direct],
        ['through the gateway', gateway.url, viaGateway],
      ] as const) {
        await measureQuery(`${name}, one client, ${where}`, 2000, () => fetch(target, { method: 'POST', headers, body }).then((response) => response.text()));
      }
    }
  } finally {
    for (const stop of stops.reverse()) await stop();
    await pg.end();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
