import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ROLES, type Actor } from '@tdkt/domain';
import { EventStore, RegistrationQueries, type RegistrationView } from '@tdkt/persistence';
import { historyEntry } from '../audit/history';
import { CurrentActor, Roles } from '../auth/auth.guard';
import {
  RegistrationIdParam,
  RegistrationListQuery,
  RegistrationViewDto,
  ReviewRegistrationDto,
  SubmitRegistrationDto,
} from './registrations.dto';
import { RegistrationsService } from './registrations.service';

/**
 * Đăng ký thi đua: a unit registers its collectives and individuals for the year's annual titles (by the deadline of
 * its rule set); the secretariat accepts or returns with a reason. Proposals read it at submission (registration.missing).
 */
@ApiTags('registrations')
@ApiBearerAuth()
@Controller('registrations')
export class RegistrationsController {
  constructor(
    private readonly service: RegistrationsService,
    private readonly queries: RegistrationQueries,
    private readonly events: EventStore,
  ) {}

  @Post()
  @Roles('UNIT_CLERK', 'UNIT_HEAD')
  @ApiCreatedResponse({
    type: RegistrationViewDto,
    description: 'The unit’s registration for the year, sent (or sent again after a return)',
  })
  submit(@CurrentActor() actor: Actor, @Body() dto: SubmitRegistrationDto): Promise<RegistrationView> {
    return this.service.submit(actor, dto);
  }

  @Get()
  @Roles(...ROLES)
  @ApiOkResponse({ type: [RegistrationViewDto] })
  list(@CurrentActor() actor: Actor, @Query() q: RegistrationListQuery): Promise<RegistrationView[]> {
    const own = actor.role === 'UNIT_CLERK' || actor.role === 'UNIT_HEAD';
    const unitCode = own ? actor.unitCode : q.unitCode;
    return this.queries.list({ ...(unitCode ? { unitCode } : {}), ...(q.year ? { year: q.year } : {}) });
  }

  @Get(':id')
  @Roles(...ROLES)
  @ApiOkResponse({ type: RegistrationViewDto })
  get(@CurrentActor() actor: Actor, @Param() p: RegistrationIdParam): Promise<RegistrationView> {
    return this.service.mustFind(actor, p.id);
  }

  @Get(':id/history')
  @Roles(...ROLES)
  async history(@CurrentActor() actor: Actor, @Param() p: RegistrationIdParam) {
    await this.service.mustFind(actor, p.id);
    return (await this.events.readStream(p.id)).map(historyEntry);
  }

  @Post(':id/review')
  @HttpCode(200)
  @Roles('SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD')
  @ApiOkResponse({ type: RegistrationViewDto })
  review(
    @CurrentActor() actor: Actor,
    @Param() p: RegistrationIdParam,
    @Body() dto: ReviewRegistrationDto,
  ): Promise<RegistrationView> {
    return this.service.review(actor, p.id, dto.accept, dto.reason);
  }
}
