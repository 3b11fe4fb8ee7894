/**
 * Poison input never freezes a dossier: data the database refuses (a NUL character, SQLSTATE 22P05/22021) fails the
 * append at once instead of retrying for ever, the workflow refuses the command (RULE_VIOLATION, the API's 422), and
 * the dossier takes the next command. The update goes straight to Temporal, past the API's DTO validation.
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { dossierCommandUpdate, dossierStateQuery, dossierWorkflowId } from '@tdkt/workflows/src/messages';
import { aBkTinhDossier, http, seedCast, startSystem, tokensFor, type Cast, type TestSystem } from '../support/system';
import { dataConverterFromEnv } from '@tdkt/platform';

let sys: TestSystem;
let cast: Cast;
let connection: Connection;
let client: Client;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  sys = await startSystem();
  cast = await seedCast(sys);
  Object.assign(tokens, await tokensFor(sys, cast));
  connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  client = new Client({ connection, dataConverter: dataConverterFromEnv() });
}, 120_000);
afterAll(async () => {
  await connection?.close();
  await sys?.stop();
});

async function refusal(work: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return cause as ApplicationFailure;
}

it('a NUL character in a command is refused at once, nothing is written, and the dossier takes the next command', async () => {
  const created = await http<{ id: string; version: number }>(sys, 'POST', '/dossiers', {
    token: tokens.clerk,
    body: aBkTinhDossier(),
  });
  expect(created.status).toBe(201);
  const handle = client.workflow.getHandle(dossierWorkflowId(created.body.id));
  const clerk = { userId: cast.users.clerk.id, role: 'UNIT_CLERK' as const, unitCode: cast.unitCode };

  const started = Date.now();
  const failure = await refusal(
    handle.executeUpdate(dossierCommandUpdate, {
      args: [
        {
          command: { type: 'UpdateDossierContent', data: { title: 'Đề nghị\u0000 tặng Bằng khen' } },
          actor: clerk,
          requestId: randomUUID(),
        },
      ],
    }),
  );
  // Not after a retry schedule: the first attempt's data error ends it (the activity retries every ≤30 s otherwise).
  expect(Date.now() - started).toBeLessThan(15_000);
  expect(failure.type).toBe('RULE_VIOLATION');
  expect(failure.details?.[0]).toMatchObject({ code: 'RULE_VIOLATION', rule: 'event-store.storable-data' });
  expect(failure.message).toMatch(/SQLSTATE 22/);

  // Nothing was appended or evolved: the workflow's state and the read model are where they were.
  expect((await handle.query(dossierStateQuery)).seq).toBe(created.body.version);
  const [{ n }] = (await sys.db.query(`SELECT count(*)::int AS n FROM dossier_event WHERE stream_id = $1`, [
    created.body.id,
  ])) as { n: number }[];
  expect(n).toBe(created.body.version);

  const next = await http<{ status: string; version: number; title: string }>(
    sys,
    'PUT',
    `/dossiers/${created.body.id}/content`,
    { token: tokens.clerk, body: { title: 'Đề nghị tặng Bằng khen (sửa)' } },
  );
  expect(next.status).toBe(200);
  expect(next.body).toMatchObject({ version: created.body.version + 1, title: 'Đề nghị tặng Bằng khen (sửa)' });
  const submitted = await http<{ status: string }>(sys, 'POST', `/dossiers/${created.body.id}/submit`, {
    token: tokens.clerk,
    body: {},
  });
  expect(submitted.body.status).toBe('UNIT_REVIEW');
});
