// Verifies every stream's hash chain: `npx tsx libs/event-store/src/integrity/verify-chains.cli.ts`.
// Reads DATABASE_URL (the event log on PostgreSQL, heads included) or EVENTSTORE_CONNECTION_STRING
// (KurrentDB). Prints one line per broken stream; exits 1 when any is found.
import { EventStore } from '../port/event-store';
import { KurrentDbEventStore } from '../kurrentdb/kurrentdb-event-store';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { describeBreak, verifyAllChains } from './verify-chains';

async function main(): Promise<void> {
  const kurrent = process.env.EVENTSTORE_CONNECTION_STRING;
  const postgres = process.env.DATABASE_URL;
  if (!kurrent && !postgres) throw new Error('set DATABASE_URL or EVENTSTORE_CONNECTION_STRING');
  const store: EventStore = kurrent ? new KurrentDbEventStore({ connectionString: kurrent }) : new PostgresEventStore({ connectionString: postgres });
  try {
    let last = 0;
    const report = await verifyAllChains(store, {
      onProgress: ({ events, streams }) => {
        if (events - last < 100_000) return;
        last = events;
        console.error(`${events.toLocaleString('en-US')} events, ${streams.toLocaleString('en-US')} streams`);
      },
    });
    for (const found of report.breaks) console.log(describeBreak(found));
    console.log(
      `${report.events} events in ${report.streams} streams (${report.unchainedEvents} recorded before the chain existed); ` +
        `${report.breaks.length} broken; stream heads ${report.headsChecked ? 'checked' : 'not kept by this store: removed last events go unseen'}`,
    );
    process.exitCode = report.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
