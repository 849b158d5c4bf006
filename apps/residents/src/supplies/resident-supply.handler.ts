import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { GlobalPosition } from '@gridcare/event-store';
import { AggregateStore, Clock, CLOCK } from '@gridcare/nest-event-sourcing';
import { residentSuppliesStream } from '@gridcare/residents-contracts';
import { cityDate, ResidentInRegistry, ResidentSuppliesCommand, residentSuppliesDecider } from '@gridcare/residents-domain';
import { areaOf, loadRegisteredResident } from '../commands/resident-in-jurisdiction';
import { assertInJurisdiction, ScopedCommandContext } from '../identity/resident-access';
import { ResidentSupplyCommand, ResidentSupplyInput } from './resident-supply.command';
import { assertMayHandOutSupplies } from './supplies-roles';

export interface ResidentSupplyResult {
  residentId: string;
  eventTypes: string[];
  position: GlobalPosition | null;
}

/**
 * How often a hand-out re-decides after losing a race for the resident's supplies stream: N
 * writers at once need up to N - 1 (a worker and a doctor at the door, a reissue meanwhile).
 */
const SUPPLY_RETRIES = 10;

/**
 * Runs the supplies decider for one resident: supplies the resident as their stream shows them
 * (community, tier, living alone), a new card's id and today's city date, so deciding is pure.
 * A resident outside the acting identity's jurisdiction is refused (OutsideJurisdiction).
 */
@CommandHandler(ResidentSupplyCommand)
export class ResidentSupplyHandler implements ICommandHandler<ResidentSupplyCommand, ResidentSupplyResult> {
  constructor(
    private readonly aggregates: AggregateStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ residentId, supply, context }: ResidentSupplyCommand): Promise<ResidentSupplyResult> {
    assertMayHandOutSupplies(supply.type, context.actor);
    const command = await this.complete(residentId, supply, context);
    const result = await this.aggregates.execute(residentSuppliesStream(residentId), residentSuppliesDecider, command, context, { retries: SUPPLY_RETRIES });
    return { residentId, eventTypes: result.appended.map((event) => event.type), position: result.position };
  }

  private async complete(residentId: string, supply: ResidentSupplyInput, context: ScopedCommandContext): Promise<ResidentSuppliesCommand> {
    const resident = await this.residentInRegistry(residentId, context);
    if (supply.type === 'RecordFingerOximeterReturned') return { ...supply, residentId };
    if (supply.type === 'IssueContactServiceCard') return { ...supply, residentId, resident, cardId: randomUUID(), issuedOn: cityDate(this.clock.now()) };
    return { ...supply, residentId, resident };
  }

  /** null when not registered. */
  private async residentInRegistry(residentId: string, context: ScopedCommandContext): Promise<ResidentInRegistry | null> {
    const resident = await loadRegisteredResident(this.aggregates, residentId);
    if (!resident) return null;
    assertInJurisdiction(context.jurisdiction, areaOf(resident.placement), residentId);
    return { communityId: resident.placement.jurisdiction.communityId, tier: resident.tier, livingAlone: resident.facts.livingAlone };
  }
}
