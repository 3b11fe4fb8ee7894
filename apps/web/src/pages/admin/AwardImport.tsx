import { useState } from 'react';
import { Alert, Button, Progress, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { upload, type AwardImportJob } from '../../api/admin';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { RowErrors } from './DirectoryImport';

/**
 * Award history in (POST /api/admin/award-imports): a job per upload, polled until it ends; a dry run lists every row
 * error, the import is offered once a dry run of the same file found none.
 */
export function AwardImport() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [job, setJob] = useState<{ id: string; file: File; dryRun: boolean } | null>(null);
  const start = useMutation({
    mutationFn: (dryRun: boolean) =>
      upload<{ jobId: string }>('/api/admin/award-imports', { file: file as File, dryRun: String(dryRun) }),
    onSuccess: (r, dryRun) => setJob({ id: r.jobId, file: file as File, dryRun }),
  });
  const status = useQuery({
    queryKey: ['admin', 'award-import', job?.id],
    enabled: !!job,
    queryFn: () =>
      unwrap(
        api.GET('/api/admin/award-imports/{id}', { params: { path: { id: job?.id ?? '' } } }),
      ) as Promise<AwardImportJob>,
    refetchInterval: (q) => (q.state.data?.status === 'RUNNING' || !q.state.data ? 500 : false),
  });
  const done = status.data && status.data.status !== 'RUNNING' ? status.data : undefined;
  const clean = job?.file === file && job.dryRun && done?.status === 'VALIDATED';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('admin.awardImport.help')}</Typography.Paragraph>
      <Space wrap align="end">
        <Space direction="vertical" size={2}>
          <label htmlFor="award-file">{t('admin.import.file')}</label>
          <input
            id="award-file"
            type="file"
            accept=".xlsx,.csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              start.reset();
            }}
          />
        </Space>
        <Button
          disabled={!file}
          loading={start.isPending && start.variables}
          onClick={() => start.mutate(true)}
          data-testid="award-dry-run"
        >
          {t('admin.import.dryRun')}
        </Button>
        <Button
          type="primary"
          disabled={!clean}
          loading={start.isPending && !start.variables}
          onClick={() => start.mutate(false)}
          data-testid="award-import"
        >
          {t('admin.import.run')}
        </Button>
      </Space>
      <ApiErrorAlert error={start.error ?? status.error} />
      {status.data ? (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="award-job" data-status={status.data.status}>
          <Space>
            {t('admin.awardImport.status')}:{' '}
            <Tag
              color={
                status.data.status === 'FAILED' || status.data.status === 'REFUSED'
                  ? 'red'
                  : status.data.status === 'RUNNING'
                    ? 'blue'
                    : 'green'
              }
            >
              {t(`admin.awardImport.statuses.${status.data.status}`)}
            </Tag>
            {t('admin.awardImport.progress', { done: status.data.doneRows, total: status.data.totalRows })}
          </Space>
          {status.data.status === 'RUNNING' && status.data.totalRows ? (
            <Progress percent={Math.round((100 * status.data.doneRows) / status.data.totalRows)} />
          ) : null}
          {done?.message ? <Alert type="error" showIcon title={done.message} /> : null}
          {done?.errors.length ? <RowErrors errors={done.errors.map((e) => ({ ...e, sheet: '', rule: '' }))} /> : null}
        </Space>
      ) : null}
    </Space>
  );
}
