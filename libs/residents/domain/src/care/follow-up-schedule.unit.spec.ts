import { nationalIdFor, registered } from '../resident/testing/resident-fixtures';
import { CaseHistory, followUpDone, reportInfection, spo2 } from './testing-care';

const types = (events: { type: string }[]) => events.map((event) => event.type);
const elderly = { birthDate: '1950-03-01', nationalId: nationalIdFor('1950-03-01') };

describe('follow-up schedule', () => {
  it('books nobody who is not infected and lives with family; starts and ends greetings as living alone changes', () => {
    const history = new CaseHistory(registered());
    expect(history.pending).toBeNull();
    const correct = (livingAlone: boolean) => ({ type: 'CorrectResident', changes: { livingAlone }, reason: 'the census visit found otherwise' }) as const;
    expect(types(history.on('2026-01-06', correct(true)))).toEqual(['ResidentCorrected', 'ResidentTriaged', 'FollowUpScheduled']);
    expect(history.pending).toMatchObject({ number: 1, dueOn: '2026-01-06', purposes: ['greeting'] });
    expect(types(history.on('2026-01-07', correct(false)))).toEqual(['ResidentCorrected', 'ResidentTriaged', 'FollowUpsEnded']);
    expect(history.events.at(-1)?.data).toMatchObject({ cancelledFollowUpNumber: 1, endedOn: '2026-01-07' });
    expect(history.pending).toBeNull();
  });

  it('yellow and infected: every three days from the report until home treatment ends', () => {
    const history = new CaseHistory(registered());
    expect(types(history.on('2026-01-05', reportInfection()))).toEqual(['InfectionReported', 'ResidentTriaged', 'AntiviralEligibilityAssessed', 'FollowUpScheduled']);
    expect(history.state.tier).toBe('yellow');
    expect(history.pending).toMatchObject({ number: 1, dueOn: '2026-01-05', intervalDays: 3, purposes: ['health-check'], basis: ['yellow-infected'] });
    expect(types(history.on('2026-01-05', followUpDone(1, 'stable')))).toEqual(['FollowUpCompleted', 'FollowUpScheduled']);
    expect(history.pending).toMatchObject({ number: 2, dueOn: '2026-01-08', intervalDays: 3 });
    // Done late: the next one is three days after it was done.
    history.on('2026-01-09', followUpDone(2, 'better'));
    expect(history.pending).toMatchObject({ number: 3, dueOn: '2026-01-12' });
    expect(types(history.on('2026-01-10', { type: 'EndHomeTreatment', outcome: 'recovered' }))).toEqual(['HomeTreatmentEnded', 'ResidentTriaged', 'FollowUpsEnded']);
    expect(history.pending).toBeNull();
    expect(history.state.tier).toBe('green');
  });

  it('red and infected: daily, with referral assistance', () => {
    const history = new CaseHistory(registered(elderly));
    history.on('2026-01-05', reportInfection());
    expect(history.state.tier).toBe('red');
    expect(history.pending).toMatchObject({ dueOn: '2026-01-05', intervalDays: 1, purposes: ['health-check', 'referral-assistance'], basis: ['red-infected'] });
    history.on('2026-01-05', followUpDone(1, 'stable'));
    expect(history.pending).toMatchObject({ number: 2, dueOn: '2026-01-06' });
  });

  it('living alone: a daily greeting, and a health check on top when infected', () => {
    const history = new CaseHistory(registered({ livingAlone: true }));
    expect(history.pending).toMatchObject({ number: 1, intervalDays: 1, purposes: ['greeting'], basis: ['living-alone'] });
    history.on('2026-01-05', followUpDone(1, 'stable'));
    expect(history.pending).toMatchObject({ number: 2, dueOn: '2026-01-06', purposes: ['greeting'] });
    history.on('2026-01-06', reportInfection('2026-01-06'));
    // The booked greeting becomes a greeting and health check: replaced, not booked twice.
    expect(history.pending).toMatchObject({ number: 3, dueOn: '2026-01-06', intervalDays: 1, purposes: ['health-check', 'greeting'] });
    expect(history.events.filter((event) => event.type === 'FollowUpScheduled').at(-1)?.data).toMatchObject({ replaces: 2 });
    history.on('2026-01-08', { type: 'EndHomeTreatment', outcome: 'recovered' });
    expect(history.pending).toMatchObject({ number: 4, dueOn: '2026-01-06', purposes: ['greeting'], basis: ['living-alone'] });
  });

  it('moves with the tier: yellow to red brings the follow-up forward to today; red to yellow keeps the booked one', () => {
    const history = new CaseHistory(registered());
    history.on('2026-01-05', reportInfection());
    history.on('2026-01-05', followUpDone(1, 'stable'));
    expect(history.pending).toMatchObject({ number: 2, dueOn: '2026-01-08', intervalDays: 3 });
    // SpO2 below 93 while infected: red.
    expect(types(history.on('2026-01-06', spo2(91, '2026-01-06')))).toEqual(['Spo2Recorded', 'ResidentTriaged', 'FollowUpScheduled']);
    expect(history.state.tier).toBe('red');
    expect(history.pending).toMatchObject({ number: 3, dueOn: '2026-01-06', intervalDays: 1, basis: ['red-infected'] });
    history.on('2026-01-06', followUpDone(3, 'better'));
    expect(history.pending).toMatchObject({ number: 4, dueOn: '2026-01-07', intervalDays: 1 });
    history.on('2026-01-07', spo2(97, '2026-01-07'));
    expect(history.state.tier).toBe('yellow');
    expect(history.pending).toMatchObject({ number: 5, dueOn: '2026-01-07', intervalDays: 3, basis: ['yellow-infected'] });
    expect(history.state.followUps.lastNumber).toBe(5);
  });

  it('keeps a raised frequency across tier changes until the episode ends, and refuses to lower it', () => {
    const history = new CaseHistory(registered());
    history.on('2026-01-05', reportInfection());
    history.on('2026-01-05', followUpDone(1, 'stable'));
    expect(() => history.on('2026-01-05', { type: 'RaiseFollowUpFrequency', intervalDays: 3, reason: 'family asks' })).toThrow(
      expect.objectContaining({ code: 'FREQUENCY_NOT_RAISED' }),
    );
    expect(types(history.on('2026-01-05', { type: 'RaiseFollowUpFrequency', intervalDays: 1, reason: 'coughing at night' }))).toEqual([
      'FollowUpFrequencyRaised',
      'FollowUpScheduled',
    ]);
    expect(history.pending).toMatchObject({ dueOn: '2026-01-05', intervalDays: 1, basis: ['yellow-infected', 'raised-frequency'] });
    history.on('2026-01-05', followUpDone(3, 'stable'));
    expect(history.pending).toMatchObject({ dueOn: '2026-01-06', intervalDays: 1 });
    history.on('2026-01-07', { type: 'EndHomeTreatment', outcome: 'recovered' });
    expect(history.state.followUps.raisedIntervalDays).toBeNull();
    expect(() => history.on('2026-01-07', { type: 'RaiseFollowUpFrequency', intervalDays: 1, reason: 'x' })).toThrow(expect.objectContaining({ code: 'NO_FOLLOW_UP_PLAN' }));
  });
});

describe('follow-up outcomes', () => {
  const infectedYellow = () => {
    const history = new CaseHistory(registered());
    history.on('2026-01-05', reportInfection());
    return history;
  };

  it('completes only the pending follow-up, once: a second worker learns who did it', () => {
    const history = infectedYellow();
    history.on('2026-01-05', followUpDone(1, 'stable', 'chen-yawen'));
    expect(() => history.on('2026-01-05', followUpDone(1, 'stable', 'li-na'))).toThrow(
      expect.objectContaining({ code: 'FOLLOW_UP_ALREADY_COMPLETED', details: expect.objectContaining({ completedBy: 'chen-yawen' }) }),
    );
    expect(() => history.on('2026-01-05', followUpDone(7, 'stable'))).toThrow(expect.objectContaining({ code: 'FOLLOW_UP_NOT_PENDING' }));
  });

  it('re-triages on a worse outcome, recording the follow-up as its trigger', () => {
    const history = infectedYellow();
    const events = history.on('2026-01-05', followUpDone(1, 'worse'));
    expect(types(events)).toEqual(['FollowUpCompleted', 'ResidentTriaged', 'FollowUpScheduled']);
    expect(events[1].data).toMatchObject({ trigger: { kind: 'follow-up-outcome' }, tier: 'yellow', previousTier: 'yellow' });
  });

  it('asks for referral assistance when the follow-up finds it needed', () => {
    const history = infectedYellow();
    const events = history.on('2026-01-05', followUpDone(1, 'needs-referral'));
    expect(types(events)).toEqual(['FollowUpCompleted', 'ReferralAssistanceRequested', 'FollowUpScheduled']);
    expect(events[1].data).toMatchObject({ reason: 'follow-up-needs-referral', followUpNumber: 1, episodeId: history.state.episode?.episodeId });
  });

  it('tries again the next day when not reached, and escalates the second time in a row', () => {
    const history = infectedYellow();
    expect(types(history.on('2026-01-05', followUpDone(1, 'not-reached')))).toEqual(['FollowUpCompleted', 'FollowUpScheduled']);
    expect(history.pending).toMatchObject({ number: 2, dueOn: '2026-01-06' });
    expect(types(history.on('2026-01-06', followUpDone(2, 'not-reached')))).toEqual(['FollowUpCompleted', 'FollowUpEscalated', 'FollowUpScheduled']);
    history.on('2026-01-07', followUpDone(3, 'stable'));
    expect(history.state.followUps.notReachedInARow).toBe(0);
    expect(history.pending).toMatchObject({ dueOn: '2026-01-10' });
  });
});
