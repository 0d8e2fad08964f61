import { type Agreement, type OrderClass, Permission } from '@yonggong/shared';
import { Button, Card, Descriptions, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useOrderClasses } from '../../api/order-classes.ts';
import { useAgreements, useSchool } from '../../api/schools.ts';
import { useCan } from '../../app/use-can.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { OrderClassFormDialog } from '../order-classes/components/OrderClassForm.tsx';
import { AgreementDialog } from './components/AgreementForm.tsx';
import { SchoolFormDialog } from './components/SchoolForm.tsx';

export const AGREEMENT_STATUS_COLOR = { upcoming: 'blue', active: 'green', expired: 'default' } as const;

/** One school: majors with graduates, contacts, agreements, classes. */
export function SchoolDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const school = useSchool(id);
  const agreements = useAgreements({ schoolId: id, page: 1, pageSize: 50, sort: '-signedOn' });
  const classes = useOrderClasses({ schoolId: id, page: 1, pageSize: 50, sort: 'graduationDate' });
  const [dialog, setDialog] = useState<'agreement' | 'edit' | 'class' | null>(null);
  const canOpenClass = useCan(Permission.SchoolWrite);
  if (school.isError) return <ErrorState error={school.error} onRetry={() => void school.refetch()} />;
  if (!school.data) return <FullPageSpin />;
  const data = school.data;
  return (
    <>
      <PageHeader
        title={data.name}
        subtitle={`${t(`schools.types.${data.type}`)} · ${data.regionName}`}
        backTo="/schools"
        extra={
          <Space wrap>
            {(data.can.update || data.can.updateProfile) && (
              <Button onClick={() => setDialog('edit')} data-testid="school-edit">
                {t('schools.form.editTitle')}
              </Button>
            )}
            {canOpenClass && (
              <Button onClick={() => setDialog('class')} data-testid="class-create">
                {t('schools.classForm.createTitle')}
              </Button>
            )}
            {data.can.addAgreement && (
              <Button type="primary" onClick={() => setDialog('agreement')} data-testid="agreement-add">
                {t('schools.detail.addAgreement')}
              </Button>
            )}
          </Space>
        }
      />
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        <Card title={t('schools.detail.majors')}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.majors}
            locale={{ emptyText: <EmptyState title={t('schools.detail.noMajors')} /> }}
            columns={[
              { key: 'name', title: t('schools.detail.major'), dataIndex: 'name' },
              {
                key: 'occupation',
                title: t('schools.detail.occupation'),
                render: (_, m) => m.occupationCode ?? '—',
              },
              {
                key: 'graduates',
                title: t('schools.list.graduates', { year: '' }),
                render: (_, m) => m.graduates.map((g) => `${g.year}: ${g.graduates}`).join(' · '),
              },
            ]}
          />
        </Card>
        <Card title={t('schools.detail.contacts')}>
          <Descriptions
            size="small"
            items={data.contacts.map((contact) => ({
              key: contact.id,
              label: `${contact.name} ${contact.title}`,
              children: contact.phoneMasked,
            }))}
          />
        </Card>
        <Card title={t('schools.detail.agreements')}>
          <Table<Agreement>
            rowKey="id"
            size="small"
            pagination={false}
            loading={agreements.isPending}
            dataSource={agreements.data?.items ?? []}
            locale={{ emptyText: <EmptyState title={t('schools.detail.noAgreements')} /> }}
            columns={[
              { key: 'enterprise', title: t('schools.agreement.enterprise'), dataIndex: 'enterpriseName' },
              { key: 'signedOn', title: t('schools.agreement.signedOn'), dataIndex: 'signedOn' },
              { key: 'validUntil', title: t('schools.agreement.validUntil'), dataIndex: 'validUntil' },
              {
                key: 'scopes',
                title: t('schools.agreement.scopes'),
                render: (_, row) =>
                  row.scopes.map((scope) => <Tag key={scope}>{t(`schools.scopes.${scope}`)}</Tag>),
              },
              {
                key: 'status',
                title: t('schools.agreement.status'),
                render: (_, row) => (
                  <Tag color={AGREEMENT_STATUS_COLOR[row.status]}>
                    {t(`schools.agreementStatuses.${row.status}`)}
                  </Tag>
                ),
              },
            ]}
          />
        </Card>
        <Card title={t('schools.detail.classes')}>
          <ClassTable items={classes.data?.items ?? []} loading={classes.isPending} />
        </Card>
      </Space>
      <AgreementDialog schoolId={id} isOpen={dialog === 'agreement'} onClose={() => setDialog(null)} />
      <SchoolFormDialog
        isOpen={dialog === 'edit'}
        school={data}
        onReload={() => void school.refetch()}
        onClose={() => setDialog(null)}
      />
      <OrderClassFormDialog
        isOpen={dialog === 'class'}
        school={{ id: data.id, label: `${data.name} · ${data.regionName}` }}
        onClose={() => setDialog(null)}
      />
    </>
  );
}

/** A compact class list (school detail, overview). */
export function ClassTable({
  items,
  loading,
}: {
  readonly items: readonly OrderClass[];
  readonly loading: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Table<OrderClass>
      rowKey="id"
      size="small"
      pagination={false}
      loading={loading}
      dataSource={[...items]}
      locale={{ emptyText: <EmptyState title={t('schools.classes.empty')} /> }}
      columns={[
        {
          key: 'name',
          title: t('schools.classes.name'),
          render: (_, row) => (
            <ButtonLink to={`/order-classes/${row.id}`} type="link" data-testid="class-link">
              {row.name}
            </ButtonLink>
          ),
        },
        {
          key: 'kind',
          title: t('schools.classForm.kind'),
          render: (_, row) => t(`schools.classes.kinds.${row.kind}`),
        },
        { key: 'enterprise', title: t('schools.classes.enterprise'), dataIndex: 'enterpriseName' },
        {
          key: 'size',
          title: t('schools.classes.size'),
          render: (_, row) => `${row.enrolled}/${row.classSize}`,
        },
        { key: 'graduation', title: t('schools.classes.graduation'), dataIndex: 'graduationDate' },
        {
          key: 'stage',
          title: t('schools.classes.stage'),
          render: (_, row) => t(`schools.classes.stages.${row.stage}`),
        },
      ]}
    />
  );
}
