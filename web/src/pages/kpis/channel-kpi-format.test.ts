import { describe, expect, it } from 'vitest';
import { formatRate, recordStatusKey } from './channel-kpi-format.ts';

describe('channel KPI formatting', () => {
  it('shows a rate with one decimal and no rate as a dash', () => {
    expect(formatRate(0.8333)).toBe('83.3%');
    expect(formatRate(null)).toBe('—');
  });

  it('names a record status by the figure it was opened from', () => {
    expect(recordStatusKey('retained30', 'no')).toBe('kpis.channels.retained.no');
    expect(recordStatusKey('supplied', 'employed')).toBe('worker.status.employed');
    expect(recordStatusKey('hires', 'retained_30')).toBe('application.status.retained_30');
    expect(recordStatusKey('hires', 'unheard-of')).toBeNull();
    expect(recordStatusKey('applications', null)).toBeNull();
  });
});
