/**
 * The app's database role owns nothing (the run's DATABASE_URL is that role, as the API and the worker use it): on
 * the event and anchor tables it may INSERT and SELECT and nothing else — no UPDATE, DELETE or TRUNCATE, no ALTER
 * TABLE … DISABLE TRIGGER, no DROP TRIGGER, no replica mode — while the read models it reads and writes.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '@tdkt/domain';
import { Anchors } from './audit/anchor';
import { createDataSource } from './data-source';
import { DEFAULT_RUNTIME_ROLE } from './database-roles';
import { EventStore } from './event-store/event-store';

let ds: DataSource;
beforeAll(async () => {
  ds = await createDataSource(process.env.DATABASE_URL ?? '').initialize();
});
afterAll(async () => ds?.destroy());

const created = (dossierId: string = randomUUID()): EventEnvelope => ({
  streamId: dossierId,
  seq: 1,
  type: 'DossierCreated',
  data: {
    awardCode: 'BK_TINH',
    unitCode: 'SGDDT',
    title: 'Bằng khen',
    nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan' },
    achievements: 'Xuất sắc',
  },
  actorId: 'clerk-1',
  actorRole: 'UNIT_CLERK',
  occurredAt: '2025-07-02T03:00:00.000Z',
  ruleSetVersion: null,
  requestId: randomUUID(),
});

it('the run connects as the runtime role: no superuser, owner of no table', async () => {
  const [me] = (await ds.query(
    `SELECT current_user AS name, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
  )) as { name: string; rolsuper: boolean; rolbypassrls: boolean }[];
  expect(me).toEqual({
    name: process.env.TDKT_DB_RUNTIME_ROLE ?? DEFAULT_RUNTIME_ROLE,
    rolsuper: false,
    rolbypassrls: false,
  });
  const [{ n }] = (await ds.query(
    `SELECT count(*)::int AS n FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)`,
  )) as { n: number }[];
  expect(n).toBe(0);
});

it('INSERT works: an append stores the event and projects it into the read model', async () => {
  const event = created();
  expect(await new EventStore(ds).append([event])).toMatchObject({ appended: 1 });
  const [row] = (await ds.query(`SELECT status FROM dossier_view WHERE id = $1`, [event.streamId])) as {
    status: string;
  }[];
  expect(row.status).toBe('DRAFT');
});

describe('on the event table the runtime role is refused', () => {
  let id: string;
  beforeAll(async () => {
    id = created().streamId;
    await new EventStore(ds).append([created(id)]);
  });

  it.each([
    [
      'UPDATE',
      `UPDATE dossier_event SET actor_id = 'mallory' WHERE stream_id = $1`,
      [() => id],
      /permission denied for table dossier_event/,
    ],
    [
      'DELETE',
      `DELETE FROM dossier_event WHERE stream_id = $1`,
      [() => id],
      /permission denied for table dossier_event/,
    ],
    ['TRUNCATE', `TRUNCATE dossier_event`, [], /permission denied for table dossier_event/],
    [
      'ALTER TABLE … DISABLE TRIGGER',
      `ALTER TABLE dossier_event DISABLE TRIGGER dossier_event_no_update`,
      [],
      /must be owner of table dossier_event/,
    ],
    [
      'DROP TRIGGER',
      `DROP TRIGGER dossier_event_no_update ON dossier_event`,
      [],
      /must be owner of (table|relation) dossier_event/,
    ],
    ['DROP TABLE', `DROP TABLE dossier_event`, [], /must be owner of table dossier_event/],
    ['replica mode (triggers off)', `SET session_replication_role = replica`, [], /permission denied to set parameter/],
  ])('%s', async (_what, sql, params, refusal) => {
    await expect(
      ds.query(
        sql,
        params.map((p) => p()),
      ),
    ).rejects.toThrow(refusal);
    expect(await new EventStore(ds).count(id)).toBe(1);
  });

  it.each([
    ['UPDATE audit_anchor', `UPDATE audit_anchor SET streams = 0`],
    ['DELETE audit_anchor_head', `DELETE FROM audit_anchor_head`],
    ['TRUNCATE audit_anchor', `TRUNCATE audit_anchor_head, audit_anchor`],
    ['DISABLE TRIGGER on audit_anchor', `ALTER TABLE audit_anchor DISABLE TRIGGER ALL`],
  ])('and on the anchor tables: %s', async (_what, sql) => {
    await expect(ds.query(sql)).rejects.toThrow(/permission denied|must be owner/);
  });

  it('while it may write anchors (INSERT) like the worker does', async () => {
    const result = await new Anchors(ds).anchor({ wait: true });
    expect(result.anchor?.seq).toBeGreaterThan(0);
  });
});
