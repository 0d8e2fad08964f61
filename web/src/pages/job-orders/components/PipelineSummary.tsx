import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { summarizePipeline } from '../pipeline-board.ts';

/** An order's applications per board column as compact tags ("面试 2 · 已到岗 1"). */
export function PipelineSummary({ pipeline }: { readonly pipeline: Readonly<Record<string, number>> }) {
  const { t } = useTranslation();
  const entries = summarizePipeline(pipeline);
  if (entries.length === 0)
    return <Typography.Text type="secondary">{t('jobOrder.list.pipelineEmpty')}</Typography.Text>;
  return (
    <Space size={[2, 2]} wrap style={{ maxWidth: 260 }}>
      {entries.map(({ key, count }) => (
        <Tag key={key} color={key === 'hired' ? 'green' : key === 'ended' ? undefined : 'blue'}>
          {`${t(`pipeline.columns.${key}`)} ${count}`}
        </Tag>
      ))}
    </Space>
  );
}
