import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsString, Length } from 'class-validator';
import { envelopeEvents, AWARD_CODES, decideCreateRound, type Actor, Refused } from '@tdkt/domain';
import { EventStore, RoundQueries, type RoundView } from '@tdkt/persistence';
import { CurrentActor, Roles } from '../auth/auth.guard';

export class CreateRoundDto {
  @ApiProperty({ example: 'Phong trào thi đua chuyển đổi số năm 2025' }) @IsString() @Length(3, 300) name!: string;
  @ApiProperty({ example: '2025-10-01', description: 'First day of the intake window (ISO date)' })
  @IsISO8601({ strict: true }, { message: 'opensOn must be an ISO date (YYYY-MM-DD)' })
  opensOn!: string;
  @ApiProperty({ example: '2025-10-31', description: 'Last day of the intake window, inclusive (ISO date)' })
  @IsISO8601({ strict: true }, { message: 'closesOn must be an ISO date (YYYY-MM-DD)' })
  closesOn!: string;
  @ApiProperty({ enum: AWARD_CODES, isArray: true, example: ['BK_TINH'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsIn(AWARD_CODES as string[], { each: true })
  awardCodes!: string[];
}

export class RoundViewDto {
  @ApiProperty() roundId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() opensOn!: string;
  @ApiProperty() closesOn!: string;
  @ApiProperty({ type: [String] }) awardCodes!: string[];
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
}

/**
 * Thematic rounds (đợt / chuyên đề, rule 32): the secretariat opens a round with its intake window and the awards it
 * accepts. Each round is its own stream in the event table (one RoundCreated event), so no workflow runs for it.
 */
@ApiTags('rounds')
@ApiBearerAuth()
@Controller('rounds')
export class RoundsController {
  constructor(
    private readonly events: EventStore,
    private readonly rounds: RoundQueries,
  ) {}

  @Post()
  @Roles('SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD')
  @ApiCreatedResponse({ type: RoundViewDto })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateRoundDto): Promise<RoundView> {
    const decision = decideCreateRound(dto, actor);
    if (!decision.ok) throw Refused.of(decision.rejection);
    const roundId = randomUUID();
    const requestId = randomUUID();
    const occurredAt = new Date().toISOString();
    await this.events.append(envelopeEvents(roundId, 0, decision.value, { actor, occurredAt, requestId }));
    const round = await this.rounds.findById(roundId);
    if (!round) throw new Error(`round ${roundId} was not projected`);
    return round;
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
