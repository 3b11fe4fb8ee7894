import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ROLES, type Actor } from '@tdkt/domain';
import { EmulationQueries, EventStore, type BlockYearView, type EmulationBlockView } from '@tdkt/persistence';
import { historyEntry } from '../audit/history';
import { CurrentActor, Roles } from '../auth/auth.guard';
import {
  BlockIdParam,
  BlockViewDto,
  BlockWithYearsDto,
  BlockYearIdParam,
  BlockYearViewDto,
  FlagProposalsDto,
  FormBlockDto,
  OpenBlockYearDto,
  OpenSelfAssessmentDto,
  PledgeDto,
  ProposalDossiersResultDto,
  ScoreAdjustmentDto,
  ScoringTemplateDto,
  SelfAssessmentDto,
} from './emulation.dto';
import { EmulationService } from './emulation.service';

const SECRETARIAT = ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD'] as const;
/** The block's own officers act through their unit head (the domain checks which unit: head, deputy, the member itself). */
const BLOCK_OFFICERS = ['UNIT_HEAD', ...SECRETARIAT] as const;

/**
 * Emulation blocks (khối thi đua) and their years: the secretariat forms blocks and opens each year; members adopt
 * the template, sign pledges, assess themselves, cross-review, rank and propose through the block-year workflow.
 * Blocks and rankings are public within the engine (no personal data): every role may read them.
 */
@ApiTags('emulation blocks')
@ApiBearerAuth()
@Controller()
export class EmulationController {
  constructor(
    private readonly emulation: EmulationService,
    private readonly queries: EmulationQueries,
    private readonly events: EventStore,
  ) {}

  @Post('emulation-blocks')
  @Roles(...SECRETARIAT)
  @ApiCreatedResponse({ type: BlockViewDto })
  form(@CurrentActor() actor: Actor, @Body() dto: FormBlockDto): Promise<EmulationBlockView> {
    return this.emulation.formBlock(actor, dto);
  }

  @Get('emulation-blocks')
  @Roles(...ROLES)
  @ApiOkResponse({ type: [BlockViewDto] })
  list(): Promise<EmulationBlockView[]> {
    return this.queries.listBlocks();
  }

  @Get('emulation-blocks/:id')
  @Roles(...ROLES)
  @ApiOkResponse({ type: BlockWithYearsDto })
  get(@Param() p: BlockIdParam) {
    return this.emulation.block(p.id);
  }

  @Post('emulation-blocks/:id/years')
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

  @Get('block-years/:id')
  @Roles(...ROLES)
  @ApiOkResponse({ type: BlockYearViewDto })
  year(@Param() p: BlockYearIdParam): Promise<BlockYearView> {
    return this.emulation.mustFindYear(p.id);
  }

  @Get('block-years/:id/history')
  @Roles(...ROLES)
  async history(@Param() p: BlockYearIdParam) {
    await this.emulation.mustFindYear(p.id);
    return (await this.events.readStream(p.id)).map(historyEntry);
  }

  @Post('block-years/:id/template')
  @HttpCode(200)
  @Roles(...BLOCK_OFFICERS)
  @ApiOkResponse({ type: BlockYearViewDto })
  template(
    @CurrentActor() actor: Actor,
    @Param() p: BlockYearIdParam,
    @Body() dto: ScoringTemplateDto,
  ): Promise<BlockYearView> {
    return this.emulation.run(actor, p.id, {
      type: 'AdoptTemplate',
      data: { criteria: dto.criteria.map((c) => ({ ...c })), maxBonus: dto.maxBonus, maxPenalty: dto.maxPenalty },
    });
  }

  @Post('block-years/:id/template-approval')
  @HttpCode(200)
  @Roles(...SECRETARIAT)
  @ApiOkResponse({
    type: BlockYearViewDto,
    description: 'Approved by the secretariat on behalf of the provincial council',
  })
  approve(@CurrentActor() actor: Actor, @Param() p: BlockYearIdParam): Promise<BlockYearView> {
    return this.emulation.run(actor, p.id, { type: 'ApproveTemplate', data: {} });
  }

  @Post('block-years/:id/pledges')
  @HttpCode(200)
  @Roles(...BLOCK_OFFICERS)
  @ApiOkResponse({ type: BlockYearViewDto })
  pledge(@CurrentActor() actor: Actor, @Param() p: BlockYearIdParam, @Body() dto: PledgeDto): Promise<BlockYearView> {
    return this.emulation.run(actor, p.id, { type: 'SignPledge', data: { unitCode: dto.unitCode } });
  }

  @Post('block-years/:id/self-assessment-opening')
  @HttpCode(200)
  @Roles(...BLOCK_OFFICERS)
  @ApiOkResponse({ type: BlockYearViewDto })
  openSelfAssessment(
    @CurrentActor() actor: Actor,
    @Param() p: BlockYearIdParam,
    @Body() dto: OpenSelfAssessmentDto,
  ): Promise<BlockYearView> {
    return this.emulation.run(actor, p.id, {
      type: 'OpenSelfAssessment',
      data: dto.workingDays === undefined ? {} : { workingDays: dto.workingDays },
    });
  }

  @Post('block-years/:id/self-assessments')
  @HttpCode(200)
  @Roles('UNIT_CLERK', 'UNIT_HEAD')
  @ApiOkResponse({ type: BlockYearViewDto })
  selfAssess(
    @CurrentActor() actor: Actor,
    @Param() p: BlockYearIdParam,
    @Body() dto: SelfAssessmentDto,
  ): Promise<BlockYearView> {
    return this.emulation.run(actor, p.id, {
      type: 'SubmitSelfAssessment',
      data: {
        unitCode: dto.unitCode,
        scores: dto.scores.map((s) => ({ ...s })),
        bonus: dto.bonus,
        penalty: dto.penalty,
      },
    });
  }

  @Post('block-years/:id/self-assessment-closing')
  @HttpCode(200)
  @Roles(...SECRETARIAT)
  @ApiOkResponse({
    type: BlockYearViewDto,
    description: 'Closes the self-assessment before its deadline (the engine closes it at the deadline)',
  })
  closeSelfAssessment(@CurrentActor() actor: Actor, @Param() p: BlockYearIdParam): Promise<BlockYearView> {
    return this.emulation.run(actor, p.id, { type: 'CloseSelfAssessment', data: {} });
  }

  @Post('block-years/:id/adjustments')
  @HttpCode(200)
  @Roles(...BLOCK_OFFICERS)
  @ApiOkResponse({ type: BlockYearViewDto })
  adjust(
    @CurrentActor() actor: Actor,
    @Param() p: BlockYearIdParam,
    @Body() dto: ScoreAdjustmentDto,
  ): Promise<BlockYearView> {
    return this.emulation.run(actor, p.id, {
      type: 'AdjustScore',
      data: { unitCode: dto.unitCode, target: dto.target, points: dto.points, reason: dto.reason },
    });
  }

  @Post('block-years/:id/ranking')
  @HttpCode(200)
  @Roles(...BLOCK_OFFICERS)
  @ApiOkResponse({ type: BlockYearViewDto })
  rank(@CurrentActor() actor: Actor, @Param() p: BlockYearIdParam): Promise<BlockYearView> {
    return this.emulation.run(actor, p.id, { type: 'RankBlock', data: {} });
  }

  @Post('block-years/:id/flag-proposals')
  @HttpCode(200)
  @Roles(...BLOCK_OFFICERS)
  @ApiOkResponse({ type: BlockYearViewDto, description: "The proposals with the block meeting's vote, recorded" })
  @ApiUnprocessableEntityResponse({
    description:
      'Refused by the block regulation: quota (block.flag-quota), ranking (block.flag-leading), quorum (block.vote-quorum), majority (block.vote-majority)',
  })
  propose(
    @CurrentActor() actor: Actor,
    @Param() p: BlockYearIdParam,
    @Body() dto: FlagProposalsDto,
  ): Promise<BlockYearView> {
    return this.emulation.proposeFlags(actor, p.id, dto);
  }

  @Post('block-years/:id/proposals/dossiers')
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
  proposalDossiers(@CurrentActor() actor: Actor, @Param() p: BlockYearIdParam) {
    return this.emulation.proposalDossiers(actor, p.id);
  }

  @Post('block-years/:id/closure')
  @HttpCode(200)
  @Roles(...SECRETARIAT)
  @ApiOkResponse({ type: BlockYearViewDto })
  close(@CurrentActor() actor: Actor, @Param() p: BlockYearIdParam): Promise<BlockYearView> {
    return this.emulation.run(actor, p.id, { type: 'CloseBlockYear', data: {} });
  }
}
