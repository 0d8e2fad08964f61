import type { Claim } from '@yonggong/shared';
import { Button, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../components/ButtonLink.tsx';

const STATUS_COLOR = { active: 'blue', released: 'default', lapsed: 'orange', closed: 'default' } as const;

/** Claims with their progress; `onReview` shows the review button where the claim allows it. */
export function ClaimTable(props: {
  readonly claims: readonly Claim[];
  readonly isLoading?: boolean;
  readonly onReview?: (claim: Claim) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table<Claim>
      rowKey="id"
      loading={props.isLoading}
      dataSource={[...props.claims]}
      pagination={false}
      columns={[
        {
          key: 'order',
          title: t('marketplace.claims.order'),
          render: (_, row) => `${row.jobOrder.enterpriseName}「${row.jobOrder.title}」`,
        },
        { key: 'agency', title: t('marketplace.claims.agency'), render: (_, row) => row.agency.name },
        { key: 'places', title: t('marketplace.claims.places'), dataIndex: 'places' },
        { key: 'submitted', title: t('marketplace.claims.submitted'), dataIndex: 'submittedCount' },
        { key: 'hires', title: t('marketplace.claims.hires'), dataIndex: 'hires' },
        {
          key: 'status',
          title: t('marketplace.claims.status'),
          render: (_, row) => (
            <Tag color={STATUS_COLOR[row.status]} data-testid={`claim-status-${row.id}`}>
              {t(`marketplace.claims.statuses.${row.status}`)}
            </Tag>
          ),
        },
        {
          key: 'actions',
          title: '',
          render: (_, row) => (
            <Space>
              <ButtonLink to={`/marketplace/claims/${row.id}`} size="small">
                {t('marketplace.claims.open')}
              </ButtonLink>
              {props.onReview && row.can.review && (
                <Button
                  size="small"
                  onClick={() => props.onReview?.(row)}
                  data-testid={`review-claim-${row.id}`}
                >
                  {t('marketplace.claim.review')}
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
