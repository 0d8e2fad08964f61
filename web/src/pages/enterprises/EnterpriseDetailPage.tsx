import { type Enterprise, idParam, Permission } from '@yonggong/shared';
import { Alert, Card, Descriptions, type DescriptionsProps, Flex, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useEnterprise } from '../../api/enterprises.ts';
import { useCan } from '../../app/use-can.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLocale } from '../../i18n/index.ts';
import { EnterpriseAuditPanel } from '../audit/components/EnterpriseAuditPanel.tsx';
import { EnterpriseRatingCard } from '../marketplace/components/EnterpriseRatingCard.tsx';
import { NotFoundPage } from '../not-found/NotFoundPage.tsx';
import { ContactPhone } from './components/ContactPhone.tsx';
import { EnterpriseActions } from './components/EnterpriseActions.tsx';
import { KeyLevelTag, StatusTag } from './components/EnterpriseTags.tsx';
import { formatIndustryName } from './industry-options.ts';

type Contact = Enterprise['contacts'][number];

function useDetailItems(enterprise: Enterprise): DescriptionsProps['items'] {
  const { t } = useTranslation();
  const locale = useLocale();
  const empty = t('common.empty');
  const hasCoordinates = enterprise.longitude !== null && enterprise.latitude !== null;
  return [
    { key: 'creditCode', label: t('enterprise.fields.creditCode'), children: enterprise.creditCode },
    { key: 'name', label: t('enterprise.fields.name'), children: enterprise.name },
    {
      key: 'industry',
      label: t('enterprise.fields.industry'),
      children: formatIndustryName(enterprise.industryCode, locale, enterprise.industryName),
    },
    { key: 'district', label: t('enterprise.fields.district'), children: enterprise.districtName },
    { key: 'address', label: t('enterprise.fields.address'), children: enterprise.address || empty, span: 2 },
    { key: 'size', label: t('enterprise.fields.size'), children: t(`enterprise.size.${enterprise.size}`) },
    {
      key: 'employeeCount',
      label: t('enterprise.fields.employeeCount'),
      children:
        enterprise.employeeCount === null
          ? empty
          : t('enterprise.list.employees', { count: enterprise.employeeCount }),
    },
    {
      key: 'keyLevel',
      label: t('enterprise.fields.keyLevel'),
      children: <KeyLevelTag level={enterprise.keyLevel} />,
    },
    {
      key: 'liaison',
      label: t('enterprise.fields.liaison'),
      children: enterprise.liaison?.displayName ?? empty,
    },
    {
      key: 'status',
      label: t('enterprise.fields.status'),
      children: <StatusTag status={enterprise.status} />,
    },
    ...(hasCoordinates
      ? [
          {
            key: 'coordinates',
            label: `${t('enterprise.fields.longitude')} / ${t('enterprise.fields.latitude')}`,
            children: `${enterprise.longitude}, ${enterprise.latitude}`,
          },
        ]
      : []),
    {
      key: 'createdAt',
      label: t('enterprise.fields.createdAt'),
      children: dayjs(enterprise.createdAt).format('ll LT'),
    },
    {
      key: 'updatedAt',
      label: t('enterprise.fields.updatedAt'),
      children: dayjs(enterprise.updatedAt).format('ll LT'),
    },
  ];
}

function ContactList({ enterprise }: { readonly enterprise: Enterprise }) {
  const { t } = useTranslation();
  return (
    <Table<Contact>
      data-testid="enterprise-contacts"
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={enterprise.contacts}
      locale={{ emptyText: t('enterprise.detail.noContacts') }}
      columns={[
        { key: 'name', dataIndex: 'name', title: t('enterprise.detail.contactName') },
        {
          key: 'title',
          dataIndex: 'title',
          title: t('enterprise.detail.contactTitle'),
          render: (title: string) => title || t('common.empty'),
        },
        {
          key: 'phone',
          title: t('enterprise.detail.contactPhone'),
          render: (_, contact) => (
            <ContactPhone
              enterpriseId={enterprise.id}
              contact={contact}
              canReveal={enterprise.can.revealContact}
            />
          ),
        },
      ]}
    />
  );
}

function EnterpriseDetail({
  enterprise,
  onReload,
}: {
  readonly enterprise: Enterprise;
  readonly onReload: () => void;
}) {
  const { t } = useTranslation();
  const canReadAudit = useCan(Permission.AuditRead);
  const canReadMarketplace = useCan(Permission.MarketplaceRead);
  const items = useDetailItems(enterprise);
  return (
    <>
      <PageHeader
        backTo="/enterprises"
        title={
          <Space wrap>
            <span data-testid="enterprise-name">{enterprise.name}</span>
            <StatusTag status={enterprise.status} />
          </Space>
        }
        subtitle={<Typography.Text copyable>{enterprise.creditCode}</Typography.Text>}
        extra={<EnterpriseActions enterprise={enterprise} onReload={onReload} />}
      />
      <Flex vertical gap={16}>
        {enterprise.status === 'inactive' && (
          <Alert
            type="warning"
            showIcon
            title={t('enterprise.detail.inactiveAlert')}
            description={enterprise.deactivatedReason ?? undefined}
          />
        )}
        <Card title={t('enterprise.detail.basics')}>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />
        </Card>
        <Card title={t('enterprise.detail.contacts')}>
          <ContactList enterprise={enterprise} />
        </Card>
        {canReadMarketplace && <EnterpriseRatingCard enterpriseId={enterprise.id} />}
        {canReadAudit && <EnterpriseAuditPanel enterpriseId={enterprise.id} />}
      </Flex>
    </>
  );
}

function LoadedEnterprise({ id }: { readonly id: string }) {
  const enterprise = useEnterprise(id);
  if (enterprise.isPending) return <FullPageSpin />;
  if (enterprise.isError)
    return <ErrorState error={enterprise.error} onRetry={() => void enterprise.refetch()} />;
  return <EnterpriseDetail enterprise={enterprise.data} onReload={() => void enterprise.refetch()} />;
}

/** One enterprise: its fields, contacts (masked, revealable), actions per `can`, and change history. */
export function EnterpriseDetailPage() {
  const { id = '' } = useParams();
  // A mistyped link is "not found", not a validation error from the server.
  if (!idParam.shape.id.safeParse(id).success) return <NotFoundPage />;
  return <LoadedEnterprise id={id} />;
}
