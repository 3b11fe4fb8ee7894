import { randomUUID } from 'node:crypto';
import { Body, Controller, ForbiddenException, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import type { DataSource } from 'typeorm';
import { mayVoidSeries, type Actor } from '@tdkt/domain';
import { Directory, DecisionRegister, EventStore, type Register } from '@tdkt/persistence';
import { CurrentActor, Roles } from '../auth/auth.guard';
import { IDEMPOTENCY, IdempotencyKey } from '../platform/idempotency-key';
import { refusal } from '../platform/errors';
import { DATA_SOURCE } from '../platform/tokens';
import { outOfScope } from '../platform/denials';


export class RegisterQuery {
  @ApiProperty({ example: 'PROVINCIAL_CHAIRMAN:HN', description: "The issuing authority's series, as the allocations name it" })
  @IsString()
  @Length(1, 200)
  authority!: string;
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2200) year!: number;
}

export class VoidNumberDto extends RegisterQuery {
  @ApiProperty({ example: 13, description: 'The number in the series (13 of "13/QĐ-UBND")' }) @IsInt() @Min(1) number!: number;
  @ApiProperty({ example: 'Số đã cấp nhưng quyết định không ban hành' }) @IsString() @Length(3, 1000) reason!: string;
}

/**
 * The decision register (sổ quyết định) per issuing authority and year: allocated numbers, the dossiers each decision
 * awarded, voided numbers. Voiding is an event in the register's stream, never a deletion; the number stays used.
 * Voiding runs in one Postgres transaction of its own (checks and event together), not through a workflow.
 */
@ApiTags('decisions')
@ApiBearerAuth()
@Controller('decisions')
export class DecisionsController {
  private readonly register: DecisionRegister;

  constructor(
    @Inject(DATA_SOURCE) dataSource: DataSource,
    eventStore: EventStore,
    private readonly directory: Directory,
  ) {
    this.register = new DecisionRegister(dataSource, eventStore);
  }

  @Get()
  @Roles('SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD', 'PROVINCIAL_DECIDER', 'AUDITOR', 'ADMINISTRATOR')
  list(@Query() q: RegisterQuery): Promise<Register> {
    return this.register.list(q.authority, q.year);
  }

  @Post('void')
  @HttpCode(200)
  @Roles('PROVINCIAL_DECIDER', 'ADMINISTRATOR')
  @IDEMPOTENCY
  async void(@CurrentActor() actor: Actor, @Body() b: VoidNumberDto, @IdempotencyKey() k?: string): Promise<Register> {
    if (!mayVoidSeries(actor, b.authority)) throw new ForbiddenException(`${actor.role} may void numbers of the provincial chairman's series only`);
    // A provincial chairman voids numbers of his own province's series only.
    if (actor.role === 'PROVINCIAL_DECIDER') {
      const province = actor.unitCode ? await this.directory.provinceOf(actor.unitCode) : undefined;
      if (b.authority !== `PROVINCIAL_CHAIRMAN:${province}`) throw outOfScope(actor, `series ${b.authority}`);
    }
    const result = await this.register.void({ authority: b.authority, year: b.year, number: b.number, reason: b.reason, actor, requestId: k ? `${actor.userId}:${k}` : randomUUID() });
    if (!result.ok) throw refusal(result.rejection);
    return result.register;
  }
}
