import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { ROLES } from '@tdkt/domain';

export class TokenRequestDto {
  @ApiProperty({ example: 'clerk.sotc', description: 'A seeded user of the embedded default' })
  @IsString()
  @Length(1, 100)
  username!: string;
}

export class TokenResponseDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty() tokenType!: string;
  @ApiProperty() expiresAt!: string;
  @ApiProperty() role!: string;
}

/** How the web app signs people in: the embedded demo-user picker, or the OIDC provider (Authorization Code + PKCE). */
export class AuthConfigDto {
  @ApiProperty({ enum: ['local', 'oidc'] }) mode!: 'local' | 'oidc';
  @ApiPropertyOptional({
    description: 'The provider (OIDC_ISSUER); its discovery document is at /.well-known/openid-configuration',
  })
  issuer?: string;
  @ApiPropertyOptional({ description: "The web app's public client id at the provider (OIDC_CLIENT_ID)" })
  clientId?: string;
  @ApiPropertyOptional({ example: 'openid profile' }) scope?: string;
  @ApiPropertyOptional({
    description: 'Resource indicator (RFC 8707) sent with the authorization and token requests (OIDC_RESOURCE)',
  })
  resource?: string;
}

/** The person a bearer token speaks for, as the API sees it (after the directory maps an OIDC subject to its user). */
export class MeDto {
  @ApiProperty() userId!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiPropertyOptional() unitCode?: string;
  @ApiPropertyOptional({ description: "The directory's full name, when the user is in it" }) fullName?: string;
}
