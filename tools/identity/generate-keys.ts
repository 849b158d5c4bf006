// `npm run -s keys`: a fresh Ed25519 key pair for the gateway's identity assertions, as
// environment lines (PEM on one line, `\n` escaped) for a deployment's secret store. Access
// tokens are the identity provider's: its issuer and public key go in GRIDCARE_TOKEN_ISSUER and
// GRIDCARE_TOKEN_PUBLIC_KEY (with --token-issuer, this prints a pair for a test provider too).
import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';

async function pair(): Promise<{ privatePem: string; publicPem: string }> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
  const oneLine = (pem: string) => pem.trim().replace(/\n/g, '\\n');
  return { privatePem: oneLine(await exportPKCS8(privateKey)), publicPem: oneLine(await exportSPKI(publicKey)) };
}

async function main(): Promise<void> {
  const gateway = await pair();
  const lines = [`GRIDCARE_GATEWAY_SIGNING_KEY="${gateway.privatePem}"`, `GRIDCARE_GATEWAY_PUBLIC_KEY="${gateway.publicPem}"`];
  if (process.argv.includes('--token-issuer')) {
    const issuer = await pair();
    lines.push(`GRIDCARE_TOKEN_SIGNING_KEY="${issuer.privatePem}"`, `GRIDCARE_TOKEN_PUBLIC_KEY="${issuer.publicPem}"`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

void main();
