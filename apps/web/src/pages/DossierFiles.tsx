import { useState } from 'react';
import { App, Button, Card, Collapse, Empty, List, Space, Tag, Tooltip, Typography, Upload } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap, type ErrorBody, type Schemas } from '../api/client';
import { session } from '../auth/session';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { formatDateTime } from '../format';

type DossierFile = Schemas['DossierFileListedDto'];

/** The parts a clerk may attach to, in the order of the dossier's package (thành phần hồ sơ). */
const PARTS = [
  'TO_TRINH',
  'BAO_CAO_THANH_TICH',
  'BIEN_BAN',
  'KET_QUA_BO_PHIEU_KIN',
  'ELECTRONIC_FILES',
  'EVIDENCE',
  'OBLIGATIONS_CONFIRMATION',
] as const;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,application/pdf,image/jpeg,image/png';

const authHeader = (): Record<string, string> => {
  const token = session.token();
  return token ? { authorization: `Bearer ${token}` } : {};
};

async function failure(res: Response): Promise<ApiError> {
  const text = await res.text();
  let parsed: Partial<ErrorBody> = {};
  try {
    parsed = text ? (JSON.parse(text) as Partial<ErrorBody>) : {};
  } catch {
    parsed = { message: text };
  }
  return new ApiError(res.status, parsed);
}

/** Saves what a GET answers (a file, the zip) under `name`, with the bearer token a plain link cannot carry. */
async function save(path: string, name: string): Promise<void> {
  const res = await fetch(path, { headers: authHeader() });
  if (!res.ok) throw await failure(res);
  const url = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The file itself as the request body, streamed by the browser; the API reads its type from the content. */
async function send(dossierId: string, part: string, file: File, replaces?: string): Promise<void> {
  const q = new URLSearchParams({ name: file.name, ...(replaces ? { replaces } : {}) });
  const res = await fetch(`/api/dossiers/${encodeURIComponent(dossierId)}/parts/${part}/files?${q}`, {
    method: 'POST',
    headers: { ...authHeader(), 'content-type': 'application/octet-stream' },
    body: file,
  });
  if (!res.ok) throw await failure(res);
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace('.', ',')} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

function UploadButton({
  dossierId,
  part,
  replaces,
  onDone,
  onError,
  label,
  testId,
}: {
  dossierId: string;
  part: string;
  replaces?: string;
  label: string;
  testId: string;
  onDone: () => void;
  onError: (e: unknown) => void;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <span data-testid={testId}>
      <Upload
        accept={ACCEPT}
        showUploadList={false}
        customRequest={({ file }) => {
          if (!(file instanceof File)) return;
          setBusy(true);
          send(dossierId, part, file, replaces)
            .then(onDone, onError)
            .finally(() => setBusy(false));
        }}
      >
        <Button size="small" loading={busy}>
          {label}
        </Button>
      </Upload>
    </span>
  );
}

/** One file version: name (download), size, short SHA-256, date, who. */
function FileLine({ f, onError }: { f: DossierFile; onError: (e: unknown) => void }) {
  const { t } = useTranslation();
  return (
    <Space wrap size={[12, 0]} data-testid={`file-${f.fileId}`}>
      <Button
        type="link"
        size="small"
        style={{ padding: 0 }}
        data-testid={`download-${f.fileId}`}
        onClick={() => save(`/api/dossiers/${f.dossierId}/files/${f.fileId}`, f.name).catch(onError)}
      >
        {f.name}
      </Button>
      <Tag>{t('files.version', { version: f.version })}</Tag>
      <Typography.Text type="secondary">{formatSize(f.size)}</Typography.Text>
      <Tooltip title={`SHA-256: ${f.sha256}`}>
        <Typography.Text code data-testid="sha256">
          {f.sha256.slice(0, 12)}
        </Typography.Text>
      </Tooltip>
      <Typography.Text type="secondary">
        {formatDateTime(f.uploadedAt)} · {typeof f.uploadedByName === 'string' ? f.uploadedByName : f.uploadedBy}
      </Typography.Text>
    </Space>
  );
}

/**
 * The dossier's files by part (GET /api/dossiers/:id/files): each file's current version with its earlier ones, a
 * download for whoever may read the dossier, and upload / replace buttons for the clerk while the dossier may change.
 */
export function DossierFiles({ dossierId }: { dossierId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>();
  const files = useQuery({
    queryKey: ['dossier', dossierId, 'files'],
    queryFn: () => unwrap(api.GET('/api/dossiers/{id}/files', { params: { path: { id: dossierId } } })),
  });
  const done = () => {
    setError(undefined);
    void message.success(t('files.uploaded'));
    void queryClient.invalidateQueries({ queryKey: ['dossier', dossierId, 'files'] });
  };
  const data = files.data;
  const editable = data?.editable ?? false;
  const all = data?.files ?? [];
  const parts = PARTS.filter((p) => editable || all.some((f) => f.part === p));

  return (
    <Card
      title={t('files.title')}
      data-testid="files"
      extra={
        <Button
          size="small"
          data-testid="export-zip"
          onClick={() => save(`/api/dossiers/${dossierId}/export.zip`, `ho-so-${dossierId}.zip`).catch(setError)}
        >
          {t('files.zip')}
        </Button>
      }
    >
      {error ? <ApiErrorAlert error={error} /> : null}
      {files.error ? <ApiErrorAlert error={files.error} /> : null}
      {editable && data ? (
        <Typography.Paragraph type="secondary">
          {t('files.hint', { size: formatSize(data.maxBytes) })}
        </Typography.Paragraph>
      ) : null}
      {parts.length === 0 ? <Empty description={files.isLoading ? '…' : t('files.none')} /> : null}
      {parts.map((part) => {
        const ofPart = all.filter((f) => f.part === part);
        const current = ofPart.filter((f) => f.current);
        return (
          <div key={part} data-testid={`part-files-${part}`} style={{ marginBottom: 16 }}>
            <Space style={{ marginBottom: 4 }}>
              <Typography.Text strong>{t(`part.${part}`)}</Typography.Text>
              {editable ? (
                <UploadButton
                  dossierId={dossierId}
                  part={part}
                  label={t('files.upload')}
                  testId={`upload-${part}`}
                  onDone={done}
                  onError={setError}
                />
              ) : null}
            </Space>
            {current.length === 0 ? (
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {t('files.noneForPart')}
              </Typography.Paragraph>
            ) : (
              <List
                size="small"
                dataSource={current}
                renderItem={(f) => {
                  const older = ofPart
                    .filter((o) => o.lineageId === f.lineageId && !o.current)
                    .sort((a, b) => b.version - a.version);
                  return (
                    <List.Item
                      extra={
                        editable ? (
                          <UploadButton
                            dossierId={dossierId}
                            part={part}
                            replaces={f.fileId}
                            label={t('files.replace')}
                            testId={`replace-${f.fileId}`}
                            onDone={done}
                            onError={setError}
                          />
                        ) : null
                      }
                    >
                      <Space direction="vertical" size={0} style={{ width: '100%' }}>
                        <FileLine f={f} onError={setError} />
                        {older.length ? (
                          <Collapse
                            ghost
                            size="small"
                            items={[
                              {
                                key: 'older',
                                label: t('files.older', { count: older.length }),
                                children: older.map((o) => (
                                  <div key={o.fileId}>
                                    <FileLine f={o} onError={setError} />
                                  </div>
                                )),
                              },
                            ]}
                          />
                        ) : null}
                      </Space>
                    </List.Item>
                  );
                }}
              />
            )}
          </div>
        );
      })}
    </Card>
  );
}
