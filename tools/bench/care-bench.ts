// Follow-up benchmark (issue 5), run by hand: `npx tsx tools/bench/care-bench.ts --residents=1000000`.
// Imports a census, reports 10% of the residents infected through GraphQL, assigns the residents
// of some communities to workers, then starts the service two days later and measures: the day's
// due and overdue follow-ups for the whole city, one worker's and one community's worklist (p99),
// and a burst of follow-up outcomes (each acknowledged only once every read model shows it).
import { Client } from 'pg';
import { concurrently, describe, timed } from './bench-stats';
import { Actor, importedCensus, measureQuery, ResidentsService, startResidentsService } from './residents-bench-platform';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const RESIDENTS = Number(args.residents ?? 100_000);
const INFECTED_SHARE = Number(args.infected ?? 0.1);
const OUTCOMES = Number(args.outcomes ?? 100_000);
const WRITERS = Number(args.writers ?? 64);
const WORKERS = Number(args.workers ?? 100);

const DOCTOR: Actor = { id: 'bench-doctor', role: 'family_doctor' };
const LEAD: Actor = { id: 'bench-lead', role: 'administrator' };
const DAY_MS = 86_400_000;

/** Today in the city (UTC+8), and the instant two days later at 09:00 there. */
function days(): { today: string; twoDaysLater: string } {
  const city = new Date(Date.now() + 8 * 3_600_000);
  const today = city.toISOString().slice(0, 10);
  const later = new Date(Date.parse(`${today}T09:00:00+08:00`) + 2 * DAY_MS).toISOString();
  return { today, twoDaysLater: later };
}

async function reportInfections(service: ResidentsService, residentIds: string[], onsetOn: string): Promise<void> {
  const mutation = `mutation ($input: ReportInfectionInput!) { reportInfection(input: $input) { id } }`;
  const result = await timed(residentIds.length, () =>
    concurrently(WRITERS, residentIds.length, (i) => service.graphql(mutation, { input: { residentId: residentIds[i], onsetOn, basis: 'ANTIGEN_TEST', symptoms: ['FEVER'] } }, DOCTOR)),
  );
  console.log(`reportInfection (each with triage, eligibility, schedule)   ${describe(result)}`);
}

async function assignWorkers(service: ResidentsService, pg: Client): Promise<{ workers: string[]; communities: string[] }> {
  const communities = (
    await pg.query(`SELECT community_id FROM residents.follow_up_worklist WHERE due_on IS NOT NULL GROUP BY community_id ORDER BY count(*) DESC, community_id LIMIT $1`, [WORKERS])
  ).rows.map((row) => row.community_id as string);
  const workers = communities.map((_, i) => `bench-worker-${i + 1}`);
  const mutation = `mutation ($input: AssignResidentsInput!) { assignResidents(input: $input) { assigned unchanged refused { residentId code } } }`;
  let assigned = 0;
  const start = process.hrtime.bigint();
  for (const [i, communityId] of communities.entries()) {
    const residentIds = (await pg.query(`SELECT resident_id FROM residents.follow_up_worklist WHERE community_id = $1`, [communityId])).rows.map((row) => row.resident_id as string);
    const answer = await service.graphql<{ assignResidents: { assigned: number } }>(mutation, { input: { residentIds, workerId: workers[i], reason: 'benchmark workload' } }, LEAD);
    assigned += answer.assignResidents.assigned;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`assignResidents: ${assigned.toLocaleString('en-US')} residents of ${communities.length} communities in ${seconds.toFixed(1)} s (${Math.round(assigned / seconds)}/s)`);
  return { workers, communities };
}

async function recordOutcomes(service: ResidentsService, pg: Client): Promise<void> {
  const pending = (await pg.query(`SELECT resident_id, follow_up_number FROM residents.follow_up_worklist WHERE due_on IS NOT NULL ORDER BY resident_id LIMIT $1`, [OUTCOMES])).rows as {
    resident_id: string;
    follow_up_number: number;
  }[];
  const outcomes = ['STABLE', 'STABLE', 'STABLE', 'BETTER', 'STABLE', 'STABLE', 'BETTER', 'STABLE', 'STABLE', 'STABLE', 'STABLE', 'STABLE', 'STABLE', 'STABLE', 'STABLE', 'STABLE', 'STABLE', 'STABLE', 'WORSE', 'NOT_REACHED'];
  const mutation = `mutation ($input: CompleteFollowUpInput!) { completeFollowUp(input: $input) { id } }`;
  const result = await timed(pending.length, () =>
    concurrently(WRITERS, pending.length, (i) =>
      service.graphql(
        mutation,
        { input: { residentId: pending[i].resident_id, followUpNumber: pending[i].follow_up_number, method: 'TELEPHONE', outcome: outcomes[i % outcomes.length], note: null } },
        { id: `bench-worker-${(i % WORKERS) + 1}`, role: 'community_worker' },
      ),
    ),
  );
  console.log(`completeFollowUp burst (read models caught up per answer)   ${describe(result)}`);
}

async function main(): Promise<void> {
  const { server, url } = await importedCensus(RESIDENTS);
  const pg = new Client({ connectionString: url });
  await pg.connect();
  const { today, twoDaysLater } = days();
  let service = await startResidentsService(url);
  try {
    const everyNth = Math.round(1 / INFECTED_SHARE);
    const infected = (await pg.query(`SELECT resident_id FROM (SELECT resident_id, row_number() OVER (ORDER BY resident_id) AS n FROM residents.residents) r WHERE n % $1 = 0`, [everyNth])).rows.map(
      (row) => row.resident_id as string,
    );
    await reportInfections(service, infected, today);
    const { workers, communities } = await assignWorkers(service, pg);
    await service.stop();

    // Two days on: the follow-ups booked on the day of the report are overdue, the daily ones due.
    service = await startResidentsService(url, { GRIDCARE_CLOCK_START: twoDaysLater });
    const due = await service.graphql<{ followUpsDue: { dueToday: number; overdue: number } }>('{ followUpsDue { dueToday overdue } }');
    console.log(`whole city on ${twoDaysLater.slice(0, 10)}: ${due.followUpsDue.dueToday.toLocaleString('en-US')} due today, ${due.followUpsDue.overdue.toLocaleString('en-US')} overdue`);
    await measureQuery('followUpsDue (whole city)', 50, () => service.graphql('{ followUpsDue { dueToday overdue } }'));
    const page = 'edges { node { residentId tier daysOverdue dueOn } } pageInfo { hasNextPage endCursor }';
    await measureQuery('workerWorklist(workerId, first: 50)', 500, (i) => service.graphql(`query ($w: ID!) { workerWorklist(workerId: $w, first: 50) { ${page} } }`, { w: workers[i % workers.length] }));
    await measureQuery('communityWorklist(communityId, first: 50)', 500, (i) =>
      service.graphql(`query ($c: ID!) { communityWorklist(communityId: $c, first: 50) { ${page} } }`, { c: communities[i % communities.length] }),
    );
    await recordOutcomes(service, pg);
    console.log(`residents service peak RSS ${service.peakRssMiB().toFixed(0)} MiB (since the restart)`);
  } finally {
    await service.stop();
    await pg.end();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
