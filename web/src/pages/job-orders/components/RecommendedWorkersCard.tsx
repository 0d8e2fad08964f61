import { type JobOrder, Permission } from '@yonggong/shared';
import { Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorkerRecommendation } from '../../../api/recommendations.ts';
import { useChildRegions } from '../../../api/regions.ts';
import { useCan } from '../../../app/use-can.ts';
import { toRegionPath } from '../../../components/region-path.ts';
import { MatchListCard } from '../../recommendations/components/MatchListCard.tsx';

/** Skills shown in a row before "+n". */
const SKILLS_SHOWN = 3;

/** Province names by code, for the origin column (the province list is cached for good). */
function useProvinceNames(): ReadonlyMap<string, string> {
  const provinces = useChildRegions(null);
  return useMemo(
    () => new Map((provinces.data ?? []).map((province) => [province.code, province.name])),
    [provinces.data],
  );
}

/** The worker's name (a link with `worker.read`), sex and age, masked phone. */
function WorkerSummary({ row, canOpen }: { readonly row: WorkerRecommendation; readonly canOpen: boolean }) {
  const { t } = useTranslation();
  const { worker } = row;
  const name = <Typography.Text strong>{worker.name}</Typography.Text>;
  return (
    <Space size={6} wrap>
      {canOpen ? (
        <Link to={`/workers/${worker.id}`} data-testid={`recommended-worker-${worker.id}`}>
          {name}
        </Link>
      ) : (
        <span data-testid={`recommended-worker-${worker.id}`}>{name}</span>
      )}
      <Typography.Text type="secondary">
        {t('worker.list.sexAge', { sex: t(`sex.${worker.sex}`), age: worker.age })} · {worker.phoneMasked}
      </Typography.Text>
    </Space>
  );
}

/** A worker's skills as tags, the first few and "+n". */
function SkillTags({ skills }: { readonly skills: readonly string[] }) {
  const { t } = useTranslation();
  if (skills.length === 0) return t('common.empty');
  return (
    <Space size={[2, 2]} wrap>
      {skills.slice(0, SKILLS_SHOWN).map((skill) => (
        <Tag key={skill} style={{ marginInlineEnd: 0 }}>
          {skill}
        </Tag>
      ))}
      {skills.length > SKILLS_SHOWN && (
        <Tag style={{ marginInlineEnd: 0 }} title={skills.slice(SKILLS_SHOWN).join('、')}>
          {t('worker.list.more', { count: skills.length - SKILLS_SHOWN })}
        </Tag>
      )}
    </Space>
  );
}

/**
 * 推荐劳动者 on an open order's page: the workers the matching engine ranks best for it, with
 * reasons, 推介 per row or in bulk (the pipeline board refreshes), and filters (district,
 * occupation). Rendered only with `match.read`; 推介 needs `application.create` and the order's
 * `can.recommend`.
 */
export function RecommendedWorkersCard({ order }: { readonly order: JobOrder }) {
  const { t } = useTranslation();
  const canRecommend = useCan(Permission.ApplicationCreate) && order.can.recommend;
  const canOpenWorker = useCan(Permission.WorkerRead);
  const provinceNames = useProvinceNames();
  const empty = t('common.empty');
  return (
    <MatchListCard<WorkerRecommendation>
      title={t('match.workersTitle')}
      subject={{ jobOrderId: order.id }}
      pickRows={(reply) => reply.workers}
      nameOf={(row) => row.worker.name}
      mainTitle={t('match.columns.worker')}
      renderSubject={(row) => <WorkerSummary row={row} canOpen={canOpenWorker} />}
      columns={[
        {
          key: 'education',
          title: t('match.columns.education'),
          render: (_, row) => t(`education.${row.worker.education}`),
        },
        {
          key: 'origin',
          title: t('match.columns.origin'),
          render: (_, row) => {
            const code = row.worker.originRegionCode;
            if (!code) return empty;
            const [province] = toRegionPath(code);
            return <span title={code}>{(province && provinceNames.get(province)) || code}</span>;
          },
        },
        {
          key: 'skills',
          title: t('match.columns.skills'),
          render: (_, row) => <SkillTags skills={row.worker.skills} />,
        },
      ]}
      canRecommend={canRecommend}
      isKeyOnlyShown={false}
      emptyTitle={t('match.emptyWorkers')}
      emptyText={t('match.emptyWorkersText')}
      cardTestId="order-recommendations"
      rowTestId="recommended-worker"
    />
  );
}
