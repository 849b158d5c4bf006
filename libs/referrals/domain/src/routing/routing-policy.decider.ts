import { Decider, DomainEvent } from '@gridcare/decider';
import { RoutingPolicyPublishedData } from '@gridcare/referrals-contracts';
import { RuleSetRef } from '@gridcare/rule-language';
import { refuseRoute } from './routing-errors';
import { RoutingPolicy } from './routing-policy';

export interface PublishRoutingPolicy {
  readonly type: 'PublishRoutingPolicy';
  readonly policy: RoutingPolicy;
}
export type RoutingPolicyCommand = PublishRoutingPolicy;
export type RoutingPolicyEvent = DomainEvent<'RoutingPolicyPublished', RoutingPolicyPublishedData>;

export interface RoutingPolicyState {
  /** Hash of each published version: a version, once published, means one document for ever. */
  readonly published: ReadonlyMap<string, string>;
  /** The most recently published policy: the one new decisions use. */
  readonly current: RuleSetRef | null;
}

/**
 * The ROUTING_POLICY_STREAM. Publishing is idempotent, so the service may publish its shipped
 * default on every start; other content under a version already published is refused, or
 * decisions citing that version could no longer be re-run.
 */
export const routingPolicyDecider: Decider<RoutingPolicyCommand, RoutingPolicyState, RoutingPolicyEvent> = {
  initialState: () => ({ published: new Map(), current: null }),

  evolve: (state, event) => {
    const { policy, hash } = event.data;
    return { published: new Map(state.published).set(policy.version, hash), current: { id: policy.id, version: policy.version, hash } };
  },

  decide: ({ policy }, state) => {
    const { version } = policy.document;
    const publishedHash = state.published.get(version);
    if (publishedHash === policy.hash) return [];
    if (publishedHash !== undefined) {
      throw refuseRoute('ROUTING_POLICY_VERSION_CONFLICT', `routing policy version ${version} is already published with other content`, {
        version,
        publishedHash,
        hash: policy.hash,
      });
    }
    return [{ type: 'RoutingPolicyPublished', data: { policy: policy.document, hash: policy.hash } }];
  },
};
