import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { decideDeactivateUser, decideRecordUser, type Actor, type Role, Refused } from '@tdkt/domain';
import { DirectoryAdmin, userStreamId, type DirectoryHistoryEntry, type UserRow } from '@tdkt/persistence';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { OperationIdsOf } from '../platform/openapi';
import { DeactivateUserDto, DirectoryHistoryEntryDto, RecordUserDto, UserDto, UserIdParam } from './admin.dto';
import { applyDirectoryDecision, today } from './directory-decision';

/**
 * Administration of the directory's people (ADMINISTRATOR): recorded, changed and deactivated (never deleted), each
 * change an event of the user's directory stream, projected into the directory tables the rest reads.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('ADMINISTRATOR')
@OperationIdsOf('DirectoryAdminController')
@Controller('admin/users')
export class DirectoryUsersController {
  constructor(private readonly admin: DirectoryAdmin) {}

  @Get()
  @ApiQuery({ name: 'unitCode', required: false })
  @ApiOkResponse({ type: [UserDto] })
  users(@Query('unitCode') unitCode?: string): Promise<UserRow[]> {
    return this.admin.users(typeof unitCode === 'string' ? { unitCode } : {});
  }

  @Post()
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
    await applyDirectoryDecision(this.admin, userStreamId(dto.userId), decideRecordUser(user, facts, actor), actor);
    return (await this.admin.user(dto.userId))!;
  }

  @Post(':id/deactivation')
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
    await applyDirectoryDecision(
      this.admin,
      userStreamId(id),
      decideDeactivateUser(facts, { userId: id, on: dto.on ?? today(), reason: dto.reason }, actor),
      actor,
    );
    return (await this.admin.user(id))!;
  }

  @Get(':id/history')
  @ApiOkResponse({
    type: [DirectoryHistoryEntryDto],
    description: "Who changed this user's role, unit or validity, and when",
  })
  async userHistory(@Param() { id }: UserIdParam): Promise<DirectoryHistoryEntry[]> {
    if (!(await this.admin.user(id))) throw Refused.notFound(`User ${id} not found`);
    return this.admin.history(userStreamId(id));
  }
}
