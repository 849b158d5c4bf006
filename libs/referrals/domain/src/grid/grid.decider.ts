import { Decider, DomainError, DomainEvent } from '@gridcare/decider';
import { GridDefined, GridDefinedData } from '@gridcare/referrals-contracts';
import { canonicalJson } from '@gridcare/rule-language';
import { contractEvent } from '@gridcare/decider';

/** Defining the same grid again with the same content does nothing, so seeding can be re-run. */
export interface DefineGrid extends GridDefinedData {
  readonly type: 'DefineGrid';
}
export type GridCommand = DefineGrid;
export type GridDefinedEvent = DomainEvent<'GridDefined', GridDefinedData>;
export type GridEvent = GridDefinedEvent;

export interface GridState {
  readonly definition: GridDefinedData | null;
}

export type GridErrorCode = 'GRID_ALREADY_DEFINED';

/**
 * A grid's stream (gridStream): its lead hospital, facilities, communities and neighbours.
 * Changing a defined grid is not yet possible: a grid plan change needs its own event.
 */
export const gridDecider: Decider<GridCommand, GridState, GridEvent> = {
  initialState: () => ({ definition: null }),
  evolve: (_state, event) => ({ definition: event.data }),
  decide: (command, state) => {
    const { type: _type, ...data } = command;
    const event = contractEvent(GridDefined, data);
    if (state.definition === null) return [event];
    if (canonicalJson(state.definition) === canonicalJson(event.data)) return [];
    throw new DomainError('GRID_ALREADY_DEFINED' satisfies GridErrorCode, `grid ${command.gridId} is already defined otherwise`, { gridId: command.gridId });
  },
};
