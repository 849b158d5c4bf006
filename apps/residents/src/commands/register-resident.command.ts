import { ResidentRegisteredData } from '@gridcare/residents-contracts';
import { ScopedCommandContext } from '../identity/resident-access';

export class RegisterResidentCommand {
  constructor(
    readonly facts: Omit<ResidentRegisteredData, 'residentId'>,
    readonly context: ScopedCommandContext,
  ) {}
}
