import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/ButtonLink.tsx';

/** Any unknown path inside the app. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.text')}
      extra={
        <ButtonLink to="/" type="primary">
          {t('notFound.backHome')}
        </ButtonLink>
      }
    />
  );
}
