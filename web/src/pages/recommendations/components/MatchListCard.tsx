import { ReloadOutlined, SendOutlined } from '@ant-design/icons';
import type { RecommendationReply } from '@yonggong/shared';
import { Button, Card, Flex, Space, Table, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type RecommendationFilters,
  type RecommendationSubject,
  useRecommendations,
} from '../../../api/recommendations.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { isRecommendable, type MatchRow, readRowId } from '../match-results.ts';
import { useRecommendActions } from '../use-recommend-actions.ts';
import { BulkRecommendResults } from './BulkRecommendResults.tsx';
import { hasMatchFilters, MatchFilters } from './MatchFilters.tsx';
import { MatchScore } from './MatchScore.tsx';
import { MatchTags } from './MatchTags.tsx';

export interface MatchListCardProps<Row extends MatchRow> {
  readonly title: string;
  /** Orders for a worker, or workers for an order. */
  readonly subject: RecommendationSubject;
  /** The reply's list of this side (`orders` or `workers`). */
  readonly pickRows: (reply: RecommendationReply) => readonly Row[];
  /** How a row is named in messages and accessible names. */
  readonly nameOf: (row: Row) => string;
  /** The first lines of a row's main cell: its link and facts; the card adds tags and reasons. */
  readonly renderSubject: (row: Row) => ReactNode;
  readonly mainTitle: string;
  /** Columns between the main cell and the score. */
  readonly columns: TableColumnsType<Row>;
  /** Whether this user may 推介 here (then rows get a button and a checkbox). */
  readonly canRecommend: boolean;
  readonly isKeyOnlyShown: boolean;
  readonly emptyTitle: string;
  readonly emptyText: string;
  /**
   * Test ids: `<cardTestId>` on the card and its controls (`-bulk`, `-results`, `-empty`, filters);
   * `<rowTestId>-<part>-<id>` per row (`reasons`, `details`, `recommend`, `select`, `status`).
   */
  readonly cardTestId: string;
  readonly rowTestId: string;
}

/**
 * A ranked recommendation list on a detail page: filters, rank, the subject's facts, tags (over
 * capacity, already in the pipeline), the reasons sentence, the score with its breakdown, and
 * 推介 per row or for the selected rows. Loading, error and empty states say what is going on; an
 * empty list explains the hard requirements that keep candidates out.
 */
export function MatchListCard<Row extends MatchRow>(props: MatchListCardProps<Row>) {
  const { subject, pickRows, nameOf, canRecommend, cardTestId, rowTestId } = props;
  const { t } = useTranslation();
  const [filters, setFilters] = useState<RecommendationFilters>({});
  const list = useRecommendations(subject, filters);
  const rows = list.data ? pickRows(list.data) : [];
  const actions = useRecommendActions(subject, (id) => {
    const row = rows.find((candidate) => readRowId(candidate) === id);
    return row ? nameOf(row) : undefined;
  });
  const selectedCount = rows.filter(
    (row) => actions.selectedIds.has(readRowId(row)) && isRecommendable(row),
  ).length;
  const clearFilters = () => setFilters({});

  const columns: TableColumnsType<Row> = [
    {
      key: 'rank',
      title: t('match.columns.rank'),
      width: 64,
      render: (_, row) => <Typography.Text strong>#{row.rank}</Typography.Text>,
    },
    {
      key: 'main',
      title: props.mainTitle,
      render: (_, row) => {
        const id = readRowId(row);
        return (
          <Flex vertical gap={4} style={{ minWidth: 280 }}>
            {props.renderSubject(row)}
            {(row.overCapacity || row.applicationStatus) && (
              <Space size={4} wrap>
                <MatchTags
                  overCapacity={row.overCapacity}
                  applicationStatus={row.applicationStatus}
                  statusTestId={`${rowTestId}-status-${id}`}
                />
              </Space>
            )}
            <Typography.Text type="secondary" data-testid={`${rowTestId}-reasons-${id}`}>
              {row.reasons}
            </Typography.Text>
          </Flex>
        );
      },
    },
    ...props.columns,
    {
      key: 'score',
      title: t('match.columns.score'),
      render: (_, row) => (
        <MatchScore
          score={row.score}
          terms={row.terms}
          name={nameOf(row)}
          testId={`${rowTestId}-details-${readRowId(row)}`}
        />
      ),
    },
  ];
  if (canRecommend)
    columns.push({
      key: 'action',
      title: t('match.columns.action'),
      render: (_, row) => {
        const id = readRowId(row);
        const isSending = actions.pendingIds.has(id);
        return (
          <Button
            size="small"
            icon={<SendOutlined />}
            disabled={!isRecommendable(row) || (actions.isPending && !isSending)}
            loading={isSending}
            aria-label={t('match.recommendLabel', { name: nameOf(row) })}
            data-testid={`${rowTestId}-recommend-${id}`}
            onClick={() => actions.recommendOne(id)}
          >
            {t('match.recommend')}
          </Button>
        );
      },
    });

  return (
    <Card
      title={props.title}
      data-testid={cardTestId}
      extra={
        <Space size={8}>
          {list.data && (
            <Typography.Text type="secondary">
              {t('match.computedAt', { time: dayjs(list.data.computedAt).format('ll LT') })}
            </Typography.Text>
          )}
          <Button
            type="text"
            size="small"
            icon={<ReloadOutlined />}
            aria-label={t('match.refresh')}
            title={t('match.refresh')}
            loading={list.isFetching}
            onClick={() => void list.refetch()}
          />
        </Space>
      }
    >
      <MatchFilters
        filters={filters}
        onChange={(changes) => setFilters((current) => ({ ...current, ...changes }))}
        onClear={clearFilters}
        isKeyOnlyShown={props.isKeyOnlyShown}
        testIdPrefix={cardTestId}
      />
      {canRecommend && selectedCount > 0 && (
        <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
          <Typography.Text strong>{t('match.bulk.selected', { count: selectedCount })}</Typography.Text>
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={actions.isPending}
            data-testid={`${cardTestId}-bulk`}
            onClick={() => actions.recommendSelected(rows)}
          >
            {t('match.bulk.submit')}
          </Button>
          <Button type="link" onClick={() => actions.setSelectedIds(new Set())}>
            {t('match.bulk.clear')}
          </Button>
        </Flex>
      )}
      {actions.outcomes && (
        <BulkRecommendResults
          outcomes={actions.outcomes}
          onClose={actions.clearOutcomes}
          testId={`${cardTestId}-results`}
        />
      )}
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Row>
          size="small"
          rowKey={readRowId}
          loading={list.isPending}
          dataSource={[...rows]}
          columns={columns}
          pagination={false}
          // Below this width the table scrolls; above it the reasons wrap within the card.
          scroll={{ x: 960 }}
          tableLayout="auto"
          rowSelection={
            canRecommend
              ? {
                  selectedRowKeys: [...actions.selectedIds],
                  onChange: (keys) => actions.setSelectedIds(new Set(keys.map(String))),
                  getCheckboxProps: (row) => ({
                    disabled: !isRecommendable(row),
                    'aria-label': t('match.select', { name: nameOf(row) }),
                  }),
                  renderCell: (_checked, row, _index, node) => (
                    <span data-testid={`${rowTestId}-select-${readRowId(row)}`}>{node}</span>
                  ),
                }
              : undefined
          }
          locale={{
            // While loading the table shows its spinner over an empty body.
            emptyText: list.isPending ? (
              ' '
            ) : (
              <div data-testid={`${cardTestId}-empty`}>
                <EmptyState
                  title={props.emptyTitle}
                  text={props.emptyText}
                  action={
                    hasMatchFilters(filters) && (
                      <Button type="link" onClick={clearFilters}>
                        {t('match.filters.clear')}
                      </Button>
                    )
                  }
                />
              </div>
            ),
          }}
        />
      )}
    </Card>
  );
}
