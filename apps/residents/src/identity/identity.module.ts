import { Module } from '@nestjs/common';
import { IdentityVerifier } from '@gridcare/identity';

/**
 * The one verifier of the gateway's identity assertions (the gateway's public key, from
 * GRIDCARE_GATEWAY_PUBLIC_KEY or the development key), shared by GraphQL and the census upload.
 */
@Module({
  providers: [{ provide: IdentityVerifier, useFactory: () => IdentityVerifier.forGatewayAssertions() }],
  exports: [IdentityVerifier],
})
export class IdentityModule {}
