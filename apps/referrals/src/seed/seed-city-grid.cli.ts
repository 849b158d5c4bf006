// `npm run referrals:seed-city [-- <city-grid.jsonl>]`: appends the referral network of a city grid
// file (tools/referrals/generate-city-grid.ts; the npm script generates tmp/city-grid.jsonl with
// seed 42 first) to the event log, waits until the read models show it, and prints the figures.
// Idempotent: a second run appends nothing. Uses DATABASE_URL like the service (npm start prints it).
import 'reflect-metadata';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { ProjectionHost } from '@gridcare/nest-event-sourcing';
import { AppModule } from '../app.module';
import { CityGridSeeding, describeSeed } from './city-grid-seeding.service';

async function main(): Promise<number> {
  const file = resolve(process.argv.slice(2).filter((arg) => !arg.startsWith('--')).at(-1) ?? 'tmp/city-grid.jsonl');
  // The seed is this run's to append, not the service's start-up seeding's.
  delete process.env.GRIDCARE_SEED_CITY_GRID;
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  try {
    // The read models' subscriptions are live before the seed lands, so they wake on its notification.
    await app.get(ProjectionHost).waitUntilCaughtUp(600_000);
    const started = Date.now();
    const result = await app.get(CityGridSeeding).seedFile(file, { actor: { id: process.env.USER || 'city-grid-operator', role: 'administrator' } });
    const appended = (Date.now() - started) / 1000;
    await app.get(ProjectionHost).waitUntilCaughtUp(600_000);
    const caughtUp = (Date.now() - started) / 1000;
    console.log(`city grid ${file}: ${describeSeed(result)}`);
    console.log(`appended in ${appended.toFixed(1)} s; read models caught up at ${caughtUp.toFixed(1)} s`);
    return result.facilities.refused + result.grids.refused === 0 ? 0 : 1;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
