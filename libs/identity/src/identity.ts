import { z } from 'zod';
import { JurisdictionSchema } from './jurisdiction';
import { RoleSchema } from './roles';

/**
 * Who is acting, as verified from a token: the person (`actorId`, the token's subject), their
 * role and jurisdiction, and for a referral desk the facility whose desk it is.
 */
export const IdentitySchema = z
  .object({
    actorId: z.string().min(1).max(200),
    role: RoleSchema,
    jurisdiction: JurisdictionSchema,
    facilityId: z.string().min(1).max(100).optional(),
    name: z.string().max(200).optional(),
  })
  .strict()
  .refine((identity) => identity.role !== 'referral_desk' || identity.facilityId !== undefined, {
    message: 'a referral desk identity names its facility (facilityId)',
    path: ['facilityId'],
  });

export type Identity = z.infer<typeof IdentitySchema>;

/** The actor an event records: who, under which role. */
export function actorOfIdentity(identity: Identity): { id: string; role: string } {
  return { id: identity.actorId, role: identity.role };
}

/** Why a token or identity assertion was refused; the message is safe to show a client. */
export class IdentityRefused extends Error {
  constructor(
    readonly reason: 'missing' | 'malformed' | 'invalid-signature' | 'expired' | 'wrong-issuer' | 'bad-claims',
    message: string,
  ) {
    super(message);
    this.name = 'IdentityRefused';
  }
}
