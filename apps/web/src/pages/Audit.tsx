import { useState } from 'react';
import { Alert, Button, Card, Col, Input, Result, Row, Space, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap, type ErrorBody, type Schemas } from '../api/client';
import { session } from '../auth/session';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { formatDateTime } from '../format';
import { DecisionRegisterCard } from './DecisionRegister';

/** GET /api/audit/verify and /api/dossiers/:id/verify (VerificationReportDto). */
type Report = Schemas['VerificationReportDto'];

/** One broken link or integrity problem, in words. */
function Finding({
  kind,
  stream,
  seq,
  anchorSeq,
  expected,
  found,
}: {
  kind: string;
  stream?: string;
  seq?: number;
  anchorSeq?: number;
  expected?: string;
  found?: string;
}) {
  const { t } = useTranslation();
  return (
    <li>
      {t(`audit.problem.${kind}`, {
        stream: stream ?? '—',
        seq: seq ?? '—',
        anchor: anchorSeq ?? '—',
        defaultValue: kind,
      })}
      {expected || found ? (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t('audit.expected')}: <code>{expected ?? '—'}</code> · {t('audit.found')}: <code>{found ?? '—'}</code>
        </Typography.Text>
      ) : null}
    </li>
  );
}

function ReportView({ report }: { report: Report }) {
  const { t } = useTranslation();
  if (report.ok) {
    return (
      <Result
        status="success"
        data-testid="verify-ok"
        title={t('audit.intact')}
        subTitle={`${t('audit.counts', { dossiers: report.dossiers, events: report.events })}${report.anchor ? ` · ${t('audit.anchor', { seq: report.anchor.seq, at: formatDateTime(report.anchor.anchoredAt) })}` : ''}`}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="verify-broken"
      title={t('audit.broken')}
      description={
        <ul style={{ paddingLeft: 18, margin: 0 }}>
          {report.firstBreak ? (
            <Finding
              kind={report.firstBreak.problem}
              stream={report.firstBreak.dossierId}
              seq={report.firstBreak.seq}
              expected={report.firstBreak.expected}
              found={report.firstBreak.found}
            />
          ) : null}
          {(report.problems ?? []).map((p, i) => (
            <Finding
              key={i}
              kind={p.problem}
              stream={p.streamId}
              seq={p.seq}
              anchorSeq={p.anchorSeq}
              expected={p.expected}
              found={p.found}
            />
          ))}
          {report.problemsOmitted ? <li>{t('audit.omitted', { count: report.problemsOmitted })}</li> : null}
        </ul>
      }
    />
  );
}

/** The dossier's verifiable record (GET /api/dossiers/:id/export) saved as a JSON file. */
async function downloadExport(id: string): Promise<void> {
  const token = session.token();
  const res = await fetch(`/api/dossiers/${encodeURIComponent(id)}/export`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!res.ok) {
    const text = await res.text();
    throw new ApiError(res.status, (text ? JSON.parse(text) : {}) as Partial<ErrorBody>);
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `dossier-${id}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The auditor's screen: verify the whole event table or one dossier, download a dossier's export, read the decision register. */
export function Audit() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [dossierId, setDossierId] = useState(params.get('dossier') ?? '');
  const all = useMutation({ mutationFn: () => unwrap(api.GET('/api/audit/verify')) });
  const one = useMutation({
    mutationFn: (id: string) => unwrap(api.GET('/api/dossiers/{id}/verify', { params: { path: { id } } })),
  });
  const exported = useMutation({ mutationFn: downloadExport });
  const id = dossierId.trim();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('audit.title')}
          </Typography.Title>
        }
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} md={12}>
            <Typography.Title level={5}>{t('audit.wholeTable')}</Typography.Title>
            <Button type="primary" data-testid="verify-all" loading={all.isPending} onClick={() => all.mutate()}>
              {t('audit.verifyAll')}
            </Button>
            <div style={{ marginTop: 16 }} data-testid="verify-all-result">
              <ApiErrorAlert error={all.error} />
              {all.data ? <ReportView report={all.data} /> : null}
            </div>
          </Col>
          <Col xs={24} md={12}>
            <Typography.Title level={5}>{t('audit.oneDossier')}</Typography.Title>
            <Space wrap>
              <Input
                id="audit-dossier"
                aria-label={t('audit.dossierId')}
                style={{ width: 340, maxWidth: '100%' }}
                placeholder={t('audit.dossierId')}
                value={dossierId}
                onChange={(e) => setDossierId(e.target.value)}
              />
              <Button
                data-testid="verify-dossier"
                disabled={!id}
                loading={one.isPending}
                onClick={() => {
                  setParams((p) => ({ ...Object.fromEntries(p), dossier: id }), { replace: true });
                  one.mutate(id);
                }}
              >
                {t('audit.verify')}
              </Button>
              <Button
                data-testid="export-dossier"
                disabled={!id}
                loading={exported.isPending}
                onClick={() => exported.mutate(id)}
              >
                {t('audit.export')}
              </Button>
              {id ? <Link to={`/dossiers/${id}`}>{t('audit.openDossier')}</Link> : null}
            </Space>
            <div style={{ marginTop: 16 }} data-testid="verify-dossier-result">
              <ApiErrorAlert error={one.error ?? exported.error} />
              {one.data ? <ReportView report={one.data} /> : null}
              {one.data?.head ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('audit.head')}: <code>{one.data.head}</code>
                </Typography.Text>
              ) : null}
            </div>
          </Col>
        </Row>
      </Card>
      <DecisionRegisterCard />
    </Space>
  );
}
