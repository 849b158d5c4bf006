import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainError } from '@gridcare/decider';
import { GlobalPosition, maxPosition, WrongExpectedVersion } from '@gridcare/event-store';
import { checkAssignment } from '@gridcare/residents-domain';
import { ResidentsPrisma } from '../database/residents-database.module';
import { OutsideJurisdiction, ScopedCommandContext } from '../identity/resident-access';
import { AssignmentInput, AssignResidentCommand } from './assign-resident.command';
import { AssignResidentResult } from './assign-resident.handler';
import { assertMayAssignResidents } from './assignment-roles';
import { forEachConcurrently } from './for-each-concurrently';

/** Residents one bulk request may assign: a workload or a community's residents, not a district's. */
export const MAX_RESIDENTS_PER_REQUEST = 10_000;
/** Residents assigned at once: enough to hide the round trips, few enough to leave the pools to others. */
const ASSIGNMENTS_IN_FLIGHT = 8;

export interface AssignmentRefusal {
  residentId: string;
  code: string;
  message: string;
}

/** Every resident of the request is in exactly one of assigned, unchanged and refused. */
export interface BulkAssignmentResult {
  assigned: number;
  unchanged: number;
  refused: AssignmentRefusal[];
  /** The last event appended: wait for read models with it. */
  position: GlobalPosition | null;
}

/** More residents than one request may assign; nothing was written. */
export class TooManyResidents extends Error {
  constructor(
    readonly field: string,
    readonly residents: number,
  ) {
    super(`${residents} residents: at most ${MAX_RESIDENTS_PER_REQUEST} at a time`);
    this.name = 'TooManyResidents';
  }
}

export interface WorkloadReassignment {
  fromWorkerId: string;
  toWorkerId: string;
  communityId?: string | null;
  reason: string;
}

/**
 * Assigns many residents, each as its own command on its own stream (AssignResidentCommand), a
 * bounded number at a time. One resident's refusal, or a conflict its retries could not settle,
 * is reported for that resident and never holds back the others.
 */
@Injectable()
export class BulkAssignment {
  private readonly logger = new Logger(BulkAssignment.name);

  constructor(
    private readonly commands: CommandBus,
    private readonly prisma: ResidentsPrisma,
  ) {}

  async assignResidents(residentIds: readonly string[], assignment: Omit<AssignmentInput, 'fromWorkerId'>, context: ScopedCommandContext): Promise<BulkAssignmentResult> {
    this.checkRequest(assignment, context);
    const distinct = [...new Set(residentIds)];
    if (distinct.length > MAX_RESIDENTS_PER_REQUEST) throw new TooManyResidents('residentIds', distinct.length);
    return this.assignEach(distinct, assignment, context);
  }

  /** Every resident the worklist shows with `fromWorkerId` now; each only while still with them. */
  async reassignWorkload({ fromWorkerId, toWorkerId, communityId, reason }: WorkloadReassignment, context: ScopedCommandContext): Promise<BulkAssignmentResult> {
    this.checkRequest({ workerId: toWorkerId, reason }, context);
    const workload = await this.prisma.followUpWorklist.findMany({
      where: { workerId: fromWorkerId, ...(communityId ? { communityId } : {}) },
      select: { residentId: true },
      orderBy: { residentId: 'asc' },
      take: MAX_RESIDENTS_PER_REQUEST + 1,
    });
    if (workload.length > MAX_RESIDENTS_PER_REQUEST) throw new TooManyResidents('fromWorkerId', workload.length);
    return this.assignEach(
      workload.map((row) => row.residentId),
      { workerId: toWorkerId, reason, fromWorkerId },
      context,
    );
  }

  /** Refuses the whole request (nothing written) for a role or an assignment no resident could take. */
  private checkRequest({ workerId, reason }: Omit<AssignmentInput, 'fromWorkerId'>, context: ScopedCommandContext): void {
    assertMayAssignResidents(context.actor);
    checkAssignment(workerId, reason);
  }

  private async assignEach(residentIds: readonly string[], assignment: AssignmentInput, context: ScopedCommandContext): Promise<BulkAssignmentResult> {
    const result: BulkAssignmentResult = { assigned: 0, unchanged: 0, refused: [], position: null };
    // One correlation id ties every resident's assignment to this request.
    const requestContext = { ...context, correlationId: context.correlationId ?? randomUUID() };
    await forEachConcurrently(residentIds, ASSIGNMENTS_IN_FLIGHT, async (residentId) => {
      try {
        const { position }: AssignResidentResult = await this.commands.execute(new AssignResidentCommand(residentId, assignment, requestContext));
        result.assigned++;
        if (position) result.position = result.position ? maxPosition(result.position, position) : position;
      } catch (error) {
        if (error instanceof DomainError && error.code === 'WORKER_UNCHANGED') result.unchanged++;
        else result.refused.push(this.refusal(residentId, error));
      }
    });
    result.refused.sort((a, b) => a.residentId.localeCompare(b.residentId));
    return result;
  }

  private refusal(residentId: string, error: unknown): AssignmentRefusal {
    if (error instanceof DomainError) return { residentId, code: error.code, message: error.message };
    if (error instanceof OutsideJurisdiction) return { residentId, code: 'FORBIDDEN', message: error.message };
    if (error instanceof WrongExpectedVersion) return { residentId, code: 'CONFLICT', message: 'the resident kept being reassigned while this was decided; try again' };
    this.logger.error(`assigning resident ${residentId} failed: ${String(error)}`);
    return { residentId, code: 'FAILED', message: 'the assignment failed; try again (if it was made after all, it is reported unchanged)' };
  }
}
