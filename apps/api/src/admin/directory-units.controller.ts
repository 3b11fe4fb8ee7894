import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { decideRecordUnit, type Actor, type UnitKind, Refused } from '@tdkt/domain';
import { DirectoryAdmin, unitStreamId, type DirectoryHistoryEntry, type UnitRow } from '@tdkt/persistence';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { OperationIdsOf } from '../platform/openapi';
import { DirectoryHistoryEntryDto, RecordUnitDto, UnitDto } from './admin.dto';
import { applyDirectoryDecision } from './directory-decision';

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
  constructor(private readonly admin: DirectoryAdmin) {}

  @Get()
  @ApiQuery({ name: 'provinceCode', required: false })
  @ApiOkResponse({ type: [UnitDto] })
  units(@Query('provinceCode') provinceCode?: string): Promise<UnitRow[]> {
    return this.admin.units(typeof provinceCode === 'string' ? { provinceCode } : {});
  }

  @Post()
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
    await applyDirectoryDecision(
      this.admin,
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

  @Get(':id/history')
  @ApiOkResponse({
    type: [DirectoryHistoryEntryDto],
    description: 'Every recorded version of the unit: who changed it and when',
  })
  async unitHistory(@Param('id') code: string): Promise<DirectoryHistoryEntry[]> {
    if (!(await this.admin.unit(code))) throw Refused.notFound(`Unit ${code} not found`);
    return this.admin.history(unitStreamId(code));
  }
}
