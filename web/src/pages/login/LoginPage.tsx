import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { type LoginBody, loginBody } from '@yonggong/shared';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { signInWithPassword } from '../../api/auth.ts';
import { useAuth } from '../../app/auth-context.tsx';
import { LanguageSwitch } from '../../app/layout/LanguageSwitch.tsx';
import { readReturnPath } from '../../app/require-auth.tsx';
import { describeError } from '../../components/error-text.ts';
import { buildZodRule } from '../../forms/zod-rules.ts';
import { useLocale } from '../../i18n/index.ts';
import styles from './login-page.module.css';

/** Username and password sign-in; returns the user to the page they were sent here from. */
export function LoginPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { me, completeSignIn, signOutReason } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const returnPath = readReturnPath(location.state);
  const signIn = useMutation({
    mutationFn: (body: LoginBody) => signInWithPassword(body),
    onSuccess: (reply) => {
      completeSignIn(reply);
      void navigate(returnPath, { replace: true });
    },
  });

  if (me && !signIn.isPending) return <Navigate to={returnPath} replace />;

  return (
    <Flex className={styles.page} vertical align="center" justify="center" gap={16}>
      <Card className={styles.card}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('auth.title')}
          </Typography.Title>
          <LanguageSwitch />
        </Flex>
        <Typography.Paragraph type="secondary">{t('auth.subtitle')}</Typography.Paragraph>
        {signOutReason && !signIn.isError && (
          <Alert
            type="warning"
            showIcon
            title={t(`auth.${signOutReason === 'session_expired' ? 'sessionExpired' : 'unauthenticated'}`)}
            style={{ marginBottom: 16 }}
          />
        )}
        {signIn.isError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="login-error"
            title={describeError(signIn.error, t, locale)}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form<LoginBody>
          layout="vertical"
          requiredMark={false}
          disabled={signIn.isPending}
          onFinish={(values) => signIn.mutate(values)}
        >
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[buildZodRule(loginBody, 'username', locale)]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[buildZodRule(loginBody, 'password', locale)]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={signIn.isPending}
            data-testid="login-submit"
          >
            {t('auth.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" className={styles.hint}>
          {t('auth.demoHint')}
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
