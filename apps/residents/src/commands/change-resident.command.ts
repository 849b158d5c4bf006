import { ResidentCommandInput } from './resident-decisions.service';
import { ScopedCommandContext } from '../identity/resident-access';

/** Any command on a registered resident: correct, move, override, re-triage, vaccination status. */
export class ChangeResidentCommand {
  constructor(
    readonly residentId: string,
    readonly change: Exclude<ResidentCommandInput, { type: 'RegisterResident' }>,
    readonly context: ScopedCommandContext,
  ) {}
}
