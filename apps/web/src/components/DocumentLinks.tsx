import { useState } from 'react';
import { Button, Card, List, Space, Tag, Tooltip } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap, type ErrorBody } from '../api/client';
import { session } from '../auth/session';
import { ApiErrorAlert } from './ApiErrorAlert';

type Subject = 'dossier' | 'session';
interface Entry {
  name: string;
  kind: string;
  available: boolean;
  issued?: { sha256: string; number: string; signature?: { subFilter: string } };
}

const base = (subject: Subject, id: string) =>
  `/api/${subject === 'dossier' ? 'dossiers' : 'council-sessions'}/${encodeURIComponent(id)}/documents`;

/** The PDF as the API serves it (the issued file once issued), with the bearer token a plain link could not send. */
async function fetchPdf(subject: Subject, id: string, name: string): Promise<string> {
  const token = session.token();
  const res = await fetch(`${base(subject, id)}/${name}.pdf`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!res.ok) {
    const text = await res.text();
    throw new ApiError(res.status, (text ? JSON.parse(text) : {}) as Partial<ErrorBody>);
  }
  return URL.createObjectURL(await res.blob());
}

/**
 * Print and download buttons for the official documents of a dossier (decision, tờ trình, certificate) or a council
 * session (decision, minutes, list for publication): those the events hold, as GET …/documents lists them; nothing
 * when there is none yet.
 */
export function DocumentLinks({ subject, id }: { subject: Subject; id: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();
  const list = useQuery({
    queryKey: [subject, id, 'documents'],
    queryFn: async () =>
      (subject === 'dossier'
        ? await unwrap(api.GET('/api/dossiers/{id}/documents', { params: { path: { id } } }))
        : await unwrap(
            api.GET('/api/council-sessions/{id}/documents', { params: { path: { id } } }),
          )) as unknown as Entry[],
  });
  const available = (list.data ?? []).filter((d) => d.available);
  if (!available.length) return null;

  const download = async (name: string) => {
    setError(undefined);
    setBusy(`download-${name}`);
    try {
      const url = await fetchPdf(subject, id, name);
      const a = Object.assign(document.createElement('a'), { href: url, download: `${name}-${id}.pdf` });
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };
  const print = async (name: string) => {
    setError(undefined);
    // Opened within the click (a window opened after an await is a blocked popup), filled when the PDF arrives.
    const win = window.open('', '_blank');
    setBusy(`print-${name}`);
    try {
      const url = await fetchPdf(subject, id, name);
      if (win) win.location.href = url;
      else window.location.href = url;
    } catch (e) {
      win?.close();
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Card title={t('documents.title')} data-testid="documents">
      <List
        size="small"
        dataSource={available}
        renderItem={(d) => (
          <List.Item
            data-testid={`document-${d.name}`}
            actions={[
              <Button
                key="print"
                size="small"
                loading={busy === `print-${d.name}`}
                onClick={() => void print(d.name)}
                data-testid={`document-print-${d.name}`}
              >
                {t('documents.print')}
              </Button>,
              <Button
                key="download"
                size="small"
                type="primary"
                loading={busy === `download-${d.name}`}
                onClick={() => void download(d.name)}
                data-testid={`document-download-${d.name}`}
              >
                {t('documents.download')}
              </Button>,
            ]}
          >
            <Space wrap>
              <span>{t(`documents.kind.${d.name}`)}</span>
              {d.issued ? (
                <Tooltip title={`SHA-256 ${d.issued.sha256}`}>
                  <Tag color="green">{t('documents.issued')}</Tag>
                </Tooltip>
              ) : null}
              {d.issued?.signature ? <Tag color="blue">{t('documents.signed')}</Tag> : null}
            </Space>
          </List.Item>
        )}
      />
      <ApiErrorAlert error={error ?? list.error} />
    </Card>
  );
}
