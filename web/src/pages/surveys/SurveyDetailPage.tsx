import { useQueryClient } from '@tanstack/react-query';
import type { ImportMode, ImportResult, SurveyRecord, Willingness } from '@yonggong/shared';
import { Alert, App, Button, Card, Modal, Radio, Select, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  SURVEY_TEMPLATE_URL,
  surveyKeys,
  uploadSurveyRecords,
  useConvertRecords,
  useSurvey,
  useSurveyCoverage,
  useSurveyRecords,
} from '../../api/surveys.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { describeError } from '../../components/error-text.ts';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { ImportErrorsTable } from '../../components/ImportDialogShell.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLocale } from '../../i18n/index.ts';
import { SurveyRecordDialog } from './components/SurveyRecordDialog.tsx';
import { useCoverageColumns } from './SurveyListPage.tsx';

const WILLING_COLOR = { yes: 'green', no: 'default', undecided: 'gold' } as const;

/** One campaign: coverage by village, its records (masked), import, and conversion to workers. */
export function SurveyDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const survey = useSurvey(id);
  const coverage = useSurveyCoverage(id);
  const coverageColumns = useCoverageColumns();
  const [query, setQuery] = useState<{
    page: number;
    pageSize: number;
    willing?: Willingness;
    village?: string;
  }>({ page: 1, pageSize: 20 });
  const records = useSurveyRecords(id, query);
  const convert = useConvertRecords(id);
  const [selected, setSelected] = useState<string[]>([]);
  const [isImporting, setImporting] = useState(false);
  const [isAdding, setAdding] = useState(false);
  const [editing, setEditing] = useState<SurveyRecord | null>(null);

  if (survey.isPending) return <FullPageSpin />;
  if (survey.isError) return <ErrorState error={survey.error} onRetry={() => void survey.refetch()} />;
  const campaign = survey.data;

  const runConvert = async (body: { recordIds: string[] } | { allWilling: true }) => {
    try {
      const result = await convert.mutateAsync(body);
      void message.success(
        t('channels.surveys.convertDone', {
          created: result.created,
          linked: result.linked,
          already: result.alreadyConverted,
        }),
      );
      setSelected([]);
    } catch (error) {
      void message.error(describeError(error, t, locale));
    }
  };

  return (
    <>
      <PageHeader
        title={campaign.name}
        subtitle={`${campaign.countyName} ${campaign.townshipName} · ${campaign.organiser} · ${campaign.periodStart} ~ ${campaign.periodEnd}`}
        backTo="/surveys"
        extra={
          campaign.can.addRecords && (
            <Space wrap>
              <Button onClick={() => setAdding(true)} data-testid="survey-record-add">
                {t('channels.surveys.addRecord')}
              </Button>
              <Button href={SURVEY_TEMPLATE_URL}>{t('channels.surveys.template')}</Button>
              <Button onClick={() => setImporting(true)} data-testid="survey-import">
                {t('channels.surveys.import')}
              </Button>
              <Button
                disabled={selected.length === 0}
                loading={convert.isPending}
                onClick={() => void runConvert({ recordIds: selected })}
              >
                {t('channels.surveys.convertSelected', { count: selected.length })}
              </Button>
              <Button
                type="primary"
                loading={convert.isPending}
                onClick={() => void runConvert({ allWilling: true })}
                data-testid="survey-convert-all"
              >
                {t('channels.surveys.convertAll')}
              </Button>
            </Space>
          )
        }
      />
      <Card title={t('channels.surveys.byVillage')} style={{ marginBottom: 16 }}>
        <Table
          rowKey="key"
          size="small"
          loading={coverage.isPending}
          dataSource={
            coverage.data
              ? [
                  ...coverage.data.rows,
                  {
                    key: '__total',
                    label: t('common.total', { total: coverage.data.totals.surveyed }),
                    ...coverage.data.totals,
                  },
                ]
              : []
          }
          pagination={false}
          columns={[
            { key: 'label', title: t('channels.surveys.village'), dataIndex: 'label' },
            ...coverageColumns,
          ]}
        />
      </Card>
      <Card title={t('channels.surveys.records')}>
        <Space style={{ marginBottom: 16 }} wrap>
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('channels.surveys.willingness')}
            value={query.willing}
            onChange={(willing?: Willingness) => setQuery({ ...query, willing, page: 1 })}
            options={(['yes', 'undecided', 'no'] as const).map((value) => ({
              value,
              label: t(`channels.surveys.willingValues.${value}`),
            }))}
          />
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('channels.surveys.village')}
            value={query.village}
            onChange={(village?: string) => setQuery({ ...query, village, page: 1 })}
            options={(coverage.data?.rows ?? []).map((row) => ({ value: row.key, label: row.label }))}
          />
        </Space>
        {records.isError ? (
          <ErrorState error={records.error} onRetry={() => void records.refetch()} />
        ) : (
          <Table<SurveyRecord>
            rowKey="id"
            data-testid="survey-records"
            loading={records.isPending}
            dataSource={records.data?.items ?? []}
            locale={{ emptyText: <EmptyState title={t('channels.surveys.empty')} /> }}
            rowSelection={
              campaign.can.convert
                ? {
                    selectedRowKeys: selected,
                    onChange: (keys) => setSelected(keys.map(String)),
                    getCheckboxProps: (row) => ({ disabled: row.conversion !== null }),
                  }
                : undefined
            }
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: records.data?.total ?? 0,
              onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
            }}
            columns={[
              { key: 'village', title: t('channels.surveys.village'), dataIndex: 'village' },
              { key: 'name', title: t('channels.surveys.name2'), dataIndex: 'name' },
              { key: 'id', title: t('channels.surveys.idNumber'), dataIndex: 'idNumberMasked' },
              { key: 'phone', title: t('channels.surveys.phone'), dataIndex: 'phoneMasked' },
              { key: 'age', title: t('channels.surveys.age'), dataIndex: 'age' },
              {
                key: 'willing',
                title: t('channels.surveys.willingness'),
                render: (_, row) => (
                  <Tag color={WILLING_COLOR[row.willing]}>
                    {t(`channels.surveys.willingValues.${row.willing}`)}
                  </Tag>
                ),
              },
              {
                key: 'skills',
                title: t('channels.surveys.skills'),
                render: (_, row) => row.skills.join('、'),
              },
              {
                key: 'destinations',
                title: t('channels.surveys.destinations'),
                render: (_, row) => row.preferredRegionNames.join('、'),
              },
              {
                key: 'earliest',
                title: t('channels.surveys.earliest'),
                render: (_, row) => row.earliestDate ?? t('common.empty'),
              },
              {
                key: 'conversion',
                title: t('channels.surveys.conversion'),
                render: (_, row) =>
                  row.conversion ? (
                    <ButtonLink to={`/workers/${row.conversion.workerId}`} type="link">
                      {row.conversion.isNewWorker
                        ? t('channels.surveys.convertedYes')
                        : t('channels.surveys.linked')}
                    </ButtonLink>
                  ) : (
                    t('common.empty')
                  ),
              },
              ...(campaign.can.addRecords
                ? [
                    {
                      key: 'actions',
                      title: '',
                      render: (_: unknown, row: SurveyRecord) => (
                        <Button
                          size="small"
                          onClick={() => setEditing(row)}
                          data-testid={`survey-record-edit-${row.id}`}
                        >
                          {t('channels.surveys.editRecord')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      <SurveyImportDialog campaignId={id} isOpen={isImporting} onClose={() => setImporting(false)} />
      <SurveyRecordDialog
        campaignId={id}
        record={editing ?? undefined}
        isOpen={isAdding || editing !== null}
        onClose={() => {
          setAdding(false);
          setEditing(null);
        }}
      />
    </>
  );
}

function SurveyImportDialog({
  campaignId,
  isOpen,
  onClose,
}: {
  readonly campaignId: string;
  readonly isOpen: boolean;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<ImportMode>('all');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [isUploading, setUploading] = useState(false);
  const start = async () => {
    if (!file) return;
    setUploading(true);
    setProblem(null);
    try {
      const reply = await uploadSurveyRecords(campaignId, file, mode, () => undefined);
      setResult(reply);
      void queryClient.invalidateQueries({ queryKey: surveyKeys.all });
    } catch (error) {
      setProblem(describeError(error, t, locale));
    } finally {
      setUploading(false);
    }
  };
  const close = () => {
    setFile(null);
    setResult(null);
    setProblem(null);
    onClose();
  };
  return (
    <Modal
      open={isOpen}
      title={t('channels.surveys.import')}
      onCancel={close}
      onOk={() => (result ? close() : void start())}
      okButtonProps={{ disabled: !file && !result, loading: isUploading }}
      width={760}
      destroyOnHidden
    >
      {result ? (
        <>
          <Alert
            type={result.committed ? (result.failed > 0 ? 'warning' : 'success') : 'error'}
            showIcon
            title={
              result.committed
                ? t('channels.surveys.importDone', {
                    created: result.created,
                    unchanged: result.unchanged,
                    failed: result.failed,
                  })
                : t('channels.surveys.importRejected')
            }
            style={{ marginBottom: 16 }}
          />
          {result.errors.length > 0 && (
            <ImportErrorsTable
              labels={{
                row: t('channels.surveys.row'),
                column: t('channels.surveys.column'),
                message: t('channels.surveys.problem'),
              }}
              errors={result.errors}
              rowKey={(error) => `${error.row}:${error.column}:${error.code}`}
              widths={{ row: 70, column: 160 }}
              pagination={false}
            />
          )}
        </>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Radio.Group
            value={mode}
            onChange={(event) => setMode(event.target.value === 'valid' ? 'valid' : 'all')}
          >
            <Radio value="all">{t('channels.surveys.modeAll')}</Radio>
            <Radio value="valid">{t('channels.surveys.modeValid')}</Radio>
          </Radio.Group>
          <Upload.Dragger
            accept=".xlsx,.csv"
            maxCount={1}
            beforeUpload={(picked) => {
              setFile(picked);
              return false;
            }}
            fileList={file ? [{ uid: 'survey-file', name: file.name, status: 'done' }] : []}
            onRemove={() => setFile(null)}
          >
            <p>{t('channels.surveys.choose')}</p>
          </Upload.Dragger>
          {problem && <Alert type="error" showIcon role="alert" title={problem} />}
        </Space>
      )}
    </Modal>
  );
}
