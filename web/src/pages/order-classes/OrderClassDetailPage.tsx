import { useQueryClient } from '@tanstack/react-query';
import type { ClassImportStatus, ClassStudent, DeliverClassReply, OrderClass } from '@yonggong/shared';
import { classImportStatus, EDUCATION_LEVELS } from '@yonggong/shared';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Progress,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  classImportUrl,
  fetchClassImportStatus,
  orderClassKeys,
  useAddClassStudent,
  useClassStudents,
  useDeliverableOrders,
  useDeliverClass,
  useOrderClass,
  useWithdrawStudent,
} from '../../api/order-classes.ts';
import { uploadFile } from '../../api/upload.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { ImportErrorsTable } from '../../components/ImportDialogShell.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { showServerError } from '../schools/show-server-error.ts';
import { OrderClassFormDialog } from './components/OrderClassForm.tsx';

/** One class: facts, roster (masked), add / import students, deliver into an order. */
export function OrderClassDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const cls = useOrderClass(id);
  const [page, setPage] = useState(1);
  const students = useClassStudents(id, page);
  const withdraw = useWithdrawStudent(id);
  const [dialog, setDialog] = useState<'add' | 'import' | 'deliver' | 'edit' | null>(null);
  if (cls.isError) return <ErrorState error={cls.error} onRetry={() => void cls.refetch()} />;
  if (!cls.data) return <FullPageSpin />;
  const data = cls.data;
  return (
    <>
      <PageHeader
        title={data.name}
        subtitle={`${data.schoolName} · ${data.enterpriseName}`}
        backTo="/order-classes"
        extra={
          <Space wrap>
            {data.can.update && (
              <Button onClick={() => setDialog('edit')} data-testid="class-edit">
                {t('schools.classForm.editTitle')}
              </Button>
            )}
            {data.can.manageStudents && (
              <>
                <Button onClick={() => setDialog('add')} data-testid="student-add">
                  {t('schools.addStudent.open')}
                </Button>
                <Button onClick={() => setDialog('import')} data-testid="student-import">
                  {t('schools.importStudents.open')}
                </Button>
              </>
            )}
            {data.can.deliver && (
              <Button type="primary" onClick={() => setDialog('deliver')} data-testid="class-deliver">
                {t('schools.deliver.open')}
              </Button>
            )}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          items={[
            {
              key: 'kind',
              label: t('schools.classes.name'),
              children: t(`schools.classes.kinds.${data.kind}`),
            },
            { key: 'major', label: t('schools.classes.major'), children: data.majorName },
            {
              key: 'size',
              label: t('schools.classes.size'),
              children: <span data-testid="class-enrolled">{`${data.enrolled}/${data.classSize}`}</span>,
            },
            {
              key: 'period',
              label: t('schools.classes.graduation'),
              children: `${data.startDate} — ${data.graduationDate}`,
            },
            {
              key: 'stage',
              label: t('schools.classes.stage'),
              children: t(`schools.classes.stages.${data.stage}`),
            },
          ]}
        />
        {data.enrolled > data.classSize && (
          <Alert
            type="warning"
            showIcon
            message={t('schools.roster.overSize', { enrolled: data.enrolled, size: data.classSize })}
          />
        )}
        {data.deliveredAt && (
          <Alert
            type="success"
            showIcon
            message={t('schools.deliver.delivered', {
              date: data.deliveredAt.slice(0, 10),
              order: data.deliveredJobOrderTitle ?? '',
            })}
          />
        )}
      </Card>
      <Card title={t('schools.roster.title')}>
        <Table<ClassStudent>
          rowKey="workerId"
          size="small"
          loading={students.isPending}
          dataSource={students.data?.items ?? []}
          locale={{ emptyText: <EmptyState title={t('schools.roster.empty')} /> }}
          pagination={{ current: page, pageSize: 50, total: students.data?.total ?? 0, onChange: setPage }}
          columns={[
            { key: 'name', title: t('schools.roster.name'), dataIndex: 'name' },
            {
              key: 'sex',
              title: t('schools.roster.sex'),
              render: (_, row) => t(`schools.roster.${row.sex}`),
            },
            { key: 'birth', title: t('schools.roster.birthDate'), dataIndex: 'birthDate' },
            { key: 'id', title: t('schools.roster.idNumber'), dataIndex: 'idNumberMasked' },
            { key: 'phone', title: t('schools.roster.phone'), dataIndex: 'phoneMasked' },
            {
              key: 'status',
              title: t('schools.roster.status'),
              render: (_, row) => (
                <Tag color={row.status === 'enrolled' ? 'green' : 'default'}>
                  {t(`schools.roster.${row.status}`)}
                </Tag>
              ),
            },
            {
              key: 'application',
              title: t('schools.roster.application'),
              render: (_, row) =>
                row.deliveredApplicationStatus ? (
                  <Tag color="blue" data-testid="student-application">
                    {t(`application.status.${row.deliveredApplicationStatus}`, {
                      defaultValue: row.deliveredApplicationStatus,
                    })}
                  </Tag>
                ) : (
                  '—'
                ),
            },
            {
              key: 'actions',
              title: '',
              render: (_, row) =>
                data.can.manageStudents &&
                row.status === 'enrolled' && (
                  <Button size="small" type="link" onClick={() => withdraw.mutate(row.workerId)}>
                    {t('schools.roster.withdraw')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      {dialog === 'add' && <AddStudentDialog classId={id} onClose={() => setDialog(null)} />}
      {dialog === 'import' && <ImportStudentsDialog cls={data} onClose={() => setDialog(null)} />}
      {dialog === 'deliver' && <DeliverDialog cls={data} onClose={() => setDialog(null)} />}
      <OrderClassFormDialog
        isOpen={dialog === 'edit'}
        orderClass={data}
        onReload={() => void cls.refetch()}
        onClose={() => setDialog(null)}
      />
    </>
  );
}

interface StudentForm {
  readonly name: string;
  readonly idNumber: string;
  readonly phone: string;
  readonly education: (typeof EDUCATION_LEVELS)[number];
}

function AddStudentDialog({ classId, onClose }: { readonly classId: string; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<StudentForm>();
  const add = useAddClassStudent(classId);
  return (
    <Modal
      open
      title={t('schools.addStudent.title')}
      okText={t('schools.addStudent.save')}
      onCancel={onClose}
      confirmLoading={add.isPending}
      onOk={() =>
        void form.validateFields().then((values) =>
          add.mutate(values, {
            onSuccess: (reply) => {
              const key =
                reply.outcome === 'created'
                  ? 'created'
                  : reply.outcome === 'linked_existing'
                    ? 'linked'
                    : 'already';
              void message.success(t(`schools.addStudent.${key}`));
              onClose();
            },
            onError: (error) =>
              showServerError(
                form,
                error,
                ['name', 'idNumber', 'phone', 'education'],
                (text) => void message.error(text),
              ),
          }),
        )
      }
    >
      <Form form={form} layout="vertical" initialValues={{ education: 'vocational' }}>
        <Form.Item name="name" label={t('schools.addStudent.name')} rules={[{ required: true }]}>
          <Input data-testid="student-name" />
        </Form.Item>
        <Form.Item name="idNumber" label={t('schools.addStudent.idNumber')} rules={[{ required: true }]}>
          <Input data-testid="student-id-number" />
        </Form.Item>
        <Form.Item name="phone" label={t('schools.addStudent.phone')} rules={[{ required: true }]}>
          <Input data-testid="student-phone" />
        </Form.Item>
        <Form.Item name="education" label={t('schools.addStudent.education')}>
          <Select
            options={EDUCATION_LEVELS.map((level) => ({
              value: level,
              label: t(`education.${level}`, { defaultValue: level }),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ImportStudentsDialog({ cls, onClose }: { readonly cls: OrderClass; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [mode, setMode] = useState<'all' | 'valid'>('all');
  const [status, setStatus] = useState<ClassImportStatus | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const queryClient = useQueryClient();
  const start = async (file: File) => {
    setIsBusy(true);
    try {
      let current = await uploadFile({
        url: classImportUrl(cls.id, mode),
        file,
        fieldName: 'file',
        schema: classImportStatus,
        onProgress: () => undefined,
      });
      setStatus(current);
      while (current.status === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        current = await fetchClassImportStatus(cls.id, current.importId);
        setStatus(current);
      }
      // The roster and the counts changed.
      void queryClient.invalidateQueries({ queryKey: orderClassKeys.all });
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <Modal open width={760} title={t('schools.importStudents.title')} footer={null} onCancel={onClose}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert type="info" showIcon message={t('schools.importStudents.hint')} />
        <Space>
          <Radio.Group value={mode} onChange={(event) => setMode(event.target.value)}>
            <Radio value="all">{t('schools.importStudents.modeAll')}</Radio>
            <Radio value="valid">{t('schools.importStudents.modeValid')}</Radio>
          </Radio.Group>
          <Button href="/api/workers/import/template">{t('schools.importStudents.template')}</Button>
        </Space>
        <Upload
          accept=".xlsx,.csv"
          showUploadList={false}
          disabled={isBusy}
          beforeUpload={(file) => {
            void start(file);
            return false;
          }}
        >
          <Button type="primary" loading={isBusy} data-testid="student-import-file">
            {t('schools.importStudents.choose')}
          </Button>
        </Upload>
        {status && <ImportResult status={status} />}
      </Space>
    </Modal>
  );
}

function ImportResult({ status }: { readonly status: ClassImportStatus }) {
  const { t } = useTranslation();
  if (status.status === 'running')
    return (
      <>
        <Progress percent={Math.round(status.progress * 100)} />
        {t('schools.importStudents.running', { processed: status.processedRows })}
      </>
    );
  return (
    <div data-testid="student-import-result">
      {status.committed ? (
        <Alert
          type={status.failed > 0 ? 'warning' : 'success'}
          showIcon
          message={t('schools.importStudents.done', {
            created: status.created,
            linked: status.linked,
            attached: status.attached,
          })}
        />
      ) : (
        <Alert
          type="error"
          showIcon
          message={
            status.failure?.message ?? t('schools.importStudents.notCommitted', { failed: status.failed })
          }
        />
      )}
      {status.overSize && (
        <Alert
          type="warning"
          showIcon
          message={t('schools.roster.overSize', { enrolled: status.enrolled, size: status.classSize })}
        />
      )}
      {status.errors.length > 0 && (
        <ImportErrorsTable
          testId="student-import-errors"
          labels={{
            row: t('schools.importStudents.row'),
            column: t('schools.importStudents.column'),
            message: t('schools.importStudents.message'),
          }}
          errors={status.errors}
          rowKey={(row) => `${row.row}-${row.column}`}
          widths={{}}
          pagination={{ pageSize: 10 }}
        />
      )}
    </div>
  );
}

function DeliverDialog({ cls, onClose }: { readonly cls: OrderClass; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const orders = useDeliverableOrders(cls.id, true);
  const deliver = useDeliverClass(cls.id);
  const [jobOrderId, setJobOrderId] = useState<string | undefined>(undefined);
  const [result, setResult] = useState<DeliverClassReply | null>(null);
  return (
    <Modal
      open
      width={760}
      title={t('schools.deliver.title')}
      onCancel={onClose}
      okText={t('schools.deliver.submit')}
      okButtonProps={{ disabled: !jobOrderId || result !== null, ...{ 'data-testid': 'deliver-submit' } }}
      confirmLoading={deliver.isPending}
      onOk={() => {
        if (!jobOrderId) return;
        deliver.mutate(
          { jobOrderId },
          {
            onSuccess: setResult,
            onError: (error) => void message.error(error instanceof Error ? error.message : String(error)),
          },
        );
      }}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert type="info" showIcon message={t('schools.deliver.hint')} />
        <Select
          style={{ width: '100%' }}
          placeholder={t('schools.deliver.order')}
          loading={orders.isPending}
          value={jobOrderId}
          onChange={setJobOrderId}
          data-testid="deliver-order"
          notFoundContent={t('schools.deliver.noOrders')}
          options={(orders.data?.items ?? []).map((order) => ({
            value: order.id,
            label: `${order.title}（${t('schools.deliver.places', { filled: order.filled, headcount: order.headcount })}）`,
          }))}
        />
        {result && (
          <div data-testid="deliver-result">
            <Alert
              type="success"
              showIcon
              message={t('schools.deliver.result', { created: result.created, skipped: result.skipped })}
            />
            <Table
              rowKey="workerId"
              size="small"
              pagination={{ pageSize: 10 }}
              dataSource={result.results}
              columns={[
                { key: 'name', title: t('schools.deliver.student'), dataIndex: 'name' },
                {
                  key: 'outcome',
                  title: t('schools.deliver.outcome'),
                  render: (_, row) => (
                    <Tag color={row.outcome === 'created' ? 'green' : 'default'}>
                      {t(`schools.deliver.outcomes.${row.outcome}`)}
                    </Tag>
                  ),
                },
              ]}
            />
          </div>
        )}
      </Space>
    </Modal>
  );
}
