import { useEffect, useState } from 'react';
import { Alert, Button, Collapse, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { upload, type AdminJob, type DirectoryImportReport, type DirectoryImportStarted } from '../../api/admin';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { refusalMessage } from '../../i18n/rules';

type RowError = Omit<DirectoryImportReport['errors'][number], 'sheet'> & { sheet: string };
type Row = DirectoryImportReport['rows'][number];

/** A DIRECTORY_IMPORT job's result: the import's report (the job's schema leaves its result open). */
const isImportReport = (r: unknown): r is DirectoryImportReport =>
  !!r && typeof r === 'object' && 'imported' in r && 'rows' in r && Array.isArray(r.rows);

/** The row errors of a report, or of a refused real import (its details), in the reader's language. */
export function RowErrors({ errors }: { errors: readonly RowError[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table<RowError>
      size="small"
      data-testid="import-errors"
      rowKey={(e) => `${e.sheet}:${e.row}:${e.column}:${e.rule}`}
      dataSource={[...errors]}
      pagination={errors.length > 50 ? { pageSize: 50 } : false}
      columns={[
        {
          title: t('admin.import.sheetCol'),
          dataIndex: 'sheet',
          render: (s: string) => t(`admin.import.${s}`, { defaultValue: s }),
        },
        { title: t('admin.import.row'), dataIndex: 'row' },
        {
          title: t('admin.import.column'),
          dataIndex: 'column',
          render: (c: string) => t(`admin.import.field.${c}`, { defaultValue: c }),
        },
        {
          title: t('admin.import.message'),
          render: (_: unknown, e) => <span title={e.message}>{refusalMessage(e.rule, e.message, i18n.language)}</span>,
        },
      ]}
    />
  );
}

/**
 * Bulk import of units and users: a dry run lists every row error (nothing is written); the import is offered once a
 * dry run of the same file found none. The import runs as an admin job (202): its status is polled until it ends,
 * showing rows written / total, then the rows imported (one change per row in each unit's and user's history) or why
 * nothing was.
 */
export function DirectoryImport() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState<'' | 'units' | 'users'>('');
  const [checked, setChecked] = useState<{ file: File; report: DirectoryImportReport } | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: (dryRun: boolean) =>
      upload<DirectoryImportReport | DirectoryImportStarted>('/api/admin/directory-imports', {
        file: file as File,
        dryRun: String(dryRun),
        ...(sheet ? { sheet } : {}),
      }),
    onSuccess: (answer) => {
      if ('jobId' in answer) setJobId(answer.jobId);
      else setChecked({ file: file as File, report: answer });
    },
  });
  const job = useQuery({
    queryKey: ['admin', 'directory-import-job', jobId],
    enabled: !!jobId,
    queryFn: () =>
      unwrap(api.GET('/api/admin/jobs/{id}', { params: { path: { id: jobId ?? '' } } })) as Promise<AdminJob>,
    refetchInterval: (q) => (!q.state.data || (q.state.data.status === 'RUNNING' && !q.state.data.stale) ? 500 : false),
  });
  const ended = job.data && (job.data.status !== 'RUNNING' || job.data.stale) ? job.data : undefined;
  // The lists of units and users show the imported rows once the job has written them.
  useEffect(() => {
    if (ended?.status === 'SUCCEEDED') void queryClient.invalidateQueries({ queryKey: ['admin'] });
  }, [ended?.status, queryClient]);
  const report = run.data && !('jobId' in run.data) ? run.data : undefined;
  const imported = ended?.status === 'SUCCEEDED' && isImportReport(ended.result) ? ended.result : undefined;
  const refusedErrors =
    run.error instanceof ApiError
      ? ((run.error.body.details as { errors?: RowError[] } | undefined)?.errors ?? [])
      : [];
  const clean = checked?.file === file && checked.report.errors.length === 0 && checked.report.rows.length > 0;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Collapse
        size="small"
        items={[
          {
            key: 'columns',
            label: t('admin.import.columnsTitle'),
            children: (
              <>
                <p>{t('admin.import.columnsUnits')}</p>
                <p>{t('admin.import.columnsUsers')}</p>
                <p>{t('admin.import.columnsCsv')}</p>
              </>
            ),
          },
        ]}
      />
      <Space wrap align="end">
        <Space direction="vertical" size={2}>
          <label htmlFor="directory-file">{t('admin.import.file')}</label>
          <input
            id="directory-file"
            type="file"
            accept=".xlsx,.csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              run.reset();
              setJobId(null);
            }}
          />
        </Space>
        <Space direction="vertical" size={2}>
          <label htmlFor="directory-sheet">{t('admin.import.sheet')}</label>
          <Select
            id="directory-sheet"
            style={{ width: 320 }}
            value={sheet}
            onChange={setSheet}
            options={[
              { value: '', label: t('admin.import.auto') },
              { value: 'units', label: t('admin.import.units') },
              { value: 'users', label: t('admin.import.users') },
            ]}
          />
        </Space>
        <Button
          disabled={!file}
          loading={run.isPending && run.variables}
          onClick={() => run.mutate(true)}
          data-testid="directory-dry-run"
        >
          {t('admin.import.dryRun')}
        </Button>
        <Button
          type="primary"
          disabled={!clean || (!!job.data && ended?.status !== 'FAILED')}
          loading={(run.isPending && !run.variables) || (!!job.data && !ended)}
          onClick={() => run.mutate(false)}
          data-testid="directory-import"
        >
          {t('admin.import.run')}
        </Button>
      </Space>
      <ApiErrorAlert error={run.error ?? job.error} />
      {refusedErrors.length ? <RowErrors errors={refusedErrors} /> : null}
      {report?.dryRun ? (
        <>
          <Alert
            data-testid="dry-run-result"
            type={report.errors.length ? 'error' : 'success'}
            showIcon
            title={t('admin.import.dryRunDone', { rows: report.rows.length, errors: report.errors.length })}
            description={report.errors.length ? t('admin.import.errorsTitle') : t('admin.import.noErrors')}
          />
          {report.errors.length ? (
            <RowErrors errors={report.errors} />
          ) : (
            <ImportRows title={t('admin.import.rowsTitle')} rows={report.rows} />
          )}
        </>
      ) : null}
      {job.data ? <ImportJob job={job.data} /> : null}
      {imported ? (
        <>
          <Alert
            data-testid="import-done"
            type="success"
            showIcon
            title={t('admin.import.imported', { count: imported.imported })}
          />
          {imported.errors.length ? <RowErrors errors={imported.errors} /> : null}
          <ImportRows title={t('admin.import.importedTitle')} rows={imported.rows} />
        </>
      ) : null}
    </Space>
  );
}

/** The import's job as its status endpoint tells it: rows written so far of the file's rows, then how it ended. */
function ImportJob({ job }: { job: AdminJob }) {
  const { t } = useTranslation();
  const status = job.stale ? 'FAILED' : (job.status as 'RUNNING' | 'SUCCEEDED' | 'FAILED');
  const total = job.total ?? 0;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="directory-job" data-status={status}>
      {status === 'RUNNING' ? <Typography.Text type="secondary">{t('admin.import.job')}</Typography.Text> : null}
      <Space>
        <Tag color={status === 'FAILED' ? 'red' : status === 'RUNNING' ? 'blue' : 'green'}>
          {t(`admin.import.jobStatus.${status}`)}
        </Tag>
        <span data-testid="directory-job-progress">{t('admin.import.jobProgress', { done: job.done, total })}</span>
      </Space>
      <Progress
        percent={total ? Math.round((100 * job.done) / total) : 0}
        status={status === 'FAILED' ? 'exception' : status === 'RUNNING' ? 'active' : 'success'}
        aria-label={t('admin.import.jobProgress', { done: job.done, total })}
      />
      {status === 'FAILED' ? (
        <Alert
          type="error"
          showIcon
          title={job.stale ? t('admin.import.jobStale') : t('admin.import.jobFailed')}
          description={job.stale ? undefined : (job.error ?? undefined)}
        />
      ) : null}
    </Space>
  );
}

function ImportRows({ title, rows }: { title: string; rows: readonly Row[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Table<Row>
        size="small"
        data-testid="import-rows"
        rowKey={(r) => `${r.sheet}:${r.row}`}
        dataSource={[...rows]}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        columns={[
          {
            title: t('admin.import.sheetCol'),
            dataIndex: 'sheet',
            render: (s: string) => t(`admin.import.${s}`, { defaultValue: s }),
          },
          { title: t('admin.import.row'), dataIndex: 'row' },
          { title: t('admin.import.key'), dataIndex: 'key' },
          {
            title: t('admin.import.action'),
            dataIndex: 'action',
            render: (a: string) => <Tag color={a === 'CREATE' ? 'green' : 'blue'}>{t(`admin.import.${a}`)}</Tag>,
          },
        ]}
      />
    </>
  );
}
