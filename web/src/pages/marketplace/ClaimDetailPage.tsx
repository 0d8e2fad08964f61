import type { ReviewDirection, Submission } from '@yonggong/shared';
import { APPLICATION_STATUS_LABELS } from '@yonggong/shared';
import { App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useClaim, useClaimSubmissions, useReleaseClaim } from '../../api/marketplace.ts';
import { useAuth } from '../../app/auth-context.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { describeError } from '../../components/error-text.ts';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLocale } from '../../i18n/index.ts';
import { ReviewDialog } from './components/ReviewDialog.tsx';
import { SubmitCandidateDialog } from './components/SubmitCandidateDialog.tsx';

/** One claim: its places, the agency's candidates and their status, release, submit, review. */
export function ClaimDetailPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id = '' } = useParams();
  const claim = useClaim(id);
  const submissions = useClaimSubmissions(id);
  const { me } = useAuth();
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [isReleasing, setIsReleasing] = useState(false);
  const [reviewing, setReviewing] = useState<string | null>(null);
  if (claim.isError) return <ErrorState error={claim.error} onRetry={() => void claim.refetch()} />;
  if (!claim.data) return <FullPageSpin />;
  const row = claim.data;
  const direction: ReviewDirection = me?.roles.includes('agency')
    ? 'agency_to_enterprise'
    : 'enterprise_to_agency';
  return (
    <>
      <PageHeader
        title={`${row.jobOrder.enterpriseName}「${row.jobOrder.title}」`}
        subtitle={t('marketplace.claim.title')}
        backTo="/marketplace/claims"
        extra={
          <>
            {row.can.submit && (
              <Button type="primary" onClick={() => setIsSubmitting(true)} data-testid="claim-submit">
                {t('marketplace.claim.submit')}
              </Button>
            )}
            {row.can.release && (
              <Button onClick={() => setIsReleasing(true)} data-testid="claim-release">
                {t('marketplace.claim.release')}
              </Button>
            )}
            {row.can.review && (
              <Button onClick={() => setReviewing(row.id)} data-testid="claim-review">
                {t('marketplace.claim.review')}
              </Button>
            )}
          </>
        }
      />
      <Card>
        <Descriptions column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('marketplace.claims.agency')}>{row.agency.name}</Descriptions.Item>
          <Descriptions.Item label={t('marketplace.claims.places')}>
            <span data-testid="claim-places">{row.places}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('marketplace.claims.status')}>
            <Tag data-testid="claim-status">{t(`marketplace.claims.statuses.${row.status}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('marketplace.claims.submitted')}>
            {row.submittedCount}
          </Descriptions.Item>
          <Descriptions.Item label={t('marketplace.claims.hires')}>{row.hires}</Descriptions.Item>
          {row.status === 'active' && row.submittedCount === 0 && (
            <Descriptions.Item label="">
              {t('marketplace.claims.lapsesAt', { time: new Date(row.lapsesAt).toLocaleString(locale) })}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title={t('marketplace.claim.candidates')} style={{ marginTop: 16 }}>
        <Table<Submission>
          rowKey="id"
          loading={submissions.isPending}
          dataSource={submissions.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('marketplace.claim.noCandidates') }}
          columns={[
            { key: 'name', title: t('marketplace.submit.name'), render: (_, s) => s.worker.name },
            { key: 'phone', title: t('marketplace.submit.phone'), render: (_, s) => s.worker.phoneMasked },
            {
              key: 'status',
              title: t('marketplace.claims.status'),
              render: (_, s) => (
                <Tag data-testid={`submission-status-${s.worker.name}`}>
                  {APPLICATION_STATUS_LABELS[s.status][locale]}
                </Tag>
              ),
            },
            {
              key: 'at',
              title: t('marketplace.claim.submittedAt'),
              render: (_, s) => new Date(s.submittedAt).toLocaleString(locale),
            },
          ]}
        />
      </Card>
      <SubmitCandidateDialog claimId={row.id} isOpen={isSubmitting} onClose={() => setIsSubmitting(false)} />
      <ReleaseDialog
        claimId={row.id}
        max={row.places - row.activeSubmissions}
        isOpen={isReleasing}
        onClose={() => setIsReleasing(false)}
      />
      <ReviewDialog claimId={reviewing} direction={direction} onClose={() => setReviewing(null)} />
    </>
  );
}

function ReleaseDialog(props: { claimId: string; max: number; isOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const release = useReleaseClaim(props.claimId);
  const [form] = Form.useForm<{ places: number; reason: string }>();
  const ok = async () => {
    const values = await form.validateFields();
    try {
      await release.mutateAsync({ places: values.places, reason: values.reason ?? '' });
      props.onClose();
    } catch (error) {
      void message.error(describeError(error, t, locale));
    }
  };
  return (
    <Modal
      open={props.isOpen}
      title={t('marketplace.claim.release')}
      onOk={() => void ok()}
      onCancel={props.onClose}
      confirmLoading={release.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ places: 1 }}>
        <Form.Item name="places" label={t('marketplace.claim.releasePlaces')} rules={[{ required: true }]}>
          <InputNumber min={1} max={Math.max(1, props.max)} />
        </Form.Item>
        <Form.Item name="reason" label={t('marketplace.claim.releaseReason')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
