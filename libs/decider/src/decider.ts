/**
 * Domain logic as two pure functions, after Jérémie Chassaing's decider pattern (as in
 * Emmett): `decide(command, state)` returns the events a command produces (or throws a
 * domain error), `evolve(state, event)` folds an event into state. No I/O, no framework:
 * the same code builds today's state, a state as of any moment, and re-runs decisions.
 */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

export interface Decider<Command, State, Event extends DomainEvent> {
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event) => State;
  readonly decide: (command: Command, state: State) => Event[];
}

/** Folds events into state, starting from the decider's initial state. */
export function fold<Command, State, Event extends DomainEvent>(decider: Decider<Command, State, Event>, events: Iterable<Event>): State {
  let state = decider.initialState();
  for (const event of events) state = decider.evolve(state, event);
  return state;
}

/** A rule of the domain refused the command. Carries a stable code for APIs. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
