import { z } from 'zod';
import { defineEventContract } from './define-event-contract';
import { EventContractViolation, InvalidEventContract } from './errors';
import { EventContractRegistry } from './event-contract-registry';
import { ResidentRegistered, ResidentRegisteredV1, ResidentRegisteredV2 } from './testing/resident-registered-contracts';

const current = { fullName: 'Li Wei', jurisdiction: { communityId: 'c-7' }, languages: ['zh'] };

function violationOf(fn: () => unknown): EventContractViolation {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(EventContractViolation);
    return error as EventContractViolation;
  }
  throw new Error('expected an EventContractViolation');
}

describe('EventContractRegistry', () => {
  const registry = new EventContractRegistry().register(ResidentRegistered);

  describe('registration', () => {
    it('registers the older versions a contract upcasts from', () => {
      expect(registry.has('ResidentRegistered')).toBe(true);
      expect(registry.has('ResidentMoved')).toBe(false);
      expect(registry.currentVersion('ResidentRegistered')).toBe(3);
    });

    it('accepts a newer version later when its chain runs through what is registered', () => {
      const growing = new EventContractRegistry().register(ResidentRegisteredV1);
      growing.register(ResidentRegistered);
      expect(growing.currentVersion('ResidentRegistered')).toBe(3);
    });

    it('refuses a type and version that is already registered', () => {
      expect(() => new EventContractRegistry().register(ResidentRegistered, ResidentRegisteredV2)).toThrow(/v2 is already registered/);
      expect(() => new EventContractRegistry().register(ResidentRegistered, ResidentRegistered)).toThrow(InvalidEventContract);
    });

    it('refuses a second, different definition of a registered version', () => {
      const lookAlike = defineEventContract({ type: 'ResidentRegistered', version: 1, schema: ResidentRegisteredV1.schema });
      const v2 = defineEventContract({
        type: 'ResidentRegistered',
        version: 2,
        schema: ResidentRegisteredV2.schema,
        upcastFrom: { contract: lookAlike, upcast: ({ name, communityId }) => ({ fullName: name, jurisdiction: { communityId } }) },
      });
      const registryWithV1 = new EventContractRegistry().register(ResidentRegisteredV1);
      expect(() => registryWithV1.register(v2)).toThrow(/v1 is already registered with a different contract/);
    });

    it('refuses a gap in the version chain', () => {
      const orphanV2 = defineEventContract({ type: 'ResidentMoved', version: 2, schema: z.object({ to: z.string() }) });
      expect(() => new EventContractRegistry().register(orphanV2)).toThrow(/gap: v2 has no upcaster from v1/);
    });
  });

  describe('validateForAppend', () => {
    it('accepts valid data of the current version', () => {
      expect(() => registry.validateForAppend('ResidentRegistered', 3, current)).not.toThrow();
    });

    it('refuses invalid data, naming every field in the issues and the message', () => {
      const violation = violationOf(() =>
        registry.validateForAppend('ResidentRegistered', 3, { fullName: 'Li Wei', jurisdiction: {}, languages: [7] }),
      );
      expect(violation).toMatchObject({ code: 'EVENT_CONTRACT_VIOLATION', type: 'ResidentRegistered', schemaVersion: 3, reason: 'invalid_data' });
      expect(violation.issues).toEqual([
        { path: 'jurisdiction.communityId', message: expect.any(String) },
        { path: 'languages[0]', message: expect.any(String) },
      ]);
      expect(violation.message).toMatch(/^ResidentRegistered v3: invalid data \(jurisdiction\.communityId: .+; languages\[0\]: .+\)$/);
    });

    it('refuses an old version: older versions are read, never written', () => {
      const violation = violationOf(() => registry.validateForAppend('ResidentRegistered', 1, { name: 'Li', communityId: 'c-7' }));
      expect(violation).toMatchObject({ reason: 'not_current_version', schemaVersion: 1, issues: [] });
      expect(violation.message).toContain('only the current version v3 may be appended');
    });

    it('refuses an unknown event type', () => {
      expect(violationOf(() => registry.validateForAppend('ResidentTeleported', 1, {}))).toMatchObject({ reason: 'unknown_type', type: 'ResidentTeleported' });
    });
  });

  describe('upcast', () => {
    it('runs v1 -> v2 -> v3', () => {
      expect(registry.upcast('ResidentRegistered', 1, { name: 'Li Wei', communityId: 'c-7' })).toEqual({
        schemaVersion: 3,
        data: { fullName: 'Li Wei', jurisdiction: { communityId: 'c-7' }, languages: [] },
      });
    });

    it('runs v2 -> v3, and validates a current-version event as it is', () => {
      expect(registry.upcast('ResidentRegistered', 2, { fullName: 'Li Wei', jurisdiction: { communityId: 'c-7' } })).toEqual({
        schemaVersion: 3,
        data: { fullName: 'Li Wei', jurisdiction: { communityId: 'c-7' }, languages: [] },
      });
      expect(registry.upcast('ResidentRegistered', 3, current)).toEqual({ schemaVersion: 3, data: current });
    });

    it('refuses a stored event that fails its own version, naming the field', () => {
      const violation = violationOf(() => registry.upcast('ResidentRegistered', 1, { name: 'Li Wei' }));
      expect(violation).toMatchObject({ reason: 'invalid_data', schemaVersion: 1, issues: [{ path: 'communityId', message: expect.any(String) }] });
      expect(violation.message).toMatch(/^ResidentRegistered v1: stored data is invalid \(communityId: /);
    });

    it('refuses a stored current-version event that fails its schema', () => {
      const violation = violationOf(() => registry.upcast('ResidentRegistered', 3, { ...current, jurisdiction: { communityId: 42 } }));
      expect(violation.issues.map((issue) => issue.path)).toEqual(['jurisdiction.communityId']);
    });

    it('refuses a version newer than the current one', () => {
      expect(violationOf(() => registry.upcast('ResidentRegistered', 4, current))).toMatchObject({ reason: 'unknown_version' });
    });

    it('names the field when an upcaster produces data the next version refuses', () => {
      const v1 = defineEventContract({ type: 'Counted', version: 1, schema: z.object({ n: z.string() }) });
      const v2 = defineEventContract({ type: 'Counted', version: 2, schema: z.object({ count: z.number().int() }), upcastFrom: { contract: v1, upcast: ({ n }) => ({ count: Number(n) }) } });
      const violation = violationOf(() => new EventContractRegistry().register(v2).upcast('Counted', 1, { n: 'lots' }));
      expect(violation).toMatchObject({ reason: 'invalid_data', schemaVersion: 1, issues: [{ path: 'count', message: expect.any(String) }] });
      expect(violation.message).toContain('invalid after upcasting to v2');
    });

    it('wraps an upcaster that throws, keeping the cause', () => {
      const bug = new Error('boom');
      const v1 = defineEventContract({ type: 'Fragile', version: 1, schema: z.object({}) });
      const v2 = defineEventContract({ type: 'Fragile', version: 2, schema: z.object({}), upcastFrom: { contract: v1, upcast: () => { throw bug; } } });
      const violation = violationOf(() => new EventContractRegistry().register(v2).upcast('Fragile', 1, {}));
      expect(violation).toMatchObject({ reason: 'upcast_failed', message: 'Fragile v1: upcaster to v2 failed: boom', cause: bug });
    });

    it('passes unknown types through untouched by default: the log holds other services\' events', () => {
      const data = { anything: true };
      expect(registry.upcast('VaccineDoseGiven', 5, data)).toEqual({ schemaVersion: 5, data });
      expect(registry.upcast('VaccineDoseGiven', 5, data).data).toBe(data);
    });

    it('refuses unknown types when asked to', () => {
      const strict = new EventContractRegistry({ unknownTypesOnRead: 'reject' }).register(ResidentRegistered);
      expect(violationOf(() => strict.upcast('VaccineDoseGiven', 5, {}))).toMatchObject({ reason: 'unknown_type', schemaVersion: 5 });
    });
  });
});
