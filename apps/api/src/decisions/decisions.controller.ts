import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { mayVoidSeries, type Actor, Refused } from '@tdkt/domain';
import { Directory, DecisionRegister, type DecisionAwardees, type Register } from '@tdkt/persistence';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { IDEMPOTENCY, IdempotencyKey } from '../platform/idempotency-key';
import { outOfScope } from '../platform/denials';
import { listDownload, listFormatOf, XLSX_CONTENT_TYPE } from '../reports/xlsx';
import { AWARDEE_COLUMNS } from './awardee-columns';
import { AwardeesQuery, DecisionAwardeesDto, RegisterDto, RegisterQuery, VoidNumberDto } from './decision-register.dto';

/**
 * The decision register (sổ quyết định) per issuing authority and year: allocated numbers, the dossiers each decision
 * awarded, voided numbers. Voiding is an event in the register's stream, never a deletion; the number stays used.
 * Voiding runs in one Postgres transaction of its own (checks and event together), not through a workflow.
 */
@ApiTags('decisions')
@ApiBearerAuth()
@Controller('decisions')
export class DecisionsController {
  constructor(
    private readonly register: DecisionRegister,
    private readonly directory: Directory,
  ) {}

  @Get()
  @Roles('SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD', 'PROVINCIAL_DECIDER', 'AUDITOR', 'ADMINISTRATOR')
  @ApiOkResponse({
    type: RegisterDto,
    description: 'Every allocated number of the series and year, with the dossiers its decision awarded or its voiding',
  })
  list(@Query() q: RegisterQuery): Promise<Register> {
    return this.register.list(q.authority, q.year);
  }

  @Get('awardees')
  @Roles('SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD', 'PROVINCIAL_DECIDER', 'AUDITOR', 'ADMINISTRATOR')
  @ApiProduces('application/json', 'text/csv', XLSX_CONTENT_TYPE)
  @ApiOkResponse({
    type: DecisionAwardeesDto,
    description: "The decision's awardees (danh sách được khen thưởng); with format=csv or xlsx, a file of them",
  })
  async awardees(
    @Query() q: AwardeesQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DecisionAwardees | string | StreamableFile> {
    const list = await this.register.awardees(q.authority, q.year, q.number);
    if (!list) throw Refused.notFound(`Number ${q.number} of ${q.authority} ${q.year} was never allocated`);
    const format = listFormatOf(q.format, accept);
    if (format === 'json') return list;
    const rows = list.awardees.map((a) => ({ ...a, formatted: list.formatted }));
    return listDownload(
      res,
      format,
      `danh-sach-khen-thuong-${list.formatted.replace(/\//g, '-')}`,
      rows,
      AWARDEE_COLUMNS,
      'Danh sách khen thưởng',
    );
  }

  @Post('void')
  @HttpCode(200)
  @Roles('PROVINCIAL_DECIDER', 'ADMINISTRATOR')
  @IDEMPOTENCY
  @ApiOkResponse({ type: RegisterDto, description: 'The register after the voiding (the number stays used)' })
  async void(@CurrentActor() actor: Actor, @Body() b: VoidNumberDto, @IdempotencyKey() k?: string): Promise<Register> {
    if (!mayVoidSeries(actor, b.authority))
      throw Refused.forbidden(`${actor.role} may void numbers of the provincial chairman's series only`);
    // A provincial chairman voids numbers of his own province's series only.
    if (actor.role === 'PROVINCIAL_DECIDER') {
      const province = actor.unitCode ? await this.directory.provinceOf(actor.unitCode) : undefined;
      if (b.authority !== `PROVINCIAL_CHAIRMAN:${province}`) throw outOfScope(actor, `series ${b.authority}`);
    }
    const result = await this.register.void({
      authority: b.authority,
      year: b.year,
      number: b.number,
      reason: b.reason,
      actor,
      requestId: k ? `${actor.userId}:${k}` : randomUUID(),
    });
    if (!result.ok) throw Refused.of(result.rejection);
    return result.register;
  }
}
