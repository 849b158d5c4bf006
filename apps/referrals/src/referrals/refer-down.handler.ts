import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@gridcare/decider';
import { AggregateStore } from '@gridcare/nest-event-sourcing';
import { referralStream } from '@gridcare/referrals-contracts';
import { checkRoutedFacility, checkTransition, referralDecider } from '@gridcare/referrals-domain';
import { assertMay } from '../identity/referrals-roles';
import { ReferralRouting } from '../routing/referral-routing';
import { correlated, latestPosition, ReferDownCommand, REFERRAL_RETRIES, ReferralCommandResult } from './referral.commands';

/**
 * A stable patient goes back to grassroots for rehabilitation. The downward referral is opened
 * first (routed by the policy's rehabilitation rule, which refuses a patient who is not stable),
 * then the upward referral is marked referred down, naming it. Should that be refused (the
 * patient was discharged meanwhile), the downward referral is cancelled again.
 */
@CommandHandler(ReferDownCommand)
export class ReferDownHandler implements ICommandHandler<ReferDownCommand, ReferralCommandResult> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly routing: ReferralRouting,
  ) {}

  async execute({ referralId, facilityId, assessment, context: given }: ReferDownCommand): Promise<ReferralCommandResult> {
    assertMay('ReferDown', given.actor);
    const context = correlated(given);
    const stream = referralStream(referralId);
    const downwardReferralId = randomUUID();
    const referDown = { type: 'ReferDown' as const, referralId, facilityId, downwardReferralId };
    const { state } = await this.aggregates.load(stream, referralDecider);
    // The decider's own checks (status, facility, an upward referral), before anything is opened.
    const upward = checkTransition('ReferDown', state, referralId);
    checkRoutedFacility(upward, facilityId);
    referralDecider.decide(referDown, state);

    const request = await this.routing.downwardCommand(upward, assessment, downwardReferralId);
    const opened = await this.aggregates.execute(referralStream(downwardReferralId), referralDecider, request, context, { createsStream: true });
    try {
      const referred = await this.aggregates.execute(stream, referralDecider, referDown, context, { retries: REFERRAL_RETRIES });
      return { referralId: downwardReferralId, position: latestPosition(opened.position, referred.position) };
    } catch (error) {
      if (error instanceof DomainError) {
        const reason = `the upward referral ${referralId} could not be referred down (${error.code})`;
        await this.aggregates.execute(referralStream(downwardReferralId), referralDecider, { type: 'CancelReferral', referralId: downwardReferralId, reason }, context, { retries: REFERRAL_RETRIES });
      }
      throw error;
    }
  }
}
