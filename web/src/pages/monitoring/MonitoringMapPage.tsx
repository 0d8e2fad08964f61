import { addMonths as shiftMonth } from '@yonggong/engine';
import type { MapDistrictItem, MapEnterpriseItem, MapIndustryItem } from '@yonggong/shared';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Flex,
  List,
  Row,
  Segmented,
  Slider,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { buildQueryString } from '../../api/client.ts';
import {
  useBoundaries,
  useLatestMonitoringMonth,
  useMonitoringAlerts,
  useMonitoringMap,
  useMonitoringTrends,
} from '../../api/monitoring.ts';
import { EChart } from '../../charts/EChart.tsx';
import { echarts } from '../../charts/echarts.ts';
import {
  buildDistrictMapOption,
  buildTrendOption,
  COLOUR_HEX,
  type Colour,
  formatPercent,
  MAP_NAME,
} from '../../charts/monitoring-options.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

const SLIDER_MONTHS = 36;
const registered = new Set<string>();

/** A colour as a small tag (绿/黄/红/未报). */
export function ColourTag({ colour }: { readonly colour: Colour }) {
  const { t } = useTranslation();
  return (
    <Tag color={colour === 'none' ? 'default' : COLOUR_HEX[colour]} data-testid={`colour-${colour}`}>
      {t(`monitoring.colour.${colour}`)}
    </Tag>
  );
}

/**
 * 用工监测三色图: the city by district (or industry) for a month, drill-down to a district's
 * enterprises and on to one enterprise, a month slider, trends of shortage rate and 求人倍率, alerts,
 * and Excel export. The state lives in the URL (month, level, district, liaison).
 */
export function MonitoringMapPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const latest = useLatestMonitoringMonth();
  const month = params.get('month') ?? latest.data?.month;
  const level = params.get('level') === 'industry' ? 'industry' : 'district';
  const districtCode = params.get('district') ?? undefined;
  const liaisonMe = params.get('liaison') === 'me';
  const change = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined || value === '') merged.delete(key);
      else merged.set(key, value);
    }
    setParams(merged);
  };
  const scope = { ...(liaisonMe ? { liaison: 'me' as const } : {}) };
  const aggregate = useMonitoringMap({ level, month: month ?? '', ...scope }, month !== undefined);
  const points = useMonitoringMap(
    { level: 'enterprise', month: month ?? '', ...scope, ...(districtCode ? { districtCode } : {}) },
    month !== undefined,
  );
  const districtsForMap = useMonitoringMap(
    { level: 'district', month: month ?? '', ...scope },
    month !== undefined,
  );
  const boundaries = useBoundaries();
  const alerts = useMonitoringAlerts(month, liaisonMe);
  const trendTo = month ?? '';
  const trends = useMonitoringTrends({
    from: month ? shiftMonth(month, -23) : '',
    to: trendTo,
    ...(districtCode ? { districtCode } : {}),
    ...scope,
  });

  if (boundaries.data && !registered.has(MAP_NAME)) {
    echarts.registerMap(MAP_NAME, boundaries.data as unknown as Parameters<typeof echarts.registerMap>[1]);
    registered.add(MAP_NAME);
  }
  const notice = boundaries.data
    ? i18n.language === 'en'
      ? boundaries.data.noticeEn
      : boundaries.data.notice
    : '';
  const mapData = districtsForMap.data?.level === 'district' ? districtsForMap.data.items : [];
  const pointData = points.data?.level === 'enterprise' ? points.data.items : [];
  const mapOption = useMemo(
    () =>
      buildDistrictMapOption({
        districts: mapData,
        points: pointData,
        notice,
        rateLabel: t('monitoring.map.rate'),
        selectedDistrictCode: districtCode ?? null,
      }),
    [mapData, pointData, notice, districtCode, t],
  );
  const trendOption = useMemo(
    () =>
      buildTrendOption({
        series: (trends.data?.series ?? []).slice(0, districtCode ? 2 : 1).map((s) => ({
          ...s,
          name: s.districtCode === null ? t('monitoring.map.city') : s.name,
        })),
        rateLabel: t('monitoring.map.rate'),
        ratioLabel: t('monitoring.map.seekerRatio'),
      }),
    [trends.data, districtCode, t],
  );

  const thresholds = aggregate.data?.thresholds;
  const months = month
    ? Array.from({ length: SLIDER_MONTHS }, (_, i) =>
        shiftMonth(latest.data?.month ?? month, i - SLIDER_MONTHS + 1),
      )
    : [];
  const districtName = mapData.find((d) => d.districtCode === districtCode)?.name ?? districtCode ?? '';
  const exportQuery = {
    level: districtCode ? 'enterprise' : level,
    month,
    ...(districtCode ? { districtCode } : {}),
    ...scope,
  };

  const aggregateColumns = [
    {
      title: level === 'district' ? t('monitoring.map.district') : t('monitoring.map.industry'),
      dataIndex: 'name',
      render: (name: string, row: MapDistrictItem | MapIndustryItem) =>
        'districtCode' in row ? (
          <Button
            type="link"
            size="small"
            data-testid={`district-${row.districtCode}`}
            onClick={() => change({ district: row.districtCode })}
          >
            {name}
          </Button>
        ) : (
          name
        ),
    },
    { title: t('monitoring.map.enterprises'), dataIndex: 'enterprises', align: 'right' as const },
    {
      title: t('monitoring.map.rate'),
      dataIndex: 'shortageRate',
      align: 'right' as const,
      render: formatPercent,
    },
    {
      title: t('monitoring.map.colour'),
      dataIndex: 'colour',
      render: (colour: Colour) => <ColourTag colour={colour} />,
    },
    {
      title: t('monitoring.map.counts'),
      key: 'counts',
      render: (_: unknown, row: MapDistrictItem | MapIndustryItem) =>
        `${row.counts.red} / ${row.counts.yellow} / ${row.counts.green} / ${row.counts.none}`,
    },
    ...(level === 'district'
      ? [
          {
            title: t('monitoring.map.seekerRatio'),
            dataIndex: 'seekerRatio',
            align: 'right' as const,
            render: (ratio: number | null) => (ratio === null ? '—' : ratio.toFixed(2)),
          },
        ]
      : []),
  ];
  const enterpriseColumns = [
    {
      title: t('monitoring.map.enterprises'),
      dataIndex: 'name',
      render: (name: string, row: MapEnterpriseItem) => (
        <Link
          to={`/monitoring/enterprises/${row.enterpriseId}`}
          data-testid={`enterprise-${row.enterpriseId}`}
        >
          {name}
        </Link>
      ),
    },
    { title: t('monitoring.map.planned'), dataIndex: 'plannedHeadcount', align: 'right' as const },
    { title: t('monitoring.map.shortage'), dataIndex: 'shortage', align: 'right' as const },
    {
      title: t('monitoring.map.rate'),
      dataIndex: 'shortageRate',
      align: 'right' as const,
      render: formatPercent,
    },
    {
      title: t('monitoring.map.colour'),
      dataIndex: 'colour',
      render: (colour: Colour) => <ColourTag colour={colour} />,
    },
    {
      title: t('monitoring.map.previousColour'),
      dataIndex: 'previousColour',
      render: (colour: Colour) => <ColourTag colour={colour} />,
    },
  ];

  const error = latest.error ?? aggregate.error;
  if (error) return <ErrorState error={error} onRetry={() => void aggregate.refetch()} />;
  const pct = (rate: number | undefined) =>
    rate === undefined ? '' : formatPercent(rate).replace('.0%', '%');
  return (
    <>
      <PageHeader
        title={t('monitoring.map.title')}
        subtitle={
          thresholds
            ? t('monitoring.map.subtitle', {
                yellow: pct(thresholds.yellowFrom),
                red: pct(thresholds.redAbove),
              })
            : undefined
        }
        extra={
          <Button
            href={`/api/monitoring/map/export${buildQueryString(exportQuery)}`}
            data-testid="monitoring-export"
          >
            {t('monitoring.map.export')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={24} align="center" wrap>
          <Flex gap={8} align="center" style={{ flex: 1, minWidth: 280 }}>
            <Typography.Text>{t('monitoring.map.month')}</Typography.Text>
            <Slider
              aria-label={t('monitoring.map.month')}
              style={{ flex: 1 }}
              min={0}
              max={Math.max(0, months.length - 1)}
              value={Math.max(0, months.indexOf(month ?? ''))}
              tooltip={{ formatter: (i) => (i === undefined ? '' : months[i]) }}
              onChange={(i: number) => change({ month: months[i] })}
            />
            <Typography.Text strong data-testid="monitoring-month">
              {month}
            </Typography.Text>
          </Flex>
          <Segmented
            value={level}
            options={[
              { value: 'district', label: t('monitoring.map.byDistrict') },
              { value: 'industry', label: t('monitoring.map.byIndustry') },
            ]}
            onChange={(value) => change({ level: value === 'industry' ? 'industry' : undefined })}
          />
          <Checkbox
            checked={liaisonMe}
            onChange={(e) => change({ liaison: e.target.checked ? 'me' : undefined })}
          >
            {t('monitoring.map.liaisonMine')}
          </Checkbox>
        </Flex>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card style={{ marginBottom: 16 }} data-testid="monitoring-map">
            {boundaries.isError && (
              <Alert
                type="info"
                showIcon
                title={t('monitoring.map.noBoundaries')}
                style={{ marginBottom: 8 }}
              />
            )}
            {notice && (
              <Typography.Text type="warning" data-testid="boundary-notice">
                {notice}
              </Typography.Text>
            )}
            {(boundaries.data || boundaries.isError) && (
              <EChart
                option={mapOption}
                style={{ height: 520 }}
                data-testid="monitoring-map-chart"
                onClick={(event) => {
                  const data = (event.data ?? {}) as { districtCode?: string; enterpriseId?: string };
                  if (data.enterpriseId) void navigate(`/monitoring/enterprises/${data.enterpriseId}`);
                  else if (data.districtCode) change({ district: data.districtCode });
                }}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            style={{ marginBottom: 16 }}
            title={districtCode ? t('monitoring.map.enterpriseList', { district: districtName }) : undefined}
            extra={
              districtCode ? (
                <Button
                  size="small"
                  onClick={() => change({ district: undefined })}
                  data-testid="back-to-city"
                >
                  {t('monitoring.map.allDistricts')}
                </Button>
              ) : undefined
            }
          >
            {districtCode ? (
              <>
                {points.data?.level === 'enterprise' && points.data.total > pointData.length && (
                  <Typography.Text type="secondary">
                    {t('monitoring.map.more', { total: points.data.total, shown: pointData.length })}
                  </Typography.Text>
                )}
                <Table<MapEnterpriseItem>
                  rowKey="enterpriseId"
                  size="small"
                  loading={points.isFetching}
                  dataSource={pointData}
                  columns={enterpriseColumns}
                  pagination={{ pageSize: 15, showSizeChanger: false }}
                  locale={{ emptyText: <EmptyState title={t('monitoring.map.empty')} /> }}
                />
              </>
            ) : (
              <Table<MapDistrictItem | MapIndustryItem>
                rowKey={(row) => ('districtCode' in row ? row.districtCode : row.industryCode)}
                size="small"
                loading={aggregate.isFetching}
                dataSource={aggregate.data?.level === 'enterprise' ? [] : (aggregate.data?.items ?? [])}
                columns={aggregateColumns}
                pagination={false}
                locale={{ emptyText: <EmptyState title={t('monitoring.map.empty')} /> }}
              />
            )}
          </Card>
          <Card title={t('monitoring.map.alerts')} size="small" style={{ marginBottom: 16 }}>
            <List
              size="small"
              dataSource={alerts.data?.items ?? []}
              locale={{ emptyText: t('common.empty') }}
              renderItem={(alert) => (
                <List.Item>
                  <Link to={`/monitoring/enterprises/${alert.enterpriseId}`}>{alert.enterpriseName}</Link>
                  <span>
                    <Tag color={alert.kind === 'turned_red' ? 'red' : 'orange'}>
                      {t(`monitoring.alertKind.${alert.kind}`)}
                    </Tag>
                    {formatPercent(alert.previousShortageRate)} → {formatPercent(alert.shortageRate)}
                  </span>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      <Card title={t('monitoring.map.trends')}>
        <EChart option={trendOption} style={{ height: 320 }} />
      </Card>
    </>
  );
}
