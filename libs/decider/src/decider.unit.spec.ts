import { Decider, DomainError, fold } from './decider';
import { deciderSpecification } from './decider-specification';

type Command = { type: 'RecordFollowUp'; outcome: 'stable' | 'worse' } | { type: 'CloseCase' };
type Event = { type: 'FollowUpRecorded'; data: { outcome: string; count: number } } | { type: 'CaseClosed'; data: Record<string, never> };
type State = { followUps: number; closed: boolean };

const followUps: Decider<Command, State, Event> = {
  initialState: () => ({ followUps: 0, closed: false }),
  evolve: (state, event) => (event.type === 'FollowUpRecorded' ? { ...state, followUps: event.data.count } : { ...state, closed: true }),
  decide: (command, state) => {
    if (state.closed) throw new DomainError('CASE_CLOSED', 'the case is closed');
    if (command.type === 'CloseCase') return [{ type: 'CaseClosed', data: {} }];
    return [{ type: 'FollowUpRecorded', data: { outcome: command.outcome, count: state.followUps + 1 } }];
  },
};

describe('decider', () => {
  const spec = deciderSpecification(followUps);

  it('folds events into state', () => {
    expect(fold(followUps, [{ type: 'FollowUpRecorded', data: { outcome: 'stable', count: 1 } }, { type: 'CaseClosed', data: {} }])).toEqual({
      followUps: 1,
      closed: true,
    });
  });

  it('decides from the state the past events build', () => {
    spec
      .given([{ type: 'FollowUpRecorded', data: { outcome: 'stable', count: 1 } }])
      .when({ type: 'RecordFollowUp', outcome: 'worse' })
      .then([{ type: 'FollowUpRecorded', data: { outcome: 'worse', count: 2 } }]);
  });

  it('refuses with a domain error', () => {
    spec.given([{ type: 'CaseClosed', data: {} }]).when({ type: 'CloseCase' }).thenThrows({ code: 'CASE_CLOSED' });
    spec.given([{ type: 'CaseClosed', data: {} }]).when({ type: 'CloseCase' }).thenThrows(DomainError);
  });
});
