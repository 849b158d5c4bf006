import { z } from 'zod';
import { defineEventContract, EventData, EventOf } from './define-event-contract';
import { EventContractViolation, InvalidEventContract } from './errors';
import { ResidentRegistered, ResidentRegisteredV1 } from './testing/resident-registered-contracts';

describe('defineEventContract', () => {
  describe('create', () => {
    it('builds { type, schemaVersion, data } with the literal type and current version', () => {
      const event: EventOf<typeof ResidentRegistered> = ResidentRegistered.create({
        fullName: 'Li Wei',
        jurisdiction: { communityId: 'c-7' },
        languages: ['zh'],
      });
      // Typed as literals, so a typo in either is a compile error, not a runtime surprise.
      const type: 'ResidentRegistered' = event.type;
      const version: 3 = event.schemaVersion;
      const data: EventData<typeof ResidentRegistered> = event.data;
      expect({ type, version, data }).toEqual({
        type: 'ResidentRegistered',
        version: 3,
        data: { fullName: 'Li Wei', jurisdiction: { communityId: 'c-7' }, languages: ['zh'] },
      });
    });

    it('refuses invalid data where the event is built, naming the field', () => {
      const error = catchError(() => ResidentRegistered.create({ fullName: 'Li Wei', jurisdiction: { communityId: '' }, languages: [] }));
      expect(error).toBeInstanceOf(EventContractViolation);
      expect(error).toMatchObject({ code: 'EVENT_CONTRACT_VIOLATION', type: 'ResidentRegistered', schemaVersion: 3, reason: 'invalid_data' });
      expect((error as EventContractViolation).issues.map((issue) => issue.path)).toEqual(['jurisdiction.communityId']);
      expect((error as Error).message).toContain('jurisdiction.communityId');
    });

    it('rejects a misspelt field at compile time', () => {
      // @ts-expect-error `communityID` is not a field of v1
      expect(() => ResidentRegisteredV1.create({ name: 'Li', communityID: 'c-7' })).toThrow(/communityId/);
    });
  });

  describe('refuses a contract that cannot work', () => {
    const schema = z.object({ a: z.string() });

    it('a version that is not a positive integer', () => {
      expect(() => defineEventContract({ type: 'Thing', version: 0, schema })).toThrow(InvalidEventContract);
      expect(() => defineEventContract({ type: 'Thing', version: 1.5, schema })).toThrow(/not a positive integer/);
    });

    it('an upcaster that skips a version', () => {
      const v1 = defineEventContract({ type: 'Thing', version: 1, schema });
      expect(() => defineEventContract({ type: 'Thing', version: 3, schema, upcastFrom: { contract: v1, upcast: (data) => data } })).toThrow(
        /v3 must upcast from v2, not v1/,
      );
    });

    it('an upcaster from another event type', () => {
      const other = defineEventContract({ type: 'Other', version: 1, schema }) as never;
      expect(() => defineEventContract({ type: 'Thing', version: 2, schema, upcastFrom: { contract: other, upcast: (data) => data } })).toThrow(
        /cannot upcast from another type \(Other\)/,
      );
    });
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
