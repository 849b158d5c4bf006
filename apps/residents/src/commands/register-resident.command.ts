import { CommandContext } from '@gridcare/nest-event-sourcing';
import { ResidentRegisteredData } from '@gridcare/residents-contracts';

export class RegisterResidentCommand {
  constructor(
    readonly facts: Omit<ResidentRegisteredData, 'residentId'>,
    readonly context: CommandContext,
  ) {}
}
