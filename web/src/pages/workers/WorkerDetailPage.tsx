import { EditOutlined, SendOutlined } from '@ant-design/icons';
import { idParam, Permission, type Worker } from '@yonggong/shared';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  type DescriptionsProps,
  Flex,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { useWorker } from '../../api/workers.ts';
import { useCan } from '../../app/use-can.ts';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { formatOccupationName } from '../../components/occupation-options.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLocale } from '../../i18n/index.ts';
import { NotFoundPage } from '../not-found/NotFoundPage.tsx';
import { DuplicateFlags } from './components/DuplicateFlags.tsx';
import { RecommendDialog } from './components/RecommendDialog.tsx';
import { RecommendedOrdersCard } from './components/RecommendedOrdersCard.tsx';
import { RevealField } from './components/RevealField.tsx';
import { WorkerStatusTag } from './components/WorkerTags.tsx';
import { WorkerTimeline } from './components/WorkerTimeline.tsx';

function tagList(values: readonly string[], empty: string) {
  if (values.length === 0) return empty;
  return (
    <Space size={[2, 2]} wrap>
      {values.map((value) => (
        <Tag key={value}>{value}</Tag>
      ))}
    </Space>
  );
}

function useBasicItems(worker: Worker): DescriptionsProps['items'] {
  const { t } = useTranslation();
  const empty = t('common.empty');
  return [
    { key: 'name', label: t('worker.fields.name'), children: worker.name },
    {
      key: 'sexAge',
      label: t('worker.fields.sexAge'),
      children: t('worker.list.sexAge', { sex: t(`sex.${worker.sex}`), age: worker.age }),
    },
    {
      key: 'idNumber',
      label: t('worker.fields.idNumber'),
      children: (
        <RevealField
          workerId={worker.id}
          field="idNumber"
          masked={worker.idNumberMasked}
          canReveal={worker.can.reveal}
        />
      ),
    },
    { key: 'birthDate', label: t('worker.fields.birthDate'), children: worker.birthDate },
    {
      key: 'phone',
      label: t('worker.fields.phone'),
      children: (
        <RevealField
          workerId={worker.id}
          field="phone"
          masked={worker.phoneMasked}
          canReveal={worker.can.reveal}
        />
      ),
    },
    { key: 'origin', label: t('worker.fields.origin'), children: worker.originRegionName ?? empty },
    {
      key: 'currentAddress',
      label: t('worker.fields.currentAddress'),
      children: worker.currentAddress || empty,
    },
    { key: 'education', label: t('worker.fields.education'), children: t(`education.${worker.education}`) },
    { key: 'district', label: t('worker.fields.district'), children: worker.districtName ?? empty },
    { key: 'status', label: t('worker.fields.status'), children: <WorkerStatusTag status={worker.status} /> },
    {
      key: 'createdAt',
      label: t('worker.fields.createdAt'),
      children: dayjs(worker.createdAt).format('ll LT'),
    },
    { key: 'notes', label: t('worker.fields.notes'), children: worker.notes || empty },
  ];
}

function useJobItems(worker: Worker): DescriptionsProps['items'] {
  const { t } = useTranslation();
  const locale = useLocale();
  const empty = t('common.empty');
  return [
    {
      key: 'occupations',
      label: t('worker.fields.occupations'),
      span: 'filled',
      children: tagList(
        worker.occupationCodes.map((code) => formatOccupationName(code, locale)),
        empty,
      ),
    },
    { key: 'skills', label: t('worker.fields.skills'), children: tagList(worker.skills, empty) },
    {
      key: 'certificates',
      label: t('worker.fields.certificates'),
      children: tagList(worker.certificates, empty),
    },
    {
      key: 'expectedWage',
      label: t('worker.fields.expectedWage'),
      children:
        worker.expectedWage === null
          ? empty
          : t('worker.list.wage', { amount: worker.expectedWage.toLocaleString(locale) }),
    },
    {
      key: 'availableFrom',
      label: t('worker.fields.availableFrom'),
      children: worker.availableFrom ?? empty,
    },
  ];
}

function ChannelList({ worker }: { readonly worker: Worker }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={4} data-testid="worker-channels">
      {worker.channels.map((entry, index) => (
        <Space key={`${entry.channel}-${entry.at}`} size={6}>
          <Tag color="geekblue">{t(`channel.${entry.channel}`)}</Tag>
          <Typography.Text type="secondary">{dayjs(entry.at).format('YYYY-MM-DD HH:mm')}</Typography.Text>
          {index === 0 && entry.channel === worker.sourceChannel && (
            <Tag>{t('worker.detail.firstChannel')}</Tag>
          )}
        </Space>
      ))}
    </Flex>
  );
}

/** The notice left by a registration that linked an already registered ID number to this worker. */
function readLinkedExisting(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('linkedExisting' in state)) return null;
  return typeof state.linkedExisting === 'string' ? state.linkedExisting : null;
}

function WorkerDetail({ worker }: { readonly worker: Worker }) {
  const { t } = useTranslation();
  const location = useLocation();
  const canRecommend = useCan(Permission.ApplicationCreate) && worker.can.recommend;
  const canReadMatches = useCan(Permission.MatchRead);
  const [isRecommendOpen, setIsRecommendOpen] = useState(false);
  const linkedExisting = readLinkedExisting(location.state);
  const basics = useBasicItems(worker);
  const job = useJobItems(worker);
  return (
    <>
      <PageHeader
        backTo="/workers"
        title={
          <Space wrap>
            <span data-testid="worker-name">{worker.name}</span>
            <WorkerStatusTag status={worker.status} />
          </Space>
        }
        subtitle={t('worker.list.sexAge', { sex: t(`sex.${worker.sex}`), age: worker.age })}
        extra={
          <>
            {canRecommend && (
              <Button
                type="primary"
                icon={<SendOutlined />}
                data-testid="worker-recommend"
                onClick={() => setIsRecommendOpen(true)}
              >
                {t('worker.detail.recommend')}
              </Button>
            )}
            {worker.can.update && (
              <ButtonLink to={`/workers/${worker.id}/edit`} icon={<EditOutlined />} data-testid="worker-edit">
                {t('worker.detail.edit')}
              </ButtonLink>
            )}
          </>
        }
      />
      <Flex vertical gap={16}>
        {linkedExisting && (
          <Alert
            type="info"
            showIcon
            data-testid="worker-linked-existing"
            title={t('worker.detail.linkedExistingTitle')}
            description={linkedExisting}
          />
        )}
        <DuplicateFlags worker={worker} />
        <Card title={t('worker.detail.basics')}>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={basics} />
        </Card>
        <Card title={t('worker.detail.job')}>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={job} />
        </Card>
        {canReadMatches && <RecommendedOrdersCard worker={worker} />}
        <Card title={t('worker.detail.channels')}>
          <ChannelList worker={worker} />
        </Card>
        <WorkerTimeline worker={worker} />
      </Flex>
      {canRecommend && (
        <RecommendDialog worker={worker} isOpen={isRecommendOpen} onClose={() => setIsRecommendOpen(false)} />
      )}
    </>
  );
}

function LoadedWorker({ id }: { readonly id: string }) {
  const worker = useWorker(id);
  if (worker.isPending) return <FullPageSpin />;
  if (worker.isError) return <ErrorState error={worker.error} onRetry={() => void worker.refetch()} />;
  return <WorkerDetail worker={worker.data} />;
}

/**
 * One worker: facts with masked ID and phone (revealable with `can.reveal`), possible duplicates,
 * channels, the service timeline, and 推介 to an open order.
 */
export function WorkerDetailPage() {
  const { id = '' } = useParams();
  if (!idParam.shape.id.safeParse(id).success) return <NotFoundPage />;
  return <LoadedWorker id={id} />;
}
