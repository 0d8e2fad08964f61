import type { CaseAction, CaseDetail, CaseJobOrder, CaseStatus } from '@yonggong/shared';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Row,
  Space,
  Statistic,
  Table,
  Timeline,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAddCaseAction, useCase, useChangeCaseStatus, useUpdateCaseAction } from '../../api/cases.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { describeError } from '../../components/error-text.ts';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ReasonDialog } from '../../components/ReasonDialog.tsx';
import { isoDateItemProps } from '../../forms/date-field.ts';
import { useLocale } from '../../i18n/index.ts';
import { ActionEditDialog } from './components/ActionEditDialog.tsx';
import { ActionStatusTag, CaseCategoryTag, CaseStatusTag, VisitKindTag } from './components/case-tags.tsx';

/** The moves the status buttons offer from each status (cancel asks for a reason). */
const NEXT_STATUSES: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  open: ['in_progress', 'resolved', 'cancelled'],
  in_progress: ['resolved', 'cancelled'],
  resolved: ['open'],
  cancelled: ['open'],
};

const STATUS_BUTTON: Readonly<Record<CaseStatus, 'start' | 'resolve' | 'cancel' | 'reopen'>> = {
  in_progress: 'start',
  resolved: 'resolve',
  cancelled: 'cancel',
  open: 'reopen',
};

/** One case: its plan (overdue actions in red), linked orders, resolved headcount and visits. */
export function CaseDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const serviceCase = useCase(id);
  if (serviceCase.isPending) return <FullPageSpin />;
  if (serviceCase.isError)
    return <ErrorState error={serviceCase.error} onRetry={() => void serviceCase.refetch()} />;
  const data = serviceCase.data;
  return (
    <>
      <PageHeader
        backTo="/cases"
        title={<span data-testid="case-title">{data.title}</span>}
        subtitle={
          <Space wrap>
            <CaseCategoryTag category={data.category} />
            <CaseStatusTag status={data.status} />
            {data.isAutoOpened && (
              <Typography.Text type="secondary">{t('cases.detail.shortageReport')}</Typography.Text>
            )}
          </Space>
        }
        extra={<StatusButtons data={data} onConflict={() => void serviceCase.refetch()} />}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card>
            <Descriptions column={{ xs: 1, sm: 2 }} size="small">
              <Descriptions.Item label={t('cases.detail.enterprise')}>
                <Link to={`/enterprises/${data.enterpriseId}`}>{data.enterpriseName}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.detail.district')}>{data.districtName}</Descriptions.Item>
              <Descriptions.Item label={t('cases.detail.owner')}>
                {data.ownerName ?? t('cases.list.unassigned')}
              </Descriptions.Item>
              <Descriptions.Item label={t('cases.detail.opened')}>{data.openedOn}</Descriptions.Item>
              {data.closedAt && (
                <Descriptions.Item label={t('cases.detail.closed')}>
                  {data.closedAt.slice(0, 10)}
                </Descriptions.Item>
              )}
              {data.statusReason && (
                <Descriptions.Item label={t('cases.detail.statusReason')}>
                  {data.statusReason}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('cases.detail.problem')} span={2}>
                {data.problem || t('common.empty')}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card>
            <Tooltip title={t('cases.detail.resolvedHint')}>
              <Statistic
                title={t('cases.detail.resolved')}
                value={data.headcountResolved}
                suffix={t('cases.detail.resolvedUnit')}
              />
            </Tooltip>
            <Typography.Text type="secondary">
              {t('cases.list.colProgress')} {data.actionsDone}/{data.actionsTotal}
              {data.actionsOverdue > 0 &&
                ` · ${t('cases.list.overdueCount', { count: data.actionsOverdue })}`}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <PlanCard data={data} onConflict={() => void serviceCase.refetch()} />
      <OrdersCard orders={data.jobOrders} />
      <VisitsCard data={data} />
    </>
  );
}

function StatusButtons({ data, onConflict }: { readonly data: CaseDetail; readonly onConflict: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const change = useChangeCaseStatus(data.id);
  const [isCancelOpen, setIsCancelOpen] = useState(false);
  if (!data.can.update && !data.can.logVisit) return null;
  const move = async (status: CaseStatus) => {
    try {
      await change.mutateAsync({ status, version: data.version });
      void message.success(t('cases.detail.statusChanged'));
    } catch (error) {
      void message.error(describeError(error, t, locale));
      onConflict();
    }
  };
  return (
    <Space wrap>
      {data.can.logVisit && (
        <ButtonLink
          to={`/visits/new?enterpriseId=${data.enterpriseId}&caseId=${data.id}`}
          data-testid="case-log-visit"
        >
          {t('cases.list.logVisit')}
        </ButtonLink>
      )}
      {data.can.update &&
        NEXT_STATUSES[data.status].map((status) =>
          status === 'cancelled' ? (
            <Button key={status} danger onClick={() => setIsCancelOpen(true)}>
              {t('cases.detail.cancel')}
            </Button>
          ) : (
            <Button
              key={status}
              type={status === 'resolved' ? 'primary' : 'default'}
              loading={change.isPending}
              onClick={() => void move(status)}
              data-testid={`case-status-${status}`}
            >
              {t(`cases.detail.${STATUS_BUTTON[status]}`)}
            </Button>
          ),
        )}
      <ReasonDialog
        isOpen={isCancelOpen}
        onClose={() => setIsCancelOpen(false)}
        onConflict={onConflict}
        title={t('cases.detail.cancel')}
        okText={t('cases.detail.cancel')}
        label={t('cases.detail.cancelReason')}
        placeholder={t('cases.detail.cancelReason')}
        successText={t('cases.detail.statusChanged')}
        rules={[{ required: true, whitespace: true, max: 200 }]}
        testIdPrefix="case-cancel"
        onSubmit={(reason) => change.mutateAsync({ status: 'cancelled', reason, version: data.version })}
      />
    </Space>
  );
}

interface ActionFormValues {
  readonly title: string;
  readonly dueOn: string;
  readonly ownerText?: string;
}

function PlanCard({ data, onConflict }: { readonly data: CaseDetail; readonly onConflict: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionFormValues>();
  const add = useAddCaseAction(data.id);
  const update = useUpdateCaseAction(data.id);
  const [editing, setEditing] = useState<CaseAction | null>(null);
  const isOpen = data.status === 'open' || data.status === 'in_progress';
  const canEdit = data.can.update && isOpen;

  const submit = async (values: ActionFormValues) => {
    try {
      await add.mutateAsync({ title: values.title, dueOn: values.dueOn, ownerText: values.ownerText ?? '' });
      form.resetFields();
      void message.success(t('cases.detail.actionAdded'));
    } catch (error) {
      void message.error(describeError(error, t, locale));
    }
  };
  const markDone = async (action: CaseAction) => {
    try {
      await update.mutateAsync({ actionId: action.id, status: 'done', version: action.version });
      void message.success(t('cases.detail.actionDone'));
    } catch (error) {
      void message.error(describeError(error, t, locale));
    }
  };

  return (
    <Card title={t('cases.detail.plan')} style={{ marginTop: 16 }}>
      <List<CaseAction>
        dataSource={data.actions}
        locale={{ emptyText: <Empty description={t('cases.detail.planEmpty')} /> }}
        renderItem={(action) => (
          <List.Item
            data-testid="case-action"
            style={action.isOverdue ? { background: '#fff1f0', paddingInline: 8 } : { paddingInline: 8 }}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <span>{action.title}</span>
                  <ActionStatusTag status={action.status} isOverdue={action.isOverdue} />
                  {canEdit && action.status === 'todo' && (
                    <Button
                      size="small"
                      onClick={() => void markDone(action)}
                      loading={update.isPending}
                      data-testid="action-done"
                    >
                      {t('cases.detail.markDone')}
                    </Button>
                  )}
                  {canEdit && action.status === 'todo' && (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => setEditing(action)}
                      data-testid="action-edit"
                    >
                      {t('cases.detail.reassign')}
                    </Button>
                  )}
                </Space>
              }
              description={
                <Space wrap separator="·">
                  <span>{action.ownerName ?? t('cases.list.unassigned')}</span>
                  <span style={action.isOverdue ? { color: '#cf1322' } : undefined}>
                    {t('cases.home.dueOn', { date: action.dueOn })}
                  </span>
                  {action.doneOn && <span>{t('cases.detail.doneOn', { date: action.doneOn })}</span>}
                  {action.note && <span>{action.note}</span>}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      <ActionEditDialog
        caseId={data.id}
        districtCode={data.districtCode}
        action={editing}
        openedOn={data.openedOn}
        onClose={() => setEditing(null)}
        onConflict={onConflict}
      />
      {canEdit && (
        <Form<ActionFormValues>
          form={form}
          layout="vertical"
          onFinish={(values) => void submit(values)}
          style={{ marginTop: 16 }}
          data-testid="action-form"
        >
          <Flex gap={12} wrap align="flex-end">
            <Form.Item
              name="title"
              label={t('cases.detail.actionTitle')}
              rules={[{ required: true, whitespace: true, min: 2, max: 120 }]}
              style={{ flex: '2 1 240px', marginBottom: 8 }}
            >
              <Input size="large" data-testid="action-title" />
            </Form.Item>
            <Form.Item
              name="dueOn"
              label={t('cases.detail.actionDue')}
              rules={[{ required: true }]}
              {...isoDateItemProps}
              style={{ flex: '1 1 160px', marginBottom: 8 }}
            >
              <DatePicker size="large" style={{ width: '100%' }} data-testid="action-due" />
            </Form.Item>
            <Form.Item
              name="ownerText"
              label={t('cases.detail.actionOwnerText')}
              rules={[{ max: 60 }]}
              style={{ flex: '1 1 200px', marginBottom: 8 }}
            >
              <Input size="large" />
            </Form.Item>
            <Form.Item style={{ marginBottom: 8 }}>
              <Button
                type="primary"
                size="large"
                htmlType="submit"
                loading={add.isPending}
                data-testid="action-add"
              >
                {t('cases.detail.addAction')}
              </Button>
            </Form.Item>
          </Flex>
        </Form>
      )}
    </Card>
  );
}

function OrdersCard({ orders }: { readonly orders: readonly CaseJobOrder[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('cases.detail.orders')} style={{ marginTop: 16 }}>
      {orders.length === 0 ? (
        <Typography.Text type="secondary">{t('cases.detail.ordersEmpty')}</Typography.Text>
      ) : (
        <Table<CaseJobOrder>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={[...orders]}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('cases.detail.orders'),
              dataIndex: 'title',
              render: (_, row) => <Link to={`/job-orders/${row.id}`}>{row.title}</Link>,
            },
            { title: t('cases.shortage.occupation'), dataIndex: 'occupationName' },
            {
              title: t('cases.detail.orderHeadcount'),
              dataIndex: 'headcount',
              render: (_, row) => `${row.headcount} / ${row.filled}`,
            },
            { title: t('cases.detail.orderResolved'), dataIndex: 'resolved', align: 'right' },
            { title: t('cases.shortage.neededBy'), dataIndex: 'deadline' },
          ]}
        />
      )}
    </Card>
  );
}

function VisitsCard({ data }: { readonly data: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <Card title={t('cases.detail.visits')} style={{ marginTop: 16 }}>
      {data.visits.length === 0 ? (
        <Typography.Text type="secondary">{t('cases.detail.visitsEmpty')}</Typography.Text>
      ) : (
        <Timeline
          items={data.visits.map((visit) => ({
            key: visit.id,
            content: (
              <Space orientation="vertical" size={2}>
                <Space wrap>
                  <Typography.Text strong>{visit.visitedOn}</Typography.Text>
                  <VisitKindTag kind={visit.kind} />
                  <Typography.Text type="secondary">{visit.liaisonName}</Typography.Text>
                  {visit.groupSize > 1 && (
                    <Typography.Text type="secondary">
                      {t('cases.visit.groupOf', { count: visit.groupSize })}
                    </Typography.Text>
                  )}
                </Space>
                <Typography.Text>{visit.notes}</Typography.Text>
                {visit.issues && <Typography.Text type="warning">{visit.issues}</Typography.Text>}
              </Space>
            ),
          }))}
        />
      )}
    </Card>
  );
}
