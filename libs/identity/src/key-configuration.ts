import { importPKCS8, importSPKI } from 'jose';
import { DEV_GATEWAY_PUBLIC_KEY, DEV_GATEWAY_SIGNING_KEY, DEV_TOKEN_PUBLIC_KEY, DEV_TOKEN_SIGNING_KEY } from './dev-keys';

type Environment = Record<string, string | undefined>;
export type VerificationKey = Awaited<ReturnType<typeof importSPKI>>;
export type SigningKey = Awaited<ReturnType<typeof importPKCS8>>;

/** Who issues access tokens (the identity provider) and for whom. */
export const DEFAULT_TOKEN_ISSUER = 'gridcare-dev-issuer';
export const ACCESS_TOKEN_AUDIENCE = 'gridcare';
/** The gateway's assertions to the subgraphs. */
export const GATEWAY_ISSUER = 'gridcare-gateway';
export const SUBGRAPH_AUDIENCE = 'gridcare-subgraphs';

/**
 * The keys, as PEM, from the environment (a `\n` escape stands for a newline, for platforms that
 * keep variables on one line):
 * - GRIDCARE_TOKEN_PUBLIC_KEY: the gateway verifies access tokens with it (SPKI);
 * - GRIDCARE_TOKEN_SIGNING_KEY: `tools/` issues development tokens with it (PKCS#8);
 * - GRIDCARE_GATEWAY_SIGNING_KEY: the gateway signs identity assertions with it (PKCS#8);
 * - GRIDCARE_GATEWAY_PUBLIC_KEY: the subgraphs verify those assertions with it (SPKI).
 * Unset, the development keys are used, except under NODE_ENV=production, which refuses to start.
 */
function pemFrom(environment: Environment, name: string, developmentKey: string): string {
  const configured = environment[name];
  if (configured && configured.trim()) return configured.replace(/\\n/g, '\n');
  if (environment.NODE_ENV === 'production') {
    throw new Error(`${name} is not set: production needs its own keys (the development keys are public)`);
  }
  return developmentKey;
}

export function tokenIssuer(environment: Environment = process.env): string {
  return environment.GRIDCARE_TOKEN_ISSUER?.trim() || DEFAULT_TOKEN_ISSUER;
}

export async function accessTokenVerificationKey(environment: Environment = process.env): Promise<VerificationKey> {
  return importSPKI(pemFrom(environment, 'GRIDCARE_TOKEN_PUBLIC_KEY', DEV_TOKEN_PUBLIC_KEY), 'EdDSA');
}

export async function accessTokenSigningKey(environment: Environment = process.env): Promise<SigningKey> {
  return importPKCS8(pemFrom(environment, 'GRIDCARE_TOKEN_SIGNING_KEY', DEV_TOKEN_SIGNING_KEY), 'EdDSA');
}

export async function gatewaySigningKey(environment: Environment = process.env): Promise<SigningKey> {
  return importPKCS8(pemFrom(environment, 'GRIDCARE_GATEWAY_SIGNING_KEY', DEV_GATEWAY_SIGNING_KEY), 'EdDSA');
}

export async function gatewayVerificationKey(environment: Environment = process.env): Promise<VerificationKey> {
  return importSPKI(pemFrom(environment, 'GRIDCARE_GATEWAY_PUBLIC_KEY', DEV_GATEWAY_PUBLIC_KEY), 'EdDSA');
}
