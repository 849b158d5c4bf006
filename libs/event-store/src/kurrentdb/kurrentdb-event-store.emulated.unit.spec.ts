import { randomUUID } from 'node:crypto';
import { eventStoreContract } from '../testing/event-store-contract';
import { KurrentDbEmulator } from './kurrentdb-emulator';
import { KurrentDbEventStore } from './kurrentdb-event-store';

// The contract against an in-memory emulation of the server (see KurrentDbEmulator): checks
// the adapter's own logic here, where no server can run. The int spec checks the real thing.
describe('KurrentDbEventStore on an emulated server: the event store contract', () => {
  const emulator = new KurrentDbEmulator();
  const store = new KurrentDbEventStore({ client: emulator.asClient() });

  eventStoreContract(async () => ({ store, streamPrefix: `t${randomUUID().slice(0, 8)}-` }));
});
