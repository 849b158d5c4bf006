import { NestExpressApplication } from '@nestjs/platform-express';

/**
 * JSON requests up to 1 MB (Express's default is 100 KB): a bulk assignment of 10,000 residents
 * carries about 400 KB of ids, and one over the limit must reach the resolver to be refused
 * with BAD_USER_INPUT rather than a bare 413.
 */
export const JSON_BODY_LIMIT = '1mb';

/** Before the app initialises, so Nest's default JSON parser is not added after it. */
export function useResidentsJsonBodyLimit(app: NestExpressApplication): void {
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
}
