import { Empty, Typography } from 'antd';
import type { ReactNode } from 'react';

interface EmptyStateProps {
  readonly title: string;
  readonly text?: string;
  /** The next step, e.g. a "new" button or "clear filters". */
  readonly action?: ReactNode;
}

/** An empty list that says why it is empty and what to do next. */
export function EmptyState({ title, text, action }: EmptyStateProps) {
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <Typography.Text strong>{title}</Typography.Text>
          {text && <div>{text}</div>}
        </>
      }
    >
      {action}
    </Empty>
  );
}
