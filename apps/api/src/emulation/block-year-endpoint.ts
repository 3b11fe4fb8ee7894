import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { Role } from '@tdkt/domain';
import { Roles } from '../auth/auth.guard';
import { BlockYearViewDto } from './emulation.dto';

export const SECRETARIAT = ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD'] as const;
/** The block's own officers act through their unit head (the domain checks which unit: head, deputy, the member itself). */
export const BLOCK_OFFICERS = ['UNIT_HEAD', ...SECRETARIAT] as const;

/** A step of a block year, for the roles named: 200 with the block year as it now stands. */
export const BlockYearStep = (roles: readonly Role[], description?: string) =>
  applyDecorators(
    HttpCode(200),
    Roles(...roles),
    ApiOkResponse(description ? { type: BlockYearViewDto, description } : { type: BlockYearViewDto }),
  );
