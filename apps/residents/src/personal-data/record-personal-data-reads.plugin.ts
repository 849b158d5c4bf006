import { ApolloServerPlugin } from '@apollo/server';
import { Logger } from '@nestjs/common';
import { EventStore } from '@gridcare/event-store';
import { ResidentsContext } from '../identity/request-actor';

/**
 * Records the personal data a request showed before its answer leaves: a reading of national IDs
 * or phones is itself recorded (who, whose, which fields, when, under which role). If it cannot be
 * recorded, the answer carries no data, only the error: nothing is shown unrecorded.
 */
export function recordPersonalDataReads(store: EventStore): ApolloServerPlugin<ResidentsContext> {
  const logger = new Logger('PersonalDataReads');
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, operationName }) {
          const reads = contextValue.personalDataReads;
          const identity = contextValue.identity;
          if (!reads || reads.empty || !identity || !('identity' in identity)) return;
          try {
            await reads.record(store, identity.identity, operationName ?? null);
          } catch (error) {
            logger.error(`personal data shown to ${identity.identity.actorId} could not be recorded: ${String(error)}`);
            if (response.body.kind === 'single') {
              response.body.singleResult.data = null;
              response.body.singleResult.errors = [
                { message: 'the answer holds personal data whose reading could not be recorded; try again', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
              ];
            }
          }
        },
      };
    },
  };
}
