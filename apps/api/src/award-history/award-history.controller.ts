import { Body, Controller, Headers, HttpCode, Post, Query, Res, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { findAward, subjectKeyOf, type Actor, Refused } from '@tdkt/domain';
import { AwardHistoryQueries, type AwardHistoryRow } from '@tdkt/persistence';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { DossierCommandsService } from '../dossiers/dossier-commands.service';
import type { CsvColumn } from '../reports/csv';
import { listDownload, listFormatOf, XLSX_CONTENT_TYPE } from '../reports/xlsx';
import { AwardHistorySearchDto, AwardHistoryRowDto, AwardHistoryFormatQuery } from './award-history.dto';

const KIND_VI: Record<string, string> = { INDIVIDUAL: 'Cá nhân', COLLECTIVE: 'Tập thể', HOUSEHOLD: 'Hộ gia đình' };
const COLUMNS: CsvColumn<AwardHistoryRow>[] = [
  { header: 'Họ và tên / Tên tập thể', value: (r) => r.fullName },
  { header: 'Đối tượng', value: (r) => KIND_VI[r.subjectKind] ?? r.subjectKind },
  { header: 'Mã đơn vị', value: (r) => r.unitCode },
  { header: 'Mã hình thức', value: (r) => r.awardCode },
  { header: 'Hình thức khen thưởng', value: (r) => findAward(r.awardCode)?.nameVi ?? r.awardCode },
  { header: 'Năm', value: (r) => r.year },
  { header: 'Số quyết định', value: (r) => r.decisionNumber },
  { header: 'Ngày quyết định', value: (r) => r.decidedOn },
  { header: 'Mã hồ sơ', value: (r) => r.dossierId },
];

/**
 * Award history per person and collective (lookup by citizen id, name, unit). A POST, so that a citizen id never
 * appears in a URL or an access log. Unit staff see their own unit's people only.
 */
@ApiTags('award history')
@ApiBearerAuth()
@Controller('award-history')
export class AwardHistoryController {
  constructor(
    private readonly history: AwardHistoryQueries,
    private readonly dossiers: DossierCommandsService,
  ) {}

  @Post('search')
  @HttpCode(200)
  @Roles(
    'UNIT_CLERK',
    'UNIT_HEAD',
    'SECRETARIAT_OFFICER',
    'SECRETARIAT_HEAD',
    'PROVINCIAL_DECIDER',
    'CENTRAL_APPRAISER',
    'AUDITOR',
    'ADMINISTRATOR',
  )
  @ApiProduces('application/json', 'text/csv', XLSX_CONTENT_TYPE)
  @ApiOkResponse({
    type: [AwardHistoryRowDto],
    description: 'The matching awards; with format=csv or xlsx, the same rows as a file',
  })
  async search(
    @CurrentActor() actor: Actor,
    @Body() q: AwardHistorySearchDto,
    @Query() f: AwardHistoryFormatQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AwardHistoryRowDto[] | string | StreamableFile> {
    if (!q.citizenId && !q.name)
      throw Refused.invalid({ citizenId: ['give citizenId or name'], name: ['give citizenId or name'] });
    const unitScoped = actor.role === 'UNIT_CLERK' || actor.role === 'UNIT_HEAD';
    const rows: AwardHistoryRow[] = await this.history.find({
      ...(q.citizenId
        ? {
            subjectKey: subjectKeyOf(
              { kind: 'INDIVIDUAL', fullName: '-', citizenIdHash: this.dossiers.hashCitizenId(q.citizenId) },
              '',
            ),
          }
        : {}),
      ...(q.name ? { name: q.name } : {}),
      ...(unitScoped ? { unitCode: actor.unitCode ?? '\u0000' } : q.unitCode ? { unitCode: q.unitCode } : {}),
      limit: q.limit ?? 50,
    });
    const format = listFormatOf(f.format, accept);
    return format === 'json'
      ? rows
      : listDownload(res, format, 'lich-su-khen-thuong', rows, COLUMNS, 'Lịch sử khen thưởng');
  }
}
