import { CloseOutlined, DownOutlined, RightOutlined } from '@ant-design/icons';
import {
  type Application,
  type ApplicationStatus,
  formatMessage,
  hasMessage,
  type JobOrder,
  Permission,
} from '@yonggong/shared';
import { Alert, App, Badge, Button, Card, Dropdown, Flex, List, Space, Tag, Tooltip, Typography } from 'antd';
import { type DragEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Placement,
  useApplications,
  useBulkMoveApplications,
  useMoveApplication,
  usePlacements,
  useRecordRetention,
} from '../../../api/applications.ts';
import { useCan } from '../../../app/use-can.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { describeError } from '../../../components/error-text.ts';
import { useLocale } from '../../../i18n/index.ts';
import {
  type BulkOutcome,
  decideDrop,
  findMoveRequirement,
  groupIntoColumns,
  isEndingMove,
  listBulkTargets,
  mergeBulkOutcomes,
  PIPELINE_COLUMNS,
  type PipelineColumn,
  type PipelineColumnKey,
  splitBulkSelection,
} from '../pipeline-board.ts';
import { type MoveDetails, MoveDialog, type MoveRequest } from './MoveDialog.tsx';
import { type LeftAction, PipelineCard } from './PipelineCard.tsx';

interface DragOver {
  readonly column: PipelineColumnKey;
  readonly isAllowed: boolean;
}

/** The pending retention check of a hired or 30-day-retained application, if any. */
function findLeftAction(application: Application, placement: Placement | undefined): LeftAction | null {
  if (!placement) return null;
  if (application.status === 'hired' && placement.retained30 === 'pending')
    return { checkpoint: 30, placement };
  if (application.status === 'retained_30' && placement.retained90 === 'pending')
    return { checkpoint: 90, placement };
  return null;
}

/**
 * The pipeline kanban of one job order (看板). Cards move by native drag and drop or by their menu;
 * both offer only the card's `can.moveTo`, so a refused drop is explained with a tooltip and never
 * sent. Hiring asks for the 到岗 date; rejection, withdrawal and no-show ask for a reason. Cards can
 * be selected for bulk moves, whose per-card results are listed. Every move refreshes the order
 * (its filled count) and the board.
 */
export function PipelineBoard({ order }: { readonly order: JobOrder }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message, modal } = App.useApp();
  const canReadPlacements = useCan(Permission.PlacementRead);
  const canConfirmPlacements = useCan(Permission.PlacementConfirm);
  const canOpenWorker = useCan(Permission.WorkerRead);
  const applications = useApplications({ jobOrderId: order.id });
  const placements = usePlacements({ jobOrderId: order.id }, canReadPlacements);
  const move = useMoveApplication();
  const bulkMove = useBulkMoveApplications();
  const recordRetention = useRecordRetention();

  const [dragging, setDragging] = useState<Application | null>(null);
  const [over, setOver] = useState<DragOver | null>(null);
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const [request, setRequest] = useState<MoveRequest | null>(null);
  const [bulkOutcomes, setBulkOutcomes] = useState<{ to: ApplicationStatus; items: BulkOutcome[] } | null>(
    null,
  );
  const [isEndedOpen, setIsEndedOpen] = useState(false);

  const items = useMemo(() => applications.data?.items ?? [], [applications.data]);
  // "Days in state" counts to when the board was opened; a refetch keeps the same reference day.
  const now = useMemo(() => new Date(), []);
  const columns = useMemo(() => groupIntoColumns(items, now), [items, now]);
  const placementOf = useMemo(
    () => new Map((placements.data?.items ?? []).map((placement) => [placement.applicationId, placement])),
    [placements.data],
  );
  const selected = items.filter((application) => selectedIds.has(application.id));
  const statusLabel = (status: ApplicationStatus) => t(`application.status.${status}`);

  // ── moving one card ─────────────────────────────────────────────────────────────────────────
  const runMove = async (application: Application, details: MoveDetails) => {
    await move.mutateAsync({ application, ...details });
    void message.success(t('pipeline.moved', { name: application.worker.name, to: statusLabel(details.to) }));
  };

  const askOrMove = (application: Application, options: readonly ApplicationStatus[]) => {
    const [only] = options;
    if (only !== undefined && options.length === 1 && findMoveRequirement(only) === 'none') {
      runMove(application, { to: only, reason: '' }).catch(
        (error: unknown) => void message.error(describeError(error, t, locale)),
      );
      return;
    }
    setRequest({ applications: [application], options, isBulk: false });
  };

  const dropOn = (column: PipelineColumnKey) => {
    const application = dragging;
    setDragging(null);
    setOver(null);
    if (!application) return;
    const decision = decideDrop(application, column);
    switch (decision.kind) {
      case 'same':
        return;
      case 'refused':
        void message.warning(describeRefusal(application, column));
        return;
      case 'move':
        askOrMove(application, [decision.to]);
        return;
      case 'choose':
        askOrMove(application, decision.options);
        return;
      default: {
        const exhaustive: never = decision;
        return exhaustive;
      }
    }
  };

  const describeRefusal = (application: Application, column: PipelineColumnKey) =>
    application.can.moveTo.length === 0
      ? t('pipeline.refusedNoRight')
      : t('pipeline.refused', {
          from: statusLabel(application.status),
          to: t(`pipeline.columns.${column}`),
        });

  // ── bulk ───────────────────────────────────────────────────────────────────────────────────
  const runBulk = async (to: ApplicationStatus, reason: string) => {
    const selection = selected;
    const { allowed, refused } = splitBulkSelection(selection, to);
    const reply =
      allowed.length > 0
        ? await bulkMove.mutateAsync({ ids: allowed.map((application) => application.id), to, reason })
        : { results: [] };
    const outcomes = mergeBulkOutcomes(selection, to, new Set(refused.map((item) => item.id)), reply.results);
    setBulkOutcomes({ to, items: outcomes });
    setSelectedIds(new Set(outcomes.filter((outcome) => !outcome.ok).map((outcome) => outcome.id)));
  };

  const startBulk = (to: ApplicationStatus) => {
    if (isEndingMove(to)) {
      setRequest({ applications: selected, options: [to], isBulk: true });
      return;
    }
    runBulk(to, '').catch((error: unknown) => void message.error(describeError(error, t, locale)));
  };

  const submitRequest = async (details: MoveDetails) => {
    if (!request) return;
    if (request.isBulk) {
      await runBulk(details.to, details.reason);
      return;
    }
    const [target] = request.applications;
    const application = items.find((item) => item.id === target?.id);
    if (application) await runMove(application, details);
  };

  const confirmLeft = (application: Application, action: LeftAction) =>
    modal.confirm({
      title: t(action.checkpoint === 30 ? 'pipeline.recordLeft30' : 'pipeline.recordLeft90'),
      content: t('pipeline.leftConfirm', { name: application.worker.name }),
      okButtonProps: { danger: true, 'data-testid': 'pipeline-left-confirm' },
      onOk: async () => {
        try {
          await recordRetention.mutateAsync({
            placementId: action.placement.id,
            checkpoint: action.checkpoint,
            retained: false,
            version: application.version,
          });
          void message.success(t('pipeline.leftRecorded'));
        } catch (error) {
          void message.error(describeError(error, t, locale));
        }
      },
    });

  // ── drag and drop ──────────────────────────────────────────────────────────────────────────
  const columnDropProps = (column: PipelineColumnKey) => ({
    onDragOver: (event: DragEvent) => {
      if (!dragging) return;
      const decision = decideDrop(dragging, column);
      if (decision.kind === 'same') return;
      const isAllowed = decision.kind !== 'refused';
      // Only an allowed target cancels the event; elsewhere the browser shows "no drop".
      if (isAllowed) {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
      }
      if (over?.column !== column || over.isAllowed !== isAllowed) setOver({ column, isAllowed });
    },
    onDragLeave: (event: DragEvent) => {
      const next = event.relatedTarget;
      if (next instanceof Node && event.currentTarget.contains(next)) return;
      setOver((current) => (current?.column === column ? null : current));
    },
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      dropOn(column);
    },
  });

  const renderCards = (column: PipelineColumn) => {
    const cards = columns[column.key];
    if (cards.length === 0)
      return (
        <Typography.Text type="secondary" style={{ fontSize: 12, padding: 8 }}>
          {t('pipeline.emptyColumn')}
        </Typography.Text>
      );
    return cards.map((application) => {
      const placement = placementOf.get(application.id);
      return (
        <PipelineCard
          key={application.id}
          application={application}
          placement={placement}
          now={now}
          isSelected={selectedIds.has(application.id)}
          isDragging={dragging?.id === application.id}
          canOpenWorker={canOpenWorker}
          leftAction={canConfirmPlacements ? findLeftAction(application, placement) : null}
          onSelect={(isSelected) =>
            setSelectedIds((current) => {
              const next = new Set(current);
              if (isSelected) next.add(application.id);
              else next.delete(application.id);
              return next;
            })
          }
          onMove={(to) => askOrMove(application, [to])}
          onRecordLeft={(action) => confirmLeft(application, action)}
          onDragStart={(event) => {
            event.dataTransfer.effectAllowed = 'move';
            event.dataTransfer.setData('text/plain', application.id);
            setDragging(application);
          }}
          onDragEnd={() => {
            setDragging(null);
            setOver(null);
          }}
        />
      );
    });
  };

  const renderColumn = (column: PipelineColumn) => {
    const isEnded = column.key === 'ended';
    const isCollapsed = isEnded && !isEndedOpen;
    const count = columns[column.key].length;
    const isTarget = over?.column === column.key;
    const refusal = isTarget && !over.isAllowed && dragging ? describeRefusal(dragging, column.key) : null;
    return (
      <Tooltip key={column.key} open={refusal !== null} title={refusal}>
        <section
          data-testid={`pipeline-column-${column.key}`}
          aria-label={t(`pipeline.columns.${column.key}`)}
          {...columnDropProps(column.key)}
          style={{
            flex: isCollapsed ? '0 0 120px' : '0 0 200px',
            background: isTarget ? (over.isAllowed ? '#e6f4ff' : '#fff1f0') : '#f5f5f5',
            outline: isTarget ? `2px dashed ${over.isAllowed ? '#1668dc' : '#ff4d4f'}` : undefined,
            borderRadius: 8,
            padding: 8,
            minHeight: 160,
          }}
        >
          <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
            <Typography.Text strong>{t(`pipeline.columns.${column.key}`)}</Typography.Text>
            <Badge count={count} showZero color={count > 0 ? '#1668dc' : '#bfbfbf'} />
          </Flex>
          {isEnded && (
            <Button
              type="link"
              size="small"
              icon={isEndedOpen ? <DownOutlined /> : <RightOutlined />}
              onClick={() => setIsEndedOpen((open) => !open)}
              data-testid="pipeline-ended-toggle"
              style={{ paddingInline: 0, marginBottom: 8 }}
            >
              {isEndedOpen ? t('pipeline.hideEnded') : t('pipeline.showEnded', { count })}
            </Button>
          )}
          {!isCollapsed && (
            <Flex vertical gap={8}>
              {renderCards(column)}
            </Flex>
          )}
        </section>
      </Tooltip>
    );
  };

  const bulkTargets = listBulkTargets(selected);
  const page = applications.data;

  return (
    <Card
      title={t('pipeline.title')}
      extra={<Typography.Text type="secondary">{t('pipeline.hint')}</Typography.Text>}
    >
      {applications.isError ? (
        <ErrorState error={applications.error} onRetry={() => void applications.refetch()} />
      ) : (
        <Flex vertical gap={12}>
          {page && page.total > page.items.length && (
            <Alert
              type="info"
              showIcon
              title={t('pipeline.truncated', { shown: page.items.length, total: page.total })}
            />
          )}
          {selected.length > 0 && (
            <Flex gap={8} align="center" wrap data-testid="pipeline-bulk-bar">
              <Typography.Text strong>
                {t('pipeline.bulk.selected', { count: selected.length })}
              </Typography.Text>
              <Dropdown
                trigger={['click']}
                disabled={bulkTargets.length === 0}
                menu={{
                  items: bulkTargets.map((to) => ({
                    key: to,
                    label: <span data-testid={`pipeline-bulk-move-${to}`}>{statusLabel(to)}</span>,
                  })),
                  onClick: ({ key }) => {
                    const to = bulkTargets.find((status) => status === key);
                    if (to) startBulk(to);
                  },
                }}
              >
                <Button data-testid="pipeline-bulk-move" loading={bulkMove.isPending}>
                  {t('pipeline.bulk.moveTo')}
                </Button>
              </Dropdown>
              {bulkTargets.includes('rejected') && (
                <Button danger data-testid="pipeline-bulk-reject" onClick={() => startBulk('rejected')}>
                  {t('pipeline.bulk.reject')}
                </Button>
              )}
              <Button type="link" onClick={() => setSelectedIds(new Set())}>
                {t('pipeline.bulk.clear')}
              </Button>
            </Flex>
          )}
          {bulkOutcomes && (
            <BulkOutcomeList
              to={bulkOutcomes.to}
              outcomes={bulkOutcomes.items}
              onClose={() => setBulkOutcomes(null)}
            />
          )}
          {page && page.items.length === 0 && (
            <Typography.Text type="secondary" data-testid="pipeline-empty">
              {t('pipeline.noApplications')}
            </Typography.Text>
          )}
          <div
            data-testid="pipeline-board"
            style={{
              display: 'flex',
              gap: 12,
              overflowX: 'auto',
              paddingBottom: 8,
              alignItems: 'flex-start',
            }}
          >
            {PIPELINE_COLUMNS.map(renderColumn)}
          </div>
        </Flex>
      )}
      <MoveDialog request={request} onSubmit={submitRequest} onClose={() => setRequest(null)} />
    </Card>
  );
}

interface BulkOutcomeListProps {
  readonly to: ApplicationStatus;
  readonly outcomes: readonly BulkOutcome[];
  readonly onClose: () => void;
}

/** The result of a bulk action, one line per selected card. */
function BulkOutcomeList({ to, outcomes, onClose }: BulkOutcomeListProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const okCount = outcomes.filter((outcome) => outcome.ok).length;
  const describe = (outcome: BulkOutcome): string => {
    const { detail } = outcome;
    switch (detail.kind) {
      case 'moved':
        return t('pipeline.bulk.ok', { to: t(`application.status.${detail.to}`) });
      case 'refused_here':
        return t('pipeline.bulk.refusedHere', {
          from: t(`application.status.${detail.from}`),
          to: t(`application.status.${detail.to}`),
        });
      case 'refused_by_server':
        // The server sends a sentence or, for some refusals, only the error code.
        if (detail.message && hasMessage(detail.message)) return formatMessage(locale, detail.message);
        return detail.message || t('errors.title');
      default: {
        const exhaustive: never = detail;
        return exhaustive;
      }
    }
  };
  return (
    <Alert
      type={okCount === outcomes.length ? 'success' : 'warning'}
      showIcon
      data-testid="pipeline-bulk-results"
      title={t('pipeline.bulk.resultsTitle', {
        to: t(`application.status.${to}`),
        ok: okCount,
        failed: outcomes.length - okCount,
      })}
      action={
        <Button
          size="small"
          type="text"
          icon={<CloseOutlined />}
          onClick={onClose}
          aria-label={t('common.close')}
        />
      }
      description={
        <List
          size="small"
          dataSource={[...outcomes]}
          renderItem={(outcome) => (
            <List.Item data-testid={`pipeline-bulk-result-${outcome.id}`}>
              <Space>
                <Tag color={outcome.ok ? 'green' : 'red'}>{outcome.name}</Tag>
                <span>{describe(outcome)}</span>
              </Space>
            </List.Item>
          )}
        />
      }
    />
  );
}
