import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EventStore } from '@gridcare/event-store';
import { AggregateStore, CommandContext, EVENT_STORE } from '@gridcare/nest-event-sourcing';
import { TRIAGE_RULE_SET_STREAM, TriageRuleSetPublishedData } from '@gridcare/residents-contracts';
import { defaultTriageRuleSet, loadTriageRuleSet, TriageRuleSet, triageRuleSetDecider } from '@gridcare/residents-domain';

const SYSTEM: CommandContext = { actor: { id: 'residents-service', role: 'system' } };

/**
 * The triage rule set in force: the last one published in the rule-set stream (read from the
 * log itself, not a read model, so a decision never cites a stale version). The shipped
 * default is published on first start.
 */
@Injectable()
export class TriageRuleSets implements OnApplicationBootstrap {
  private readonly logger = new Logger(TriageRuleSets.name);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly aggregates: AggregateStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const ruleSet = defaultTriageRuleSet();
    const result = await this.aggregates.execute(TRIAGE_RULE_SET_STREAM, triageRuleSetDecider, { type: 'PublishTriageRuleSet', ruleSet }, SYSTEM, { retries: 3 });
    if (result.appended.length) this.logger.log(`published the default triage rule set ${ruleSet.document.version}`);
  }

  async current(): Promise<TriageRuleSet> {
    const [last] = await this.store.readStream(TRIAGE_RULE_SET_STREAM, { direction: 'backwards', maxCount: 1 });
    if (!last) return defaultTriageRuleSet();
    const { ruleSet, hash } = last.data as TriageRuleSetPublishedData;
    const loaded = loadTriageRuleSet(ruleSet);
    if (loaded.hash !== hash) throw new Error(`triage rule set ${ruleSet.version} does not match its recorded hash`);
    return loaded;
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
}
