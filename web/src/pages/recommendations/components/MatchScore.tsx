import { formatMessage, formatPoints, type MatchTerm } from '@yonggong/shared';
import { Button, Flex, Popover, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../i18n/index.ts';

interface MatchScoreProps {
  readonly score: number;
  readonly terms: readonly MatchTerm[];
  /** Who or what the score is about, for the button's accessible name. */
  readonly name: string;
  readonly testId: string;
}

/** The points of one term, green when they add and red when they take off. */
function Points({ points }: { readonly points: number }) {
  return (
    <Typography.Text type={points > 0 ? 'success' : points < 0 ? 'danger' : 'secondary'}>
      {formatPoints(points)}
    </Typography.Text>
  );
}

/** The score breakdown as a small table: each term in words and its points, strongest first. */
function TermTable({ terms }: { readonly terms: readonly MatchTerm[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = [...terms].sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  return (
    <Table<MatchTerm>
      size="small"
      pagination={false}
      rowKey="code"
      dataSource={rows}
      locale={{ emptyText: t('match.noTerms') }}
      style={{ minWidth: 260 }}
      columns={[
        {
          key: 'term',
          title: t('match.term'),
          // The term without its points, which have their own column.
          render: (_, term) => formatMessage(locale, `match.term.${term.code}`, term.params),
        },
        {
          key: 'points',
          title: t('match.points'),
          align: 'right',
          render: (_, term) => <Points points={term.points} />,
        },
      ]}
    />
  );
}

/** A match's score, with a "details" popover that lists the terms it is made of. */
export function MatchScore({ score, terms, name, testId }: MatchScoreProps) {
  const { t } = useTranslation();
  return (
    <Flex vertical align="flex-start" gap={0}>
      <Typography.Text strong style={{ fontSize: 16 }}>
        {/* A negative score with the minus sign the reasons use (−5), not a hyphen. */}
        {score < 0 ? formatPoints(score) : score}
      </Typography.Text>
      <Popover
        trigger="click"
        title={t('match.detailsTitle', { score })}
        content={<TermTable terms={terms} />}
      >
        <Button
          type="link"
          size="small"
          style={{ paddingInline: 0 }}
          aria-label={t('match.detailsLabel', { name })}
          data-testid={testId}
        >
          {t('match.details')}
        </Button>
      </Popover>
    </Flex>
  );
}
