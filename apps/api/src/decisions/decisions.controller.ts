import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { findAward, mayVoidSeries, type Actor, Refused } from '@tdkt/domain';
import {
  Directory,
  DecisionRegister,
  EventStore,
  type DecisionAwardee,
  type DecisionAwardees,
  type Register,
} from '@tdkt/persistence';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { IDEMPOTENCY, IdempotencyKey } from '../platform/idempotency-key';
import { outOfScope } from '../platform/denials';
import { RegisterDto } from './decision-register.dto';
import type { CsvColumn } from '../reports/csv';
import { LIST_FORMATS, listDownload, listFormatOf, XLSX_CONTENT_TYPE } from '../reports/xlsx';

export class RegisterQuery {
  @ApiProperty({
    example: 'PROVINCIAL_CHAIRMAN:HN',
    description: "The issuing authority's series, as the allocations name it",
  })
  @IsString()
  @Length(1, 200)
  authority!: string;
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2200) year!: number;
}

export class VoidNumberDto extends RegisterQuery {
  @ApiProperty({ example: 13, description: 'The number in the series (13 of "13/QĐ-UBND")' })
  @IsInt()
  @Min(1)
  number!: number;
  @ApiProperty({ example: 'Số đã cấp nhưng quyết định không ban hành' }) @IsString() @Length(3, 1000) reason!: string;
}

export class AwardeesQuery extends RegisterQuery {
  @ApiProperty({ example: 12, description: 'The number in the series (12 of "12/QĐ-UBND")' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  number!: number;
  @ApiPropertyOptional({
    enum: LIST_FORMATS,
    description: `csv or xlsx (an Excel workbook, Vietnamese headers) for the list as a file; also by Accept: text/csv or ${XLSX_CONTENT_TYPE}`,
  })
  @IsOptional()
  @IsIn(LIST_FORMATS)
  format?: 'json' | 'csv' | 'xlsx';
}

export class DecisionAwardeeDto {
  @ApiProperty() dossierId!: string;
  @ApiProperty() nomineeName!: string;
  @ApiProperty({ enum: ['INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD'] }) nomineeKind!: string;
  @ApiProperty() awardCode!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ example: '2026-03-02' }) signedOn!: string;
  @ApiProperty({ type: String, nullable: true, description: "The dossier's status now (REVOKED after a revocation)" })
  status!: string | null;
}

export class DecisionAwardeesDto {
  @ApiProperty() authority!: string;
  @ApiProperty() year!: number;
  @ApiProperty() number!: number;
  @ApiProperty({ example: '12/QĐ-UBND' }) formatted!: string;
  @ApiProperty({ type: [DecisionAwardeeDto] }) awardees!: DecisionAwardeeDto[];
}

const KIND_VI: Record<string, string> = { INDIVIDUAL: 'Cá nhân', COLLECTIVE: 'Tập thể', HOUSEHOLD: 'Hộ gia đình' };
const AWARDEE_COLUMNS: CsvColumn<DecisionAwardee & { formatted: string }>[] = [
  { header: 'Số quyết định', value: (r) => r.formatted },
  { header: 'Ngày ký', value: (r) => r.signedOn },
  { header: 'Họ và tên / Tên tập thể', value: (r) => r.nomineeName },
  { header: 'Đối tượng', value: (r) => KIND_VI[r.nomineeKind] ?? r.nomineeKind },
  { header: 'Hình thức khen thưởng', value: (r) => findAward(r.awardCode)?.nameVi ?? r.awardCode },
  { header: 'Đơn vị', value: (r) => r.unitName },
  { header: 'Mã đơn vị', value: (r) => r.unitCode },
  { header: 'Mã hồ sơ', value: (r) => r.dossierId },
  { header: 'Trạng thái hồ sơ', value: (r) => r.status },
];

/**
 * The decision register (sổ quyết định) per issuing authority and year: allocated numbers, the dossiers each decision
 * awarded, voided numbers. Voiding is an event in the register's stream, never a deletion; the number stays used.
 * Voiding runs in one Postgres transaction of its own (checks and event together), not through a workflow.
 */
@ApiTags('decisions')
@ApiBearerAuth()
@Controller('decisions')
export class DecisionsController {
  private readonly register: DecisionRegister;

  constructor(
    dataSource: DataSource,
    eventStore: EventStore,
    private readonly directory: Directory,
  ) {
    this.register = new DecisionRegister(dataSource, eventStore);
  }

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
