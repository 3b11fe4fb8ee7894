import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@tdkt/domain';
import { RoundQueries, type RoundView } from '@tdkt/persistence';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { CreateRoundDto, RoundViewDto } from './rounds.dto';
import { RoundsService } from './rounds.service';

/**
 * Thematic rounds (đợt / chuyên đề, rule 32): the secretariat opens a round with its intake window and the awards it
 * accepts. Each round is its own stream in the event table (one RoundCreated event), so no workflow runs for it.
 */
@ApiTags('rounds')
@ApiBearerAuth()
@Controller('rounds')
export class RoundsController {
  constructor(
    private readonly service: RoundsService,
    private readonly rounds: RoundQueries,
  ) {}

  @Post()
  @Roles('SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD')
  @ApiCreatedResponse({ type: RoundViewDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateRoundDto): Promise<RoundView> {
    return this.service.create(actor, dto);
  }

  @Get()
  @Roles(
    'UNIT_CLERK',
    'UNIT_HEAD',
    'SECRETARIAT_OFFICER',
    'SECRETARIAT_HEAD',
    'COUNCIL_MEMBER',
    'COUNCIL_CHAIR',
    'PROVINCIAL_DECIDER',
    'CENTRAL_APPRAISER',
    'CENTRAL_DECIDER',
    'AUDITOR',
    'ADMINISTRATOR',
  )
  @ApiOkResponse({ type: [RoundViewDto] })
  list(): Promise<RoundView[]> {
    return this.rounds.list();
  }
}
