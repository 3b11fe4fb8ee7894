import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import {
  decideAssignSeat,
  decideDeactivateUser,
  decideEndSeat,
  decideOpenTerm,
  decideRecordUnit,
  decideRecordUser,
  vietnamDate,
  type Actor,
  type CouncilSeatRole,
  type Decision,
  type DirectoryEvent,
  type Rejection,
  type Role,
  type UnitKind,
  Refused,
} from '@tdkt/domain';
import {
  DirectoryAdmin,
  unitStreamId,
  userStreamId,
  type DirectoryHistoryEntry,
  type UnitRow,
  type UserRow,
} from '@tdkt/persistence';
import { CurrentActor, Roles } from '../auth/auth.guard';
import {
  AssignSeatDto,
  CouncilSeatDto,
  CouncilTermDto,
  CouncilTermWithSeatsDto,
  DeactivateUserDto,
  DirectoryHistoryEntryDto,
  EndSeatDto,
  OpenTermDto,
  RecordUnitDto,
  RecordUserDto,
  UnitDto,
  UserDto,
  UserIdParam,
} from './admin.dto';

export class EndSeatBodyDto extends EndSeatDto {
  @ApiProperty({ example: 'council.member1' }) @IsString() @Length(1, 128) userId!: string;
}

/** A refusal as HTTP: a bad field is a 400 naming the field (`fields`), the rest as the one error map says. */
export function adminRefusal(r: Rejection): Refused {
  const field = typeof r.details?.field === 'string' ? r.details.field : undefined;
  if (r.code === 'INVALID' && field) return Refused.invalidField(field, r.message, r.rule);
  return Refused.of(r);
}

const today = () => vietnamDate(Date.now());

/**
 * Administration of the directory (ADMINISTRATOR): units, people and councils. Every change is an event of the
 * entity's directory stream (hash-chained like every stream), projected into the directory tables the rest reads.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('ADMINISTRATOR')
@Controller('admin')
export class DirectoryAdminController {
  constructor(private readonly admin: DirectoryAdmin) {}

  private async apply(streamId: string, decision: Decision<DirectoryEvent[]>, actor: Actor): Promise<void> {
    if (!decision.ok) throw adminRefusal(decision.rejection);
    await this.admin.append(streamId, decision.value, actor, randomUUID());
  }

  @Get('units')
  @ApiQuery({ name: 'provinceCode', required: false })
  @ApiOkResponse({ type: [UnitDto] })
  units(@Query('provinceCode') provinceCode?: string): Promise<UnitRow[]> {
    return this.admin.units(typeof provinceCode === 'string' ? { provinceCode } : {});
  }

  @Post('units')
  @ApiCreatedResponse({ type: UnitDto })
  async recordUnit(@CurrentActor() actor: Actor, @Body() dto: RecordUnitDto): Promise<UnitRow> {
    const parent = dto.parentCode ? await this.admin.unit(dto.parentCode) : undefined;
    const unit = {
      code: dto.code,
      name: dto.name,
      kind: dto.kind as UnitKind,
      parentCode: dto.parentCode ?? null,
      provinceCode: dto.provinceCode,
      validFrom: dto.validFrom,
      validTo: dto.validTo ?? null,
    };
    await this.apply(
      unitStreamId(unit.code.trim()),
      decideRecordUnit(
        unit,
        parent ? { parent: { code: parent.code, provinceCode: parent.provinceCode, validTo: parent.validTo } } : {},
        actor,
      ),
      actor,
    );
    return (await this.admin.unit(unit.code.trim()))!;
  }

  @Get('units/:id/history')
  @ApiOkResponse({
    type: [DirectoryHistoryEntryDto],
    description: 'Every recorded version of the unit: who changed it and when',
  })
  async unitHistory(@Param('id') code: string): Promise<DirectoryHistoryEntry[]> {
    if (!(await this.admin.unit(code))) throw Refused.notFound(`Unit ${code} not found`);
    return this.admin.history(unitStreamId(code));
  }

  @Get('users')
  @ApiQuery({ name: 'unitCode', required: false })
  @ApiOkResponse({ type: [UserDto] })
  users(@Query('unitCode') unitCode?: string): Promise<UserRow[]> {
    return this.admin.users(typeof unitCode === 'string' ? { unitCode } : {});
  }

  @Post('users')
  @ApiCreatedResponse({
    type: UserDto,
    description: 'A new user, or a changed role, unit or validity of an existing one',
  })
  async recordUser(@CurrentActor() actor: Actor, @Body() dto: RecordUserDto): Promise<UserRow> {
    const unit = dto.unitCode ? await this.admin.unit(dto.unitCode) : undefined;
    const current = await this.admin.user(dto.userId);
    const clash = await this.admin.clash(dto.userId, dto.username, dto.oidcSub ?? null);
    const user = {
      userId: dto.userId,
      username: dto.username,
      fullName: dto.fullName,
      role: dto.role as Role,
      unitCode: dto.unitCode ?? null,
      oidcSub: dto.oidcSub ?? null,
      validFrom: dto.validFrom,
      validTo: dto.validTo ?? null,
    };
    const facts = {
      ...(unit ? { unit: { code: unit.code, validTo: unit.validTo } } : {}),
      ...(current ? { current: { active: current.active, username: current.username } } : {}),
      ...(clash ? { clash } : {}),
    };
    await this.apply(userStreamId(dto.userId), decideRecordUser(user, facts, actor), actor);
    return (await this.admin.user(dto.userId))!;
  }

  @Post('users/:id/deactivation')
  @HttpCode(200)
  @ApiOkResponse({
    type: UserDto,
    description: 'The user, deactivated (never deleted); their tokens are refused from now on',
  })
  async deactivate(
    @CurrentActor() actor: Actor,
    @Param() { id }: UserIdParam,
    @Body() dto: DeactivateUserDto,
  ): Promise<UserRow> {
    const current = await this.admin.user(id);
    if (!current) throw Refused.notFound(`User ${id} not found`);
    const facts = { exists: true, active: current.active, openSeats: await this.admin.openSeats(id) };
    await this.apply(
      userStreamId(id),
      decideDeactivateUser(facts, { userId: id, on: dto.on ?? today(), reason: dto.reason }, actor),
      actor,
    );
    return (await this.admin.user(id))!;
  }

  @Get('users/:id/history')
  @ApiOkResponse({
    type: [DirectoryHistoryEntryDto],
    description: "Who changed this user's role, unit or validity, and when",
  })
  async userHistory(@Param() { id }: UserIdParam): Promise<DirectoryHistoryEntry[]> {
    if (!(await this.admin.user(id))) throw Refused.notFound(`User ${id} not found`);
    return this.admin.history(userStreamId(id));
  }

  @Get('council-terms')
  @ApiQuery({ name: 'councilUnitCode', required: false })
  @ApiOkResponse({ type: [CouncilTermWithSeatsDto] })
  async terms(@Query('councilUnitCode') councilUnitCode?: string): Promise<CouncilTermWithSeatsDto[]> {
    const terms = await this.admin.terms(typeof councilUnitCode === 'string' ? councilUnitCode : undefined);
    return Promise.all(terms.map(async (t) => ({ ...t, seats: await this.admin.seats(t.termId) })));
  }

  @Post('council-terms')
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
    await this.apply(term.termId, decideOpenTerm(term, facts, actor), actor);
    return (await this.admin.term(term.termId))!;
  }

  @Post('council-terms/:id/seats')
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
    await this.apply(termId, decideAssignSeat(seat, facts, actor), actor);
    return (await this.admin.seats(termId)).find((s) => s.userId === dto.userId)!;
  }

  @Post('council-terms/:id/seat-endings')
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
    await this.apply(
      termId,
      decideEndSeat(facts, { termId, userId: dto.userId, on: dto.on ?? today(), reason: dto.reason }, actor),
      actor,
    );
    return (await this.admin.seats(termId)).find((s) => s.userId === dto.userId)!;
  }

  @Get('council-terms/:id/history')
  @ApiOkResponse({ type: [DirectoryHistoryEntryDto], description: 'The term and every seat change: who, when' })
  async termHistory(@Param('id', new ParseUUIDPipe()) termId: string): Promise<DirectoryHistoryEntry[]> {
    if (!(await this.admin.term(termId))) throw Refused.notFound(`Council term ${termId} not found`);
    return this.admin.history(termId);
  }
}
