import { Decider, DomainEvent, fold } from './decider';

/**
 * Given/when/then for deciders, in jest:
 *   spec.given([registered]).when(triage).then([triaged]);
 *   spec.given([]).when(badCommand).thenThrows(DomainError);
 */
export function deciderSpecification<Command, State, Event extends DomainEvent>(decider: Decider<Command, State, Event>) {
  return {
    given(events: Event[]) {
      return {
        when(command: Command) {
          const run = () => decider.decide(command, fold(decider, events));
          return {
            then(expected: Event[]) {
              expect(run()).toEqual(expected);
            },
            thenThrows(matcher: (new (...args: never[]) => Error) | RegExp | string | Record<string, unknown>) {
              if (typeof matcher === 'object' && !(matcher instanceof RegExp)) {
                let thrown: unknown;
                try {
                  run();
                } catch (error) {
                  thrown = error;
                }
                expect(thrown).toMatchObject(matcher);
              } else {
                expect(run).toThrow(matcher);
              }
            },
          };
        },
      };
    },
  };
}
