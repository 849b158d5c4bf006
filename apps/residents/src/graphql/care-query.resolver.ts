import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ResidentsPrisma } from '../database/residents-database.module';
import { episodeView, followUpView, referralAssistanceView, spo2ReadingView } from './care-view';
import { badInput } from './graphql-errors';

const MAX_READINGS = 1000;

/** A resident's care as the resident-care read model has it. */
@Resolver('Resident')
export class CareQueryResolver {
  constructor(private readonly prisma: ResidentsPrisma) {}

  @ResolveField('episodes')
  async episodes(@Parent() resident: { id: string }) {
    const rows = await this.prisma.infectionEpisode.findMany({ where: { residentId: resident.id }, orderBy: { reportedAt: 'desc' } });
    return rows.map(episodeView);
  }

  @ResolveField('spo2Readings')
  async spo2Readings(@Parent() resident: { id: string }, @Args('last') last?: number | null) {
    if (last != null && (last < 1 || last > MAX_READINGS)) throw badInput('last', `must be between 1 and ${MAX_READINGS}`);
    const rows = await this.prisma.spo2Reading.findMany({
      where: { residentId: resident.id },
      orderBy: [{ measuredAt: 'desc' }, { recordedAt: 'desc' }],
      take: last ?? MAX_READINGS,
    });
    return rows.reverse().map(spo2ReadingView);
  }

  @ResolveField('followUps')
  async followUps(@Parent() resident: { id: string }) {
    const rows = await this.prisma.followUp.findMany({ where: { residentId: resident.id }, orderBy: { followUpNumber: 'asc' } });
    return rows.map(followUpView);
  }

  @ResolveField('pendingFollowUp')
  async pendingFollowUp(@Parent() resident: { id: string }) {
    const row = await this.prisma.followUp.findFirst({ where: { residentId: resident.id, status: 'pending' } });
    return row && followUpView(row);
  }

  @ResolveField('referralAssistanceRequests')
  async referralAssistanceRequests(@Parent() resident: { id: string }) {
    const rows = await this.prisma.referralAssistanceRequest.findMany({ where: { residentId: resident.id }, orderBy: { requestedAt: 'asc' } });
    return rows.map(referralAssistanceView);
  }
}
