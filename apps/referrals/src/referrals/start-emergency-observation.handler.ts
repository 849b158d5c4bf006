import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AggregateStore, Clock, CLOCK } from '@gridcare/nest-event-sourcing';
import { referralStream } from '@gridcare/referrals-contracts';
import { referralDecider } from '@gridcare/referrals-domain';
import { assertMay } from '../identity/referrals-roles';
import { RoutingNetwork } from '../routing/routing-network';
import { REFERRAL_RETRIES, ReferralCommandResult, StartEmergencyObservationCommand } from './referral.commands';

/**
 * The routed facility's referral desk records a patient who arrived at its emergency department
 * with no bed to admit them to: under observation from the service clock's now, to be admitted
 * within 24 hours. Whether the facility has an emergency department is the network's to say.
 */
@CommandHandler(StartEmergencyObservationCommand)
export class StartEmergencyObservationHandler implements ICommandHandler<StartEmergencyObservationCommand, ReferralCommandResult> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly network: RoutingNetwork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ referralId, facilityId, context }: StartEmergencyObservationCommand): Promise<ReferralCommandResult> {
    assertMay('StartEmergencyObservation', context.actor);
    const emergencyDepartment = (await this.network.capabilities(facilityId))?.includes('emergency-department') ?? false;
    const command = { type: 'StartEmergencyObservation' as const, referralId, facilityId, emergencyDepartment, startedAt: this.clock.now().toISOString() };
    const result = await this.aggregates.execute(referralStream(referralId), referralDecider, command, context, { retries: REFERRAL_RETRIES });
    return { referralId, position: result.position };
  }
}
