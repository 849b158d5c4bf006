import { EventStore } from '@gridcare/event-store';
import { communityWorker } from '@gridcare/identity/testing';
import { PersonalDataReads } from './personal-data-reads';
import { recordPersonalDataReads } from './record-personal-data-reads.plugin';

const WORKER = communityWorker('worker-1', 'c-1');

async function respond(store: Partial<EventStore>, reads: PersonalDataReads) {
  const plugin = recordPersonalDataReads(store as EventStore);
  const hooks = (await plugin.requestDidStart!({} as never)) as { willSendResponse: (context: unknown) => Promise<void> };
  const response = { body: { kind: 'single', singleResult: { data: { resident: { phone: '13800000001' } } as unknown, errors: undefined as unknown } } };
  await hooks.willSendResponse({ contextValue: { identity: { identity: WORKER }, personalDataReads: reads }, response, operationName: 'One' });
  return response.body.singleResult;
}

describe('recording personal data shown', () => {
  it('withholds the answer when the reading cannot be recorded', async () => {
    const reads = new PersonalDataReads();
    reads.shown('0b6f2f4e-3c1a-8d2e-9f00-1234567890ab', 'phone');
    const answer = await respond({ appendToStream: () => Promise.reject(new Error('database down')) }, reads);
    expect(answer.data).toBeNull();
    expect(answer.errors).toEqual([expect.objectContaining({ extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
  });

  it('appends nothing and leaves the answer when nothing personal was shown', async () => {
    const append = jest.fn();
    const answer = await respond({ appendToStream: append }, new PersonalDataReads());
    expect(append).not.toHaveBeenCalled();
    expect(answer.data).toEqual({ resident: { phone: '13800000001' } });
  });
});
