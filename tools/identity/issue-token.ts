// `npm run -s token -- --role community_worker --community c-0001`: a development access token
// for the gateway, on standard output alone (TOKEN=$(npm run -s token -- ...)); what it is for
// goes to standard error. Signed with GRIDCARE_TOKEN_SIGNING_KEY, else the development key.
import { describeJurisdiction, issueAccessToken } from '@gridcare/identity';
import { TOKEN_USAGE, tokenRequestFrom } from './token-request';

async function main(): Promise<void> {
  let request;
  try {
    request = tokenRequestFrom(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${TOKEN_USAGE}`);
    process.exit(2);
  }
  const token = await issueAccessToken(request.identity, { expiresInSeconds: request.expiresInSeconds });
  const { identity } = request;
  console.error(
    `token for ${identity.actorId}, ${identity.role}${identity.facilityId ? ` of facility ${identity.facilityId}` : ''}, ` +
      `${describeJurisdiction(identity.jurisdiction)}, valid ${request.expiresInSeconds / 3600} h; send it as: Authorization: Bearer <token>`,
  );
  process.stdout.write(`${token}\n`);
}

void main();
