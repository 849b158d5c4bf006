import { GraphQLError } from 'graphql';
import { maskGatewayError } from './mask-gateway-error';

describe('maskGatewayError', () => {
  it('names the service that could not be reached, without the subrequest', () => {
    const error = new GraphQLError('connect ECONNREFUSED 127.0.0.1:4002', {
      path: ['resident', 'referrals'],
      originalError: new Error('connect ECONNREFUSED'),
      extensions: { code: 'SUBREQUEST_HTTP_ERROR', serviceName: 'referrals', request: { body: '{"query":"..."}' } },
    });
    const masked = maskGatewayError(error, 'Unexpected error.') as GraphQLError;
    expect(masked.message).toBe('The referrals service is unavailable: its fields are null in this answer.');
    expect(masked.path).toEqual(['resident', 'referrals']);
    expect(masked.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'referrals' });
  });

  it("passes a subgraph's own errors through", () => {
    const error = new GraphQLError('nationalId: invalid national ID', { extensions: { code: 'BAD_USER_INPUT', field: 'nationalId' } });
    expect(maskGatewayError(error, 'Unexpected error.')).toBe(error);
  });

  it('hides anything unexpected', () => {
    const error = new GraphQLError('secret detail', { path: ['resident'], originalError: new Error('secret detail') });
    const masked = maskGatewayError(error, 'Unexpected error.') as GraphQLError;
    expect(masked.message).toBe('Unexpected error.');
    expect(masked.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(maskGatewayError(new Error('boom'), 'Unexpected error.').message).toBe('Unexpected error.');
  });
});
