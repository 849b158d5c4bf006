import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { residentIdFor } from '../identity/resident-id';
import { RegisterResidentCommand } from './register-resident.command';
import { ResidentDecisionResult, ResidentDecisions } from './resident-decisions.service';

@CommandHandler(RegisterResidentCommand)
export class RegisterResidentHandler implements ICommandHandler<RegisterResidentCommand, ResidentDecisionResult> {
  constructor(private readonly residents: ResidentDecisions) {}

  execute({ facts, context }: RegisterResidentCommand): Promise<ResidentDecisionResult> {
    const residentId = residentIdFor(facts.nationalId);
    return this.residents.decide(residentId, { type: 'RegisterResident', residentId, ...facts }, context);
  }
}
