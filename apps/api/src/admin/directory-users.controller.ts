import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@tdkt/domain';
import { DirectoryAdmin, type DirectoryHistoryEntry, type UserRow } from '@tdkt/persistence';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { OperationIdsOf } from '../platform/openapi';
import { DeactivateUserDto, DirectoryHistoryEntryDto, RecordUserDto, UserDto, UserIdParam } from './admin.dto';
import { DirectoryAdminService } from './directory-admin.service';

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
  constructor(
    private readonly admin: DirectoryAdmin,
    private readonly directory: DirectoryAdminService,
  ) {}

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
  recordUser(@CurrentActor() actor: Actor, @Body() dto: RecordUserDto): Promise<UserRow> {
    return this.directory.recordUser(actor, dto);
  }

  @Post(':id/deactivation')
  @HttpCode(200)
  @ApiOkResponse({
    type: UserDto,
    description: 'The user, deactivated (never deleted); their tokens are refused from now on',
  })
  deactivate(
    @CurrentActor() actor: Actor,
    @Param() { id }: UserIdParam,
    @Body() dto: DeactivateUserDto,
  ): Promise<UserRow> {
    return this.directory.deactivateUser(actor, id, dto);
  }

  @Get(':id/history')
  @ApiOkResponse({
    type: [DirectoryHistoryEntryDto],
    description: "Who changed this user's role, unit or validity, and when",
  })
  userHistory(@Param() { id }: UserIdParam): Promise<DirectoryHistoryEntry[]> {
    return this.directory.userHistory(id);
  }
}
