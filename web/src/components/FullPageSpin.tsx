import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** A centred spinner while a page or the session loads, announced to screen readers. */
export function FullPageSpin() {
  const { t } = useTranslation();
  return (
    <Flex
      role="status"
      aria-label={t('common.loading')}
      align="center"
      justify="center"
      style={{ minHeight: 240, height: '100%' }}
    >
      <Spin size="large" />
    </Flex>
  );
}
