import { deciderSpecification } from '@gridcare/decider/testing';
import { defaultRoutingPolicy } from './default-routing-policy';
import { loadRoutingPolicy, RoutingPolicy } from './routing-policy';
import { routingPolicyDecider, RoutingPolicyEvent } from './routing-policy.decider';

const spec = deciderSpecification(routingPolicyDecider);
const shipped = defaultRoutingPolicy();
const published = (policy: RoutingPolicy = shipped): RoutingPolicyEvent => ({ type: 'RoutingPolicyPublished', data: { policy: policy.document, hash: policy.hash } });

describe('routing policy publication', () => {
  it('publishes a policy with its hash, once however often the service starts', () => {
    spec.given([]).when({ type: 'PublishRoutingPolicy', policy: shipped }).then([published()]);
    spec.given([published()]).when({ type: 'PublishRoutingPolicy', policy: shipped }).then([]);
  });

  it('publishes a new version, which becomes current', () => {
    const next = loadRoutingPolicy({ ...shipped.document, version: '2026.2' });
    spec.given([published()]).when({ type: 'PublishRoutingPolicy', policy: next }).then([published(next)]);
    const state = [published(), published(next)].reduce(routingPolicyDecider.evolve, routingPolicyDecider.initialState());
    expect(state.current).toEqual({ id: 'routing', version: '2026.2', hash: next.hash });
  });

  it('refuses other content under a version already published', () => {
    const changed = loadRoutingPolicy({ ...shipped.document, description: 'quietly changed' });
    spec.given([published()]).when({ type: 'PublishRoutingPolicy', policy: changed }).thenThrows({ code: 'ROUTING_POLICY_VERSION_CONFLICT' });
  });
});
