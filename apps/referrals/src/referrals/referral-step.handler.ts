import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@gridcare/event-store';
import { AggregateStore, EVENT_STORE } from '@gridcare/nest-event-sourcing';
import { BedReleaseReason, PatientAdmittedData, ReferralCancelledData, referralStream } from '@gridcare/referrals-contracts';
import { ReferralCommand, referralDecider } from '@gridcare/referrals-domain';
import { assertMay } from '../identity/referrals-roles';
import { ReferralBeds } from './referral-beds';
import { correlated, latestPosition, REFERRAL_RETRIES, ReferralCommandResult, ReferralStep, ReferralStepCommand } from './referral.commands';

/** The events that say a held ICU bed must be released on the facility's stream, and why. */
const RELEASES: Readonly<Record<string, BedReleaseReason>> = { PatientAdmitted: 'patient-admitted', ReferralCancelled: 'referral-cancelled' };

/**
 * In transit, admitted, discharged, cancelled. An admission turns the held bed into an occupied
 * one and a cancellation frees it: the event says whether a bed was held, and the bed is
 * released on the facility's stream, caused by that event.
 */
@CommandHandler(ReferralStepCommand)
export class ReferralStepHandler implements ICommandHandler<ReferralStepCommand, ReferralCommandResult> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly beds: ReferralBeds,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ referralId, step, context: given }: ReferralStepCommand): Promise<ReferralCommandResult> {
    assertMay(step.type, given.actor);
    const context = correlated(given);
    const stream = referralStream(referralId);
    const result = await this.aggregates.execute(stream, referralDecider, toCommand(referralId, step), context, { retries: REFERRAL_RETRIES });
    const [appended] = result.appended;
    const reason = appended && RELEASES[appended.type];
    if (!reason) return { referralId, position: result.position };
    const [event] = await this.store.readStream(stream, { fromRevision: result.nextExpectedRevision, maxCount: 1 });
    const { facilityId, icuBedHeld } = event.data as PatientAdmittedData | ReferralCancelledData;
    if (!icuBedHeld) return { referralId, position: result.position };
    const released = await this.beds.release(facilityId, referralId, reason, { ...context, causationId: event.id });
    return { referralId, position: latestPosition(result.position, released.position) };
  }
}

function toCommand(referralId: string, step: ReferralStep): ReferralCommand {
  switch (step.type) {
    case 'StartTransit':
      return { type: 'StartTransit', referralId };
    case 'AdmitPatient':
      return { type: 'AdmitPatient', referralId, facilityId: step.facilityId };
    case 'DischargePatient':
      return { type: 'DischargePatient', referralId, facilityId: step.facilityId };
    case 'CancelReferral':
      return { type: 'CancelReferral', referralId, reason: step.reason };
  }
}
