import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AggregateStore } from '@gridcare/nest-event-sourcing';
import { referralStream } from '@gridcare/referrals-contracts';
import { checkRoutedFacility, checkTransition, referralDecider } from '@gridcare/referrals-domain';
import { assertMay } from '../identity/referrals-roles';
import { ReferralRouting } from '../routing/referral-routing';
import { DeclineReferralCommand, REFERRAL_RETRIES, ReferralCommandResult } from './referral.commands';

/**
 * A decline is a redirect: the referral is routed again, without the declining facility (and
 * every one that declined before), on the capacity read model as it is now. With nowhere else
 * to go, the decline itself is refused.
 */
@CommandHandler(DeclineReferralCommand)
export class DeclineReferralHandler implements ICommandHandler<DeclineReferralCommand, ReferralCommandResult> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly routing: ReferralRouting,
  ) {}

  async execute({ referralId, facilityId, reason, note, context }: DeclineReferralCommand): Promise<ReferralCommandResult> {
    assertMay('RedirectReferral', context.actor);
    const stream = referralStream(referralId);
    const { state } = await this.aggregates.load(stream, referralDecider);
    // The decider's own checks, before routing: a refusal needs no capacity read.
    const referral = checkTransition('RedirectReferral', state, referralId);
    checkRoutedFacility(referral, facilityId);
    const command = await this.routing.redirectCommand(referral, facilityId, reason, note);
    const result = await this.aggregates.execute(stream, referralDecider, command, context, { retries: REFERRAL_RETRIES });
    return { referralId, position: result.position };
  }
}
