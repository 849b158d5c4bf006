import { EventContractViolation } from '@gridcare/event-contracts';
import { residentsContracts } from '../../residents-contracts';
import { residentAssignmentStream } from '../../streams';
import { RESIDENT_ID } from '../../testing/contract-fixtures';

const registry = residentsContracts();

/** The dot paths a violation names, or [] when the data is accepted. */
function issuesOf(type: string, data: unknown): string[] {
  try {
    registry.validateForAppend(type, 1, data);
    return [];
  } catch (error) {
    if (!(error instanceof EventContractViolation)) throw error;
    return error.issues.map((issue) => issue.path);
  }
}

const assigned = () => ({ residentId: RESIDENT_ID, workerId: 'chen-yawen', previousWorkerId: null, reason: 'new to the community' });

describe('resident assignment contracts', () => {
  it('one assignment stream per resident', () => {
    expect(residentAssignmentStream(RESIDENT_ID)).toBe(`resident-assignment-${RESIDENT_ID}`);
  });

  it('registers ResidentAssignedToWorker at version 1', () => {
    expect(registry.currentVersion('ResidentAssignedToWorker')).toBe(1);
  });

  it('names the worker, the one before and why', () => {
    expect(issuesOf('ResidentAssignedToWorker', assigned())).toEqual([]);
    expect(issuesOf('ResidentAssignedToWorker', { ...assigned(), previousWorkerId: 'li-ming' })).toEqual([]);
    expect(issuesOf('ResidentAssignedToWorker', { ...assigned(), workerId: 'x'.repeat(101), previousWorkerId: 'li ming' })).toEqual(['workerId', 'previousWorkerId']);
    expect(issuesOf('ResidentAssignedToWorker', { ...assigned(), reason: '  ' })).toEqual(['reason']);
    expect(issuesOf('ResidentAssignedToWorker', { ...assigned(), residentId: 'resident-1' })).toEqual(['residentId']);
  });
});
