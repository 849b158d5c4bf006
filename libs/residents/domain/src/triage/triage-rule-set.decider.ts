import { Decider, DomainError, DomainEvent } from '@gridcare/decider';
import { RuleSetRef, TriageRuleSetPublishedData } from '@gridcare/residents-contracts';
import { TriageRuleSet } from './triage-rule-set';

export interface PublishTriageRuleSet {
  readonly type: 'PublishTriageRuleSet';
  readonly ruleSet: TriageRuleSet;
}
export type TriageRuleSetCommand = PublishTriageRuleSet;
export type TriageRuleSetEvent = DomainEvent<'TriageRuleSetPublished', TriageRuleSetPublishedData>;

export interface TriageRuleSetState {
  /** Hash of each published version: a version, once published, means one document for ever. */
  readonly published: ReadonlyMap<string, string>;
  /** The most recently published rule set: the one new decisions use. */
  readonly current: RuleSetRef | null;
}

/**
 * The TRIAGE_RULE_SET_STREAM. Publishing is idempotent, so a service may publish its shipped
 * default on every start; publishing other content under a version already used is refused,
 * or decisions citing that version would no longer be re-runnable.
 */
export const triageRuleSetDecider: Decider<TriageRuleSetCommand, TriageRuleSetState, TriageRuleSetEvent> = {
  initialState: () => ({ published: new Map(), current: null }),

  evolve: (state, event) => {
    const { ruleSet, hash } = event.data;
    return { published: new Map(state.published).set(ruleSet.version, hash), current: { id: ruleSet.id, version: ruleSet.version, hash } };
  },

  decide: ({ ruleSet }, state) => {
    const { version } = ruleSet.document;
    const publishedHash = state.published.get(version);
    if (publishedHash === ruleSet.hash) return [];
    if (publishedHash !== undefined) {
      throw new DomainError('RULE_SET_VERSION_CONFLICT', `rule set version ${version} is already published with other content`, {
        version,
        publishedHash,
        hash: ruleSet.hash,
      });
    }
    return [{ type: 'TriageRuleSetPublished', data: { ruleSet: ruleSet.document, hash: ruleSet.hash } }];
  },
};
