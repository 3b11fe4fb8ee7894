import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ROLES, type Actor } from '@tdkt/domain';
import { EmulationQueries, type BlockYearView, type EmulationBlockView } from '@tdkt/persistence';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { OperationIdsOf } from '../platform/openapi';
import { SECRETARIAT } from './block-year-endpoint';
import {
  BlockIdParam,
  BlockViewDto,
  BlockWithYearsDto,
  BlockYearViewDto,
  FormBlockDto,
  OpenBlockYearDto,
} from './emulation.dto';
import { EmulationService } from './emulation.service';

/**
 * Emulation blocks (khối thi đua): the secretariat forms blocks and opens each year (its steps: block-years.controller.ts).
 * Blocks are public within the engine (no personal data): every role may read them.
 */
@ApiTags('emulation blocks')
@ApiBearerAuth()
@OperationIdsOf('EmulationController')
@Controller('emulation-blocks')
export class EmulationBlocksController {
  constructor(
    private readonly emulation: EmulationService,
    private readonly queries: EmulationQueries,
  ) {}

  @Post()
  @Roles(...SECRETARIAT)
  @ApiCreatedResponse({ type: BlockViewDto })
  form(@CurrentActor() actor: Actor, @Body() dto: FormBlockDto): Promise<EmulationBlockView> {
    return this.emulation.formBlock(actor, dto);
  }

  @Get()
  @Roles(...ROLES)
  @ApiOkResponse({ type: [BlockViewDto] })
  list(): Promise<EmulationBlockView[]> {
    return this.queries.listBlocks();
  }

  @Get(':id')
  @Roles(...ROLES)
  @ApiOkResponse({ type: BlockWithYearsDto })
  get(@Param() p: BlockIdParam) {
    return this.emulation.block(p.id);
  }

  @Post(':id/years')
  @Roles(...SECRETARIAT)
  @ApiCreatedResponse({
    type: BlockYearViewDto,
    description: 'The block year, opened with its head and deputy by rotation',
  })
  openYear(
    @CurrentActor() actor: Actor,
    @Param() p: BlockIdParam,
    @Body() dto: OpenBlockYearDto,
  ): Promise<BlockYearView> {
    return this.emulation.openYear(actor, p.id, dto);
  }
}
