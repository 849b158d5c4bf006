// `npm run census:import -- <file.csv> [--batch-size=500]`: imports a census file with a
// progress bar, writes the error report, waits until the read models have caught up, and
// prints the figures. Uses DATABASE_URL like the service (npm start prints it).
import 'reflect-metadata';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { Presets, SingleBar } from 'cli-progress';
import { ProjectionHost } from '@gridcare/nest-event-sourcing';
import { AppModule } from '../app.module';
import { CensusImports } from './census-imports.service';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const file = args.find((arg) => !arg.startsWith('--'));
  const batchSize = Number(args.find((arg) => arg.startsWith('--batch-size='))?.split('=')[1] ?? 500);
  if (!file) {
    console.error('usage: npm run census:import -- <census.csv> [--batch-size=500]');
    return 2;
  }
  const path = resolve(file);
  const size = statSync(path).size;
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  const imports = app.get(CensusImports);
  const bar = new SingleBar(
    { format: 'census import |{bar}| {percentage}% | {rowsRead} rows: {registered} registered, {alreadyRegistered} already, {refused} refused | {rate} rows/s' },
    Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(size, 0, { rowsRead: 0, registered: 0, alreadyRegistered: 0, refused: 0, rate: 0 });
  const importId = await imports.start(path, { id: process.env.USER || 'census-operator', role: 'administrator' }, {
    batchSize,
    onProgress: (counts, bytesRead) => bar.update(Math.min(bytesRead, size), { ...counts, rate: Math.round(counts.rowsRead / ((Date.now() - started) / 1000)) }),
  });
  const counts = await imports.finished(importId);
  bar.update(size);
  bar.stop();
  const seconds = (Date.now() - started) / 1000;
  await app.get(ProjectionHost).waitUntilCaughtUp(3_600_000);
  const caughtUp = (Date.now() - started) / 1000;
  const record = await imports.describe(importId);
  console.log(`import ${importId} ${record?.status}: ${counts?.rowsRead ?? 0} rows in ${seconds.toFixed(1)} s (${Math.round((counts?.rowsRead ?? 0) / seconds)} rows/s); read models caught up at ${caughtUp.toFixed(1)} s`);
  console.log(`registered ${counts?.registered ?? 0}, already registered ${counts?.alreadyRegistered ?? 0}, refused ${counts?.refused ?? 0}; error report ${record?.errorReportPath}`);
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  await app.close();
  return record?.status === 'finished' ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
