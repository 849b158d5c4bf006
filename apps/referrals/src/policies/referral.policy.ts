import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DomainError } from '@gridcare/decider';
import { comparePositions, EventStore, GlobalPosition, maxPosition, parsePosition, RecordedEvent, START } from '@gridcare/event-store';
import { CommandContext, EVENT_STORE } from '@gridcare/nest-event-sourcing';
import { PgProjectionDatabase, Projection, ProjectionRunner, ProjectionStatus } from '@gridcare/projections';
import { referralPolicyStream, ReferralTriggerSkipped } from '@gridcare/referrals-contracts';
import {
  decideReferralTrigger,
  defaultReferralPolicy,
  REFERRAL_TRIGGER_EVENT_TYPES,
  PolicyReferralRequest,
  ReferralPolicy as LoadedReferralPolicy,
  ReferralStatus,
  ReferralTrigger,
  referralTriggerOf,
  referralTriggerRefused,
  ReferralTriggerSkippedEvent,
  ResidentFacts,
  ResidentReferral,
  skipEventIdForTrigger,
} from '@gridcare/referrals-domain';
import { Pool, PoolClient } from 'pg';
import { REFERRALS_POOL, REFERRALS_SCHEMA } from '../database/referrals-database.module';
import { ReferralsProjections } from '../projections/referrals-projections';
import { loadResidentFacts } from '../projections/resident-facts.projection';
import { ReferralRequests } from '../referrals/referral-requests.service';
import { RoutingSnapshot } from '../routing/referral-routing';

export const REFERRAL_POLICY = 'referral-policy';

/** The referrals service itself, opening referrals on residents' events. */
export const REFERRAL_POLICY_ACTOR = { id: 'referral-policy', role: 'system' } as const;

/** How long a batch waits for the read models it decides on (a cold start may have a backlog). */
const READ_MODEL_WAIT_MS = 10 * 60_000;

export interface ReferralPolicyCounts {
  /** Referrals opened. */
  readonly opened: number;
  /** Triggers that opened nothing, recorded as ReferralTriggerSkipped. */
  readonly skipped: number;
  /** Triggers found handled already (delivered again): nothing done. */
  readonly alreadyHandled: number;
}

/** What the policy did for a resident so far, updated as it handles the resident's triggers of a batch. */
interface History {
  readonly referrals: ResidentReferral[];
  readonly skippedTriggerIds: Set<string>;
}

interface Triggered {
  readonly trigger: ReferralTrigger;
  readonly event: RecordedEvent;
}

/**
 * The referral policy: a process manager that reacts to residents' events (an infected resident
 * entering red, an SpO2 reading below the threshold, a request for referral assistance) and opens
 * a referral with its routing decision, through ReferralRequests, caused by the triggering event.
 *
 * Runs as a projection whose apply opens referrals: its checkpoint lives in
 * referrals.projection_checkpoints and moves only after a batch was handled. Delivery is at least
 * once; handling is idempotent, so a trigger opens at most one referral however often it comes:
 * - the referral id is derived from the triggering event's id: a trigger whose referral the read
 *   model shows is not decided again, and should the read model lag, the store's no_stream check
 *   refuses the second request (already requested) and it is taken as done;
 * - a trigger that opened nothing is recorded (ReferralTriggerSkipped, its id derived from the
 *   trigger's) in the resident's referral-policy stream, and a recorded trigger is not decided again.
 *
 * Each batch is decided on read models that include every event up to its last trigger and
 * everything this process wrote for the batch's residents before (the residents' facts, their
 * referrals and skipped triggers): it waits for them, then reads them, the network and the routing policy once for
 * the whole batch, and opens its referrals through ReferralRequests.requestMany, one append per
 * round. One open referral per resident at a time: decideReferralTrigger.
 */
@Injectable()
export class ReferralPolicy implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReferralPolicy.name);
  readonly runner: ProjectionRunner<PoolClient>;
  readonly document: LoadedReferralPolicy = defaultReferralPolicy();
  private counts: ReferralPolicyCounts = { opened: 0, skipped: 0, alreadyHandled: 0 };
  /** The log's head when the policy started: past it, the referrals read model shows all it wrote before a restart. */
  private startedAt: GlobalPosition = START;
  /**
   * Per resident, the last referral this process opened or trigger it skipped that the referrals
   * read model may not show yet: a batch with one of these residents waits for it.
   */
  private readonly unseen = new Map<string, GlobalPosition>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REFERRALS_POOL) private readonly pool: Pool,
    private readonly requests: ReferralRequests,
    private readonly projections: ReferralsProjections,
  ) {
    const projection: Projection<PoolClient> = {
      name: REFERRAL_POLICY,
      eventTypes: REFERRAL_TRIGGER_EVENT_TYPES,
      apply: (events) => this.handleBatch(events),
      // Nothing of its own to empty: what it decided are events, and deciding again is harmless.
    };
    const onError = (error: unknown) => this.logger.error(`referral policy failed, retrying from its checkpoint: ${String(error)}`);
    this.runner = new ProjectionRunner(store, new PgProjectionDatabase(pool, REFERRALS_SCHEMA), projection, { batchSize: 2000, onError });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.startedAt = (await this.store.headPosition()) ?? START;
    this.runner.start();
  }

  /** Before the pools and the event store close (they close in onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }

  status(): ProjectionStatus & ReferralPolicyCounts {
    return { ...this.runner.status(), ...this.counts };
  }

  /** Resolves once every trigger in the log now has been handled. */
  waitUntilCaughtUp(timeoutMs?: number): Promise<void> {
    return this.runner.waitUntilCaughtUp(timeoutMs);
  }

  private async handleBatch(events: readonly RecordedEvent[]): Promise<void> {
    const triggered: Triggered[] = [];
    for (const event of events) {
      const trigger = referralTriggerOf(event, this.document);
      if (trigger) triggered.push({ trigger, event });
    }
    if (triggered.length === 0) return;
    const residentIds = [...new Set(triggered.map(({ trigger }) => trigger.residentId))];
    const last = events[events.length - 1].position;
    const referralsRunner = this.projections.runner('referrals');
    const mustSee = residentIds.reduce((position, residentId) => maxPosition(position, this.unseen.get(residentId) ?? START), maxPosition(last, this.startedAt));
    await Promise.all([
      this.projections.runner('resident-facts').waitForPosition(last, READ_MODEL_WAIT_MS),
      referralsRunner.waitForPosition(mustSee, READ_MODEL_WAIT_MS),
    ]);
    this.forgetSeen(referralsRunner.status().checkpoint);
    const [facts, referrals, skipped] = await Promise.all([loadResidentFacts(this.pool, REFERRALS_SCHEMA, residentIds), this.loadReferrals(residentIds), this.loadSkippedTriggers(residentIds)]);
    const routing = await this.requests.snapshot([...new Set([...facts.values()].map((resident) => resident.communityId))]);
    const residents = new Map<string, { history: History; pending: Triggered[] }>();
    for (const item of triggered) {
      const { residentId } = item.trigger;
      const resident = residents.get(residentId) ?? { history: { referrals: [...(referrals.get(residentId) ?? [])], skippedTriggerIds: skipped.get(residentId) ?? new Set() }, pending: [] };
      resident.pending.push(item);
      residents.set(residentId, resident);
    }
    // In rounds: each resident's next trigger, all residents at once, so one resident's triggers
    // are decided in log order, each on what the one before it did.
    for (let round = [...residents.values()].filter((resident) => resident.pending.length); round.length; round = round.filter((resident) => resident.pending.length)) {
      await this.handleRound(round.map((resident) => ({ item: resident.pending.shift() as Triggered, history: resident.history })), facts, routing);
    }
  }

  /** One trigger per resident: decided, the referrals opened in one append, the skips recorded. */
  private async handleRound(round: { item: Triggered; history: History }[], facts: ReadonlyMap<string, ResidentFacts>, routing: RoutingSnapshot): Promise<void> {
    const opens: { item: Triggered; history: History; request: PolicyReferralRequest; context: CommandContext }[] = [];
    const skips: { item: Triggered; history: History; skipped: ReferralTriggerSkippedEvent }[] = [];
    for (const { item, history } of round) {
      const decision = decideReferralTrigger(item.trigger, facts.get(item.trigger.residentId) ?? null, history, this.document);
      if (decision.outcome === 'handled') this.count('alreadyHandled');
      else if (decision.outcome === 'skip') skips.push({ item, history, skipped: decision.event });
      else opens.push({ item, history, request: decision.request, context: { actor: REFERRAL_POLICY_ACTOR, causationId: item.event.id, correlationId: item.event.metadata.correlationId } });
    }
    const outcomes = opens.length ? await this.requests.requestMany(opens, { routing }) : [];
    outcomes.forEach((outcome, index) => {
      const { item, history, request } = opens[index];
      if (outcome.status === 'refused') {
        // Routing refused (an unknown community, no rule, no facility): asking again would not help.
        // ReferralInputRefused says which input and why: 'fromFacilityId: no grassroots institution serves ...'.
        const refusal = (outcome.error instanceof DomainError ? outcome.error.code : outcome.error.message).slice(0, 200);
        this.logger.warn(`trigger ${item.trigger.eventId} (${item.trigger.kind}) for resident ${item.trigger.residentId} opened no referral: ${refusal}`);
        skips.push({ item, history, skipped: referralTriggerRefused(item.trigger, refusal, this.document) });
        return;
      }
      // Already requested: opened before a crash or a restart that came between the request and the checkpoint.
      if (outcome.status === 'opened') {
        this.unseen.set(item.trigger.residentId, outcome.position);
        this.count('opened');
      } else this.count('alreadyHandled');
      history.referrals.push({ referralId: request.referralId, status: 'requested' });
    });
    for (const { item, history, skipped } of skips) await this.skip(item.trigger, skipped, item.event, history);
  }

  /** Drops what the referrals read model shows now. */
  private forgetSeen(checkpoint: string | null): void {
    if (!checkpoint) return;
    const seen = parsePosition(checkpoint);
    for (const [residentId, position] of this.unseen) if (comparePositions(position, seen) <= 0) this.unseen.delete(residentId);
  }

  private count(what: keyof ReferralPolicyCounts): void {
    this.counts = { ...this.counts, [what]: this.counts[what] + 1 };
  }

  private async skip(trigger: ReferralTrigger, skipped: ReferralTriggerSkippedEvent, cause: RecordedEvent, history: History): Promise<void> {
    const metadata = { correlationId: cause.metadata.correlationId, causationId: cause.id, actor: REFERRAL_POLICY_ACTOR };
    // Named by the trigger: appending it again (a redelivery) is a no-op.
    const id = skipEventIdForTrigger(trigger.eventId);
    const { position } = await this.store.appendToStream(
      referralPolicyStream(trigger.residentId),
      [{ id, type: skipped.type, schemaVersion: ReferralTriggerSkipped.version, data: skipped.data, metadata }],
      { expectedRevision: 'any' },
    );
    this.unseen.set(trigger.residentId, position);
    history.skippedTriggerIds.add(trigger.eventId);
    this.count('skipped');
  }

  /** The triggers recorded as skipped for the residents, as the referrals read model shows them. */
  private async loadSkippedTriggers(residentIds: readonly string[]): Promise<Map<string, Set<string>>> {
    const { rows } = await this.pool.query<{ trigger_event_id: string; resident_id: string }>(
      'SELECT trigger_event_id, resident_id FROM referrals.referral_trigger_skips WHERE resident_id = ANY($1::uuid[])',
      [residentIds],
    );
    const byResident = new Map<string, Set<string>>();
    for (const row of rows) byResident.set(row.resident_id, (byResident.get(row.resident_id) ?? new Set()).add(row.trigger_event_id));
    return byResident;
  }

  /** Every referral of the residents, as the referrals read model shows it. */
  private async loadReferrals(residentIds: readonly string[]): Promise<Map<string, ResidentReferral[]>> {
    const { rows } = await this.pool.query<{ referral_id: string; resident_id: string; status: ReferralStatus }>(
      'SELECT referral_id, resident_id, status FROM referrals.referrals WHERE resident_id = ANY($1::uuid[])',
      [residentIds],
    );
    const byResident = new Map<string, ResidentReferral[]>();
    for (const row of rows) byResident.set(row.resident_id, [...(byResident.get(row.resident_id) ?? []), { referralId: row.referral_id, status: row.status }]);
    return byResident;
  }
}
