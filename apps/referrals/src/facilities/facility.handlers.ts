import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AggregateStore } from '@gridcare/nest-event-sourcing';
import { facilityStream } from '@gridcare/referrals-contracts';
import { facilityDecider } from '@gridcare/referrals-domain';
import { assertMay } from '../identity/referrals-roles';
import { ChangeFacilityCapacityCommand, FacilityCommandResult, RegisterFacilityCommand } from './facility.commands';

/** A facility stream takes a hold for every referral it accepts: a report may lose a race to many of them. */
export const FACILITY_RETRIES = 20;

@CommandHandler(RegisterFacilityCommand)
export class RegisterFacilityHandler implements ICommandHandler<RegisterFacilityCommand, FacilityCommandResult> {
  constructor(private readonly aggregates: AggregateStore) {}

  async execute({ registration, context }: RegisterFacilityCommand): Promise<FacilityCommandResult> {
    assertMay('RegisterFacility', context.actor);
    const { facilityId } = registration;
    const result = await this.aggregates.execute(facilityStream(facilityId), facilityDecider, { type: 'RegisterFacility', ...registration }, context, { retries: 1 });
    return { facilityId, position: result.position };
  }
}

@CommandHandler(ChangeFacilityCapacityCommand)
export class ChangeFacilityCapacityHandler implements ICommandHandler<ChangeFacilityCapacityCommand, FacilityCommandResult> {
  constructor(private readonly aggregates: AggregateStore) {}

  async execute({ report, context }: ChangeFacilityCapacityCommand): Promise<FacilityCommandResult> {
    assertMay('ChangeFacilityCapacity', context.actor);
    const { facilityId } = report;
    const result = await this.aggregates.execute(facilityStream(facilityId), facilityDecider, { type: 'ChangeFacilityCapacity', ...report }, context, { retries: FACILITY_RETRIES });
    return { facilityId, position: result.position };
  }
}
