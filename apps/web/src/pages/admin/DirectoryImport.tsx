import { useState } from 'react';
import { Alert, Button, Collapse, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { upload, type DirectoryImportReport } from '../../api/admin';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { refusalMessage } from '../../i18n/rules';

type RowError = Omit<DirectoryImportReport['errors'][number], 'sheet'> & { sheet: string };
type Row = DirectoryImportReport['rows'][number];

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
 * dry run of the same file found none, and writes one change per row to each unit's and user's history.
 */
export function DirectoryImport() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState<'' | 'units' | 'users'>('');
  const [checked, setChecked] = useState<{ file: File; report: DirectoryImportReport } | null>(null);
  const run = useMutation({
    mutationFn: (dryRun: boolean) =>
      upload<DirectoryImportReport>('/api/admin/directory-imports', {
        file: file as File,
        dryRun: String(dryRun),
        ...(sheet ? { sheet } : {}),
      }),
    onSuccess: async (report) => {
      if (report.dryRun) setChecked({ file: file as File, report });
      else await queryClient.invalidateQueries({ queryKey: ['admin'] });
    },
  });
  const report = run.data;
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
          disabled={!clean}
          loading={run.isPending && !run.variables}
          onClick={() => run.mutate(false)}
          data-testid="directory-import"
        >
          {t('admin.import.run')}
        </Button>
      </Space>
      <ApiErrorAlert error={run.error} />
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
      {report && !report.dryRun ? (
        <>
          <Alert
            data-testid="import-done"
            type="success"
            showIcon
            title={t('admin.import.imported', { count: report.imported })}
          />
          <ImportRows title={t('admin.import.importedTitle')} rows={report.rows} />
        </>
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
