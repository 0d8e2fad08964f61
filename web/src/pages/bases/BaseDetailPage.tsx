import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { Base, BaseEvent, BaseWorker } from '@yonggong/shared';
import { App, Button, Card, Col, Descriptions, List, Row, Space, Statistic, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  agreementUrl,
  baseKeys,
  uploadAgreement,
  useBase,
  useBaseEvents,
  useBaseWorkers,
} from '../../api/bases.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { describeError } from '../../components/error-text.ts';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLocale } from '../../i18n/index.ts';
import { AgreementTag, TargetProgress } from './BaseListPage.tsx';
import { BaseEventDialog } from './components/BaseEventDialog.tsx';
import { BaseFormDialog } from './components/BaseFormDialog.tsx';

/** One base: agreement, target against deliveries, contacts, 劳务对接 events and its workers. */
export function BaseDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const base = useBase(id);
  const [isEditing, setEditing] = useState(false);
  if (base.isPending) return <FullPageSpin />;
  if (base.isError) return <ErrorState error={base.error} onRetry={() => void base.refetch()} />;
  return (
    <>
      <BaseOverview
        base={base.data}
        backTo="/bases"
        extra={
          base.data.can.update && (
            <Button type="primary" onClick={() => setEditing(true)} data-testid="base-edit">
              {t('channels.bases.edit')}
            </Button>
          )
        }
      />
      <BaseFormDialog
        isOpen={isEditing}
        base={base.data}
        onReload={() => void base.refetch()}
        onClose={() => setEditing(false)}
      />
    </>
  );
}

export function BaseOverview({
  base,
  backTo,
  extra,
}: {
  readonly base: Base;
  readonly backTo?: string;
  readonly extra?: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={base.name}
        subtitle={`${t(`channels.bases.kinds.${base.kind}`)} · ${base.originName}`}
        backTo={backTo}
        extra={extra}
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card data-testid="base-delivered">
            <Statistic
              title={t('channels.bases.delivered')}
              value={base.stats.deliveredThisYear}
              suffix={`/ ${base.annualTarget}`}
            />
            <TargetProgress base={base} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('channels.bases.workersSupplied')} value={base.stats.workersSupplied} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('channels.bases.applications')} value={base.stats.applications} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('channels.bases.placements')} value={base.stats.placements} />
          </Card>
        </Col>
      </Row>
      <Card title={t('channels.bases.agreement')} style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('channels.bases.partner')}>{base.partnerName}</Descriptions.Item>
          <Descriptions.Item label={t('channels.bases.managing')}>
            {base.managingDistrictName ?? t('channels.bases.cityLevel')}
          </Descriptions.Item>
          <Descriptions.Item label={t('channels.bases.agreementNumber')}>
            {base.agreementNumber || t('common.empty')}
          </Descriptions.Item>
          <Descriptions.Item label={t('channels.bases.signedOn')}>
            {base.agreementSignedOn ?? t('common.empty')}
          </Descriptions.Item>
          <Descriptions.Item label={t('channels.bases.validUntil')}>
            <AgreementTag base={base} />
          </Descriptions.Item>
          <Descriptions.Item label={t('channels.bases.scan')}>
            <AgreementScan base={base} />
          </Descriptions.Item>
          <Descriptions.Item label={t('channels.bases.contacts')}>
            {base.contacts.length === 0
              ? t('common.empty')
              : base.contacts
                  .map((contact) => `${contact.name}（${contact.title}）${contact.phoneMasked}`)
                  .join('；')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <BaseEvents base={base} />
      <BaseWorkers baseId={base.id} />
    </>
  );
}

function AgreementScan({ base }: { readonly base: Base }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [isUploading, setUploading] = useState(false);
  return (
    <Space>
      {base.agreementFile ? (
        <a href={agreementUrl(base.id)} data-testid="base-agreement-download">
          {base.agreementFile.filename}
        </a>
      ) : (
        t('channels.bases.noScan')
      )}
      {base.can.uploadAgreement && (
        <Upload
          accept=".pdf,.jpg,.jpeg,.png"
          showUploadList={false}
          beforeUpload={(file) => {
            setUploading(true);
            uploadAgreement(base.id, file, () => undefined)
              .then((updated) => {
                queryClient.setQueryData(baseKeys.detail(base.id), updated);
                void message.success(t('channels.bases.uploaded'));
              })
              .catch((error: unknown) => void message.error(describeError(error, t, locale)))
              .finally(() => setUploading(false));
            return false;
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={isUploading}>
            {t('channels.bases.uploadScan')}
          </Button>
        </Upload>
      )}
    </Space>
  );
}

function BaseEvents({ base }: { readonly base: Base }) {
  const { t } = useTranslation();
  const events = useBaseEvents(base.id);
  const [isRecording, setRecording] = useState(false);
  const [editing, setEditing] = useState<BaseEvent | null>(null);
  return (
    <Card
      title={t('channels.events.title')}
      style={{ marginBottom: 16 }}
      extra={
        base.can.recordEvents && (
          <Button onClick={() => setRecording(true)} data-testid="base-event-record">
            {t('channels.events.record')}
          </Button>
        )
      }
    >
      {events.isError ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : (
        <List<BaseEvent>
          loading={events.isPending}
          dataSource={events.data?.items ?? []}
          locale={{ emptyText: <EmptyState title={t('channels.events.empty')} /> }}
          renderItem={(event) => (
            <List.Item
              actions={
                base.can.recordEvents
                  ? [
                      <Button
                        key="edit"
                        size="small"
                        onClick={() => setEditing(event)}
                        data-testid={`base-event-edit-${event.id}`}
                      >
                        {t('channels.events.edit')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space>
                    {event.heldOn}
                    <Tag>{t(`channels.events.kinds.${event.kind}`)}</Tag>
                    {event.place}
                  </Space>
                }
                description={
                  <>
                    <div>
                      {t('channels.events.enterprises')}：
                      {event.enterprises.map((enterprise) => enterprise.name).join('、') || t('common.empty')}
                    </div>
                    <div>
                      {t('channels.events.signups', { count: event.workerCount })}
                      {event.workers.length > 0 &&
                        `：${event.workers.map((worker) => worker.name).join('、')}`}
                    </div>
                    {event.notes && <div>{event.notes}</div>}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      <BaseEventDialog
        baseId={base.id}
        event={editing ?? undefined}
        isOpen={isRecording || editing !== null}
        onClose={() => {
          setRecording(false);
          setEditing(null);
        }}
      />
    </Card>
  );
}

export function BaseWorkers({ baseId }: { readonly baseId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const workers = useBaseWorkers(baseId, page.page, page.pageSize);
  return (
    <Card title={t('channels.bases.workers')}>
      {workers.isError ? (
        <ErrorState error={workers.error} onRetry={() => void workers.refetch()} />
      ) : (
        <Table<BaseWorker>
          rowKey="id"
          data-testid="base-workers"
          loading={workers.isPending}
          dataSource={workers.data?.items ?? []}
          locale={{ emptyText: <EmptyState title={t('channels.bases.noWorkers')} /> }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: workers.data?.total ?? 0,
            onChange: (next, pageSize) => setPage({ page: next, pageSize }),
          }}
          columns={[
            {
              key: 'name',
              title: t('channels.surveys.name2'),
              render: (_, row) => (
                <ButtonLink to={`/workers/${row.id}`} type="link">
                  {row.name}
                </ButtonLink>
              ),
            },
            { key: 'age', title: t('channels.bases.age'), dataIndex: 'age' },
            {
              key: 'origin',
              title: t('channels.bases.origin'),
              render: (_, row) => row.originName ?? t('common.empty'),
            },
            {
              key: 'arrived',
              title: t('channels.bases.arrivedAt'),
              render: (_, row) => row.arrivedAt.slice(0, 10),
            },
          ]}
        />
      )}
    </Card>
  );
}
