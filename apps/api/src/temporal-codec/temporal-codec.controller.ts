import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Payload } from '@temporalio/common';
import type { AppConfig } from '@tdkt/config';
import { payloadCodec, PayloadDecryptionError, UnknownCodecKeyError, type AesGcmPayloadCodec } from '@tdkt/platform';
import { Roles } from '../auth/auth.guard';
import { CONFIG } from '../platform/tokens';
import { Refused } from '@tdkt/domain';
import { CodecPayloadDto, CodecPayloadsDto } from './temporal-codec.dto';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function toPayload(p: CodecPayloadDto, i: number): Payload {
  const metadata: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(p.metadata ?? {})) {
    if (typeof v !== 'string' || !BASE64.test(v))
      throw Refused.invalidField(`payloads[${i}].metadata.${k}`, `payloads[${i}].metadata.${k} must be base64`);
    metadata[k] = new Uint8Array(Buffer.from(v, 'base64'));
  }
  return { metadata, data: new Uint8Array(Buffer.from(p.data ?? '', 'base64')) };
}

const toDto = (p: Payload): CodecPayloadDto => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
  ),
  data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
});

/**
 * Temporal's remote codec server protocol (what the Web UI and `temporal` CLI call with --codec-endpoint), so an
 * operator sees decrypted payloads. ADMINISTRATOR only: decoded payloads carry nominees' personal data, and reading
 * raw workflow histories is operating the engine; an AUDITOR reads the record through the audit endpoints instead.
 * Not rate-limited as commands: the UI sends one decode per page of history.
 */
@ApiTags('temporal-codec')
@Controller('temporal-codec')
@Roles('ADMINISTRATOR')
@SkipThrottle({ commands: true })
export class TemporalCodecController {
  private readonly codec?: AesGcmPayloadCodec;

  constructor(@Inject(CONFIG) config: AppConfig) {
    this.codec = payloadCodec(config.temporal);
  }

  @Post('decode')
  @HttpCode(200)
  @ApiOkResponse({ type: CodecPayloadsDto })
  async decode(@Body() dto: CodecPayloadsDto): Promise<CodecPayloadsDto> {
    try {
      return { payloads: (await this.active().decode(dto.payloads.map(toPayload))).map(toDto) };
    } catch (e) {
      if (e instanceof UnknownCodecKeyError) throw new Refused('INVALID', e.message);
      if (e instanceof PayloadDecryptionError)
        throw new Refused('INVALID', 'A payload does not decrypt with its key (altered, or not from this engine)');
      throw e;
    }
  }

  @Post('encode')
  @HttpCode(200)
  @ApiOkResponse({ type: CodecPayloadsDto })
  async encode(@Body() dto: CodecPayloadsDto): Promise<CodecPayloadsDto> {
    return { payloads: (await this.active().encode(dto.payloads.map(toPayload))).map(toDto) };
  }

  private active(): AesGcmPayloadCodec {
    if (!this.codec) throw Refused.notFound('Payloads are not encrypted here (no TEMPORAL_CODEC_KEYS)');
    return this.codec;
  }
}
