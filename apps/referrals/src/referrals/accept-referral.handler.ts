import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@gridcare/decider';
import { AggregateStore, CommandContext } from '@gridcare/nest-event-sourcing';
import { referralStream } from '@gridcare/referrals-contracts';
import { AcceptReferral, checkRoutedFacility, checkTransition, OpenedReferral, referralDecider } from '@gridcare/referrals-domain';
import { assertMay } from '../identity/referrals-roles';
import { ReferralRouting } from '../routing/referral-routing';
import { ReferralBeds } from './referral-beds';
import { AcceptReferralCommand, AcceptReferralResult, correlated, latestPosition, REFERRAL_RETRIES } from './referral.commands';

/**
 * The referral desk accepts. When the decision needs an ICU bed, it is held on the facility's
 * stream first; if none is free any more (another referral took the last one), the referral
 * is redirected at once, without this facility: a facility may not simply refuse. If the
 * accept is then refused (the referral was cancelled meanwhile), the hold is released.
 */
@CommandHandler(AcceptReferralCommand)
export class AcceptReferralHandler implements ICommandHandler<AcceptReferralCommand, AcceptReferralResult> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly beds: ReferralBeds,
    private readonly routing: ReferralRouting,
  ) {}

  async execute({ referralId, facilityId, context: given }: AcceptReferralCommand): Promise<AcceptReferralResult> {
    assertMay('AcceptReferral', given.actor);
    const context = correlated(given);
    const accept: AcceptReferral = { type: 'AcceptReferral', referralId, facilityId, icuBedHeld: false };
    const { state } = await this.aggregates.load(referralStream(referralId), referralDecider);
    // A retried accept by the facility that accepted changes nothing.
    if (state.status === 'accepted' && state.facilityId === facilityId) return { referralId, position: null, outcome: 'accepted' };
    // The decider's own checks, before holding anything.
    const referral = checkTransition('AcceptReferral', state, referralId);
    checkRoutedFacility(referral, facilityId);
    if (!referral.icuBedRequired) return this.accept(accept, context);

    const held = await this.beds.hold(facilityId, referralId, context).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'NO_ICU_BED_OPEN') return null;
      throw error;
    });
    if (!held) return this.redirect(referral, facilityId, context);
    const holdEvent = held.appended[0]?.id ?? null;
    try {
      const accepted = await this.accept({ ...accept, icuBedHeld: true }, { ...context, causationId: holdEvent ?? context.causationId });
      return { ...accepted, position: latestPosition(held.position, accepted.position) };
    } catch (error) {
      if (error instanceof DomainError) await this.beds.release(facilityId, referralId, 'referral-cancelled', context);
      throw error;
    }
  }

  private async accept(command: AcceptReferral, context: CommandContext): Promise<AcceptReferralResult> {
    const result = await this.aggregates.execute(referralStream(command.referralId), referralDecider, command, context, { retries: REFERRAL_RETRIES });
    return { referralId: command.referralId, position: result.position, outcome: 'accepted' };
  }

  /** The bed went to another referral: route this one again without the facility. */
  private async redirect(referral: OpenedReferral, facilityId: string, context: CommandContext): Promise<AcceptReferralResult> {
    const command = await this.routing.redirectCommand(referral, facilityId, 'no-icu-bed', null);
    const result = await this.aggregates.execute(referralStream(referral.referralId), referralDecider, command, context, { retries: REFERRAL_RETRIES });
    return { referralId: referral.referralId, position: result.position, outcome: 'redirected' };
  }
}
