import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EventStore, GlobalPosition } from '@gridcare/event-store';
import { AggregateStore, CommandContext, EVENT_STORE } from '@gridcare/nest-event-sourcing';
import { TRIAGE_RULE_SET_STREAM, TriageRuleSetPublishedData } from '@gridcare/residents-contracts';
import { defaultTriageRuleSet, loadTriageRuleSet, TriageRuleSet, triageRuleSetDecider } from '@gridcare/residents-domain';

const SYSTEM: CommandContext = { actor: { id: 'residents-service', role: 'system' } };

/** The TriageRuleSetPublished event of a rule set: what a rollout cites and waits for. */
export interface TriageRuleSetPublication {
  readonly id: string;
  readonly position: GlobalPosition;
  /** Its place in the rule-set stream: 0 for the service's very first rule set. */
  readonly revision: number;
  readonly ruleSet: TriageRuleSet;
}

/**
 * The triage rule set in force: the last one published in the rule-set stream (read from the
 * log itself, not a read model, so a decision never cites a stale version). The shipped
 * default is published on first start.
 */
@Injectable()
export class TriageRuleSets implements OnApplicationBootstrap {
  private readonly logger = new Logger(TriageRuleSets.name);
  private defaultPublication?: Promise<void>;
  /** The last publication loaded (validated and hashed), by its event id. */
  private loaded?: TriageRuleSetPublication;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly aggregates: AggregateStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.defaultPublished();
  }

  /** Resolves once the shipped default is in the stream (published by this start when missing). */
  defaultPublished(): Promise<void> {
    this.defaultPublication ??= this.publishDefault();
    return this.defaultPublication;
  }

  async current(): Promise<TriageRuleSet> {
    return (await this.currentPublication())?.ruleSet ?? defaultTriageRuleSet();
  }

  /** The publication of the rule set in force; null while nothing is published yet. */
  async currentPublication(): Promise<TriageRuleSetPublication | null> {
    const [last] = await this.store.readStream(TRIAGE_RULE_SET_STREAM, { direction: 'backwards', maxCount: 1 });
    if (!last) return null;
    // Every command asks: validate and hash a publication once, not per command.
    if (this.loaded?.id === last.id) return this.loaded;
    const { ruleSet, hash } = last.data as TriageRuleSetPublishedData;
    const loaded = loadTriageRuleSet(ruleSet);
    if (loaded.hash !== hash) throw new Error(`triage rule set ${ruleSet.version} does not match its recorded hash`);
    this.loaded = { id: last.id, position: last.position, revision: last.revision, ruleSet: loaded };
    return this.loaded;
  }

  /**
   * Publishes a new version; refused when the version is taken by other content. `published`
   * is null when this very content was already published (nothing to do).
   */
  async publish(document: unknown, context: CommandContext) {
    const ruleSet = loadTriageRuleSet(document);
    const result = await this.aggregates.execute(TRIAGE_RULE_SET_STREAM, triageRuleSetDecider, { type: 'PublishTriageRuleSet', ruleSet }, context, { retries: 3 });
    const [event] = result.appended;
    return { ruleSet, published: event && result.position ? { id: event.id, position: result.position } : null };
  }

  private async publishDefault(): Promise<void> {
    const ruleSet = defaultTriageRuleSet();
    const result = await this.aggregates.execute(TRIAGE_RULE_SET_STREAM, triageRuleSetDecider, { type: 'PublishTriageRuleSet', ruleSet }, SYSTEM, { retries: 3 });
    if (result.appended.length) this.logger.log(`published the default triage rule set ${ruleSet.document.version}`);
  }
}
