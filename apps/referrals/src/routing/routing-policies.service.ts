import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { EventStore } from '@gridcare/event-store';
import { AggregateStore, CommandContext, EVENT_STORE } from '@gridcare/nest-event-sourcing';
import { ROUTING_POLICY_STREAM, RoutingPolicyPublishedData } from '@gridcare/referrals-contracts';
import { defaultRoutingPolicy, loadRoutingPolicy, RoutingPolicy, routingPolicyDecider } from '@gridcare/referrals-domain';

export const REFERRALS_SERVICE_ACTOR = { id: 'referrals-service', role: 'system' } as const;
const SYSTEM: CommandContext = { actor: REFERRALS_SERVICE_ACTOR };

/**
 * The routing policy in force: the last one published in the routing-policy stream, read from
 * the log itself (not a read model), so a decision never cites a stale version. The shipped
 * policy is published on start (idempotent: the same content changes nothing).
 */
@Injectable()
export class RoutingPolicies implements OnApplicationBootstrap {
  private defaultPublication?: Promise<void>;
  /** The last publication read, so a policy is validated and hashed once, not on every decision. */
  private loaded?: { eventId: string; policy: RoutingPolicy };

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly aggregates: AggregateStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.defaultPublished();
  }

  /** Resolves once the shipped policy is in the stream (published by this start when missing). */
  defaultPublished(): Promise<void> {
    this.defaultPublication ??= this.aggregates
      .execute(ROUTING_POLICY_STREAM, routingPolicyDecider, { type: 'PublishRoutingPolicy', policy: defaultRoutingPolicy() }, SYSTEM, { retries: 3 })
      .then(() => undefined);
    return this.defaultPublication;
  }

  async current(): Promise<RoutingPolicy> {
    await this.defaultPublished();
    const [last] = await this.store.readStream(ROUTING_POLICY_STREAM, { direction: 'backwards', maxCount: 1 });
    if (!last) return defaultRoutingPolicy();
    if (this.loaded?.eventId === last.id) return this.loaded.policy;
    const { policy, hash } = last.data as RoutingPolicyPublishedData;
    const loaded = loadRoutingPolicy(policy);
    if (loaded.hash !== hash) throw new Error(`routing policy ${policy.version} does not match its recorded hash`);
    this.loaded = { eventId: last.id, policy: loaded };
    return loaded;
  }
}
