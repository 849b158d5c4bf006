import { GlobalPosition } from '@gridcare/event-store';
import { CommandContext } from '@gridcare/nest-event-sourcing';
import { DefineGrid } from '@gridcare/referrals-domain';

/** A treatment grid: its lead hospital, member facilities, communities and neighbouring grids. */
export class DefineGridCommand {
  constructor(
    readonly definition: Omit<DefineGrid, 'type'>,
    readonly context: CommandContext,
  ) {}
}

export interface DefineGridResult {
  gridId: string;
  /** Null when the grid was already defined with this content. */
  position: GlobalPosition | null;
}
