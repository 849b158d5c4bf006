import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { GlobalPosition } from '@gridcare/event-store';
import { AggregateStore, Clock, CLOCK } from '@gridcare/nest-event-sourcing';
import { residentSuppliesStream, Tier } from '@gridcare/residents-contracts';
import { cityDate, ResidentInRegistry, ResidentSuppliesCommand, residentSuppliesDecider } from '@gridcare/residents-domain';
import { ResidentsPrisma } from '../database/residents-database.module';
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runs the supplies decider for one resident: supplies the resident as the registry shows them
 * (community, tier, living alone), a new card's id and today's city date, so deciding is pure.
 */
@CommandHandler(ResidentSupplyCommand)
export class ResidentSupplyHandler implements ICommandHandler<ResidentSupplyCommand, ResidentSupplyResult> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly prisma: ResidentsPrisma,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ residentId, supply, context }: ResidentSupplyCommand): Promise<ResidentSupplyResult> {
    assertMayHandOutSupplies(context.actor);
    const command = await this.complete(residentId, supply);
    const result = await this.aggregates.execute(residentSuppliesStream(residentId), residentSuppliesDecider, command, context, { retries: SUPPLY_RETRIES });
    return { residentId, eventTypes: result.appended.map((event) => event.type), position: result.position };
  }

  private async complete(residentId: string, supply: ResidentSupplyInput): Promise<ResidentSuppliesCommand> {
    if (supply.type === 'RecordFingerOximeterReturned') return { ...supply, residentId };
    const resident = await this.residentInRegistry(residentId);
    if (supply.type === 'IssueContactServiceCard') return { ...supply, residentId, resident, cardId: randomUUID(), issuedOn: cityDate(this.clock.now()) };
    return { ...supply, residentId, resident };
  }

  /** null when not registered (an id that is not a UUID cannot be). */
  private async residentInRegistry(residentId: string): Promise<ResidentInRegistry | null> {
    if (!UUID.test(residentId)) return null;
    const row = await this.prisma.resident.findUnique({ where: { residentId }, select: { communityId: true, tier: true, livingAlone: true } });
    return row && { communityId: row.communityId, tier: row.tier as Tier | null, livingAlone: row.livingAlone };
  }
}
