import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DomainError } from '@gridcare/decider';
import { GlobalPosition } from '@gridcare/event-store';
import { Clock, CLOCK } from '@gridcare/nest-event-sourcing';
import { TriageRuleSet } from '@gridcare/residents-domain';
import { ResidentDecisions } from '../commands/resident-decisions.service';
import { ResidentsPrisma } from '../database/residents-database.module';
import { ResidentsProjections } from '../projections/residents-projections';
import { TriageRuleSets } from './triage-rule-sets.service';

const PAGE = 500;
const CONCURRENCY = 16;
const SYSTEM = { id: 'residents-service', role: 'system' };

/**
 * After a rule set is published, every registered resident is triaged again with it in the
 * background; the decider records a decision only for the residents it affects (tier or fired
 * rules change). Progress is kept per version and a restarted service resumes where it was,
 * or starts the rollout it never recorded when it stopped right after a publication.
 */
@Injectable()
export class TriageRollouts implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TriageRollouts.name);
  private readonly running = new Map<string, Promise<void>>();
  private missedRollout: Promise<void> = Promise.resolve();
  private stopping = false;
  private requestStop!: () => void;
  private readonly stopRequested = new Promise<void>((resolve) => (this.requestStop = resolve));

  constructor(
    private readonly prisma: ResidentsPrisma,
    private readonly residents: ResidentDecisions,
    private readonly ruleSets: TriageRuleSets,
    private readonly projections: ResidentsProjections,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Starts re-triage for a rule set just published (its TriageRuleSetPublished event). */
  async start(published: { id: string; position: GlobalPosition }, ruleSet: TriageRuleSet): Promise<void> {
    // Everyone registered before the publication must be in the registry the rollout walks.
    if (!(await this.registryReaches(published.position))) return;
    const { version } = ruleSet.document;
    const residentsTotal = await this.prisma.resident.count();
    // Instances may start one rollout together (one publishing, others booting): the one that records it runs it.
    const { count } = await this.prisma.triageRollout.createMany({
      data: [{ version, sourceEventId: published.id, status: 'running', residentsTotal, startedAt: this.clock.now() }],
      skipDuplicates: true,
    });
    if (count === 1) this.launch(version, ruleSet, published.id);
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const rollout of await this.prisma.triageRollout.findMany({ where: { status: 'running' } })) {
      const ruleSet = await this.ruleSets.current();
      if (ruleSet.document.version !== rollout.version) {
        await this.prisma.triageRollout.update({ where: { version: rollout.version }, data: { status: 'superseded', finishedAt: this.clock.now() } });
        continue;
      }
      this.logger.log(`resuming the re-triage for rule set ${rollout.version}`);
      this.launch(rollout.version, ruleSet, rollout.sourceEventId);
    }
    // In the background: the projections may have a backlog to catch up on first.
    this.missedRollout = this.startMissedRollout().catch((error) => this.logger.error(`could not start a missed re-triage: ${String(error)}`));
  }

  /** Resolves when the rollout of `version` under way in this instance (if any) is done. */
  async finished(version: string): Promise<void> {
    await this.missedRollout;
    await this.running.get(version);
  }

  /**
   * The service may have stopped after appending a TriageRuleSetPublished event and before
   * `start` recorded its rollout: the rule set in force then has no rollout. The very first
   * rule set (the default published on an empty log) needs none: nobody was triaged before it.
   */
  private async startMissedRollout(): Promise<void> {
    await this.ruleSets.defaultPublished();
    const publication = await this.ruleSets.currentPublication();
    if (!publication || publication.revision === 0 || this.stopping) return;
    const { version } = publication.ruleSet.document;
    if (await this.prisma.triageRollout.findUnique({ where: { version }, select: { version: true } })) return;
    this.logger.log(`starting the re-triage for rule set ${version}, published without one`);
    await this.start(publication, publication.ruleSet);
  }

  /** False when the service stops first: a restart then starts it again. */
  private async registryReaches(position: GlobalPosition): Promise<boolean> {
    const caughtUp = this.projections.waitFor(position, 60_000).then(() => !this.stopping);
    return Promise.race([caughtUp, this.stopRequested.then(() => false)]);
  }

  private launch(version: string, ruleSet: TriageRuleSet, sourceEventId: string): void {
    if (this.running.has(version)) return;
    const run = this.run(version, ruleSet, sourceEventId).catch((error) => this.logger.error(`re-triage for ${version} stopped: ${String(error)}`));
    this.running.set(version, run.finally(() => this.running.delete(version)));
  }

  private async run(version: string, ruleSet: TriageRuleSet, sourceEventId: string): Promise<void> {
    const context = { actor: SYSTEM, causationId: sourceEventId, correlationId: sourceEventId };
    let rollout = await this.prisma.triageRollout.findUniqueOrThrow({ where: { version } });
    let after = rollout.lastResidentId;
    while (!this.stopping) {
      const page = await this.prisma.resident.findMany({
        where: after ? { residentId: { gt: after } } : {},
        orderBy: { residentId: 'asc' },
        select: { residentId: true },
        take: PAGE,
      });
      if (page.length === 0) break;
      let retriaged = 0;
      for (let i = 0; i < page.length; i += CONCURRENCY) {
        const results = await Promise.all(
          page.slice(i, i + CONCURRENCY).map(({ residentId }) =>
            this.residents
              .decide(residentId, { type: 'RequestRetriage', trigger: { kind: 'rule-set-published', sourceEventId } }, context, ruleSet)
              .then((result) => result.eventTypes.length > 0)
              .catch((error) => {
                if (error instanceof DomainError) return false;
                throw error;
              }),
          ),
        );
        retriaged += results.filter(Boolean).length;
      }
      after = page[page.length - 1].residentId;
      rollout = await this.prisma.triageRollout.update({
        where: { version },
        data: { processed: { increment: page.length }, retriaged: { increment: retriaged }, lastResidentId: after },
      });
    }
    if (!this.stopping) await this.prisma.triageRollout.update({ where: { version }, data: { status: 'finished', finishedAt: this.clock.now() } });
  }

  /** Stops after the page in hand, while the database is still open; a restart resumes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.requestStop();
    await this.missedRollout;
    await Promise.allSettled(this.running.values());
  }
}
