import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ROLES, type Actor } from '@tdkt/domain';
import { EventStore, MovementQueries, type MovementView } from '@tdkt/persistence';
import { historyEntry } from '../audit/history';
import { CurrentActor, Roles } from '../auth/auth.guard';
import {
  LaunchMovementDto,
  MovementIdParam,
  MovementListQuery,
  MovementStatusDto,
  MovementViewDto,
  MovementWithDossiersDto,
  ReviewCeremonyDto,
} from './movements.dto';
import { MovementsService } from './movements.service';

const SECRETARIAT = ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD'] as const;

/**
 * Emulation movements (phong trào thi đua, Luật Điều 16–17): the secretariat launches a movement and moves it through
 * LAUNCHED → IN_PROGRESS → REVIEWED → CLOSED. Thematic rounds (/api/rounds) are listed here too, as THEMATIC
 * movements (source ROUND). Movements hold no personal data: every role may read them.
 */
@ApiTags('movements')
@ApiBearerAuth()
@Controller('movements')
export class MovementsController {
  constructor(
    private readonly movements: MovementsService,
    private readonly queries: MovementQueries,
    private readonly events: EventStore,
  ) {}

  @Post()
  @Roles(...SECRETARIAT)
  @ApiCreatedResponse({ type: MovementViewDto })
  launch(@CurrentActor() actor: Actor, @Body() dto: LaunchMovementDto): Promise<MovementView> {
    return this.movements.launch(actor, dto);
  }

  @Get()
  @Roles(...ROLES)
  @ApiOkResponse({ type: [MovementViewDto] })
  list(@Query() q: MovementListQuery): Promise<MovementView[]> {
    return this.queries.list({ ...(q.kind ? { kind: q.kind } : {}), ...(q.status ? { status: q.status } : {}) });
  }

  @Get(':id')
  @Roles(...ROLES)
  @ApiOkResponse({ type: MovementWithDossiersDto })
  get(@Param() p: MovementIdParam) {
    return this.movements.withDossiers(p.id);
  }

  @Get(':id/history')
  @Roles(...ROLES)
  async history(@Param() p: MovementIdParam) {
    await this.movements.mustFind(p.id);
    return (await this.events.readStream(p.id)).map(historyEntry);
  }

  @Post(':id/ceremonies')
  @HttpCode(200)
  @Roles(...SECRETARIAT)
  @ApiOkResponse({
    type: MovementViewDto,
    description: "The review's ceremony set (state.ceremonies), with the latest decision it follows",
  })
  @ApiUnprocessableEntityResponse({
    description:
      "The ceremony would precede the latest decision on the movement's awarded dossiers (movement.ceremony-after-decisions; details.latestDecision names it)",
  })
  ceremony(
    @CurrentActor() actor: Actor,
    @Param() p: MovementIdParam,
    @Body() dto: ReviewCeremonyDto,
  ): Promise<MovementView> {
    return this.movements.scheduleCeremony(actor, p.id, { milestone: dto.milestone, ceremonyDate: dto.ceremonyDate });
  }

  @Post(':id/status')
  @HttpCode(200)
  @Roles(...SECRETARIAT)
  @ApiOkResponse({ type: MovementViewDto })
  status(
    @CurrentActor() actor: Actor,
    @Param() p: MovementIdParam,
    @Body() dto: MovementStatusDto,
  ): Promise<MovementView> {
    return this.movements.changeStatus(actor, p.id, {
      type: 'ChangeMovementStatus',
      data: { to: dto.to, ...(dto.note ? { note: dto.note } : {}) },
    });
  }
}
