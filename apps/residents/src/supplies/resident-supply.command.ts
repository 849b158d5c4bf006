import { HandOutFingerOximeter, HandOutHealthKits, IssueContactServiceCard, RecordFingerOximeterReturned } from '@gridcare/residents-domain';
import { ScopedCommandContext } from '../identity/resident-access';

/** A supplies command as a client gives it: the handler adds the registry entry, the card id and the date. */
export type ResidentSupplyInput =
  | Omit<IssueContactServiceCard, 'residentId' | 'resident' | 'cardId' | 'issuedOn'>
  | Omit<HandOutHealthKits, 'residentId' | 'resident'>
  | Omit<HandOutFingerOximeter, 'residentId' | 'resident'>
  | Omit<RecordFingerOximeterReturned, 'residentId'>;

/** Issue a contact service card, hand out health kits or a finger oximeter, or record one returned. */
export class ResidentSupplyCommand {
  constructor(
    readonly residentId: string,
    readonly supply: ResidentSupplyInput,
    readonly context: ScopedCommandContext,
  ) {}
}
