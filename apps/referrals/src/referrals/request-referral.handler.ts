import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@gridcare/decider';
import { WrongExpectedVersion } from '@gridcare/event-store';
import { AggregateStore, CommandContext } from '@gridcare/nest-event-sourcing';
import { referralStream } from '@gridcare/referrals-contracts';
import { referralDecider, RequestReferral } from '@gridcare/referrals-domain';
import { assertMay } from '../identity/referrals-roles';
import { ReferralRouting } from '../routing/referral-routing';
import { ReferralInputRefused } from '../routing/referral-input-refused';
import { ReferralCommandResult, ReferralRequestOutcome, RequestReferralCommand, RequestReferralsCommand } from './referral.commands';

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

  async execute({ request, context, routing }: RequestReferralCommand): Promise<ReferralCommandResult> {
    assertMay('RequestReferral', context.actor);
    const command = await this.routing.requestCommand(request, routing);
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

/**
 * Opens many referrals in one append (the referral policy's batch), each exactly as
 * RequestReferralHandler would: routed on the snapshot given, its stream created whole with
 * no_stream, so a referral id already taken is reported already requested. A refusal (of
 * routing or of the decider) leaves the others to go on. Referral ids must be distinct.
 */
@CommandHandler(RequestReferralsCommand)
export class RequestReferralsHandler implements ICommandHandler<RequestReferralsCommand, ReferralRequestOutcome[]> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly routing: ReferralRouting,
  ) {}

  async execute({ requests, routing }: RequestReferralsCommand): Promise<ReferralRequestOutcome[]> {
    const outcomes: ReferralRequestOutcome[] = new Array(requests.length);
    const routed: { index: number; command: RequestReferral; context: CommandContext }[] = [];
    for (const [index, { request, context }] of requests.entries()) {
      assertMay('RequestReferral', context.actor);
      try {
        routed.push({ index, command: await this.routing.requestCommand(request, routing), context });
      } catch (error) {
        if (!(error instanceof ReferralInputRefused || error instanceof DomainError)) throw error;
        outcomes[index] = { status: 'refused', referralId: request.referralId ?? '', error };
      }
    }
    if (routed.length === 0) return outcomes;
    if (new Set(routed.map(({ command }) => command.referralId)).size !== routed.length) throw new Error('RequestReferralsCommand: referral ids must be distinct');
    // Each request keeps its own context (its causation): the one given for all is never used.
    const streams = routed.map(({ command, context }) => ({ streamId: referralStream(command.referralId), command, context }));
    const created = await this.aggregates.createMany(referralDecider, streams, routed[0].context);
    created.forEach((outcome, position) => {
      const { index, command } = routed[position];
      const { referralId } = command;
      outcomes[index] =
        outcome.status === 'created'
          ? { status: 'opened', referralId, position: outcome.position }
          : outcome.status === 'exists'
            ? { status: 'already-requested', referralId }
            : { status: 'refused', referralId, error: outcome.error };
    });
    return outcomes;
  }
}
