import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@gridcare/decider';
import { WrongExpectedVersion } from '@gridcare/event-store';
import { AggregateStore } from '@gridcare/nest-event-sourcing';
import { referralStream } from '@gridcare/referrals-contracts';
import { referralDecider } from '@gridcare/referrals-domain';
import { assertMay } from '../identity/referrals-roles';
import { ReferralRouting } from '../routing/referral-routing';
import { ReferralCommandResult, RequestReferralCommand } from './referral.commands';

/**
 * Opens a referral: routes it on the capacity read model as it is now, and records the
 * decision in ReferralRequested. The stream must not exist: a second request with the same
 * referral id is refused by the store's no_stream check (REFERRAL_ALREADY_REQUESTED).
 */
@CommandHandler(RequestReferralCommand)
export class RequestReferralHandler implements ICommandHandler<RequestReferralCommand, ReferralCommandResult> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly routing: ReferralRouting,
  ) {}

  async execute({ request, context }: RequestReferralCommand): Promise<ReferralCommandResult> {
    assertMay('RequestReferral', context.actor);
    const command = await this.routing.requestCommand(request);
    try {
      const result = await this.aggregates.execute(referralStream(command.referralId), referralDecider, command, context, { createsStream: true });
      return { referralId: command.referralId, position: result.position };
    } catch (error) {
      if (error instanceof WrongExpectedVersion && error.expected === 'no_stream') {
        throw new DomainError('REFERRAL_ALREADY_REQUESTED', `referral ${command.referralId} is already requested`, { referralId: command.referralId });
      }
      throw error;
    }
  }
}
