import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Actor } from '@gridcare/event-store';
import { cityDate } from '@gridcare/residents-domain';
import { ResidentCommandInput, ResidentDecisionResult, ResidentDecisions } from '../commands/resident-decisions.service';
import { assertMayCare } from './care-roles';
import { ResidentCareCommand, ResidentCareInput } from './resident-care.command';

/**
 * Runs a care command on the resident's stream, like any change to the resident: a reading,
 * its re-triage and the moved follow-up are decided together and appended at once, and a
 * lost race is re-decided on the new state (so a second worker learns who did the follow-up).
 */
@CommandHandler(ResidentCareCommand)
export class ResidentCareHandler implements ICommandHandler<ResidentCareCommand, ResidentDecisionResult> {
  constructor(private readonly residents: ResidentDecisions) {}

  execute({ residentId, care, context }: ResidentCareCommand): Promise<ResidentDecisionResult> {
    assertMayCare(care.type, context.actor);
    return this.residents.decide(residentId, complete(care, context.actor), context);
  }
}

function complete(care: ResidentCareInput, actor: Actor): ResidentCommandInput {
  switch (care.type) {
    case 'ReportInfection':
      return { ...care, episodeId: randomUUID() };
    case 'RecordSpo2Reading':
      // The day it was measured in the city, whatever offset the oximeter's app sent.
      return { ...care, measuredOn: cityDate(new Date(care.measuredAt)) };
    case 'CompleteFollowUp':
      return { ...care, workerId: actor.id };
    default:
      return care;
  }
}
