import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOrderClasses } from '../../api/order-classes.ts';
import { useSchools } from '../../api/schools.ts';
import { useMe } from '../../app/auth-context.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ClassTable } from './SchoolDetailPage.tsx';

export const OVERVIEW_SCHOOL_QUERY = { page: 1, pageSize: 1, sort: 'name' } as const;
export const OVERVIEW_CLASS_QUERY = {
  page: 1,
  pageSize: 10,
  sort: 'graduationDate',
  stage: 'studying',
} as const;

/**
 * The school account's home (院校概览): its school, students, classes and the classes graduating
 * next. For officers the same page lists the classes of their scope graduating next.
 */
export function SchoolOverviewPage() {
  const { t } = useTranslation();
  const me = useMe();
  const schools = useSchools(OVERVIEW_SCHOOL_QUERY);
  const classes = useOrderClasses(OVERVIEW_CLASS_QUERY);
  const school = me.scope.schoolId ? schools.data?.items[0] : undefined;
  return (
    <>
      <PageHeader title={t('schools.overview.title')} subtitle={t('schools.overview.subtitle')} />
      {school && (
        <Card
          style={{ marginBottom: 16 }}
          title={school.name}
          extra={
            <ButtonLink to={`/schools/${school.id}`} type="link">
              {t('schools.overview.open')}
            </ButtonLink>
          }
        >
          <Row gutter={16}>
            <Col span={8}>
              <Statistic title={t('schools.overview.students')} value={school.stats.students} />
            </Col>
            <Col span={8}>
              <Statistic title={t('schools.overview.classes')} value={school.stats.orderClasses} />
            </Col>
            <Col span={8}>
              <Statistic title={t('schools.overview.agreements')} value={school.stats.activeAgreements} />
            </Col>
          </Row>
        </Card>
      )}
      <Card title={t('schools.overview.upcoming')}>
        <ClassTable items={classes.data?.items ?? []} loading={classes.isPending} />
      </Card>
    </>
  );
}
