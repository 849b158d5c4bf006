import { GlobalPosition } from '@gridcare/event-store';
import { CommandContext } from '@gridcare/nest-event-sourcing';
import { ChangeFacilityCapacity, RegisterFacility } from '@gridcare/referrals-domain';

/** A facility joins the referral network (again with the same details: nothing changes). */
export class RegisterFacilityCommand {
  constructor(
    readonly registration: Omit<RegisterFacility, 'type'>,
    readonly context: CommandContext,
  ) {}
}

/** A facility's capacity report: ICU beds open and occupied, critical-care doctors and nurses, in absolute numbers. */
export class ChangeFacilityCapacityCommand {
  constructor(
    readonly report: Omit<ChangeFacilityCapacity, 'type'>,
    readonly context: CommandContext,
  ) {}
}

export interface FacilityCommandResult {
  facilityId: string;
  /** Null when nothing changed. */
  position: GlobalPosition | null;
}
