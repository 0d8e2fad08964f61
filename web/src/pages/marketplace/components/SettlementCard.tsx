import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSettlements } from '../../../api/marketplace.ts';

/** Subsidy eligibilities and fees owed on the claims the user may see. */
export function SettlementCard() {
  const { t } = useTranslation();
  const settlements = useSettlements();
  const rows = [
    ...(settlements.data?.subsidyEligibilities ?? []).map((row) => ({
      key: `s${row.id}`,
      what: `${t('marketplace.hall.subsidy')}（${row.retentionDays}）`,
      agency: row.agencyName,
      enterprise: row.enterpriseName,
      worker: row.workerName,
      amount: '—',
      date: row.eligibleOn,
      status: row.status,
    })),
    ...(settlements.data?.fees ?? []).map((row) => ({
      key: `f${row.id}`,
      what: t('marketplace.hall.fee', { amount: (row.amountFen / 100).toFixed(0) }),
      agency: row.agencyName,
      enterprise: row.enterpriseName,
      worker: row.workerName,
      amount: (row.amountFen / 100).toFixed(2),
      date: row.owedSince,
      status: row.status,
    })),
  ];
  return (
    <Card title={t('marketplace.agencies.settlements')} style={{ marginTop: 16 }}>
      <Table
        size="small"
        rowKey="key"
        loading={settlements.isPending}
        dataSource={rows}
        pagination={{ pageSize: 10 }}
        columns={[
          { key: 'what', dataIndex: 'what', title: '' },
          { key: 'agency', dataIndex: 'agency', title: t('marketplace.claims.agency') },
          { key: 'enterprise', dataIndex: 'enterprise', title: t('marketplace.claims.order') },
          { key: 'worker', dataIndex: 'worker', title: t('marketplace.claim.candidates') },
          { key: 'date', dataIndex: 'date', title: '' },
          { key: 'status', dataIndex: 'status', title: t('marketplace.claims.status') },
        ]}
      />
    </Card>
  );
}
