import { Alert, App, Button, Card, Checkbox, DatePicker, Descriptions, Form, InputNumber, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useJobOrder } from '../../api/job-orders.ts';
import {
  useOrderMarketplace,
  usePublishListing,
  useUpdateListing,
  useWithdrawListing,
} from '../../api/marketplace.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { describeError } from '../../components/error-text.ts';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ReasonDialog } from '../../components/ReasonDialog.tsx';
import { useLocale } from '../../i18n/index.ts';
import { ClaimTable } from './components/ClaimTable.tsx';
import { ReviewDialog } from './components/ReviewDialog.tsx';

interface TermsValues {
  offeredPlaces: number;
  feeYuan: number | null;
  subsidyApplies: boolean;
  deadline: Dayjs;
}

/**
 * 机构挂单 of one order: publish it to agencies with terms (places, fee per hire, subsidy,
 * claim deadline), change or withdraw them, follow the agencies' claims and rate the agencies.
 */
export function OrderMarketplacePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const order = useJobOrder(id);
  const market = useOrderMarketplace(id);
  const publish = usePublishListing(id);
  const update = useUpdateListing(id);
  const withdraw = useWithdrawListing(id);
  const [form] = Form.useForm<TermsValues>();
  const [failure, setFailure] = useState<unknown>(null);
  const [isWithdrawing, setIsWithdrawing] = useState(false);
  const [reviewing, setReviewing] = useState<string | null>(null);

  if (market.isError) return <ErrorState error={market.error} onRetry={() => void market.refetch()} />;
  if (!market.data || !order.data) return <FullPageSpin />;
  const listing = market.data.listing;
  const isOpen = listing?.status === 'open';
  const canEdit = listing ? listing.can.update : order.data.can.update;

  const save = async () => {
    const values = await form.validateFields();
    const terms = {
      offeredPlaces: values.offeredPlaces,
      feePerHireFen:
        values.feeYuan === null || values.feeYuan === undefined ? null : Math.round(values.feeYuan * 100),
      subsidyApplies: values.subsidyApplies,
      deadline: values.deadline.format('YYYY-MM-DD'),
    };
    try {
      if (listing && isOpen) await update.mutateAsync({ ...terms, version: listing.version });
      else await publish.mutateAsync(terms);
      setFailure(null);
      void message.success(t('marketplace.publish.published'));
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <>
      <PageHeader
        title={`${order.data.enterprise.name}「${order.data.title}」`}
        subtitle={t('marketplace.publish.subtitle')}
        backTo={`/job-orders/${id}`}
        extra={
          isOpen &&
          listing.can.withdraw && (
            <Button danger onClick={() => setIsWithdrawing(true)} data-testid="listing-withdraw">
              {t('marketplace.publish.withdraw')}
            </Button>
          )
        }
      />
      <Card title={t('marketplace.publish.title')}>
        {listing ? (
          <Descriptions column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('marketplace.claims.status')}>
              <Tag color={isOpen ? 'green' : 'default'} data-testid="listing-status">
                {listing.status}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('marketplace.hall.places')}>
              <span data-testid="listing-remaining">
                {t('marketplace.hall.remaining', {
                  remaining: listing.remainingPlaces,
                  offered: listing.offeredPlaces,
                })}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label="">
              {t('marketplace.publish.openToAll', {
                time: new Date(listing.openToAllAt).toLocaleString(locale),
              })}
            </Descriptions.Item>
          </Descriptions>
        ) : (
          <Alert
            type="info"
            showIcon
            title={t('marketplace.publish.notPublished')}
            style={{ marginBottom: 16 }}
          />
        )}
        {failure !== null && (
          <Alert
            type="error"
            showIcon
            title={describeError(failure, t, locale)}
            style={{ marginBottom: 16 }}
          />
        )}
        {canEdit && (
          <Form
            form={form}
            layout="inline"
            initialValues={{
              offeredPlaces: listing?.offeredPlaces ?? Math.max(1, order.data.remaining),
              feeYuan: listing?.feePerHireFen != null ? listing.feePerHireFen / 100 : null,
              subsidyApplies: listing?.subsidyApplies ?? true,
              deadline: dayjs(listing?.deadline ?? order.data.deadline),
            }}
          >
            <Form.Item
              name="offeredPlaces"
              label={t('marketplace.publish.offeredPlaces')}
              rules={[{ required: true }]}
            >
              <InputNumber min={1} max={Math.max(1, order.data.remaining)} data-testid="listing-places" />
            </Form.Item>
            <Form.Item name="feeYuan" label={t('marketplace.publish.feePerHire')}>
              <InputNumber min={0} data-testid="listing-fee" />
            </Form.Item>
            <Form.Item name="deadline" label={t('marketplace.publish.deadline')} rules={[{ required: true }]}>
              <DatePicker data-testid="listing-deadline" />
            </Form.Item>
            <Form.Item name="subsidyApplies" valuePropName="checked">
              <Checkbox>{t('marketplace.publish.subsidyApplies')}</Checkbox>
            </Form.Item>
            <Button
              type="primary"
              onClick={() => void save()}
              loading={publish.isPending || update.isPending}
              data-testid="listing-publish"
            >
              {isOpen ? t('marketplace.publish.save') : t('marketplace.publish.submit')}
            </Button>
          </Form>
        )}
      </Card>
      <Card title={t('marketplace.publish.claims')} style={{ marginTop: 16 }}>
        <ClaimTable claims={market.data.claims} onReview={(claim) => setReviewing(claim.id)} />
      </Card>
      {listing && (
        <ReasonDialog
          isOpen={isWithdrawing}
          onClose={() => setIsWithdrawing(false)}
          onConflict={() => void market.refetch()}
          title={t('marketplace.publish.withdraw')}
          okText={t('marketplace.publish.withdraw')}
          label={t('marketplace.publish.withdrawReason')}
          placeholder=""
          successText={t('marketplace.publish.withdraw')}
          rules={[{ required: true }]}
          testIdPrefix="listing-withdraw"
          onSubmit={(reason) => withdraw.mutateAsync({ reason, version: listing.version })}
        />
      )}
      <ReviewDialog claimId={reviewing} direction="enterprise_to_agency" onClose={() => setReviewing(null)} />
    </>
  );
}
