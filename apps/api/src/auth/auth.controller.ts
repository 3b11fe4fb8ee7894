import { Body, type CanActivate, Controller, Get, HttpCode, Inject, Injectable, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AppConfig } from '@tdkt/config';
import { type Actor, Refused } from '@tdkt/domain';
import { Directory } from '@tdkt/persistence';
import { CONFIG } from '../platform/tokens';
import { CurrentActor, Public } from './auth.guard';
import { LocalIssuer } from './local-issuer';
import { TokenRequestDto, TokenResponseDto, AuthConfigDto, MeDto } from './auth.dto';

/** Under AUTH_MODE=oidc the local issuer is off: 404 pointing at the provider, before the body is validated. */
@Injectable()
export class LocalIssuerOn implements CanActivate {
  constructor(@Inject(CONFIG) private readonly config: AppConfig) {}

  canActivate(): boolean {
    const auth = this.config.auth;
    if (auth.mode === 'oidc')
      throw Refused.notFound(`The local issuer is off (AUTH_MODE=oidc); get a token from ${auth.issuer}`);
    return true;
  }
}

/**
 * The local issuer of the embedded default (AUTH_MODE=local): a token for a seeded user, no password.
 * Under AUTH_MODE=oidc the endpoint answers 404 and points at the provider.
 */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly issuer: LocalIssuer,
    private readonly directory: Directory,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('config')
  @ApiOperation({ summary: 'How to sign in: the local demo issuer or the OIDC provider and the web client (public)' })
  @ApiOkResponse({ type: AuthConfigDto })
  signInConfig(): AuthConfigDto {
    const auth = this.config.auth;
    if (auth.mode === 'local') return { mode: 'local' };
    return {
      mode: 'oidc',
      issuer: auth.issuer,
      clientId: auth.web.clientId,
      scope: auth.web.scope,
      ...(auth.web.resource ? { resource: auth.web.resource } : {}),
    };
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who the bearer token speaks for (any role)' })
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentActor() actor: Actor): Promise<MeDto> {
    const fullName = await this.directory.fullNameOf(actor.userId);
    return {
      userId: actor.userId,
      role: actor.role,
      ...(actor.unitCode ? { unitCode: actor.unitCode } : {}),
      ...(fullName ? { fullName } : {}),
    };
  }

  @Public()
  @UseGuards(LocalIssuerOn)
  @Post('token')
  @HttpCode(200)
  @ApiOperation({ summary: 'A token for a seeded user (embedded default only, no password)' })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiNotFoundResponse({ description: 'No such user, or the local issuer is off (AUTH_MODE=oidc)' })
  async token(@Body() dto: TokenRequestDto): Promise<TokenResponseDto> {
    const user = await this.directory.findUserByUsername(dto.username);
    if (!user) throw Refused.notFound(`No active user named ${dto.username}`);
    const { token, expiresAt } = await this.issuer.issue({
      userId: user.id,
      role: user.role,
      name: user.fullName,
      ...(user.unitCode ? { unitCode: user.unitCode } : {}),
    });
    return { accessToken: token, tokenType: 'Bearer', expiresAt, role: user.role };
  }
}
