import type { Channel, WorkerStatus } from '@yonggong/shared';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Readonly<Record<WorkerStatus, string>> = {
  available: 'green',
  employed: 'blue',
  inactive: 'default',
};

/** 可推介 / 已就业 / 停用. */
export function WorkerStatusTag({ status }: { readonly status: WorkerStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`worker.status.${status}`)}</Tag>;
}

/** The channels a worker came through, each once, in the order first seen. */
export function ChannelTags({ channels }: { readonly channels: readonly { readonly channel: Channel }[] }) {
  const { t } = useTranslation();
  const unique = [...new Set(channels.map((entry) => entry.channel))];
  return (
    <Space size={[2, 2]} wrap>
      {unique.map((channel) => (
        <Tag key={channel} color="geekblue" style={{ marginInlineEnd: 0 }}>
          {t(`channel.${channel}`)}
        </Tag>
      ))}
    </Space>
  );
}
