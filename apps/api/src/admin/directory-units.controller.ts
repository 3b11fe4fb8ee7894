import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@tdkt/domain';
import { DirectoryAdmin, type DirectoryHistoryEntry, type UnitRow } from '@tdkt/persistence';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { OperationIdsOf } from '../platform/openapi';
import { DirectoryHistoryEntryDto, RecordUnitDto, UnitDto } from './admin.dto';
import { DirectoryAdminService } from './directory-admin.service';

/**
 * Administration of the directory's units (ADMINISTRATOR): each change is an event of the unit's directory stream
 * (hash-chained like every stream), projected into the directory tables the rest reads.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('ADMINISTRATOR')
@OperationIdsOf('DirectoryAdminController')
@Controller('admin/units')
export class DirectoryUnitsController {
  constructor(
    private readonly admin: DirectoryAdmin,
    private readonly directory: DirectoryAdminService,
  ) {}

  @Get()
  @ApiQuery({ name: 'provinceCode', required: false })
  @ApiOkResponse({ type: [UnitDto] })
  units(@Query('provinceCode') provinceCode?: string): Promise<UnitRow[]> {
    return this.admin.units(typeof provinceCode === 'string' ? { provinceCode } : {});
  }

  @Post()
  @ApiCreatedResponse({ type: UnitDto })
  recordUnit(@CurrentActor() actor: Actor, @Body() dto: RecordUnitDto): Promise<UnitRow> {
    return this.directory.recordUnit(actor, dto);
  }

  @Get(':id/history')
  @ApiOkResponse({
    type: [DirectoryHistoryEntryDto],
    description: 'Every recorded version of the unit: who changed it and when',
  })
  unitHistory(@Param('id') code: string): Promise<DirectoryHistoryEntry[]> {
    return this.directory.unitHistory(code);
  }
}
