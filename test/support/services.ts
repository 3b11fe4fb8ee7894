/**
 * The API's services without HTTP, for service specs (`*.int.spec.ts` beside a service): a Nest testing module of the
 * platform's real providers (PlatformModule: the run's Postgres and Temporal dev server, from the runner's env) and the
 * services under test, with the real worker on a task queue of its own so spec files do not interfere. A spec calls
 * the use case directly and asserts what it returns, what it refuses and what it wrote.
 */
import { randomUUID } from 'node:crypto';
import type { ModuleMetadata, Provider } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { exampleBkTinhContent, Refused, type Actor, type DossierCommand, type Role } from '@tdkt/domain';
import { Directory, EventStore } from '@tdkt/persistence';
import { startWorker } from '../../apps/worker/src/worker';
import { PlatformModule } from '../../apps/api/src/platform/platform.module';
import { RuleSetResolver } from '../../apps/api/src/platform/rule-sets';
import { HolidayCalendarProvider } from '../../apps/api/src/platform/calendar';
import type { CreateDossierDto } from '../../apps/api/src/dossiers/dossier.dto';
import { cstdTinhContent } from './system';
import type { DossierCommandsService } from '../../apps/api/src/dossiers/dossier-commands.service';

export interface ServiceWorld {
  module: TestingModule;
  directory: Directory;
  events: EventStore;
  stop(): Promise<void>;
}

/**
 * The platform, the rule sets and the holiday calendar (what every command service injects), plus `providers`, and
 * `imports`: a feature module whose own providers the services need (e.g. AttachmentsModule's store and settings).
 */
export async function startServices(
  providers: Provider[],
  imports: NonNullable<ModuleMetadata['imports']> = [],
): Promise<ServiceWorld> {
  process.env.TEMPORAL_TASK_QUEUE = `svc-${randomUUID()}`;
  const worker = await startWorker();
  try {
    const module = await Test.createTestingModule({
      imports: [PlatformModule, ...imports],
      providers: [RuleSetResolver, HolidayCalendarProvider, ...providers],
    }).compile();
    await module.init();
    return {
      module,
      directory: module.get(Directory),
      events: module.get(EventStore),
      async stop() {
        await module.close();
        await worker.shutdown();
      },
    };
  } catch (e) {
    await worker.shutdown();
    throw e;
  }
}

/** A refusal as the API's error filter sees it, and who refused: the service itself, or the workflow it asked. */
export interface Refusal {
  by: 'service' | 'workflow';
  code: string;
  message: string;
  rule?: string;
  fields?: Record<string, string[]>;
  details?: Record<string, unknown>;
}

/** Awaits a call that must be refused; anything else (an answer, another error) fails the spec. */
export async function refusalOf(call: Promise<unknown>): Promise<Refusal> {
  const outcome = await call.then(
    (value: unknown) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a refusal, got an answer: ${JSON.stringify(outcome.value)}`);
  const e = outcome.error;
  if (e instanceof Refused)
    return {
      by: 'service',
      code: e.code,
      message: e.message,
      ...(e.rule ? { rule: e.rule } : {}),
      ...(e.fields ? { fields: e.fields } : {}),
      ...(e.details ? { details: e.details } : {}),
    };
  if (e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure) {
    const r = e.cause.details?.[0] as { rule?: string; details?: Record<string, unknown> } | undefined;
    return {
      by: 'workflow',
      code: e.cause.type ?? '',
      message: e.cause.message,
      ...(r?.rule ? { rule: r.rule } : {}),
      ...(r?.details ? { details: r.details } : {}),
    };
  }
  throw e;
}

/** A province of one's own: two agencies, their clerks and heads, the secretariat, a three-member council, the chairman. */
export interface Province {
  /** What makes its codes and ids its own; each person's full name is `<key> <tag>`, e.g. `clerk 1a2b3c4d`. */
  tag: string;
  code: string;
  unitCode: string;
  otherUnitCode: string;
  provinceUnitCode: string;
  as: Record<
    | 'clerk'
    | 'clerk2'
    | 'head'
    | 'otherClerk'
    | 'otherHead'
    | 'secretariat'
    | 'member1'
    | 'member2'
    | 'chair'
    | 'chairman',
    Actor
  >;
}

export async function seedProvince(directory: Directory, tag = randomUUID().slice(0, 8)): Promise<Province> {
  const code = `P-${tag}`;
  const [unitCode, otherUnitCode, provinceUnitCode] = [`U-${tag}`, `V-${tag}`, `UBND-${tag}`];
  await directory.upsertUnit({
    code: provinceUnitCode,
    name: `UBND tỉnh ${tag}`,
    level: 'PROVINCE',
    provinceCode: code,
  });
  await directory.upsertUnit({ code: unitCode, name: `Sở ${unitCode}`, level: 'AGENCY', provinceCode: code });
  await directory.upsertUnit({ code: otherUnitCode, name: `Sở ${otherUnitCode}`, level: 'AGENCY', provinceCode: code });
  const people: [keyof Province['as'], Role, string][] = [
    ['clerk', 'UNIT_CLERK', unitCode],
    ['clerk2', 'UNIT_CLERK', unitCode],
    ['head', 'UNIT_HEAD', unitCode],
    ['otherClerk', 'UNIT_CLERK', otherUnitCode],
    ['otherHead', 'UNIT_HEAD', otherUnitCode],
    ['secretariat', 'SECRETARIAT_OFFICER', provinceUnitCode],
    ['member1', 'COUNCIL_MEMBER', provinceUnitCode],
    ['member2', 'COUNCIL_MEMBER', provinceUnitCode],
    ['chair', 'COUNCIL_CHAIR', provinceUnitCode],
    ['chairman', 'PROVINCIAL_DECIDER', provinceUnitCode],
  ];
  const as = {} as Province['as'];
  for (const [key, role, unit] of people) {
    const id = `${key}-${tag}`;
    await directory.upsertUser({ id, username: `${key}.${tag}`, fullName: `${key} ${tag}`, role, unitCode: unit });
    as[key] = { userId: id, role, unitCode: unit };
  }
  return { tag, code, unitCode, otherUnitCode, provinceUnitCode, as };
}

export const evaluationYear = new Date().getUTCFullYear() - 1;

/**
 * A citizen id no other dossier of the run has: the award history matches nominees by it, so a shared one would let
 * another spec's award count against this nominee.
 */
export const aCitizenId = (): string =>
  `9${String(parseInt(randomUUID().replace(/-/g, '').slice(0, 10), 16) % 1e11).padStart(11, '0')}`;

/** A provincial Bằng khen for one person (a citizen id of its own), complete and eligible. */
export const aBkTinh = (overrides: Partial<CreateDossierDto> = {}): CreateDossierDto => ({
  awardCode: 'BK_TINH',
  title: 'Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh cho bà Nguyễn Thị Lan',
  nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan', position: 'Giáo viên', citizenId: aCitizenId() },
  achievements: 'Hoàn thành xuất sắc nhiệm vụ hai năm liên tục, Chiến sĩ thi đua cơ sở hai năm liền.',
  ...exampleBkTinhContent(evaluationYear),
  ...overrides,
});

/** A Chiến sĩ thi đua cấp tỉnh: its rule set puts it to a secret ballot (≥ 90% of all members). */
export function aCstdTinh(): CreateDossierDto {
  return aBkTinh(cstdTinhContent(evaluationYear) as Partial<CreateDossierDto>);
}

/** The provincial route after creation, as (who, command): the last step awards the dossier. */
export const PROVINCIAL_ROUTE: [keyof Province['as'], DossierCommand][] = [
  ['clerk', { type: 'SubmitDossier', data: {} }],
  ['head', { type: 'ApproveAtUnit', data: {} }],
  ['secretariat', { type: 'AcceptAppraisal', data: { councilMembers: [] } }],
  ['member1', { type: 'CastVote', data: { approve: true } }],
  ['member2', { type: 'CastVote', data: { approve: true } }],
  ['chair', { type: 'CastVote', data: { approve: true } }],
  ['chairman', { type: 'DecideDossier', data: { approve: true } }],
];

/** Creates a dossier of the province's unit and takes it `steps` steps along the provincial route (all: AWARDED). */
export async function driveDossier(
  commands: DossierCommandsService,
  p: Province,
  steps = PROVINCIAL_ROUTE.length,
  dto: CreateDossierDto = aBkTinh(),
): Promise<string> {
  const { id } = await commands.create(p.as.clerk, dto);
  for (const [who, command] of PROVINCIAL_ROUTE.slice(0, steps)) await commands.execute(p.as[who], id, command);
  return id;
}
