import { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Presets, SingleBar } from 'cli-progress';
import { ServiceProjections } from './service-projections';

const USAGE = (service: string) => `usage: npm run rebuild -- ${service} [<read model> ...] | --list`;

/**
 * The rebuild command of a service (`npm run rebuild -- <service> [read models]`): starts the
 * service's application context on DATABASE_URL, rebuilds the named read models (all of them by
 * default) one after the other with a progress bar, and prints what each took. Running services
 * keep answering from the old rows meanwhile. Returns the exit code.
 */
export async function runRebuildCommand(appModule: Type<unknown>, projectionsType: Type<ServiceProjections>, argv: readonly string[]): Promise<number> {
  let app: INestApplicationContext | undefined;
  try {
    app = await NestFactory.createApplicationContext(appModule, { logger: ['error', 'warn'] });
    const projections = app.get(projectionsType);
    const known = projections.readModels.map((readModel) => readModel.name);
    if (argv.includes('--list')) {
      for (const readModel of projections.readModels) console.log(`${readModel.name}: ${readModel.tables.join(', ')}`);
      return 0;
    }
    const asked = argv.filter((arg) => !arg.startsWith('--'));
    const unknown = asked.filter((name) => !known.includes(name));
    if (unknown.length || argv.some((arg) => arg.startsWith('--'))) {
      console.error(`${unknown.length ? `no ${projections.service} read model named ${unknown.join(', ')}; ` : ''}${USAGE(projections.service)}\nread models: ${known.join(', ')}`);
      return 2;
    }
    for (const name of asked.length ? asked : known) {
      const bar = new SingleBar({ format: `${name.padEnd(20)} |{bar}| {percentage}% | {events} events | {phase}`, hideCursor: true }, Presets.shades_classic);
      bar.start(100, 0, { events: 0, phase: 'building' });
      try {
        const result = await projections.rebuild(name, {
          onProgress: (progress) => bar.update(Math.floor(progress.fraction * 100), { events: progress.eventsApplied.toLocaleString('en-US'), phase: progress.phase }),
        });
        bar.stop();
        const seconds = result.durationMs / 1000;
        console.log(
          `${name}: ${result.eventsApplied.toLocaleString('en-US')} events in ${seconds.toFixed(1)} s (${Math.round(result.eventsApplied / Math.max(seconds, 0.001)).toLocaleString('en-US')} events/s); ` +
            `tables switched in ${result.switchMs} ms`,
        );
      } catch (error) {
        bar.stop();
        console.error(`${name}: rebuild failed, the old rows still answer: ${error instanceof Error ? error.message : String(error)}`);
        return 1;
      }
    }
    return 0;
  } finally {
    await app?.close();
  }
}
