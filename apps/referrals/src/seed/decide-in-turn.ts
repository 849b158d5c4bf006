import { Decider, DomainEvent } from '@gridcare/decider';

/**
 * A decider that takes several commands at once and decides each on the state the previous
 * ones leave: a stream created whole (a facility registered with its first capacity report).
 */
export function decideInTurn<C, S, E extends DomainEvent>(decider: Decider<C, S, E>): Decider<C[], S, E> {
  return {
    initialState: decider.initialState,
    evolve: decider.evolve,
    decide: (commands, state) => {
      const events: E[] = [];
      let current = state;
      for (const command of commands) {
        const decided = decider.decide(command, current);
        current = decided.reduce(decider.evolve, current);
        events.push(...decided);
      }
      return events;
    },
  };
}
