import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CommandContext } from '@gridcare/nest-event-sourcing';
import { ReferralRequest } from '../routing/referral-routing';
import { ReferralCommandResult, RequestReferralCommand } from './referral.commands';

/**
 * Opens referrals for whoever decides one is needed: a referring doctor through the graph, or
 * the referral policy reacting to residents' events. The policy passes the triggering event as
 * `context.causationId` (it is recorded in the metadata of ReferralRequested) and a referral id
 * derived from that event, so a redelivered event finds the referral already requested
 * (REFERRAL_ALREADY_REQUESTED) instead of opening a second one.
 */
@Injectable()
export class ReferralRequests {
  constructor(private readonly commands: CommandBus) {}

  request(request: ReferralRequest, context: CommandContext): Promise<ReferralCommandResult> {
    return this.commands.execute(new RequestReferralCommand(request, context));
  }
}
