import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLocale } from '../../i18n/index.ts';
import { useAuth, useMe } from '../auth-context.tsx';

/** The signed-in user's name with a sign-out action. */
export function UserMenu() {
  const me = useMe();
  const { signOut } = useAuth();
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();

  const signOutAndLeave = async () => {
    try {
      await signOut();
      void message.success(t('header.signedOut'));
    } finally {
      void navigate('/login', { replace: true });
    }
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'roles',
            label: new Intl.ListFormat(locale).format(me.roles.map((role) => t(`roles.${role}`))),
            disabled: true,
          },
          { type: 'divider' },
          { key: 'sign-out', icon: <LogoutOutlined />, label: t('header.signOut'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'sign-out') void signOutAndLeave();
        },
      }}
    >
      <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
        {me.displayName}
      </Button>
    </Dropdown>
  );
}
