import { existsSync } from 'node:fs';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Decider, DomainEvent } from '@gridcare/decider';
import { EventStore, GlobalPosition } from '@gridcare/event-store';
import { AggregateStore, CommandContext, EVENT_STORE } from '@gridcare/nest-event-sourcing';
import { facilityDecider, gridDecider } from '@gridcare/referrals-domain';
import { latestPosition } from '../referrals/referral.commands';
import { REFERRALS_SERVICE_ACTOR } from '../routing/routing-policies.service';
import { CitySeed, citySeed, readCityGridFile, SeedEvent, SeedStream } from './city-grid-file';
import { decideInTurn } from './decide-in-turn';

/** What became of a seed's streams: created now, already there (a second run), refused by the domain. */
export interface SeedCounts {
  created: number;
  existing: number;
  refused: number;
}

export interface SeedResult {
  facilities: SeedCounts;
  grids: SeedCounts;
  /** The first refusals, with the stream and the domain's reason. */
  refusals: string[];
  /** The last event appended, to wait for the read models; null when nothing was. */
  position: GlobalPosition | null;
}

const STREAMS_PER_APPEND = 1000;
const SHOWN_REFUSALS = 20;

/**
 * Seeds the referral network (facilities, their capacity, grids) from a city grid file. Each
 * stream is created whole with the store's no_stream expectation, so seeding twice appends
 * nothing the second time, and a stream that already exists (a facility registered or a grid
 * defined since) is left as it is.
 */
@Injectable()
export class CityGridSeeding implements OnApplicationBootstrap {
  private readonly logger = new Logger(CityGridSeeding.name);

  constructor(
    private readonly aggregates: AggregateStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** GRIDCARE_SEED_CITY_GRID=true seeds GRIDCARE_CITY_GRID_FILE (default tmp/city-grid.jsonl) into an empty network. */
  async onApplicationBootstrap(): Promise<void> {
    if (process.env.GRIDCARE_SEED_CITY_GRID !== 'true') return;
    if (!(await this.networkIsEmpty())) return;
    const file = process.env.GRIDCARE_CITY_GRID_FILE || 'tmp/city-grid.jsonl';
    if (!existsSync(file)) {
      throw new Error(`GRIDCARE_SEED_CITY_GRID=true but there is no city grid file at ${file}: set GRIDCARE_CITY_GRID_FILE, or run npm run referrals:seed-city`);
    }
    const result = await this.seedFile(file, { actor: REFERRALS_SERVICE_ACTOR });
    this.logger.log(`seeded the city grid from ${file}: ${describeSeed(result)}`);
  }

  /** True when no facility has registered and no grid has been defined. */
  async networkIsEmpty(): Promise<boolean> {
    const page = await this.store.readAll({ maxCount: 1, filter: { eventTypes: ['FacilityRegistered', 'GridDefined'] } });
    return page.events.length === 0;
  }

  seedFile(path: string, context: CommandContext): Promise<SeedResult> {
    return this.seed(readCityGridFile(path), context);
  }

  async seed(events: readonly SeedEvent[], context: CommandContext): Promise<SeedResult> {
    const seed: CitySeed = citySeed(events);
    const refusals: string[] = [];
    // Facilities first: a grid names them.
    const facilities = await this.createStreams(decideInTurn(facilityDecider), seed.facilities, context, refusals);
    const grids = await this.createStreams(decideInTurn(gridDecider), seed.grids, context, refusals);
    return { facilities: facilities.counts, grids: grids.counts, refusals: refusals.slice(0, SHOWN_REFUSALS), position: latestPosition(facilities.position, grids.position) };
  }

  private async createStreams<C, S, E extends DomainEvent>(decider: Decider<C[], S, E>, streams: SeedStream<C>[], context: CommandContext, refusals: string[]) {
    const counts: SeedCounts = { created: 0, existing: 0, refused: 0 };
    let position: GlobalPosition | null = null;
    for (let start = 0; start < streams.length; start += STREAMS_PER_APPEND) {
      const chunk = streams.slice(start, start + STREAMS_PER_APPEND);
      const outcomes = await this.aggregates.createMany(decider, chunk.map(({ streamId, commands }) => ({ streamId, command: commands })), context);
      outcomes.forEach((outcome, index) => {
        if (outcome.status === 'created') {
          counts.created++;
          position = latestPosition(position, outcome.position);
        } else if (outcome.status === 'exists') counts.existing++;
        else {
          counts.refused++;
          refusals.push(`${chunk[index].streamId}: ${outcome.error.code} (${outcome.error.message})`);
        }
      });
    }
    return { counts, position };
  }
}

export const describeSeed = ({ facilities, grids, refusals }: SeedResult): string =>
  `facilities ${facilities.created} created, ${facilities.existing} already there, ${facilities.refused} refused; ` +
  `grids ${grids.created} created, ${grids.existing} already there, ${grids.refused} refused` +
  (refusals.length ? `; first refusals: ${refusals.join('; ')}` : '');
