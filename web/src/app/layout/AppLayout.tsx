import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CarOutlined,
  ClockCircleOutlined,
  ClusterOutlined,
  ContainerOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  FormOutlined,
  HeatMapOutlined,
  HomeOutlined,
  NodeIndexOutlined,
  ReadOutlined,
  RocketOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  ToolOutlined,
  UsergroupAddOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Layout, Menu, Space, Typography } from 'antd';
import { type ReactNode, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { useAuth } from '../auth-context.tsx';
import styles from './app-layout.module.css';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import {
  findActiveNavKey,
  groupNavItems,
  listVisibleNavItems,
  NAV_ITEMS,
  type NavGroup,
  type NavItem,
} from './nav-items.ts';
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
  bases: <EnvironmentOutlined />,
  trainings: <ReadOutlined />,
  schoolOverview: <RocketOutlined />,
  schools: <ApartmentOutlined />,
  orderClasses: <UsergroupAddOutlined />,
  internships: <SolutionOutlined />,
  apprenticeships: <ToolOutlined />,
  surveys: <ScheduleOutlined />,
  marketplaceDashboard: <DashboardOutlined />,
  channelKpis: <BarChartOutlined />,
  cases: <ContainerOutlined />,
  visits: <CarOutlined />,
  shortageReports: <WarningOutlined />,
  monitoringMap: <HeatMapOutlined />,
  monitoringReports: <FormOutlined />,
  monitoringLate: <ClockCircleOutlined />,
  monitoringSettings: <SettingOutlined />,
  audit: <AuditOutlined />,
};

const GROUP_ICONS: Readonly<Record<NavGroup, ReactNode>> = {
  channels: <ClusterOutlined />,
  marketplace: <ShopOutlined />,
  monitoring: <HeatMapOutlined />,
  service: <ContainerOutlined />,
};

/** The signed-in frame: a role-aware side menu, the header, and the current page. */
export function AppLayout() {
  const { t } = useTranslation();
  const { permissions } = useAuth();
  const location = useLocation();
  const [isCollapsed, setIsCollapsed] = useState(false);

  const entry = (item: NavItem) => ({
    key: item.key,
    icon: NAV_ICONS[item.key],
    label: <Link to={item.path}>{t(`nav.${item.key}`)}</Link>,
  });
  const items = groupNavItems(listVisibleNavItems(permissions)).map((node) =>
    node.kind === 'item'
      ? entry(node.item)
      : {
          key: `group:${node.group}`,
          icon: GROUP_ICONS[node.group],
          label: t(`nav.groups.${node.group}`),
          children: node.items.map(entry),
        },
  );
  const activeKey = findActiveNavKey(location.pathname);
  const activeGroup = NAV_ITEMS.find((item) => item.key === activeKey)?.group;
  // The sub-menu of the page shown is open (also after following a link into another group).
  const [openKeys, setOpenKeys] = useState<string[]>(activeGroup ? [`group:${activeGroup}`] : []);
  useEffect(() => {
    if (activeGroup)
      setOpenKeys((keys) =>
        keys.includes(`group:${activeGroup}`) ? keys : [...keys, `group:${activeGroup}`],
      );
  }, [activeGroup]);

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
          selectedKeys={[activeKey]}
          openKeys={isCollapsed ? undefined : openKeys}
          onOpenChange={setOpenKeys}
          items={items}
          aria-label={t('nav.label')}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className={styles.header}>
          <Typography.Text type="secondary" className={styles.tagline}>
            {t('app.tagline')}
          </Typography.Text>
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
