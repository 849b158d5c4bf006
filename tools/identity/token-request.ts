import { parseArgs } from 'node:util';
import { AREA_LEVELS, Identity, IdentitySchema, ROLES } from '@gridcare/identity';

export const TOKEN_USAGE = `npm run -s token -- --role <role> [jurisdiction] [--facility <id>] [--actor <id>] [--name <name>] [--hours <n>]
  roles: ${ROLES.join(', ')}
  jurisdiction: the whole city unless one of --district, --street, --community, --grid <id>[,<id>...]
  a referral desk names its facility: --facility <facilityId>`;

export interface TokenRequest {
  identity: Identity;
  expiresInSeconds: number;
}

/** The command line of `npm run token`, as the identity to issue a token for. */
export function tokenRequestFrom(argv: string[]): TokenRequest {
  const { values } = parseArgs({
    args: argv,
    options: {
      role: { type: 'string' },
      actor: { type: 'string' },
      name: { type: 'string' },
      facility: { type: 'string' },
      hours: { type: 'string', default: '8' },
      district: { type: 'string' },
      street: { type: 'string' },
      community: { type: 'string' },
      grid: { type: 'string' },
    },
    strict: true,
  });
  if (!values.role) throw new Error('--role is required');
  const levels = AREA_LEVELS.filter((level) => values[level] !== undefined);
  if (levels.length > 1) throw new Error(`one jurisdiction level at a time, got ${levels.join(' and ')}`);
  const jurisdiction = levels.length === 0 ? { level: 'city' } : { level: levels[0], ids: String(values[levels[0]]).split(',').map((id) => id.trim()).filter(Boolean) };
  const hours = Number(values.hours);
  if (!(hours > 0 && hours <= 24 * 30)) throw new Error('--hours must be more than 0 and at most 720');
  const parsed = IdentitySchema.safeParse({
    actorId: values.actor ?? `${values.role.replace(/_/g, '-')}-dev`,
    role: values.role,
    jurisdiction,
    facilityId: values.facility,
    name: values.name,
  });
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'token'}: ${issue.message}`).join('; '));
  }
  return { identity: parsed.data, expiresInSeconds: Math.round(hours * 3600) };
}
