import type { LateResponse } from '@yonggong/shared';
import {
  Alert,
  Card,
  Checkbox,
  Collapse,
  DatePicker,
  Flex,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useLateReports, useLatestMonitoringMonth } from '../../api/monitoring.ts';
import { useCity } from '../../api/regions.ts';
import { useMe } from '../../app/auth-context.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { listSelectableDistricts } from '../enterprises/district-scope.ts';
import { groupByLiaison } from './report-helpers.ts';

type LateItem = LateResponse['items'][number];
const STATUS_COLOUR: Record<LateItem['status'], string> = {
  missing: 'red',
  late: 'orange',
  pending: 'default',
};

/**
 * 迟报 / 未报: a month's monitored enterprises that reported after the window closed (late), have
 * not reported though it has closed (missing), or — while it is open — have yet to report
 * (pending), grouped by liaison officer with their counts; each enterprise links to its page.
 */
export function MonitoringLatePage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const latest = useLatestMonitoringMonth();
  const month = params.get('month') ?? latest.data?.month;
  const districtCode = params.get('district') ?? undefined;
  const isMine = params.get('liaison') === 'me';
  const late = useLateReports(month, isMine, districtCode);
  const city = useCity();
  const districts = city.data ? listSelectableDistricts(city.data.districts, me) : [];
  const districtName = (code: string) => city.data?.districts.find((d) => d.code === code)?.name ?? code;
  const change = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined || value === '') merged.delete(key);
      else merged.set(key, value);
    }
    setParams(merged);
  };

  const error = latest.error ?? late.error;
  if (error) return <ErrorState error={error} onRetry={() => void late.refetch()} />;
  if (!month || !late.data) return <FullPageSpin />;
  const data = late.data;
  const groups = groupByLiaison(data.items);
  const columns = [
    {
      key: 'name',
      title: t('monitoring.late.enterprises'),
      render: (_: unknown, item: LateItem) => (
        <Link
          to={`/monitoring/enterprises/${item.enterpriseId}`}
          data-testid={`late-enterprise-${item.enterpriseId}`}
        >
          {item.enterpriseName}
        </Link>
      ),
    },
    {
      key: 'district',
      title: t('monitoring.late.district'),
      width: 120,
      render: (_: unknown, item: LateItem) => districtName(item.districtCode),
    },
    {
      key: 'status',
      title: t('monitoring.late.status'),
      width: 100,
      render: (_: unknown, item: LateItem) => (
        <Tag color={STATUS_COLOUR[item.status]}>
          {item.status === 'pending'
            ? t('monitoring.late.pending')
            : t(`monitoring.lateStatus.${item.status}`)}
        </Tag>
      ),
    },
    {
      key: 'submittedAt',
      title: t('monitoring.late.submittedAt'),
      width: 160,
      render: (_: unknown, item: LateItem) =>
        item.submittedAt ? dayjs(item.submittedAt).format('YYYY-MM-DD HH:mm') : '—',
    },
  ];

  return (
    <>
      <PageHeader title={t('monitoring.late.title')} subtitle={t('monitoring.late.subtitle')} />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <DatePicker
            picker="month"
            allowClear={false}
            aria-label={t('monitoring.late.month')}
            value={dayjs(`${month}-01`)}
            disabledDate={(d) => d.isAfter(dayjs(), 'month')}
            onChange={(value) => change({ month: value ? value.format('YYYY-MM') : undefined })}
            data-testid="late-month"
          />
          {districts.length > 1 && (
            <Select
              allowClear
              aria-label={t('monitoring.late.district')}
              placeholder={t('monitoring.late.district')}
              style={{ width: 140 }}
              value={districtCode}
              options={districts.map((d) => ({ value: d.code, label: d.name }))}
              onChange={(value?: string) => change({ district: value })}
              data-testid="late-district"
            />
          )}
          <Checkbox
            checked={isMine}
            onChange={(e) => change({ liaison: e.target.checked ? 'me' : undefined })}
          >
            {t('monitoring.late.mine')}
          </Checkbox>
          <Typography.Text type="secondary" data-testid="late-window">
            {t('monitoring.late.window', { month, from: data.window.from, to: data.window.to })}
          </Typography.Text>
        </Flex>
      </Card>
      {!data.isClosed && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('monitoring.late.isOpen', { pending: data.pending })}
        />
      )}
      {groups.length === 0 ? (
        <Card>
          <EmptyState title={t('monitoring.late.empty')} />
        </Card>
      ) : (
        <Collapse
          data-testid="late-groups"
          defaultActiveKey={groups.slice(0, 3).map((g) => g.liaisonUserId ?? 'none')}
          items={groups.map((group) => ({
            key: group.liaisonUserId ?? 'none',
            label: (
              <Flex
                justify="space-between"
                wrap
                gap={8}
                data-testid={`late-liaison-${group.liaisonUserId ?? 'none'}`}
              >
                <Typography.Text strong>
                  {t('monitoring.late.liaison')}：{group.liaisonName ?? t('monitoring.late.noLiaison')}
                </Typography.Text>
                <Space size={4}>
                  <Tag color="red">{`${t('monitoring.late.missingCount')} ${group.missing}`}</Tag>
                  <Tag color="orange">{`${t('monitoring.late.lateCount')} ${group.late}`}</Tag>
                  <Tag>{`${t('monitoring.late.pending')} ${group.pending}`}</Tag>
                </Space>
              </Flex>
            ),
            children: (
              <Table<LateItem>
                rowKey="enterpriseId"
                size="small"
                columns={columns}
                dataSource={[...group.items]}
                pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
              />
            ),
          }))}
        />
      )}
    </>
  );
}
