import { idParam, type JobOrder, Permission } from '@yonggong/shared';
import { Alert, Card, Descriptions, type DescriptionsProps, Flex, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useJobOrder } from '../../api/job-orders.ts';
import { useCan } from '../../app/use-can.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { formatOccupationName } from '../../components/occupation-options.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLocale } from '../../i18n/index.ts';
import { MarketplaceLink } from '../marketplace/components/MarketplaceLink.tsx';
import { NotFoundPage } from '../not-found/NotFoundPage.tsx';
import { HeadcountProgress } from './components/HeadcountProgress.tsx';
import { JobOrderActions } from './components/JobOrderActions.tsx';
import { JobOrderStatusTag, UrgencyTag } from './components/JobOrderTags.tsx';
import { PipelineBoard } from './components/PipelineBoard.tsx';
import { RecommendedWorkersCard } from './components/RecommendedWorkersCard.tsx';
import { describeAgeRange, formatWageRange } from './job-order-format.ts';

function useFactItems(order: JobOrder): DescriptionsProps['items'] {
  const { t } = useTranslation();
  const locale = useLocale();
  const canOpenEnterprise = useCan(Permission.EnterpriseRead);
  const empty = t('common.empty');
  return [
    {
      key: 'enterprise',
      label: t('jobOrder.fields.enterprise'),
      children: canOpenEnterprise ? (
        <Link to={`/enterprises/${order.enterprise.id}`}>{order.enterprise.name}</Link>
      ) : (
        order.enterprise.name
      ),
    },
    {
      key: 'occupation',
      label: t('jobOrder.fields.occupation'),
      children: formatOccupationName(order.occupationCode, locale, order.occupationName),
    },
    { key: 'progress', label: t('jobOrder.fields.progress'), children: <HeadcountProgress order={order} /> },
    {
      key: 'wage',
      label: t('jobOrder.fields.wage'),
      children: formatWageRange(order, locale, t('jobOrder.list.yuanPerMonth')),
    },
    { key: 'district', label: t('jobOrder.fields.district'), children: order.districtName },
    { key: 'address', label: t('jobOrder.fields.address'), children: order.address || empty },
    { key: 'deadline', label: t('jobOrder.fields.deadline'), children: order.deadline },
    { key: 'startDate', label: t('jobOrder.fields.startDate'), children: order.startDate ?? empty },
    { key: 'urgency', label: t('jobOrder.fields.urgency'), children: <UrgencyTag urgency={order.urgency} /> },
    {
      key: 'visibility',
      label: t('jobOrder.fields.visibility'),
      children: (
        <Space size={4} wrap>
          {order.visibility.map((visibility) => (
            <Tag key={visibility}>{t(`jobOrder.visibility.${visibility}`)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'contact',
      label: t('jobOrder.fields.contactName'),
      children:
        [order.contactName, order.contactPhoneMasked]
          .filter((part) => part !== null && part !== '')
          .join(' ') || empty,
    },
    {
      key: 'createdAt',
      label: t('jobOrder.fields.createdAt'),
      children: dayjs(order.createdAt).format('ll LT'),
    },
  ];
}

function useRequirementItems(order: JobOrder): DescriptionsProps['items'] {
  const { t } = useTranslation();
  const none = t('jobOrder.detail.none');
  const age = describeAgeRange(order);
  const ageText =
    age.kind === 'range'
      ? t('jobOrder.detail.ageRange', { min: age.min, max: age.max })
      : age.kind === 'from'
        ? t('jobOrder.detail.ageFrom', { min: age.min })
        : age.kind === 'to'
          ? t('jobOrder.detail.ageTo', { max: age.max })
          : t('jobOrder.detail.any');
  const tags = (values: readonly string[]) =>
    values.length === 0 ? (
      none
    ) : (
      <Space size={4} wrap>
        {values.map((value) => (
          <Tag key={value}>{value}</Tag>
        ))}
      </Space>
    );
  return [
    { key: 'age', label: t('jobOrder.fields.age'), children: ageText },
    {
      key: 'education',
      label: t('jobOrder.fields.educationMin'),
      children: t(`education.${order.educationMin}`),
    },
    { key: 'skills', label: t('jobOrder.fields.skills'), children: tags(order.skills) },
    { key: 'certificates', label: t('jobOrder.fields.certificates'), children: tags(order.certificates) },
    { key: 'shifts', label: t('jobOrder.fields.shifts'), children: t(`jobOrder.shifts.${order.shifts}`) },
    {
      key: 'dormitory',
      label: t('jobOrder.fields.dormitory'),
      children: t(order.dormitory ? 'jobOrder.dormitory.yes' : 'jobOrder.dormitory.no'),
    },
    { key: 'meals', label: t('jobOrder.fields.meals'), children: t(`jobOrder.meals.${order.meals}`) },
    {
      key: 'description',
      label: t('jobOrder.fields.description'),
      span: 'filled',
      children: order.description ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
          {order.description}
        </Typography.Paragraph>
      ) : (
        none
      ),
    },
  ];
}

function StatusAlert({ order }: { readonly order: JobOrder }) {
  const { t } = useTranslation();
  switch (order.status) {
    case 'open':
      return null;
    case 'draft':
      return <Alert type="info" showIcon title={t('jobOrder.detail.draftAlert')} />;
    case 'filled':
      return <Alert type="success" showIcon title={t('jobOrder.detail.filledAlert')} />;
    case 'closed':
      return (
        <Alert
          type="warning"
          showIcon
          title={t('jobOrder.detail.closedAlert')}
          description={order.statusReason ?? undefined}
          data-testid="job-order-closed-alert"
        />
      );
    case 'expired':
      return <Alert type="warning" showIcon title={t('jobOrder.detail.expiredAlert')} />;
    default: {
      const exhaustive: never = order.status;
      return exhaustive;
    }
  }
}

function JobOrderDetail({ order, onReload }: { readonly order: JobOrder; readonly onReload: () => void }) {
  const { t } = useTranslation();
  const canReadPipeline = useCan(Permission.ApplicationRead);
  // Only open orders are matched (drafts, full and closed orders take no 推介).
  const canReadMatches = useCan(Permission.MatchRead);
  const facts = useFactItems(order);
  const requirements = useRequirementItems(order);
  return (
    <>
      <PageHeader
        backTo="/job-orders"
        title={
          <Space wrap>
            <span data-testid="job-order-title">{order.title}</span>
            <JobOrderStatusTag status={order.status} />
            {order.staffAssisted && <Tag>{t('jobOrder.detail.staffAssisted')}</Tag>}
          </Space>
        }
        subtitle={order.enterprise.name}
        extra={
          <>
            <JobOrderActions order={order} onReload={onReload} />
            <MarketplaceLink order={order} />
          </>
        }
      />
      <Flex vertical gap={16}>
        <StatusAlert order={order} />
        <Card title={t('jobOrder.detail.facts')}>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={facts} />
        </Card>
        <Card title={t('jobOrder.detail.requirements')}>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={requirements} />
        </Card>
        {canReadPipeline && <PipelineBoard order={order} />}
        {canReadMatches && order.status === 'open' && <RecommendedWorkersCard order={order} />}
      </Flex>
    </>
  );
}

function LoadedJobOrder({ id }: { readonly id: string }) {
  const order = useJobOrder(id);
  if (order.isPending) return <FullPageSpin />;
  if (order.isError) return <ErrorState error={order.error} onRetry={() => void order.refetch()} />;
  return <JobOrderDetail order={order.data} onReload={() => void order.refetch()} />;
}

/** One job order: its facts, actions per `can`, and the pipeline kanban. */
export function JobOrderDetailPage() {
  const { id = '' } = useParams();
  if (!idParam.shape.id.safeParse(id).success) return <NotFoundPage />;
  return <LoadedJobOrder id={id} />;
}
