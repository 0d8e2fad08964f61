import { ShopOutlined } from '@ant-design/icons';
import { type JobOrder, Permission } from '@yonggong/shared';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/use-can.ts';
import { ButtonLink } from '../../../components/ButtonLink.tsx';

/** The order page's way into its agency listing (publish, terms, claims, reviews). */
export function MarketplaceLink({ order }: { readonly order: JobOrder }) {
  const { t } = useTranslation();
  const canPublish = useCan(Permission.MarketplacePublish);
  if (!canPublish || (order.status !== 'open' && order.status !== 'filled')) return null;
  return (
    <ButtonLink
      to={`/marketplace/orders/${order.id}`}
      icon={<ShopOutlined />}
      data-testid="job-order-marketplace"
    >
      {t('marketplace.publish.link')}
    </ButtonLink>
  );
}
