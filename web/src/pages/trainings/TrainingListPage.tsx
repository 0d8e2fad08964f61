import { Permission, type Training, type TrainingListQuery } from '@yonggong/shared';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateTraining, useTrainings } from '../../api/trainings.ts';
import { useCan } from '../../app/use-can.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { describeError } from '../../components/error-text.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLocale } from '../../i18n/index.ts';
import { JobOrderPicker } from '../bases/components/record-pickers.tsx';

export const PHASE_COLOR = { upcoming: 'blue', running: 'green', finished: 'default' } as const;

/** Training programmes for enterprises' orders, with seats and what the government pays. */
export function TrainingListPage() {
  const { t } = useTranslation();
  const canWrite = useCan(Permission.TrainingWrite);
  const [query, setQuery] = useState<Partial<TrainingListQuery>>({
    page: 1,
    pageSize: 20,
    phase: 'all',
    sort: '-startsOn',
  });
  const trainings = useTrainings(query);
  const [isCreating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('channels.trainings.title')}
        subtitle={t('channels.trainings.subtitle')}
        extra={
          canWrite && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="training-create">
              {t('channels.trainings.create')}
            </Button>
          )
        }
      />
      <Card>
        <Space style={{ marginBottom: 16 }} wrap>
          <Input.Search
            allowClear
            placeholder={t('channels.common.search')}
            onSearch={(q) => setQuery({ ...query, q: q || undefined, page: 1 })}
          />
          <Select
            style={{ width: 140 }}
            value={query.phase}
            onChange={(phase) => setQuery({ ...query, phase, page: 1 })}
            options={[
              { value: 'all', label: t('channels.common.all') },
              ...(['upcoming', 'running', 'finished'] as const).map((phase) => ({
                value: phase,
                label: t(`channels.trainings.phases.${phase}`),
              })),
            ]}
          />
        </Space>
        {trainings.isError ? (
          <ErrorState error={trainings.error} onRetry={() => void trainings.refetch()} />
        ) : (
          <Table<Training>
            rowKey="id"
            data-testid="training-table"
            loading={trainings.isPending}
            dataSource={trainings.data?.items ?? []}
            locale={{ emptyText: <EmptyState title={t('channels.trainings.empty')} /> }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: trainings.data?.total ?? 0,
              onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
            }}
            columns={[
              {
                key: 'name',
                title: t('channels.trainings.name'),
                render: (_, row) => (
                  <ButtonLink to={`/trainings/${row.id}`} type="link">
                    {row.name}
                  </ButtonLink>
                ),
              },
              { key: 'provider', title: t('channels.trainings.provider'), dataIndex: 'provider' },
              {
                key: 'dates',
                title: t('channels.trainings.dates'),
                render: (_, row) => (
                  <Space>
                    {`${row.startsOn} ~ ${row.endsOn}`}
                    <Tag color={PHASE_COLOR[row.phase]}>{t(`channels.trainings.phases.${row.phase}`)}</Tag>
                  </Space>
                ),
              },
              {
                key: 'seats',
                title: t('channels.trainings.seats'),
                width: 180,
                render: (_, row) => (
                  <Progress
                    size="small"
                    percent={Math.round((row.taken / row.seats) * 100)}
                    format={() => `${row.taken} / ${row.seats}`}
                  />
                ),
              },
              {
                key: 'order',
                title: t('channels.trainings.order'),
                render: (_, row) =>
                  row.jobOrder
                    ? `${row.jobOrder.enterpriseName}「${row.jobOrder.title}」`
                    : t('channels.trainings.noOrder'),
              },
            ]}
          />
        )}
      </Card>
      <CreateTrainingDialog isOpen={isCreating} onClose={() => setCreating(false)} />
    </>
  );
}

interface Values {
  name: string;
  occupationCode: string;
  skill?: string;
  provider: string;
  seats: number;
  startsOn: Dayjs;
  endsOn: Dayjs;
  costYuan?: number;
  jobOrderId?: string | null;
}

function CreateTrainingDialog({
  isOpen,
  onClose,
}: {
  readonly isOpen: boolean;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<Values>();
  const create = useCreateTraining();
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (values: Values) => {
    setProblem(null);
    try {
      await create.mutateAsync({
        name: values.name,
        occupationCode: values.occupationCode,
        skill: values.skill ?? '',
        provider: values.provider,
        seats: values.seats,
        startsOn: values.startsOn.format('YYYY-MM-DD'),
        endsOn: values.endsOn.format('YYYY-MM-DD'),
        costPerTraineeFen: Math.round((values.costYuan ?? 0) * 100),
        jobOrderId: values.jobOrderId ? values.jobOrderId : null,
      });
      form.resetFields();
      onClose();
    } catch (error) {
      setProblem(describeError(error, t, locale));
    }
  };
  return (
    <Modal
      open={isOpen}
      title={t('channels.trainings.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="name" label={t('channels.trainings.name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="occupationCode"
          label={t('channels.trainings.occupation')}
          rules={[{ required: true }]}
        >
          <Input placeholder="6-18-02-04" />
        </Form.Item>
        <Form.Item name="skill" label={t('channels.trainings.skill')}>
          <Input />
        </Form.Item>
        <Form.Item name="provider" label={t('channels.trainings.provider')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="seats" label={t('channels.trainings.seats')} rules={[{ required: true }]}>
          <InputNumber min={1} />
        </Form.Item>
        <Form.Item name="startsOn" label={t('channels.trainings.startsOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="endsOn" label={t('channels.trainings.endsOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="costYuan" label={t('channels.trainings.cost')}>
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item
          name="jobOrderId"
          label={t('channels.trainings.linkOrder')}
          extra={t('channels.trainings.linkOrderHint')}
        >
          <JobOrderPicker data-testid="training-job-order" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
