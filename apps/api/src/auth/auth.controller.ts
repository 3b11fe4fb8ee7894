import { Body, Controller, HttpCode, NotFoundException, Post } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Directory } from '@tdkt/persistence';
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

/** The local issuer of the embedded default (AUTH_MODE=local): a token for a seeded user, no password. */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly issuer: LocalIssuer,
    private readonly directory: Directory,
  ) {}

  @Public()
  @Post('token')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenResponseDto })
  async token(@Body() dto: TokenRequestDto): Promise<TokenResponseDto> {
    const user = await this.directory.findUserByUsername(dto.username);
    if (!user) throw new NotFoundException(`No active user named ${dto.username}`);
    const { token, expiresAt } = this.issuer.issue({ userId: user.id, role: user.role, name: user.fullName, ...(user.unitCode ? { unitCode: user.unitCode } : {}) });
    return { accessToken: token, tokenType: 'Bearer', expiresAt, role: user.role };
  }
}
