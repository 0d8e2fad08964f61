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
