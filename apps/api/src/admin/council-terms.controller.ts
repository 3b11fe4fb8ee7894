import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@tdkt/domain';
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
import { DirectoryAdminService } from './directory-admin.service';

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
  constructor(
    private readonly admin: DirectoryAdmin,
    private readonly directory: DirectoryAdminService,
  ) {}

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
  openTerm(@CurrentActor() actor: Actor, @Body() dto: OpenTermDto): Promise<CouncilTermDto> {
    return this.directory.openTerm(actor, dto);
  }

  @Post(':id/seats')
  @ApiCreatedResponse({
    type: CouncilSeatDto,
    description: 'Seats a member (chair, vice-chair, standing member, member, secretary) for the term',
  })
  assignSeat(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) termId: string,
    @Body() dto: AssignSeatDto,
  ): Promise<CouncilSeatDto> {
    return this.directory.assignSeat(actor, termId, dto);
  }

  @Post(':id/seat-endings')
  @HttpCode(200)
  @ApiOkResponse({
    type: CouncilSeatDto,
    description: '409 while the member has open ballots (a vote or session not closed)',
  })
  endSeat(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) termId: string,
    @Body() dto: EndSeatBodyDto,
  ): Promise<CouncilSeatDto> {
    return this.directory.endSeat(actor, termId, dto);
  }

  @Get(':id/history')
  @ApiOkResponse({ type: [DirectoryHistoryEntryDto], description: 'The term and every seat change: who, when' })
  termHistory(@Param('id', new ParseUUIDPipe()) termId: string): Promise<DirectoryHistoryEntry[]> {
    return this.directory.termHistory(termId);
  }
}
