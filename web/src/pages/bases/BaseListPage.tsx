import { type Base, type BaseListQuery, Permission } from '@yonggong/shared';
import { Button, Card, Checkbox, Input, Progress, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { baseExportUrl, useBases } from '../../api/bases.ts';
import { useMe } from '../../app/auth-context.tsx';
import { useCan } from '../../app/use-can.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { BaseFormDialog } from './components/BaseFormDialog.tsx';
import { MyBasePage } from './MyBasePage.tsx';

const PROVINCES = [
  { code: '53', name: '云南' },
  { code: '52', name: '贵州' },
  { code: '41', name: '河南' },
  { code: '61', name: '陕西' },
  { code: '51', name: '四川' },
  { code: '36', name: '江西' },
  { code: '43', name: '湖南' },
  { code: '34', name: '安徽' },
  { code: '62', name: '甘肃' },
  { code: '14', name: '山西' },
];

/** Delivered this year against the annual target, as a bar. */
export function TargetProgress({ base }: { readonly base: Base }) {
  const percent =
    base.annualTarget > 0 ? Math.round((base.stats.deliveredThisYear / base.annualTarget) * 100) : 0;
  return (
    <Progress
      size="small"
      percent={Math.min(100, percent)}
      format={() => `${base.stats.deliveredThisYear} / ${base.annualTarget}`}
      status={percent >= 100 ? 'success' : 'active'}
    />
  );
}

/** The register of labour bases; a base's own staff see their base's workbench instead. */
export function BaseListPage() {
  const me = useMe();
  if (me.roles.includes('base') && !me.roles.some((role) => role === 'admin' || role === 'district_officer'))
    return <MyBasePage />;
  return <BaseRegister />;
}

function BaseRegister() {
  const { t } = useTranslation();
  const canWrite = useCan(Permission.BaseWrite);
  const [isCreating, setCreating] = useState(false);
  const [query, setQuery] = useState<Partial<BaseListQuery>>({
    page: 1,
    pageSize: 20,
    sort: 'name',
    status: 'active',
  });
  const bases = useBases(query);
  const change = (changes: Partial<BaseListQuery>) =>
    setQuery({ ...query, ...changes, page: changes.page ?? 1 });
  return (
    <>
      <PageHeader
        title={t('channels.bases.title')}
        subtitle={t('channels.bases.subtitle')}
        extra={
          <Space>
            <Button href={baseExportUrl(query)} data-testid="base-export">
              {t('channels.common.export')}
            </Button>
            {canWrite && (
              <Button type="primary" onClick={() => setCreating(true)} data-testid="base-create">
                {t('channels.bases.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <Space style={{ marginBottom: 16 }} wrap>
          <Input.Search
            allowClear
            placeholder={t('channels.common.search')}
            onSearch={(q) => change({ q: q || undefined })}
          />
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('channels.bases.kind')}
            value={query.kind}
            onChange={(kind) => change({ kind })}
            options={(['labour_cooperation', 'directed_training', 'internship_practice'] as const).map(
              (kind) => ({
                value: kind,
                label: t(`channels.bases.kinds.${kind}`),
              }),
            )}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('channels.bases.province')}
            value={query.originProvinceCode}
            onChange={(originProvinceCode) => change({ originProvinceCode })}
            options={PROVINCES.map((province) => ({ value: province.code, label: province.name }))}
          />
          <Input
            allowClear
            style={{ width: 160 }}
            placeholder={t('channels.bases.county')}
            onChange={(event) => {
              const value = event.target.value.trim();
              if (value === '' || /^\d{4}(\d{2})?$/.test(value))
                change({ originCountyCode: value || undefined });
            }}
          />
          <Checkbox
            checked={query.expiringSoon === true}
            onChange={(event) => change({ expiringSoon: event.target.checked || undefined })}
          >
            {t('channels.bases.expiringSoon')}
          </Checkbox>
          <Select
            style={{ width: 180 }}
            value={query.sort}
            onChange={(sort) => change({ sort })}
            options={[
              { value: 'name', label: t('channels.bases.sortName') },
              { value: '-deliveredThisYear', label: t('channels.bases.sortDelivered') },
              { value: 'agreementValidUntil', label: t('channels.bases.sortExpiry') },
              { value: '-annualTarget', label: t('channels.bases.sortTarget') },
            ]}
          />
        </Space>
        {bases.isError ? (
          <ErrorState error={bases.error} onRetry={() => void bases.refetch()} />
        ) : (
          <Table<Base>
            rowKey="id"
            data-testid="base-table"
            loading={bases.isPending}
            dataSource={bases.data?.items ?? []}
            locale={{
              emptyText: (
                <EmptyState
                  title={t('channels.bases.empty')}
                  text={canWrite ? t('channels.bases.emptyText') : undefined}
                />
              ),
            }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: bases.data?.total ?? 0,
              onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
            }}
            columns={[
              {
                key: 'name',
                title: t('channels.bases.name'),
                render: (_, row) => (
                  <ButtonLink to={`/bases/${row.id}`} type="link">
                    {row.name}
                  </ButtonLink>
                ),
              },
              {
                key: 'kind',
                title: t('channels.bases.kind'),
                render: (_, row) => t(`channels.bases.kinds.${row.kind}`),
              },
              { key: 'origin', title: t('channels.bases.origin'), dataIndex: 'originName' },
              { key: 'partner', title: t('channels.bases.partner'), dataIndex: 'partnerName' },
              {
                key: 'validUntil',
                title: t('channels.bases.validUntil'),
                render: (_, row) => <AgreementTag base={row} />,
              },
              {
                key: 'progress',
                title: t('channels.bases.delivered'),
                width: 200,
                render: (_, row) => <TargetProgress base={row} />,
              },
              {
                key: 'workers',
                title: t('channels.bases.workersSupplied'),
                render: (_, row) => row.stats.workersSupplied,
              },
            ]}
          />
        )}
      </Card>
      <BaseFormDialog isOpen={isCreating} onClose={() => setCreating(false)} />
    </>
  );
}

export function AgreementTag({ base }: { readonly base: Base }) {
  const { t } = useTranslation();
  if (!base.agreementValidUntil || base.agreementDaysLeft === null) return <>{t('common.empty')}</>;
  if (base.agreementDaysLeft < 0) return <Tag color="red">{t('channels.bases.lapsed')}</Tag>;
  return (
    <Space size={4}>
      {base.agreementValidUntil}
      {base.agreementDaysLeft <= 90 && (
        <Tag color="orange">{t('channels.bases.daysLeft', { days: base.agreementDaysLeft })}</Tag>
      )}
    </Space>
  );
}
