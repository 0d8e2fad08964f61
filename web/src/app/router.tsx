import { Permission } from '@yonggong/shared';
import { lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { RouteErrorPage } from './RouteErrorPage.tsx';
import { RequireAuth, RequirePermission } from './require-auth.tsx';

// Each page is its own chunk: a first visit downloads the shell and the login page only.
const LoginPage = lazy(async () => ({ default: (await import('../pages/login/LoginPage.tsx')).LoginPage }));
const HomePage = lazy(async () => ({ default: (await import('../pages/home/HomePage.tsx')).HomePage }));
const EnterpriseListPage = lazy(async () => ({
  default: (await import('../pages/enterprises/EnterpriseListPage.tsx')).EnterpriseListPage,
}));
const EnterpriseDetailPage = lazy(async () => ({
  default: (await import('../pages/enterprises/EnterpriseDetailPage.tsx')).EnterpriseDetailPage,
}));
const EnterpriseFormPage = lazy(async () => ({
  default: (await import('../pages/enterprises/EnterpriseFormPage.tsx')).EnterpriseFormPage,
}));
const JobOrderListPage = lazy(async () => ({
  default: (await import('../pages/job-orders/JobOrderListPage.tsx')).JobOrderListPage,
}));
const JobOrderDetailPage = lazy(async () => ({
  default: (await import('../pages/job-orders/JobOrderDetailPage.tsx')).JobOrderDetailPage,
}));
const JobOrderFormPage = lazy(async () => ({
  default: (await import('../pages/job-orders/JobOrderFormPage.tsx')).JobOrderFormPage,
}));
const WorkerListPage = lazy(async () => ({
  default: (await import('../pages/workers/WorkerListPage.tsx')).WorkerListPage,
}));
const WorkerDetailPage = lazy(async () => ({
  default: (await import('../pages/workers/WorkerDetailPage.tsx')).WorkerDetailPage,
}));
const WorkerFormPage = lazy(async () => ({
  default: (await import('../pages/workers/WorkerFormPage.tsx')).WorkerFormPage,
}));
const RecommendationsPage = lazy(async () => ({
  default: (await import('../pages/recommendations/RecommendationsPage.tsx')).RecommendationsPage,
}));
const AuditPage = lazy(async () => ({ default: (await import('../pages/audit/AuditPage.tsx')).AuditPage }));
// Monitoring: the three-colour map and an enterprise's history (issue 6).
const MonitoringMapPage = lazy(async () => ({
  default: (await import('../pages/monitoring/MonitoringMapPage.tsx')).MonitoringMapPage,
}));
const MonitoringEnterprisePage = lazy(async () => ({
  default: (await import('../pages/monitoring/MonitoringEnterprisePage.tsx')).MonitoringEnterprisePage,
}));
const MonitoringReportsPage = lazy(async () => ({
  default: (await import('../pages/monitoring/MonitoringReportsPage.tsx')).MonitoringReportsPage,
}));
const MonitoringReportFormPage = lazy(async () => ({
  default: (await import('../pages/monitoring/MonitoringReportFormPage.tsx')).MonitoringReportFormPage,
}));
const MonitoringLatePage = lazy(async () => ({
  default: (await import('../pages/monitoring/MonitoringLatePage.tsx')).MonitoringLatePage,
}));
const MonitoringSettingsPage = lazy(async () => ({
  default: (await import('../pages/monitoring/MonitoringSettingsPage.tsx')).MonitoringSettingsPage,
}));
// The agency marketplace (issue 7).
const OrderHallPage = lazy(async () => ({
  default: (await import('../pages/marketplace/OrderHallPage.tsx')).OrderHallPage,
}));
const ClaimListPage = lazy(async () => ({
  default: (await import('../pages/marketplace/ClaimListPage.tsx')).ClaimListPage,
}));
const ClaimDetailPage = lazy(async () => ({
  default: (await import('../pages/marketplace/ClaimDetailPage.tsx')).ClaimDetailPage,
}));
const OrderMarketplacePage = lazy(async () => ({
  default: (await import('../pages/marketplace/OrderMarketplacePage.tsx')).OrderMarketplacePage,
}));
const MarketplaceDashboardPage = lazy(async () => ({
  default: (await import('../pages/marketplace/MarketplaceDashboardPage.tsx')).MarketplaceDashboardPage,
}));
const AgencyListPage = lazy(async () => ({
  default: (await import('../pages/agencies/AgencyListPage.tsx')).AgencyListPage,
}));
const AgencyDetailPage = lazy(async () => ({
  default: (await import('../pages/agencies/AgencyDetailPage.tsx')).AgencyDetailPage,
}));
// Schools, order classes, internships (issue 4).
const SchoolListPage = lazy(async () => ({
  default: (await import('../pages/schools/SchoolListPage.tsx')).SchoolListPage,
}));
const SchoolDetailPage = lazy(async () => ({
  default: (await import('../pages/schools/SchoolDetailPage.tsx')).SchoolDetailPage,
}));
const SchoolOverviewPage = lazy(async () => ({
  default: (await import('../pages/schools/SchoolOverviewPage.tsx')).SchoolOverviewPage,
}));
const OrderClassListPage = lazy(async () => ({
  default: (await import('../pages/order-classes/OrderClassListPage.tsx')).OrderClassListPage,
}));
const OrderClassDetailPage = lazy(async () => ({
  default: (await import('../pages/order-classes/OrderClassDetailPage.tsx')).OrderClassDetailPage,
}));
const InternshipListPage = lazy(async () => ({
  default: (await import('../pages/internships/InternshipListPage.tsx')).InternshipListPage,
}));
const ApprenticeshipListPage = lazy(async () => ({
  default: (await import('../pages/internships/ApprenticeshipListPage.tsx')).ApprenticeshipListPage,
}));
// Statistics (issue 4: channel effectiveness).
const ChannelKpiPage = lazy(async () => ({
  default: (await import('../pages/kpis/ChannelKpiPage.tsx')).ChannelKpiPage,
}));
// 一企一策 service, visits and urgent shortage reports (issue 6).
const CaseListPage = lazy(async () => ({
  default: (await import('../pages/cases/CaseListPage.tsx')).CaseListPage,
}));
const CaseDetailPage = lazy(async () => ({
  default: (await import('../pages/cases/CaseDetailPage.tsx')).CaseDetailPage,
}));
const CaseFormPage = lazy(async () => ({
  default: (await import('../pages/cases/CaseFormPage.tsx')).CaseFormPage,
}));
const VisitListPage = lazy(async () => ({
  default: (await import('../pages/cases/VisitListPage.tsx')).VisitListPage,
}));
const VisitFormPage = lazy(async () => ({
  default: (await import('../pages/cases/VisitFormPage.tsx')).VisitFormPage,
}));
const ShortageReportListPage = lazy(async () => ({
  default: (await import('../pages/cases/ShortageReportListPage.tsx')).ShortageReportListPage,
}));
const ShortageReportFormPage = lazy(async () => ({
  default: (await import('../pages/cases/ShortageReportFormPage.tsx')).ShortageReportFormPage,
}));
// Supply channels (issue 4): labour bases, rural surveys, training programmes.
const BaseListPage = lazy(async () => ({
  default: (await import('../pages/bases/BaseListPage.tsx')).BaseListPage,
}));
const BaseDetailPage = lazy(async () => ({
  default: (await import('../pages/bases/BaseDetailPage.tsx')).BaseDetailPage,
}));
const SurveyListPage = lazy(async () => ({
  default: (await import('../pages/surveys/SurveyListPage.tsx')).SurveyListPage,
}));
const SurveyDetailPage = lazy(async () => ({
  default: (await import('../pages/surveys/SurveyDetailPage.tsx')).SurveyDetailPage,
}));
const TrainingListPage = lazy(async () => ({
  default: (await import('../pages/trainings/TrainingListPage.tsx')).TrainingListPage,
}));
const TrainingDetailPage = lazy(async () => ({
  default: (await import('../pages/trainings/TrainingDetailPage.tsx')).TrainingDetailPage,
}));
const NotFoundPage = lazy(async () => ({
  default: (await import('../pages/not-found/NotFoundPage.tsx')).NotFoundPage,
}));

function SuspendedOutlet() {
  return (
    <Suspense fallback={<FullPageSpin />}>
      <Outlet />
    </Suspense>
  );
}

/** The route table. Paths are stable: end-to-end tests and bookmarks rely on them. */
export const router = createBrowserRouter([
  {
    element: <SuspendedOutlet />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        path: '/',
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <HomePage /> },
          {
            path: 'enterprises',
            element: <RequirePermission permission={Permission.EnterpriseRead} />,
            children: [
              { index: true, element: <EnterpriseListPage /> },
              {
                path: 'new',
                element: (
                  <RequirePermission permission={Permission.EnterpriseCreate}>
                    <EnterpriseFormPage />
                  </RequirePermission>
                ),
              },
              { path: ':id', element: <EnterpriseDetailPage /> },
              { path: ':id/edit', element: <EnterpriseFormPage /> },
            ],
          },
          {
            path: 'job-orders',
            element: <RequirePermission permission={Permission.JobOrderRead} />,
            children: [
              { index: true, element: <JobOrderListPage /> },
              {
                path: 'new',
                element: (
                  <RequirePermission permission={Permission.JobOrderWrite}>
                    <JobOrderFormPage />
                  </RequirePermission>
                ),
              },
              { path: ':id', element: <JobOrderDetailPage /> },
              {
                path: ':id/edit',
                element: (
                  <RequirePermission permission={Permission.JobOrderWrite}>
                    <JobOrderFormPage />
                  </RequirePermission>
                ),
              },
            ],
          },
          {
            path: 'workers',
            element: <RequirePermission permission={Permission.WorkerRead} />,
            children: [
              { index: true, element: <WorkerListPage /> },
              {
                path: 'new',
                element: (
                  <RequirePermission permission={Permission.WorkerWrite}>
                    <WorkerFormPage />
                  </RequirePermission>
                ),
              },
              { path: ':id', element: <WorkerDetailPage /> },
              {
                path: ':id/edit',
                element: (
                  <RequirePermission permission={Permission.WorkerWrite}>
                    <WorkerFormPage />
                  </RequirePermission>
                ),
              },
            ],
          },
          {
            path: 'recommendations',
            element: (
              <RequirePermission permission={Permission.MatchRead}>
                <RecommendationsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'marketplace',
            element: <RequirePermission permission={Permission.MarketplaceRead} />,
            children: [
              {
                path: 'hall',
                element: (
                  <RequirePermission permission={Permission.MarketplaceClaim}>
                    <OrderHallPage />
                  </RequirePermission>
                ),
              },
              { path: 'claims', element: <ClaimListPage /> },
              { path: 'claims/:id', element: <ClaimDetailPage /> },
              {
                path: 'dashboard',
                element: (
                  <RequirePermission permission={Permission.MarketplaceMonitor}>
                    <MarketplaceDashboardPage />
                  </RequirePermission>
                ),
              },
              { path: 'orders/:id', element: <OrderMarketplacePage /> },
            ],
          },
          {
            path: 'agencies',
            element: <RequirePermission permission={Permission.AgencyRead} />,
            children: [
              { index: true, element: <AgencyListPage /> },
              { path: ':id', element: <AgencyDetailPage /> },
            ],
          },
          {
            path: 'monitoring',
            element: <RequirePermission permission={Permission.MonitoringRead} />,
            children: [
              { index: true, element: <MonitoringMapPage /> },
              { path: 'enterprises/:id', element: <MonitoringEnterprisePage /> },
              { path: 'reports', element: <MonitoringReportsPage /> },
              {
                path: 'reports/new',
                element: (
                  <RequirePermission permission={Permission.MonitoringReport}>
                    <MonitoringReportFormPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'reports/:id/edit',
                element: (
                  <RequirePermission permission={Permission.MonitoringReport}>
                    <MonitoringReportFormPage />
                  </RequirePermission>
                ),
              },
              { path: 'late', element: <MonitoringLatePage /> },
              { path: 'settings', element: <MonitoringSettingsPage /> },
            ],
          },
          {
            path: 'kpis/channels',
            element: (
              <RequirePermission permission={Permission.KpiRead}>
                <ChannelKpiPage />
              </RequirePermission>
            ),
          },
          {
            path: 'cases',
            element: <RequirePermission permission={Permission.CaseRead} />,
            children: [
              { index: true, element: <CaseListPage /> },
              {
                path: 'new',
                element: (
                  <RequirePermission permission={Permission.CaseWrite}>
                    <CaseFormPage />
                  </RequirePermission>
                ),
              },
              { path: ':id', element: <CaseDetailPage /> },
            ],
          },
          {
            path: 'visits',
            element: <RequirePermission permission={Permission.CaseRead} />,
            children: [
              { index: true, element: <VisitListPage /> },
              {
                path: 'new',
                element: (
                  <RequirePermission permission={Permission.VisitWrite}>
                    <VisitFormPage />
                  </RequirePermission>
                ),
              },
            ],
          },
          {
            path: 'shortage-reports',
            element: <RequirePermission permission={Permission.MonitoringRead} />,
            children: [
              { index: true, element: <ShortageReportListPage /> },
              {
                path: 'new',
                element: (
                  <RequirePermission permission={Permission.MonitoringReport}>
                    <ShortageReportFormPage />
                  </RequirePermission>
                ),
              },
            ],
          },
          {
            path: 'bases',
            element: <RequirePermission permission={Permission.BaseRead} />,
            children: [
              { index: true, element: <BaseListPage /> },
              { path: ':id', element: <BaseDetailPage /> },
            ],
          },
          {
            path: 'surveys',
            element: <RequirePermission permission={Permission.SurveyRead} />,
            children: [
              { index: true, element: <SurveyListPage /> },
              { path: ':id', element: <SurveyDetailPage /> },
            ],
          },
          {
            path: 'school-overview',
            element: <RequirePermission permission={Permission.SchoolRead} />,
            children: [{ index: true, element: <SchoolOverviewPage /> }],
          },
          {
            path: 'schools',
            element: <RequirePermission permission={Permission.SchoolRead} />,
            children: [
              { index: true, element: <SchoolListPage /> },
              { path: ':id', element: <SchoolDetailPage /> },
            ],
          },
          {
            path: 'order-classes',
            element: <RequirePermission permission={Permission.SchoolRead} />,
            children: [
              { index: true, element: <OrderClassListPage /> },
              { path: ':id', element: <OrderClassDetailPage /> },
            ],
          },
          {
            path: 'internships',
            element: <RequirePermission permission={Permission.SchoolRead} />,
            children: [{ index: true, element: <InternshipListPage /> }],
          },
          {
            path: 'apprenticeships',
            element: <RequirePermission permission={Permission.SchoolRead} />,
            children: [{ index: true, element: <ApprenticeshipListPage /> }],
          },
          {
            path: 'trainings',
            element: <RequirePermission permission={Permission.TrainingRead} />,
            children: [
              { index: true, element: <TrainingListPage /> },
              { path: ':id', element: <TrainingDetailPage /> },
            ],
          },
          {
            path: 'audit',
            element: (
              <RequirePermission permission={Permission.AuditRead}>
                <AuditPage />
              </RequirePermission>
            ),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
