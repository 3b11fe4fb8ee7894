import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@tdkt/domain';
import { AwardFundQueries, type FundEntry, type FundTotals } from '@tdkt/persistence';
import { CurrentActor, Roles } from '../auth/auth.guard';
import {
  FundDossierParam,
  FundEntryDto,
  FundEntryWithPaymentsDto,
  FundListQuery,
  FundPaymentDto,
  FundTotalsDto,
  FundTotalsQuery,
} from './award-fund.dto';
import { AwardFundService } from './award-fund.service';

const SECRETARIAT = ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD'] as const;
const OVERSIGHT = [...SECRETARIAT, 'PROVINCIAL_DECIDER', 'AUDITOR', 'ADMINISTRATOR'] as const;

/**
 * The award fund (quỹ thi đua, khen thưởng, Luật Điều 90): per decision the amount due by the bound rule set (rule 35),
 * the payments made and, after a revocation, the amount actually paid to recover; totals per year and source.
 */
@ApiTags('award fund')
@ApiBearerAuth()
@Controller('award-fund')
export class AwardFundController {
  constructor(
    private readonly service: AwardFundService,
    private readonly queries: AwardFundQueries,
  ) {}

  @Get('entries')
  @Roles(...OVERSIGHT, 'UNIT_CLERK', 'UNIT_HEAD')
  @ApiOkResponse({ type: [FundEntryDto], description: "Decided dossiers, newest first (unit staff: their own unit's)" })
  list(@CurrentActor() actor: Actor, @Query() q: FundListQuery): Promise<FundEntry[]> {
    const own = actor.role === 'UNIT_CLERK' || actor.role === 'UNIT_HEAD';
    const unitCode = own ? (actor.unitCode ?? '\u0000') : q.unitCode;
    return this.queries.list({
      ...(q.year !== undefined ? { year: q.year } : {}),
      ...(unitCode ? { unitCode } : {}),
      ...(!own && q.provinceCode ? { provinceCode: q.provinceCode } : {}),
    });
  }

  @Get('entries/:id')
  @Roles(...OVERSIGHT, 'UNIT_CLERK', 'UNIT_HEAD')
  @ApiOkResponse({ type: FundEntryWithPaymentsDto })
  entry(@CurrentActor() actor: Actor, @Param() p: FundDossierParam) {
    return this.service.entry(actor, p.id);
  }

  @Post('entries/:id/payments')
  @Roles(...SECRETARIAT, 'UNIT_CLERK', 'UNIT_HEAD')
  @ApiCreatedResponse({
    type: FundEntryWithPaymentsDto,
    description: 'The secretariat pays provincial and state awards; the deciding unit its grassroots titles',
  })
  pay(@CurrentActor() actor: Actor, @Param() p: FundDossierParam, @Body() dto: FundPaymentDto) {
    return this.service.pay(actor, p.id, {
      amountVnd: dto.amountVnd,
      paidOn: dto.paidOn,
      source: dto.source,
      voucherRef: dto.voucherRef,
      ...(dto.note ? { note: dto.note } : {}),
    });
  }

  @Get('totals')
  @Roles(...OVERSIGHT)
  @ApiOkResponse({ type: FundTotalsDto })
  totals(@Query() q: FundTotalsQuery): Promise<FundTotals> {
    return this.queries.totals({
      fromYear: q.fromYear,
      toYear: q.toYear,
      ...(q.provinceCode ? { provinceCode: q.provinceCode } : {}),
    });
  }
}
