import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ROLES, type Actor } from '@tdkt/domain';
import { EventStore, type BlockYearView } from '@tdkt/persistence';
import { historyEntry } from '../audit/history';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { OperationIdsOf } from '../platform/openapi';
import { BLOCK_OFFICERS, BlockYearStep, SECRETARIAT } from './block-year-endpoint';
import {
  BlockYearIdParam,
  BlockYearViewDto,
  FlagProposalsDto,
  MidYearCheckDto,
  OpenSelfAssessmentDto,
  PledgeDto,
  ProposalDossiersResultDto,
  ScoreAdjustmentDto,
  ScoringTemplateDto,
  SelfAssessmentDto,
} from './emulation.dto';
import { EmulationService } from './emulation.service';
import {
  adjustmentCommand,
  midYearCheckCommand,
  openSelfAssessmentCommand,
  selfAssessmentCommand,
  templateCommand,
} from './block-year-commands';

/**
 * An emulation block's year: members adopt the template, sign pledges, assess themselves, cross-review, rank and
 * propose through the block-year workflow. Rankings are public within the engine (no personal data).
 */
@ApiTags('emulation blocks')
@ApiBearerAuth()
@OperationIdsOf('EmulationController')
@Controller('block-years')
export class BlockYearsController {
  constructor(
    private readonly emulation: EmulationService,
    private readonly events: EventStore,
  ) {}

  @Get(':id')
  @Roles(...ROLES)
  @ApiOkResponse({ type: BlockYearViewDto })
  year(@Param() p: BlockYearIdParam): Promise<BlockYearView> {
    return this.emulation.mustFindYear(p.id);
  }

  @Get(':id/history')
  @Roles(...ROLES)
  async history(@Param() p: BlockYearIdParam) {
    await this.emulation.mustFindYear(p.id);
    return (await this.events.readStream(p.id)).map(historyEntry);
  }

  @Post(':id/template')
  @BlockYearStep(BLOCK_OFFICERS)
  template(
    @CurrentActor() a: Actor,
    @Param() p: BlockYearIdParam,
    @Body() b: ScoringTemplateDto,
  ): Promise<BlockYearView> {
    return this.emulation.run(a, p.id, templateCommand(b));
  }

  @Post(':id/template-approval')
  @BlockYearStep(SECRETARIAT, 'Approved by the secretariat on behalf of the provincial council')
  approve(@CurrentActor() a: Actor, @Param() p: BlockYearIdParam): Promise<BlockYearView> {
    return this.emulation.run(a, p.id, { type: 'ApproveTemplate', data: {} });
  }

  @Post(':id/pledges')
  @BlockYearStep(BLOCK_OFFICERS)
  pledge(@CurrentActor() a: Actor, @Param() p: BlockYearIdParam, @Body() b: PledgeDto): Promise<BlockYearView> {
    return this.emulation.run(a, p.id, { type: 'SignPledge', data: { unitCode: b.unitCode } });
  }

  @Post(':id/mid-year-check')
  @BlockYearStep(
    BLOCK_OFFICERS,
    'The mid-year check (sơ kết 6 tháng) recorded, once every pledge is signed and before the self-assessment opens; again in that phase, it replaces the earlier record. Optional: the self-assessment opens without it',
  )
  midYearCheck(
    @CurrentActor() a: Actor,
    @Param() p: BlockYearIdParam,
    @Body() b: MidYearCheckDto,
  ): Promise<BlockYearView> {
    return this.emulation.run(a, p.id, midYearCheckCommand(b));
  }

  @Post(':id/self-assessment-opening')
  @BlockYearStep(BLOCK_OFFICERS)
  openSelfAssessment(@CurrentActor() a: Actor, @Param() p: BlockYearIdParam, @Body() b: OpenSelfAssessmentDto) {
    return this.emulation.run(a, p.id, openSelfAssessmentCommand(b));
  }

  @Post(':id/self-assessments')
  @BlockYearStep(['UNIT_CLERK', 'UNIT_HEAD'])
  selfAssess(
    @CurrentActor() a: Actor,
    @Param() p: BlockYearIdParam,
    @Body() b: SelfAssessmentDto,
  ): Promise<BlockYearView> {
    return this.emulation.run(a, p.id, selfAssessmentCommand(b));
  }

  @Post(':id/self-assessment-closing')
  @BlockYearStep(SECRETARIAT, 'Closes the self-assessment before its deadline (the engine closes it at the deadline)')
  closeSelfAssessment(@CurrentActor() a: Actor, @Param() p: BlockYearIdParam): Promise<BlockYearView> {
    return this.emulation.run(a, p.id, { type: 'CloseSelfAssessment', data: {} });
  }

  @Post(':id/adjustments')
  @BlockYearStep(BLOCK_OFFICERS)
  adjust(
    @CurrentActor() a: Actor,
    @Param() p: BlockYearIdParam,
    @Body() b: ScoreAdjustmentDto,
  ): Promise<BlockYearView> {
    return this.emulation.run(a, p.id, adjustmentCommand(b));
  }

  @Post(':id/ranking')
  @BlockYearStep(BLOCK_OFFICERS)
  rank(@CurrentActor() a: Actor, @Param() p: BlockYearIdParam): Promise<BlockYearView> {
    return this.emulation.run(a, p.id, { type: 'RankBlock', data: {} });
  }

  @Post(':id/flag-proposals')
  @BlockYearStep(BLOCK_OFFICERS, "The proposals with the block meeting's vote, recorded")
  @ApiUnprocessableEntityResponse({
    description:
      'Refused by the block regulation: quota (block.flag-quota), ranking (block.flag-leading), quorum (block.vote-quorum), majority (block.vote-majority)',
  })
  propose(@CurrentActor() a: Actor, @Param() p: BlockYearIdParam, @Body() b: FlagProposalsDto): Promise<BlockYearView> {
    return this.emulation.proposeFlags(a, p.id, b);
  }

  @Post(':id/proposals/dossiers')
  @HttpCode(200)
  @Roles('UNIT_CLERK')
  @ApiOkResponse({
    type: ProposalDossiersResultDto,
    description:
      "The caller's unit's proposals as DRAFT nomination dossiers (Cờ thi đua of the province and, where proposed, of the Government), pre-filled from the block year and recorded on it; again: the same dossiers",
  })
  @ApiConflictResponse({ description: 'The block meeting has not proposed yet, or the block year is closed' })
  @ApiUnprocessableEntityResponse({
    description: 'The unit was not proposed by the block meeting (rule block.proposal-dossier-proposed)',
  })
  proposalDossiers(@CurrentActor() a: Actor, @Param() p: BlockYearIdParam) {
    return this.emulation.proposalDossiers(a, p.id);
  }

  @Post(':id/closure')
  @BlockYearStep(SECRETARIAT)
  close(@CurrentActor() a: Actor, @Param() p: BlockYearIdParam): Promise<BlockYearView> {
    return this.emulation.run(a, p.id, { type: 'CloseBlockYear', data: {} });
  }
}
