import type { CompleteResult, Enrolment } from '@yonggong/shared';
import { App, Button, Card, Col, Descriptions, Input, Modal, Row, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  useCompleteTrainees,
  useDropEnrolment,
  useEnrol,
  useEnrolments,
  useTraining,
} from '../../api/trainings.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { describeError } from '../../components/error-text.ts';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLocale } from '../../i18n/index.ts';
import { WorkerPicker } from '../bases/components/record-pickers.tsx';
import { PHASE_COLOR } from './TrainingListPage.tsx';

const STATUS_COLOR = { enrolled: 'blue', completed: 'green', dropped: 'default' } as const;

/** One programme: seats, the linked order, trainees; enrol, drop out, complete with certificates. */
export function TrainingDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const training = useTraining(id);
  const enrolments = useEnrolments(id);
  const enrol = useEnrol(id);
  const drop = useDropEnrolment(id);
  const complete = useCompleteTrainees(id);
  const [workerId, setWorkerId] = useState<string | undefined>(undefined);
  const [selected, setSelected] = useState<string[]>([]);
  const [certificates, setCertificates] = useState<Record<string, string>>({});
  const [results, setResults] = useState<CompleteResult | null>(null);

  if (training.isPending) return <FullPageSpin />;
  if (training.isError) return <ErrorState error={training.error} onRetry={() => void training.refetch()} />;
  const programme = training.data;
  const fail = (error: unknown) => void message.error(describeError(error, t, locale));

  const runComplete = async () => {
    try {
      const reply = await complete.mutateAsync({
        items: selected.map((enrolmentId) => ({
          enrolmentId,
          certificate: certificates[enrolmentId]?.trim() || null,
        })),
      });
      setResults(reply);
      setSelected([]);
    } catch (error) {
      fail(error);
    }
  };

  return (
    <>
      <PageHeader
        title={programme.name}
        subtitle={`${programme.provider} · ${programme.occupationName}`}
        backTo="/trainings"
        extra={
          <Tag color={PHASE_COLOR[programme.phase]}>{t(`channels.trainings.phases.${programme.phase}`)}</Tag>
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={t('channels.trainings.taken')}
              value={programme.taken}
              suffix={`/ ${programme.seats}`}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={t('channels.trainings.statuses.completed')}
              value={programme.counts.completed}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={t('channels.trainings.cost')}
              value={programme.costPerTraineeFen / 100}
              precision={2}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={t('channels.trainings.governmentCost')}
              value={programme.governmentCostFen / 100}
              precision={2}
            />
          </Card>
        </Col>
      </Row>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item
            label={t('channels.trainings.dates')}
          >{`${programme.startsOn} ~ ${programme.endsOn}`}</Descriptions.Item>
          <Descriptions.Item label={t('channels.trainings.skill')}>
            {programme.skill || t('common.empty')}
          </Descriptions.Item>
          <Descriptions.Item label={t('channels.trainings.order')}>
            {programme.jobOrder ? (
              <ButtonLink to={`/job-orders/${programme.jobOrder.id}`} type="link">
                {`${programme.jobOrder.enterpriseName}「${programme.jobOrder.title}」${programme.jobOrder.filled}/${programme.jobOrder.headcount}`}
              </ButtonLink>
            ) : (
              t('channels.trainings.noOrder')
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title={t('channels.trainings.trainees')}
        extra={
          programme.can.enrol && (
            <Space wrap>
              <WorkerPicker
                placeholder={t('channels.trainings.enrolWorker')}
                value={workerId}
                onChange={setWorkerId}
                style={{ width: 320 }}
                data-testid="training-enrol-worker"
              />
              <Button
                data-testid="training-enrol"
                disabled={!workerId}
                loading={enrol.isPending}
                onClick={() =>
                  workerId &&
                  enrol.mutateAsync(workerId).then(() => {
                    setWorkerId(undefined);
                    void message.success(t('channels.trainings.enrolled'));
                  }, fail)
                }
              >
                {t('channels.trainings.enrol')}
              </Button>
              <Button
                type="primary"
                disabled={selected.length === 0}
                loading={complete.isPending}
                onClick={() => void runComplete()}
              >
                {t('channels.trainings.completeSelected', { count: selected.length })}
              </Button>
            </Space>
          )
        }
      >
        {enrolments.isError ? (
          <ErrorState error={enrolments.error} onRetry={() => void enrolments.refetch()} />
        ) : (
          <Table<Enrolment>
            rowKey="id"
            data-testid="training-enrolments"
            loading={enrolments.isPending}
            dataSource={enrolments.data?.items ?? []}
            locale={{ emptyText: <EmptyState title={t('channels.trainings.noTrainees')} /> }}
            pagination={false}
            rowSelection={
              programme.can.enrol
                ? {
                    selectedRowKeys: selected,
                    onChange: (keys) => setSelected(keys.map(String)),
                    getCheckboxProps: (row) => ({ disabled: row.status !== 'enrolled' }),
                  }
                : undefined
            }
            columns={[
              {
                key: 'name',
                title: t('channels.surveys.name2'),
                render: (_, row) => (
                  <ButtonLink to={`/workers/${row.worker.id}`} type="link">
                    {row.worker.name}
                  </ButtonLink>
                ),
              },
              { key: 'age', title: t('channels.surveys.age'), render: (_, row) => row.worker.age },
              {
                key: 'status',
                title: t('channels.bases.status'),
                render: (_, row) => (
                  <Tag color={STATUS_COLOR[row.status]}>{t(`channels.trainings.statuses.${row.status}`)}</Tag>
                ),
              },
              {
                key: 'certificate',
                title: t('channels.trainings.certificate'),
                render: (_, row) =>
                  row.status === 'enrolled' && programme.can.enrol ? (
                    <Input
                      size="small"
                      value={certificates[row.id] ?? ''}
                      onChange={(event) => setCertificates({ ...certificates, [row.id]: event.target.value })}
                    />
                  ) : (
                    (row.certificate ?? t('common.empty'))
                  ),
              },
              {
                key: 'actions',
                title: '',
                render: (_, row) =>
                  row.status === 'enrolled' &&
                  programme.can.enrol && (
                    <Button size="small" onClick={() => drop.mutateAsync(row.id).catch(fail)}>
                      {t('channels.trainings.drop')}
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </Card>
      <Modal
        open={results !== null}
        title={t('channels.trainings.results')}
        onCancel={() => setResults(null)}
        onOk={() => setResults(null)}
        width={720}
      >
        <Table<CompleteResult['items'][number]>
          rowKey="enrolmentId"
          size="small"
          pagination={false}
          dataSource={results?.items ?? []}
          columns={[
            { key: 'name', title: t('channels.surveys.name2'), dataIndex: 'name' },
            {
              key: 'outcome',
              title: t('channels.bases.status'),
              render: (_, row) => t(`channels.trainings.outcomes.${row.outcome}`),
            },
            {
              key: 'recommendation',
              title: t('channels.trainings.recommendation'),
              render: (_, row) => t(`channels.trainings.recommendations.${row.recommendation}`),
            },
          ]}
        />
      </Modal>
    </>
  );
}
