import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CommandContext } from '@gridcare/nest-event-sourcing';
import { ReferralRequest, ReferralRouting, RoutingSnapshot } from '../routing/referral-routing';
import { ReferralCommandResult, ReferralRequestOutcome, RequestReferralCommand, RequestReferralsCommand } from './referral.commands';

/**
 * Opens referrals for whoever decides one is needed: a referring doctor through the graph, or
 * the referral policy reacting to residents' events. The policy passes the triggering event as
 * `context.causationId` (it is recorded in the metadata of ReferralRequested) and a referral id
 * derived from that event, so a redelivered event finds the referral already requested
 * (REFERRAL_ALREADY_REQUESTED) instead of opening a second one.
 */
@Injectable()
export class ReferralRequests {
  constructor(
    private readonly commands: CommandBus,
    private readonly routing: ReferralRouting,
  ) {}

  /** `options.routing`: the network and policy as read once for a batch (`snapshot`); read for this request when absent. */
  request(request: ReferralRequest, context: CommandContext, options: { routing?: RoutingSnapshot } = {}): Promise<ReferralCommandResult> {
    return this.commands.execute(new RequestReferralCommand(request, context, options.routing));
  }

  /**
   * Many requests at once (the policy's batch), each exactly as `request` would open it, in one
   * append: answers what became of each (opened, already requested, refused) in their order.
   */
  requestMany(requests: readonly { readonly request: ReferralRequest; readonly context: CommandContext }[], options: { routing?: RoutingSnapshot } = {}): Promise<ReferralRequestOutcome[]> {
    return this.commands.execute(new RequestReferralsCommand(requests, options.routing));
  }

  /** What routing reads, once, for a batch of requests from these communities. */
  snapshot(communityIds: readonly string[]): Promise<RoutingSnapshot> {
    return this.routing.snapshot(communityIds);
  }
}
