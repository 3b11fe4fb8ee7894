import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  decideAssignSeat,
  decideEndSeat,
  decideOpenTerm,
  type Actor,
  type CouncilSeatRole,
  type UnitKind,
  Refused,
} from '@tdkt/domain';
import { DirectoryAdmin, type DirectoryHistoryEntry } from '@tdkt/persistence';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { OperationIdsOf } from '../platform/openapi';
import {
  AssignSeatDto,
  CouncilSeatDto,
  CouncilTermDto,
  CouncilTermWithSeatsDto,
  DirectoryHistoryEntryDto,
  EndSeatBodyDto,
  OpenTermDto,
} from './admin.dto';
import { applyDirectoryDecision, today } from './directory-decision';

/**
 * Administration of the councils (ADMINISTRATOR): a council's terms and their seats, each change an event of the
 * term's directory stream, projected into the directory tables the rest reads.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('ADMINISTRATOR')
@OperationIdsOf('DirectoryAdminController')
@Controller('admin/council-terms')
export class CouncilTermsController {
  constructor(private readonly admin: DirectoryAdmin) {}

  @Get()
  @ApiQuery({ name: 'councilUnitCode', required: false })
  @ApiOkResponse({ type: [CouncilTermWithSeatsDto] })
  async terms(@Query('councilUnitCode') councilUnitCode?: string): Promise<CouncilTermWithSeatsDto[]> {
    const terms = await this.admin.terms(typeof councilUnitCode === 'string' ? councilUnitCode : undefined);
    return Promise.all(terms.map(async (t) => ({ ...t, seats: await this.admin.seats(t.termId) })));
  }

  @Post()
  @ApiCreatedResponse({
    type: CouncilTermDto,
    description: '409 when the term overlaps another term of the same council',
  })
  async openTerm(@CurrentActor() actor: Actor, @Body() dto: OpenTermDto): Promise<CouncilTermDto> {
    const unit = await this.admin.unit(dto.councilUnitCode);
    const term = {
      termId: randomUUID(),
      councilUnitCode: dto.councilUnitCode,
      name: dto.name,
      from: dto.from,
      to: dto.to,
    };
    const facts = {
      ...(unit ? { councilUnit: { kind: (unit.kind ?? 'DEPARTMENT') as UnitKind } } : {}),
      otherTerms: await this.admin.terms(dto.councilUnitCode),
    };
    await applyDirectoryDecision(this.admin, term.termId, decideOpenTerm(term, facts, actor), actor);
    return (await this.admin.term(term.termId))!;
  }

  @Post(':id/seats')
  @ApiCreatedResponse({
    type: CouncilSeatDto,
    description: 'Seats a member (chair, vice-chair, standing member, member, secretary) for the term',
  })
  async assignSeat(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) termId: string,
    @Body() dto: AssignSeatDto,
  ): Promise<CouncilSeatDto> {
    const term = await this.admin.term(termId);
    if (!term) throw Refused.notFound(`Council term ${termId} not found`);
    const user = await this.admin.user(dto.userId);
    const facts = {
      term,
      seats: await this.admin.seats(termId),
      ...(user ? { user: { active: user.active, role: user.role, validTo: user.validTo } } : {}),
    };
    const seat = {
      termId,
      userId: dto.userId,
      councilRole: dto.councilRole as CouncilSeatRole,
      from: dto.from,
      ...(dto.to ? { to: dto.to } : {}),
    };
    await applyDirectoryDecision(this.admin, termId, decideAssignSeat(seat, facts, actor), actor);
    return (await this.admin.seats(termId)).find((s) => s.userId === dto.userId)!;
  }

  @Post(':id/seat-endings')
  @HttpCode(200)
  @ApiOkResponse({
    type: CouncilSeatDto,
    description: '409 while the member has open ballots (a vote or session not closed)',
  })
  async endSeat(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) termId: string,
    @Body() dto: EndSeatBodyDto,
  ): Promise<CouncilSeatDto> {
    if (!(await this.admin.term(termId))) throw Refused.notFound(`Council term ${termId} not found`);
    const seat = (await this.admin.seats(termId)).find((s) => s.userId === dto.userId);
    const facts = { ...(seat ? { seat } : {}), openBallots: await this.admin.openBallots(dto.userId) };
    const end = { termId, userId: dto.userId, on: dto.on ?? today(), reason: dto.reason };
    await applyDirectoryDecision(this.admin, termId, decideEndSeat(facts, end, actor), actor);
    return (await this.admin.seats(termId)).find((s) => s.userId === dto.userId)!;
  }

  @Get(':id/history')
  @ApiOkResponse({ type: [DirectoryHistoryEntryDto], description: 'The term and every seat change: who, when' })
  async termHistory(@Param('id', new ParseUUIDPipe()) termId: string): Promise<DirectoryHistoryEntry[]> {
    if (!(await this.admin.term(termId))) throw Refused.notFound(`Council term ${termId} not found`);
    return this.admin.history(termId);
  }
}
