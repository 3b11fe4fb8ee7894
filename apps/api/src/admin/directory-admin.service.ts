import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  decideAssignSeat,
  decideDeactivateUser,
  decideEndSeat,
  decideOpenTerm,
  decideRecordUnit,
  decideRecordUser,
  Refused,
  vietnamDate,
  type Actor,
  type CouncilSeatRole,
  type Decision,
  type DirectoryEvent,
  type Rejection,
  type Role,
  type UnitKind,
} from '@tdkt/domain';
import {
  DirectoryAdmin,
  unitStreamId,
  userStreamId,
  type DirectoryHistoryEntry,
  type UnitRow,
  type UserRow,
} from '@tdkt/persistence';
import type {
  AssignSeatDto,
  CouncilSeatDto,
  CouncilTermDto,
  DeactivateUserDto,
  EndSeatBodyDto,
  OpenTermDto,
  RecordUnitDto,
  RecordUserDto,
} from './admin.dto';

/** A refusal as HTTP: a bad field is a 400 naming the field (`fields`), the rest as the one error map says. */
export function adminRefusal(r: Rejection): Refused {
  const field = typeof r.details?.field === 'string' ? r.details.field : undefined;
  if (r.code === 'INVALID' && field) return Refused.invalidField(field, r.message, r.rule);
  return Refused.of(r);
}

/** Today in Asia/Ho_Chi_Minh: the default day a deactivation or a seat's end takes effect. */
const today = () => vietnamDate(Date.now());

/**
 * The directory's administration use cases (units, people, council terms and seats): the facts the domain needs are
 * read, the domain decides, the events are appended to the entity's directory stream, and the answer is read back
 * from the directory tables the append has updated.
 */
@Injectable()
export class DirectoryAdminService {
  constructor(private readonly admin: DirectoryAdmin) {}

  /** Appends what the domain decided to the entity's directory stream, or throws its refusal. */
  private async apply(streamId: string, decision: Decision<DirectoryEvent[]>, actor: Actor): Promise<void> {
    if (!decision.ok) throw adminRefusal(decision.rejection);
    await this.admin.append(streamId, decision.value, actor, randomUUID());
  }

  async recordUnit(actor: Actor, dto: RecordUnitDto): Promise<UnitRow> {
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

  async unitHistory(code: string): Promise<DirectoryHistoryEntry[]> {
    if (!(await this.admin.unit(code))) throw Refused.notFound(`Unit ${code} not found`);
    return this.admin.history(unitStreamId(code));
  }

  async recordUser(actor: Actor, dto: RecordUserDto): Promise<UserRow> {
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

  async deactivateUser(actor: Actor, id: string, dto: DeactivateUserDto): Promise<UserRow> {
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

  async userHistory(id: string): Promise<DirectoryHistoryEntry[]> {
    if (!(await this.admin.user(id))) throw Refused.notFound(`User ${id} not found`);
    return this.admin.history(userStreamId(id));
  }

  async openTerm(actor: Actor, dto: OpenTermDto): Promise<CouncilTermDto> {
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

  async assignSeat(actor: Actor, termId: string, dto: AssignSeatDto): Promise<CouncilSeatDto> {
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

  async endSeat(actor: Actor, termId: string, dto: EndSeatBodyDto): Promise<CouncilSeatDto> {
    if (!(await this.admin.term(termId))) throw Refused.notFound(`Council term ${termId} not found`);
    const seat = (await this.admin.seats(termId)).find((s) => s.userId === dto.userId);
    const facts = { ...(seat ? { seat } : {}), openBallots: await this.admin.openBallots(dto.userId) };
    const end = { termId, userId: dto.userId, on: dto.on ?? today(), reason: dto.reason };
    await this.apply(termId, decideEndSeat(facts, end, actor), actor);
    return (await this.admin.seats(termId)).find((s) => s.userId === dto.userId)!;
  }

  async termHistory(termId: string): Promise<DirectoryHistoryEntry[]> {
    if (!(await this.admin.term(termId))) throw Refused.notFound(`Council term ${termId} not found`);
    return this.admin.history(termId);
  }
}
