import { Body, type CanActivate, Controller, HttpCode, Inject, Injectable, NotFoundException, Post, UseGuards } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { AppConfig } from '@tdkt/config';
import { Directory } from '@tdkt/persistence';
import { CONFIG } from '../platform/tokens';
import { Public } from './auth.guard';
import { LocalIssuer } from './local-issuer';

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

/** Under AUTH_MODE=oidc the local issuer is off: 404 pointing at the provider, before the body is validated. */
@Injectable()
export class LocalIssuerOn implements CanActivate {
  constructor(@Inject(CONFIG) private readonly config: AppConfig) {}

  canActivate(): boolean {
    const auth = this.config.auth;
    if (auth.mode === 'oidc') throw new NotFoundException(`The local issuer is off (AUTH_MODE=oidc); get a token from ${auth.issuer}`);
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
  ) {}

  @Public()
  @UseGuards(LocalIssuerOn)
  @Post('token')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiNotFoundResponse({ description: 'No such user, or the local issuer is off (AUTH_MODE=oidc)' })
  async token(@Body() dto: TokenRequestDto): Promise<TokenResponseDto> {
    const user = await this.directory.findUserByUsername(dto.username);
    if (!user) throw new NotFoundException(`No active user named ${dto.username}`);
    const { token, expiresAt } = await this.issuer.issue({ userId: user.id, role: user.role, name: user.fullName, ...(user.unitCode ? { unitCode: user.unitCode } : {}) });
    return { accessToken: token, tokenType: 'Bearer', expiresAt, role: user.role };
  }
}
