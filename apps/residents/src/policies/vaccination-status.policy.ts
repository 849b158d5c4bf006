import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DomainError } from '@gridcare/decider';
import { EventStore, RecordedEvent } from '@gridcare/event-store';
import { CommandContext, EVENT_STORE } from '@gridcare/nest-event-sourcing';
import { PgProjectionDatabase, Projection, ProjectionRunner, ProjectionStatus } from '@gridcare/projections';
import { DoseAdministered, DoseAdministeredData, isBooster, vaccinationStream } from '@gridcare/vaccination-contracts';
import { Pool, PoolClient } from 'pg';
import { ResidentDecisions } from '../commands/resident-decisions.service';
import { RESIDENTS_POOL, RESIDENTS_SCHEMA } from '../database/residents-database.module';

export const VACCINATION_STATUS_POLICY = 'vaccination-status-policy';

/** The residents service itself, acting on another service's event. */
export const RESIDENTS_SERVICE_ACTOR = { id: 'residents-service', role: 'system' } as const;

/** Residents whose doses are handled at the same time; one resident's doses always go in log order. */
const CONCURRENT_RESIDENTS = 8;

export interface VaccinationStatus {
  readonly dosesReceived: number;
  readonly boostersReceived: number;
  readonly lastDoseOn: string | null;
}

/**
 * The status a resident's vaccination stream shows up to and including one of its events:
 * each dose counted once (by doseId), boosters among them, and the date of the latest dose.
 */
export function vaccinationStatusOf(events: readonly RecordedEvent[]): VaccinationStatus {
  const doses = new Map<string, DoseAdministeredData>();
  for (const event of events) {
    if (event.type !== DoseAdministered.type) continue;
    const dose = event.data as DoseAdministeredData;
    if (!doses.has(dose.doseId)) doses.set(dose.doseId, dose);
  }
  let boostersReceived = 0;
  let lastDoseOn: string | null = null;
  for (const dose of doses.values()) {
    if (isBooster(dose.doseKind)) boostersReceived++;
    // YYYY-MM-DD compares as text; a dose recorded late does not move the date back.
    if (lastDoseOn === null || dose.administeredOn > lastDoseOn) lastDoseOn = dose.administeredOn;
  }
  return { dosesReceived: doses.size, boostersReceived, lastDoseOn };
}

/**
 * Keeps each resident's vaccination status in step with the vaccination service: for every
 * DoseAdministered in the global log it recounts the resident's doses from their vaccination
 * stream and sends UpdateVaccinationStatus to the resident decider (which re-triages).
 *
 * Runs as a projection whose apply sends commands, so its checkpoint lives in
 * residents.projection_checkpoints. Delivery is at least once: a batch redelivered after a
 * crash or a restart sends its commands again, and the decider ignores a dose it has already
 * applied (sourceEventId). A dose for a resident the service does not know is logged and
 * skipped; the resident's next dose carries the full count, as it is counted from the stream.
 */
@Injectable()
export class VaccinationStatusPolicy implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(VaccinationStatusPolicy.name);
  readonly runner: ProjectionRunner<PoolClient>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(RESIDENTS_POOL) pool: Pool,
    private readonly residents: ResidentDecisions,
  ) {
    const projection: Projection<PoolClient> = {
      name: VACCINATION_STATUS_POLICY,
      eventTypes: [DoseAdministered.type],
      apply: (events) => this.handleBatch(events),
      // Nothing of its own to empty: the decisions it sent are events, and resending them is harmless.
    };
    const onError = (error: unknown) => this.logger.error(`vaccination status policy failed, retrying from its checkpoint: ${String(error)}`);
    this.runner = new ProjectionRunner(store, new PgProjectionDatabase(pool, RESIDENTS_SCHEMA), projection, { batchSize: 100, onError });
  }

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  /** Before the pools and the event store close (they close in onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }

  status(): ProjectionStatus {
    return this.runner.status();
  }

  /** Resolves once every dose in the log now has been handled. */
  waitUntilCaughtUp(timeoutMs?: number): Promise<void> {
    return this.runner.waitUntilCaughtUp(timeoutMs);
  }

  private async handleBatch(events: readonly RecordedEvent[]): Promise<void> {
    const byResident = new Map<string, RecordedEvent[]>();
    for (const event of events) {
      const { residentId } = event.data as DoseAdministeredData;
      byResident.set(residentId, [...(byResident.get(residentId) ?? []), event]);
    }
    const queue = [...byResident.values()];
    const failures: unknown[] = [];
    const worker = async () => {
      // After a failure no resident is started, and the batch fails only once every worker has
      // stopped: its retry must not overlap with this attempt's commands.
      for (let doses = queue.shift(); doses && failures.length === 0; doses = queue.shift()) {
        try {
          for (const dose of doses) await this.handleDose(dose);
        } catch (error) {
          failures.push(error);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENT_RESIDENTS, queue.length) }, worker));
    if (failures.length) throw failures[0];
  }

  private async handleDose(event: RecordedEvent): Promise<void> {
    const { residentId, doseId } = event.data as DoseAdministeredData;
    const stream = vaccinationStream(residentId);
    if (event.streamId !== stream) {
      this.logger.warn(`skipped dose event ${event.id} (dose ${doseId}): it is in ${event.streamId}, not in ${stream}`);
      return;
    }
    const history = await this.store.readStream(stream, { maxCount: event.revision + 1 });
    const status = vaccinationStatusOf(history);
    const context: CommandContext = { actor: RESIDENTS_SERVICE_ACTOR, causationId: event.id, correlationId: event.metadata.correlationId };
    try {
      await this.residents.decide(residentId, { type: 'UpdateVaccinationStatus', ...status, sourceEventId: event.id }, context);
    } catch (error) {
      // A refusal is deterministic: retrying it would only stop every later dose from being handled.
      if (!(error instanceof DomainError)) throw error;
      const message = `skipped dose event ${event.id} for resident ${residentId}: ${error.code} (${error.message})`;
      if (error.code === 'RESIDENT_NOT_REGISTERED') this.logger.warn(message);
      else this.logger.error(message);
    }
  }
}
