import dayjs, { type Dayjs } from 'dayjs';

/**
 * Form.Item props that keep a DatePicker's value as the API's `YYYY-MM-DD` string in the form
 * (so the shared zod schema validates exactly what is sent), showing it as a dayjs date. A cleared
 * picker leaves the field undefined.
 */
export const isoDateItemProps = {
  getValueProps: (value: unknown) => ({ value: typeof value === 'string' && value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined),
};
