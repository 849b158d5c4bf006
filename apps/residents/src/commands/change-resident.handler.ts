import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ChangeResidentCommand } from './change-resident.command';
import { ResidentDecisionResult, ResidentDecisions } from './resident-decisions.service';

@CommandHandler(ChangeResidentCommand)
export class ChangeResidentHandler implements ICommandHandler<ChangeResidentCommand, ResidentDecisionResult> {
  constructor(private readonly residents: ResidentDecisions) {}

  execute({ residentId, change, context }: ChangeResidentCommand): Promise<ResidentDecisionResult> {
    return this.residents.decide(residentId, change, context);
  }
}
