import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ProjectionRunner, ProjectionStatus } from '@gridcare/projections';

/**
 * Starts the service's projections when the application is up and stops them on shutdown
 * (each stops after its current batch commits).
 */
@Injectable()
export class ProjectionHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ProjectionHost.name);
  private readonly runners = new Map<string, ProjectionRunner<unknown>>();
  private started = false;

  register(runner: ProjectionRunner<never>): void {
    const existing = runner as unknown as ProjectionRunner<unknown>;
    if (this.runners.has(existing.name)) throw new Error(`projection ${existing.name} is registered twice`);
    this.runners.set(existing.name, existing);
    if (this.started) existing.start();
  }

  runner(name: string): ProjectionRunner<unknown> {
    const runner = this.runners.get(name);
    if (!runner) throw new Error(`no projection named ${name}`);
    return runner;
  }

  statuses(): ProjectionStatus[] {
    return [...this.runners.values()].map((runner) => runner.status());
  }

  async waitUntilCaughtUp(timeoutMs?: number): Promise<void> {
    await Promise.all([...this.runners.values()].map((runner) => runner.waitUntilCaughtUp(timeoutMs)));
  }

  onApplicationBootstrap(): void {
    this.started = true;
    for (const runner of this.runners.values()) runner.start();
    this.logger.log(`projections started: ${[...this.runners.keys()].join(', ') || 'none'}`);
  }

  /** Before shutdown: runners stop while the event store and the database are still open. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([...this.runners.values()].map((runner) => runner.stop()));
  }
}
