import { Body, Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor, SessionDecision } from '@tdkt/domain';
import { EventStore, type CouncilSessionView } from '@tdkt/persistence';
import { historyEntry } from '../audit/history';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { IDEMPOTENCY, IdempotencyKey } from '../platform/idempotency-key';
import {
  AttendanceDto,
  ConflictDto,
  ConveneSessionDto,
  ListSessionsQuery,
  SessionDecisionDto,
  SessionIdParam,
  SessionVoteDto,
} from './council.dto';
import { CouncilService } from './council.service';
import { CouncilSessionViewDto, SessionDecisionResultDto, SessionVoteRecordedDto } from './council-view.dto';
import { HistoryEntryDto } from '../audit/history.dto';

const MEMBERS = ['COUNCIL_MEMBER', 'COUNCIL_CHAIR'] as const;
const READERS = [
  'SECRETARIAT_OFFICER',
  'SECRETARIAT_HEAD',
  'PROVINCIAL_DECIDER',
  'AUDITOR',
  'ADMINISTRATOR',
  ...MEMBERS,
] as const;

/** Council sessions (phiên họp Hội đồng TĐKT): agenda, attendance, recusals, open and secret votes, tallies, minutes. */
@ApiTags('council sessions')
@ApiBearerAuth()
@Controller('council-sessions')
export class CouncilController {
  constructor(
    private readonly council: CouncilService,
    private readonly events: EventStore,
  ) {}

  @Post()
  @Roles('SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD')
  @ApiCreatedResponse({ type: CouncilSessionViewDto, description: 'The session, open, with its agenda and roster' })
  convene(@CurrentActor() actor: Actor, @Body() dto: ConveneSessionDto): Promise<CouncilSessionView> {
    return this.council.convene(actor, dto);
  }

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({
    type: [CouncilSessionViewDto],
    description: 'Sessions the caller may see (a member: their own), newest first',
  })
  list(@CurrentActor() actor: Actor, @Query() q: ListSessionsQuery): Promise<CouncilSessionView[]> {
    return this.council.list(actor, q.status);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: CouncilSessionViewDto })
  get(@CurrentActor() actor: Actor, @Param() p: SessionIdParam): Promise<CouncilSessionView> {
    return this.council.visible(actor, p.id);
  }

  /** The session's stream, event by event: the same readers as the session; a secret ballot shows counts, never choices. */
  @Get(':id/history')
  @Roles(...READERS)
  @ApiOkResponse({ type: [HistoryEntryDto] })
  async history(@CurrentActor() actor: Actor, @Param() p: SessionIdParam) {
    await this.council.visible(actor, p.id);
    return (await this.events.readStream(p.id)).map(historyEntry);
  }

  @Get(':id/minutes')
  @Roles(...READERS)
  @Header('content-type', 'text/plain; charset=utf-8')
  @ApiProduces('text/plain')
  @ApiOkResponse({
    schema: { type: 'string' },
    description: 'The minutes (biên bản) as plain text, or a note that the session is still open',
  })
  async minutes(@CurrentActor() actor: Actor, @Param() p: SessionIdParam): Promise<string> {
    const s = await this.council.visible(actor, p.id);
    return s.minutes ?? 'Biên bản chưa có: phiên họp chưa kết thúc. (No minutes yet: the session is still open.)';
  }

  @Post(':id/attendance')
  @HttpCode(200)
  @Roles('SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD', ...MEMBERS)
  @ApiOkResponse({ type: CouncilSessionViewDto })
  attendance(
    @CurrentActor() actor: Actor,
    @Param() p: SessionIdParam,
    @Body() b: AttendanceDto,
  ): Promise<CouncilSessionView> {
    return this.council.run(actor, p.id, {
      type: 'RecordAttendance',
      data: { memberId: b.memberId, attendance: b.attendance },
    });
  }

  @Post(':id/conflicts')
  @HttpCode(200)
  @Roles(...MEMBERS)
  @ApiOkResponse({ type: CouncilSessionViewDto })
  conflict(
    @CurrentActor() actor: Actor,
    @Param() p: SessionIdParam,
    @Body() b: ConflictDto,
  ): Promise<CouncilSessionView> {
    return this.council.run(actor, p.id, {
      type: 'DeclareConflict',
      data: { dossierId: b.dossierId, reason: b.reason },
    });
  }

  @Post(':id/votes')
  @HttpCode(200)
  @Roles(...MEMBERS)
  @ApiOkResponse({ type: SessionVoteRecordedDto, description: 'Recorded; a secret choice is never echoed back' })
  vote(@CurrentActor() actor: Actor, @Param() p: SessionIdParam, @Body() b: SessionVoteDto) {
    return this.council.vote(actor, p.id, b.dossierId, b.approve);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('COUNCIL_CHAIR', 'SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD')
  @ApiOkResponse({ type: CouncilSessionViewDto, description: 'Closed: tallies and minutes' })
  close(@CurrentActor() actor: Actor, @Param() p: SessionIdParam): Promise<CouncilSessionView> {
    return this.council.run(actor, p.id, { type: 'CloseSession', data: { secretBallots: {} } });
  }

  /**
   * One decision for many dossiers of the closed session: one number for all, each dossier awarded through its own
   * workflow; dossiers that cannot take it (wrong state) are listed in `refused` and do not get the number.
   */
  @Post(':id/decision')
  @Roles('PROVINCIAL_DECIDER')
  @IDEMPOTENCY
  @ApiCreatedResponse({
    type: SessionDecisionResultDto,
    description: 'The decision: one number for the awarded dossiers, the refused ones with their reason',
  })
  decide(
    @CurrentActor() actor: Actor,
    @Param() p: SessionIdParam,
    @Body() b: SessionDecisionDto,
    @IdempotencyKey() k?: string,
  ): Promise<SessionDecision & { sessionId: string }> {
    return this.council.decide(actor, p.id, b, k);
  }
}
