import { ResidentAssignmentEvent } from './assignment-events';

/** The worker the resident is with, if any. */
export interface ResidentAssignmentState {
  readonly workerId: string | null;
}

export const initialResidentAssignmentState = (): ResidentAssignmentState => ({ workerId: null });

export function evolveResidentAssignment(state: ResidentAssignmentState, event: ResidentAssignmentEvent): ResidentAssignmentState {
  switch (event.type) {
    case 'ResidentAssignedToWorker':
      return { workerId: event.data.workerId };
  }
}
