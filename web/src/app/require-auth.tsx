import type { Permission } from '@yonggong/shared';
import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ButtonLink } from '../components/ButtonLink.tsx';
import { useAuth } from './auth-context.tsx';
import { useCan } from './use-can.ts';

/** Where the login page sends the user back to. */
export interface LoginLocationState {
  readonly from?: string;
}

/**
 * The in-app path to return to after signing in. Only same-app paths are accepted ("/x", never
 * "//evil.example" or "https://…"), so the login page cannot be turned into an open redirect.
 */
export function readReturnPath(state: unknown): string {
  if (typeof state !== 'object' || state === null || !('from' in state)) return '/';
  const { from } = state;
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/login'))
    return '/';
  return from;
}

/** Renders `children` for a signed-in user; sends anyone else to the login page and back afterwards. */
export function RequireAuth({ children }: { readonly children: ReactNode }) {
  const { me } = useAuth();
  const location = useLocation();
  if (!me) {
    const state: LoginLocationState = { from: `${location.pathname}${location.search}` };
    return <Navigate to="/login" replace state={state} />;
  }
  return children;
}

/** Renders `children` (or the nested routes) only with `permission`; otherwise a "no permission" page. */
export function RequirePermission({
  permission,
  children,
}: {
  readonly permission: Permission;
  readonly children?: ReactNode;
}) {
  const isAllowed = useCan(permission);
  const { t } = useTranslation();
  if (isAllowed) return children ?? <Outlet />;
  return (
    <Result
      status="403"
      title={t('errors.forbiddenTitle')}
      subTitle={t('errors.forbiddenText')}
      extra={
        <ButtonLink to="/" type="primary">
          {t('notFound.backHome')}
        </ButtonLink>
      }
    />
  );
}
