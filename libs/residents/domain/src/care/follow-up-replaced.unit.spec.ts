import { registered } from '../resident/testing/resident-fixtures';
import { CaseHistory, followUpDone, reportInfection, spo2 } from './testing-care';

const types = (events: { type: string }[]) => events.map((event) => event.type);

/**
 * A worker does the follow-up their worklist showed; meanwhile a reading or a tier change may
 * have replaced it with a new number (same contact, new date or purposes). The contact is what
 * counts: completing a replaced number completes the follow-up that replaced it.
 */
describe('completing a follow-up the schedule replaced meanwhile', () => {
  const movedByAReading = () => {
    const history = new CaseHistory(registered());
    history.on('2026-01-05', reportInfection());
    // SpO2 below 93: red, so follow-up 1 is replaced by 2, daily.
    history.on('2026-01-05', spo2(91, '2026-01-05'));
    expect(history.pending).toMatchObject({ number: 2, intervalDays: 1 });
    return history;
  };

  it('completes the follow-up that replaced it, under that number', () => {
    const history = movedByAReading();
    const events = history.on('2026-01-05', followUpDone(1, 'stable', 'chen-yawen'));
    expect(types(events)).toEqual(['FollowUpCompleted', 'FollowUpScheduled']);
    expect(events[0].data).toMatchObject({ followUpNumber: 2, workerId: 'chen-yawen' });
    expect(history.pending).toMatchObject({ number: 3, dueOn: '2026-01-06' });
  });

  it('tells a second worker who did it, whichever number of the contact they give', () => {
    const history = movedByAReading();
    history.on('2026-01-05', followUpDone(2, 'stable', 'chen-yawen'));
    for (const number of [1, 2]) {
      expect(() => history.on('2026-01-05', followUpDone(number, 'stable', 'li-na'))).toThrow(
        expect.objectContaining({ code: 'FOLLOW_UP_ALREADY_COMPLETED', details: expect.objectContaining({ followUpNumber: number, completedBy: 'chen-yawen' }) }),
      );
    }
  });

  it('follows a chain of replacements, but not past a follow-up done or cancelled', () => {
    const history = movedByAReading();
    history.on('2026-01-05', spo2(97, '2026-01-05'));
    expect(history.pending).toMatchObject({ number: 3, intervalDays: 3 });
    expect(history.on('2026-01-05', followUpDone(1, 'better'))[0].data).toMatchObject({ followUpNumber: 3 });
    // 4 is the next contact: giving 2 or 3 does not complete it.
    expect(history.pending).toMatchObject({ number: 4, dueOn: '2026-01-08' });
    expect(() => history.on('2026-01-06', followUpDone(2, 'stable'))).toThrow(expect.objectContaining({ code: 'FOLLOW_UP_ALREADY_COMPLETED' }));
    expect(() => history.on('2026-01-06', followUpDone(3, 'stable'))).toThrow(expect.objectContaining({ code: 'FOLLOW_UP_ALREADY_COMPLETED' }));

    const alone = new CaseHistory(registered());
    const correct = (livingAlone: boolean) => ({ type: 'CorrectResident', changes: { livingAlone }, reason: 'the census visit found otherwise' }) as const;
    alone.on('2026-01-06', correct(true));
    alone.on('2026-01-07', correct(false));
    alone.on('2026-01-08', correct(true));
    // Follow-up 1 was cancelled when greetings ended; 2 is a new booking, not its replacement.
    expect(alone.pending).toMatchObject({ number: 2 });
    expect(() => alone.on('2026-01-08', followUpDone(1, 'stable'))).toThrow(expect.objectContaining({ code: 'FOLLOW_UP_NOT_PENDING', details: { followUpNumber: 1, pending: 2 } }));
  });
});
