import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { GraphQLErrorsAsAnswers } from './graphql-errors-as-answers';

describe('GraphQL errors as answers', () => {
  const host = {} as never;
  let logged: jest.SpyInstance;
  beforeEach(() => (logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined)));
  afterEach(() => logged.mockRestore());

  it("returns a client's refusal to the client without logging it", () => {
    const forbidden = new GraphQLError('resident is outside your jurisdiction', { extensions: { code: 'FORBIDDEN' } });
    expect(new GraphQLErrorsAsAnswers().catch(forbidden, host)).toBe(forbidden);
    expect(logged).not.toHaveBeenCalled();
  });

  it('still logs an error that is not the client’s doing', () => {
    const internal = new GraphQLError('Unexpected error.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(new GraphQLErrorsAsAnswers().catch(internal, host)).toBe(internal);
    expect(logged).toHaveBeenCalledWith(internal);
  });
});
