/**
 * Assigns a resident to the community worker who keeps in touch with them and runs their
 * follow-ups. `registered` is what the registry says (the service reads it), so decide needs
 * no I/O and the decision can be re-run.
 */
export interface AssignResidentToWorker {
  readonly type: 'AssignResidentToWorker';
  readonly residentId: string;
  readonly registered: boolean;
  readonly workerId: string;
  readonly reason: string;
  /**
   * Reassigning a worker's workload: only while the resident is still with this worker, so a
   * resident someone assigned elsewhere meanwhile is not taken back.
   */
  readonly fromWorkerId?: string;
}

export type ResidentAssignmentCommand = AssignResidentToWorker;
