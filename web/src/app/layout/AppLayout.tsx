import {
  AuditOutlined,
  BankOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  HomeOutlined,
  NodeIndexOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { Layout, Menu, Space, Typography } from 'antd';
import { type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { useAuth } from '../auth-context.tsx';
import styles from './app-layout.module.css';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { findActiveNavKey, listVisibleNavItems, type NavItem } from './nav-items.ts';
import { UserMenu } from './UserMenu.tsx';

const NAV_ICONS: Readonly<Record<NavItem['key'], ReactNode>> = {
  home: <HomeOutlined />,
  enterprises: <BankOutlined />,
  jobOrders: <SolutionOutlined />,
  workers: <TeamOutlined />,
  matching: <NodeIndexOutlined />,
  orderHall: <ThunderboltOutlined />,
  claims: <FileDoneOutlined />,
  agencies: <ShopOutlined />,
  marketplaceDashboard: <DashboardOutlined />,
  audit: <AuditOutlined />,
};

/** The signed-in frame: a role-aware side menu, the header, and the current page. */
export function AppLayout() {
  const { t } = useTranslation();
  const { permissions } = useAuth();
  const location = useLocation();
  const [isCollapsed, setIsCollapsed] = useState(false);

  const items = listVisibleNavItems(permissions).map((item) => ({
    key: item.key,
    icon: NAV_ICONS[item.key],
    label: <Link to={item.path}>{t(`nav.${item.key}`)}</Link>,
  }));

  return (
    <Layout className={styles.shell}>
      <Layout.Sider
        collapsible
        collapsed={isCollapsed}
        onCollapse={setIsCollapsed}
        theme="light"
        breakpoint="lg"
      >
        <Link to="/" className={styles.brand}>
          <span className={styles.logo} aria-hidden>
            工
          </span>
          {!isCollapsed && <span>{t('app.name')}</span>}
        </Link>
        <Menu
          mode="inline"
          selectedKeys={[findActiveNavKey(location.pathname)]}
          items={items}
          aria-label={t('nav.label')}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className={styles.header}>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          <Space size="middle">
            <LanguageSwitch />
            <UserMenu />
          </Space>
        </Layout.Header>
        <Layout.Content className={styles.content}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
