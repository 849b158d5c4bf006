import { CareCommand } from '@gridcare/residents-domain';
import { ResidentCommandInput } from '../commands/resident-decisions.service';
import { ScopedCommandContext } from '../identity/resident-access';

type CareCommandInput = Extract<ResidentCommandInput, { type: CareCommand['type'] }>;
type WithoutCareParts<C> = C extends unknown ? Omit<C, 'episodeId' | 'measuredOn' | 'workerId'> : never;

/**
 * A care command as a client gives it: the handler adds a new episode's id, a reading's city
 * date and the worker (the acting actor); the decision id, date and rule sets are added as for
 * any command on the resident.
 */
export type ResidentCareInput = WithoutCareParts<CareCommandInput>;

/** Report an infection, record symptoms or a reading, treat, end home treatment, do or raise follow-ups. */
export class ResidentCareCommand {
  constructor(
    readonly residentId: string,
    readonly care: ResidentCareInput,
    readonly context: ScopedCommandContext,
  ) {}
}
