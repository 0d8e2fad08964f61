import {
  Permission,
  type SurveyCampaign,
  type SurveyCampaignCreateInput,
  type SurveyCoverage,
} from '@yonggong/shared';
import { Alert, Button, Card, DatePicker, Form, Input, Modal, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateSurvey, useSurveys, useTownshipCoverage } from '../../api/surveys.ts';
import { useCan } from '../../app/use-can.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { describeError } from '../../components/error-text.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLocale } from '../../i18n/index.ts';

/** The four coverage counts as table columns. */
export function useCoverageColumns() {
  const { t } = useTranslation();
  return (['surveyed', 'willing', 'converted', 'placed'] as const).map((key) => ({
    key,
    title: t(`channels.surveys.${key}`),
    dataIndex: key,
  }));
}

/** Survey campaigns (摸排) and their coverage by township. */
export function SurveyListPage() {
  const { t } = useTranslation();
  const canWrite = useCan(Permission.SurveyWrite);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [q, setQ] = useState<string | undefined>(undefined);
  const surveys = useSurveys({ ...page, q, sort: '-periodStart' });
  const townships = useTownshipCoverage(undefined);
  const coverageColumns = useCoverageColumns();
  const [isCreating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('channels.surveys.title')}
        subtitle={t('channels.surveys.subtitle')}
        extra={
          canWrite && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="survey-create">
              {t('channels.surveys.create')}
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('channels.common.search')}
          onSearch={(value) => setQ(value || undefined)}
          style={{ maxWidth: 320, marginBottom: 16 }}
        />
        {surveys.isError ? (
          <ErrorState error={surveys.error} onRetry={() => void surveys.refetch()} />
        ) : (
          <Table<SurveyCampaign>
            rowKey="id"
            data-testid="survey-table"
            loading={surveys.isPending}
            dataSource={surveys.data?.items ?? []}
            locale={{ emptyText: <EmptyState title={t('channels.surveys.empty')} /> }}
            pagination={{
              current: page.page,
              pageSize: page.pageSize,
              total: surveys.data?.total ?? 0,
              onChange: (next, pageSize) => setPage({ page: next, pageSize }),
            }}
            columns={[
              {
                key: 'name',
                title: t('channels.surveys.name'),
                render: (_, row) => (
                  <ButtonLink to={`/surveys/${row.id}`} type="link">
                    {row.name}
                  </ButtonLink>
                ),
              },
              {
                key: 'place',
                title: t('channels.surveys.place'),
                render: (_, row) => `${row.countyName} ${row.townshipName}`,
              },
              {
                key: 'period',
                title: t('channels.surveys.period'),
                render: (_, row) => `${row.periodStart} ~ ${row.periodEnd}`,
              },
              ...(['surveyed', 'willing', 'converted', 'placed'] as const).map((key) => ({
                key,
                title: t(`channels.surveys.${key}`),
                render: (_: unknown, row: SurveyCampaign) => row.totals[key],
              })),
            ]}
          />
        )}
      </Card>
      <Card title={t('channels.surveys.byTownship')}>
        <Table<SurveyCoverage['rows'][number]>
          rowKey="key"
          size="small"
          loading={townships.isPending}
          dataSource={townships.data?.rows ?? []}
          pagination={false}
          columns={[
            { key: 'label', title: t('channels.surveys.place'), dataIndex: 'label' },
            ...coverageColumns,
          ]}
        />
      </Card>
      <CreateSurveyDialog isOpen={isCreating} onClose={() => setCreating(false)} />
    </>
  );
}

interface Values {
  name: string;
  countyCode: string;
  townshipCode?: string;
  townshipName?: string;
  organiser: string;
  periodStart: Dayjs;
  periodEnd: Dayjs;
}

function CreateSurveyDialog({ isOpen, onClose }: { readonly isOpen: boolean; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<Values>();
  const create = useCreateSurvey();
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (values: Values) => {
    setProblem(null);
    const body: SurveyCampaignCreateInput = {
      name: values.name,
      countyCode: values.countyCode,
      townshipCode: values.townshipCode ? values.townshipCode : null,
      townshipName: values.townshipName ?? '',
      organiser: values.organiser,
      periodStart: values.periodStart.format('YYYY-MM-DD'),
      periodEnd: values.periodEnd.format('YYYY-MM-DD'),
    };
    try {
      await create.mutateAsync(body);
      form.resetFields();
      onClose();
    } catch (error) {
      setProblem(describeError(error, t, locale));
    }
  };
  return (
    <Modal
      open={isOpen}
      title={t('channels.surveys.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="name" label={t('channels.surveys.name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="countyCode"
          label={t('channels.surveys.county')}
          rules={[{ required: true, pattern: /^\d{6}$/ }]}
        >
          <Input placeholder="530627" />
        </Form.Item>
        <Form.Item
          name="townshipCode"
          label={t('channels.surveys.townshipCode')}
          rules={[{ pattern: /^\d{9}$/ }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="townshipName" label={t('channels.surveys.townshipName')}>
          <Input />
        </Form.Item>
        <Form.Item name="organiser" label={t('channels.surveys.organiser')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="periodStart" label={t('channels.surveys.periodStart')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="periodEnd" label={t('channels.surveys.periodEnd')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
