import type { ApplicationStatus } from '@yonggong/shared';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

interface MatchTagsProps {
  readonly overCapacity: boolean;
  readonly applicationStatus: ApplicationStatus | null;
  /** Test id of the pipeline tag. */
  readonly statusTestId: string;
}

/** "Over capacity" (with why) and, when the two already have an open application, its state. */
export function MatchTags({ overCapacity, applicationStatus, statusTestId }: MatchTagsProps) {
  const { t } = useTranslation();
  return (
    <>
      {overCapacity && (
        <Tooltip title={t('match.overCapacityHint')}>
          <Tag color="orange" style={{ marginInlineEnd: 0 }}>
            {t('match.overCapacity')}
          </Tag>
        </Tooltip>
      )}
      {applicationStatus && (
        <Tag color="blue" style={{ marginInlineEnd: 0 }} data-testid={statusTestId}>
          {t('match.inPipeline', { status: t(`application.status.${applicationStatus}`) })}
        </Tag>
      )}
    </>
  );
}
