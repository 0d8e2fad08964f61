import { MoreOutlined } from '@ant-design/icons';
import type { Application, ApplicationStatus } from '@yonggong/shared';
import { Button, Card, Checkbox, Dropdown, Flex, type MenuProps, Space, Tag, Typography } from 'antd';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Placement } from '../../../api/applications.ts';
import { countDaysInState, findColumnOf } from '../pipeline-board.ts';

/** "Left before the checkpoint", offered on a hired or 30-day-retained card whose check is pending. */
export interface LeftAction {
  readonly checkpoint: 30 | 90;
  readonly placement: Placement;
}

interface PipelineCardProps {
  readonly application: Application;
  readonly placement: Placement | undefined;
  readonly now: Date;
  readonly isSelected: boolean;
  readonly isDragging: boolean;
  /** Links to the worker (only with `worker.read`). */
  readonly canOpenWorker: boolean;
  readonly leftAction: LeftAction | null;
  readonly onSelect: (isSelected: boolean) => void;
  readonly onMove: (to: ApplicationStatus) => void;
  readonly onRecordLeft: (action: LeftAction) => void;
  readonly onDragStart: (event: DragEvent) => void;
  readonly onDragEnd: () => void;
}

const LEFT_KEY_PREFIX = 'left-';

/**
 * One candidate on the board: name, age and sex, masked phone, channel, days in this state.
 * Draggable when this user may move it; the "移动" menu offers exactly the same moves (`can.moveTo`)
 * and works from the keyboard.
 */
export function PipelineCard({
  application,
  placement,
  now,
  isSelected,
  isDragging,
  canOpenWorker,
  leftAction,
  onSelect,
  onMove,
  onRecordLeft,
  onDragStart,
  onDragEnd,
}: PipelineCardProps) {
  const { t } = useTranslation();
  const { worker } = application;
  const canMove = application.can.moveTo.length > 0;
  const days = countDaysInState(application, now);
  const isEnded = findColumnOf(application.status) === 'ended';

  const items: MenuProps['items'] = application.can.moveTo.map((to) => ({
    key: to,
    danger: to === 'rejected' || to === 'no_show',
    label: <span data-testid={`pipeline-move-${application.id}-${to}`}>{t(`application.status.${to}`)}</span>,
  }));
  if (leftAction)
    items.push(
      { type: 'divider' },
      {
        key: `${LEFT_KEY_PREFIX}${leftAction.checkpoint}`,
        danger: true,
        label: (
          <span data-testid={`pipeline-left-${application.id}`}>
            {t(leftAction.checkpoint === 30 ? 'pipeline.recordLeft30' : 'pipeline.recordLeft90')}
          </span>
        ),
      },
    );

  const onMenuClick: MenuProps['onClick'] = ({ key }) => {
    if (key.startsWith(LEFT_KEY_PREFIX)) {
      if (leftAction) onRecordLeft(leftAction);
      return;
    }
    const to = application.can.moveTo.find((status) => status === key);
    if (to) onMove(to);
  };

  return (
    <Card
      size="small"
      data-testid={`pipeline-card-${application.id}`}
      draggable={canMove}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      style={{
        cursor: canMove ? 'grab' : 'default',
        opacity: isDragging ? 0.5 : 1,
        borderColor: isSelected ? '#1668dc' : undefined,
      }}
      styles={{ body: { padding: 8 } }}
    >
      <Flex vertical gap={4}>
        <Flex justify="space-between" align="center" gap={4}>
          <Space size={6}>
            {canMove && (
              <Checkbox
                checked={isSelected}
                onChange={(event) => onSelect(event.target.checked)}
                aria-label={t('pipeline.select', { name: worker.name })}
                data-testid={`pipeline-select-${application.id}`}
              />
            )}
            {canOpenWorker ? (
              <Link to={`/workers/${worker.id}`} draggable={false}>
                <Typography.Text strong>{worker.name}</Typography.Text>
              </Link>
            ) : (
              <Typography.Text strong>{worker.name}</Typography.Text>
            )}
          </Space>
          {items.length > 0 && (
            <Dropdown menu={{ items, onClick: onMenuClick }} trigger={['click']}>
              <Button
                size="small"
                type="text"
                icon={<MoreOutlined />}
                aria-label={t('pipeline.moveLabel', { name: worker.name })}
                title={t('pipeline.move')}
                data-testid={`pipeline-move-${application.id}`}
              />
            </Dropdown>
          )}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('worker.list.sexAge', { sex: t(`sex.${worker.sex}`), age: worker.age })} · {worker.phoneMasked}
        </Typography.Text>
        <Flex justify="space-between" align="center" wrap gap={4}>
          <Space size={2} wrap>
            <Tag style={{ marginInlineEnd: 0 }}>{t(`channel.${application.channel}`)}</Tag>
            {(isEnded || application.status === 'applied') && (
              <Tag color={isEnded ? 'default' : 'blue'} style={{ marginInlineEnd: 0 }}>
                {t(`application.status.${application.status}`)}
              </Tag>
            )}
            {placement?.retained30 === 'no' && <Tag color="red">{t('pipeline.left30')}</Tag>}
            {placement?.retained90 === 'no' && <Tag color="red">{t('pipeline.left90')}</Tag>}
          </Space>
          <Typography.Text type={days >= 7 && !isEnded ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
            {days === 0 ? t('pipeline.today') : t('pipeline.days', { count: days })}
          </Typography.Text>
        </Flex>
        {application.hiredOn && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('pipeline.hiredOn', { date: application.hiredOn })}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
