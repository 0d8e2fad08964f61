import { PlusOutlined } from '@ant-design/icons';
import {
  ORDER_CLASS_KINDS,
  ORDER_CLASS_STAGES,
  type OrderClassListQuery,
  Permission,
} from '@yonggong/shared';
import { Button, Card, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrderClasses } from '../../api/order-classes.ts';
import { useCan } from '../../app/use-can.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ClassTable } from '../schools/SchoolDetailPage.tsx';
import { OrderClassFormDialog } from './components/OrderClassForm.tsx';

export const DEFAULT_CLASS_QUERY: Partial<OrderClassListQuery> = {
  page: 1,
  pageSize: 20,
  sort: 'graduationDate',
};

/** Order and named classes (scoped), by graduation date. */
export function OrderClassListPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState<Partial<OrderClassListQuery>>(DEFAULT_CLASS_QUERY);
  const classes = useOrderClasses(query);
  const canCreate = useCan(Permission.SchoolWrite);
  const [isCreating, setIsCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('schools.classes.title')}
        subtitle={t('schools.classes.subtitle')}
        extra={
          canCreate && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setIsCreating(true)}
              data-testid="class-create"
            >
              {t('schools.classForm.createTitle')}
            </Button>
          )
        }
      />
      <OrderClassFormDialog isOpen={isCreating} onClose={() => setIsCreating(false)} />
      <Card>
        <Space style={{ marginBottom: 16 }} wrap>
          <Input.Search
            allowClear
            placeholder={t('schools.classes.search')}
            onSearch={(q) => setQuery({ ...query, q: q || undefined, page: 1 })}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('schools.classes.name')}
            value={query.kind}
            onChange={(kind) => setQuery({ ...query, kind, page: 1 })}
            options={ORDER_CLASS_KINDS.map((kind) => ({
              value: kind,
              label: t(`schools.classes.kinds.${kind}`),
            }))}
          />
          <Select
            allowClear
            style={{ width: 180 }}
            placeholder={t('schools.classes.stage')}
            value={query.stage}
            onChange={(stage) => setQuery({ ...query, stage, page: 1 })}
            options={ORDER_CLASS_STAGES.map((stage) => ({
              value: stage,
              label: t(`schools.classes.stages.${stage}`),
            }))}
          />
        </Space>
        {classes.isError ? (
          <ErrorState error={classes.error} onRetry={() => void classes.refetch()} />
        ) : (
          <ClassTable items={classes.data?.items ?? []} loading={classes.isPending} />
        )}
      </Card>
    </>
  );
}
