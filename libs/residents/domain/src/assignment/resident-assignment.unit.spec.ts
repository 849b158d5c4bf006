import { deciderSpecification } from '@gridcare/decider/testing';
import { fold } from '@gridcare/decider';
import { AssignResidentToWorker } from './assignment-commands';
import { ResidentAssignedToWorkerEvent } from './assignment-events';
import { residentAssignmentDecider } from './resident-assignment.decider';

const spec = deciderSpecification(residentAssignmentDecider);
const RESIDENT_ID = '3f0e1d2c-4b5a-4697-8a8b-9c0d1e2f3a4b';

const assign = (workerId: string, overrides: Partial<AssignResidentToWorker> = {}): AssignResidentToWorker => ({
  type: 'AssignResidentToWorker',
  residentId: RESIDENT_ID,
  registered: true,
  workerId,
  reason: 'lives on her street',
  ...overrides,
});

const assigned = (workerId: string, previousWorkerId: string | null, reason = 'lives on her street'): ResidentAssignedToWorkerEvent => ({
  type: 'ResidentAssignedToWorker',
  data: { residentId: RESIDENT_ID, workerId, previousWorkerId, reason },
});

describe('AssignResidentToWorker', () => {
  it('assigns a resident to a worker for the first time', () => {
    spec.given([]).when(assign('chen-yawen')).then([assigned('chen-yawen', null)]);
  });

  it('reassigns, naming the worker the resident was with', () => {
    spec
      .given([assigned('chen-yawen', null)])
      .when(assign('li-ming', { reason: 'Chen Yawen is off sick' }))
      .then([assigned('li-ming', 'chen-yawen', 'Chen Yawen is off sick')]);
  });

  it('takes a resident from a worker whose workload is reassigned while they are still with that worker', () => {
    spec
      .given([assigned('chen-yawen', null)])
      .when(assign('li-ming', { fromWorkerId: 'chen-yawen' }))
      .then([assigned('li-ming', 'chen-yawen')]);
  });

  it('knows the worker the resident is with', () => {
    expect(fold(residentAssignmentDecider, [assigned('chen-yawen', null), assigned('li-ming', 'chen-yawen')])).toEqual({ workerId: 'li-ming' });
  });

  describe('refuses', () => {
    it('the worker the resident is already with: nothing to change', () => {
      spec
        .given([assigned('chen-yawen', null)])
        .when(assign('chen-yawen'))
        .thenThrows({ code: 'WORKER_UNCHANGED', details: { workerId: 'chen-yawen' } });
    });

    it('a workload reassignment for a resident someone assigned elsewhere meanwhile, naming where they are', () => {
      spec
        .given([assigned('chen-yawen', null), assigned('wang-lei', 'chen-yawen')])
        .when(assign('li-ming', { fromWorkerId: 'chen-yawen' }))
        .thenThrows({ code: 'WORKER_CHANGED', details: { workerId: 'wang-lei', fromWorkerId: 'chen-yawen' } });
      spec.given([]).when(assign('li-ming', { fromWorkerId: 'chen-yawen' })).thenThrows({ code: 'WORKER_CHANGED', details: { workerId: null } });
    });

    it('a workload reassignment to the worker the resident is with already, as no change', () => {
      spec
        .given([assigned('li-ming', null)])
        .when(assign('li-ming', { fromWorkerId: 'chen-yawen' }))
        .thenThrows({ code: 'WORKER_UNCHANGED' });
    });

    it.each(['', '   ', '\n'])('a blank reason %p, naming the field', (reason) => {
      spec.given([]).when(assign('chen-yawen', { reason })).thenThrows({ code: 'REASON_REQUIRED', details: { field: 'reason' } });
    });

    it.each(['', 'chen yawen', 'x'.repeat(101)])('the worker id %p, naming the field', (workerId) => {
      spec.given([]).when(assign(workerId)).thenThrows({ code: 'WORKER_ID_INVALID', details: { field: 'workerId' } });
    });

    it('a resident not in the registry', () => {
      spec.given([]).when(assign('chen-yawen', { registered: false })).thenThrows({ code: 'RESIDENT_NOT_REGISTERED' });
    });
  });
});
