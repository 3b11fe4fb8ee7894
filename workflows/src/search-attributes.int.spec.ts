/**
 * Operators find dossier workflows in the Temporal Web UI by stage, award, unit and level; no personal data goes
 * into search attributes (the nominee's name, citizen id and birth date stay in the event table).
 */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { exampleBkTinhContent } from '@tdkt/domain';
import { createDataSource, DecisionNumbers, eventStoreWithReadModels } from '@tdkt/persistence';
import { createDossierActivities } from '../../apps/worker/src/activities';
import { dossierCommandUpdate, dossierWorkflowId } from './messages';
import { devServerWorker } from '../../test/support/dev-server-worker';

let ds: DataSource;
beforeAll(async () => {
  ds = await createDataSource(process.env.DATABASE_URL ?? '').initialize();
});
afterAll(async () => ds?.destroy());

it('a dossier workflow carries TdktStage, TdktAwardCode, TdktUnitCode and TdktLevel, kept across stage changes, and nothing personal', async () => {
  const { client, worker, taskQueue, close } = await devServerWorker(
    'sa',
    createDossierActivities({
      eventStore: eventStoreWithReadModels(ds),
      decisionNumbers: new DecisionNumbers(ds),
    }),
  );
  const dossierId = randomUUID();
  await worker.runUntil(async () => {
    const handle = await client.workflow.start('dossierWorkflow', {
      taskQueue,
      workflowId: dossierWorkflowId(dossierId),
      args: [{ dossierId, indexSearchAttributes: true }],
    });
    const nominee = {
      kind: 'INDIVIDUAL' as const,
      fullName: 'Nguyễn Thị Lan',
      citizenIdHash: 'f'.repeat(64),
      birthDate: '1985-04-12',
    };
    await handle.executeUpdate(dossierCommandUpdate, {
      args: [
        {
          actor: { userId: 'c1', role: 'UNIT_CLERK', unitCode: 'SGDDT' },
          requestId: randomUUID(),
          command: {
            type: 'CreateDossier',
            data: {
              awardCode: 'BK_TINH',
              unitCode: 'SGDDT',
              title: 'Bằng khen',
              nominee,
              achievements: 'Xuất sắc',
              ...exampleBkTinhContent(2025),
            },
          },
        },
      ],
    });
    const { searchAttributes } = await handle.describe();
    expect(searchAttributes).toMatchObject({
      TdktStage: ['DRAFT'],
      TdktAwardCode: ['BK_TINH'],
      TdktUnitCode: ['SGDDT'],
      TdktLevel: ['PROVINCIAL'],
    });
    const all = JSON.stringify(searchAttributes);
    for (const personal of ['Nguyễn Thị Lan', 'f'.repeat(64), '1985-04-12']) expect(all).not.toContain(personal);
    // A stage change upserts the stage alone; the award, unit and level set at creation stay.
    await handle.executeUpdate(dossierCommandUpdate, {
      args: [
        {
          actor: { userId: 'c1', role: 'UNIT_CLERK', unitCode: 'SGDDT' },
          requestId: randomUUID(),
          command: { type: 'SubmitDossier', data: {} },
        },
      ],
    });
    expect((await handle.describe()).searchAttributes).toMatchObject({
      TdktStage: ['UNIT_REVIEW'],
      TdktAwardCode: ['BK_TINH'],
      TdktUnitCode: ['SGDDT'],
      TdktLevel: ['PROVINCIAL'],
    });
    await handle.terminate('test done');
  });
  await close();
});
