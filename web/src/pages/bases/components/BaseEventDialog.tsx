import { useQueryClient } from '@tanstack/react-query';
import {
  BASE_EVENT_KINDS,
  type BaseEvent,
  type BaseEventKindName,
  baseEventCreateBody,
} from '@yonggong/shared';
import { App, Button, Col, DatePicker, Flex, Form, Input, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { baseKeys, useCreateBaseEvent, useUpdateBaseEvent } from '../../../api/bases.ts';
import { isApiError } from '../../../api/client.ts';
import { type FormProblem, FormProblemAlert } from '../../../components/FormProblemAlert.tsx';
import { isoDateItemProps } from '../../../forms/date-field.ts';
import { applyServerFieldErrors } from '../../../forms/server-errors.ts';
import { useRevalidateOnLocaleChange } from '../../../forms/use-revalidate-on-locale-change.ts';
import { buildSchemaItemProps } from '../../../forms/zod-rules.ts';
import { useLocale } from '../../../i18n/index.ts';
import { EnterprisesPicker, WorkersPicker } from './record-pickers.tsx';

interface EventFormValues {
  readonly heldOn?: string;
  readonly place?: string;
  readonly kind?: BaseEventKindName;
  readonly enterpriseIds?: string[];
  readonly workerIds?: string[];
  readonly notes?: string;
}

const EVENT_FIELDS: ReadonlySet<string> = new Set([
  'heldOn',
  'place',
  'kind',
  'enterpriseIds',
  'workerIds',
  'notes',
]);

interface BaseEventFormProps {
  readonly baseId: string;
  /** The event being edited; absent when recording a new one. */
  readonly event?: BaseEvent;
  readonly onDone: () => void;
}

/**
 * Records or edits a 劳务对接: date, place, kind, the enterprises that attended and the workers who
 * signed up — both picked by searching, not typed as ids. An edit replaces the lists; sign-ups the
 * user may not see (another base's workers) are kept by the server and counted in the hint.
 */
export function BaseEventForm({ baseId, event, onDone }: BaseEventFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<EventFormValues>();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const create = useCreateBaseEvent(baseId);
  const update = useUpdateBaseEvent(baseId);
  const queryClient = useQueryClient();
  const isSaving = create.isPending || update.isPending;
  useRevalidateOnLocaleChange(form);
  const itemProps = (field: 'heldOn' | 'place' | 'kind' | 'notes') =>
    buildSchemaItemProps(baseEventCreateBody, field, locale);
  const initialValues: EventFormValues = event
    ? {
        heldOn: event.heldOn,
        place: event.place,
        kind: event.kind,
        enterpriseIds: event.enterprises.map((enterprise) => enterprise.id),
        workerIds: event.workers.map((worker) => worker.id),
        notes: event.notes,
      }
    : { kind: 'meeting', enterpriseIds: [], workerIds: [] };
  const hiddenSignups = event ? event.workerCount - event.workers.length : 0;

  const submit = async (values: EventFormValues) => {
    if (isSaving) return;
    setProblem(null);
    const body = {
      heldOn: values.heldOn ?? '',
      place: (values.place ?? '').trim(),
      kind: values.kind ?? 'meeting',
      enterpriseIds: values.enterpriseIds ?? [],
      workerIds: values.workerIds ?? [],
      notes: (values.notes ?? '').trim(),
    };
    try {
      if (event) await update.mutateAsync({ eventId: event.id, body: { ...body, version: event.version } });
      else await create.mutateAsync({ body, idempotencyKey });
      void message.success(t('channels.events.saved'));
      onDone();
    } catch (error) {
      if (isApiError(error, 'validation_failed') && error.fieldErrors.length > 0) {
        const { others } = applyServerFieldErrors(form, error.fieldErrors, EVENT_FIELDS);
        setProblem(others.length > 0 ? { kind: 'unplaced', messages: others } : null);
      } else if (isApiError(error, 'version_conflict')) setProblem({ kind: 'conflict' });
      else setProblem({ kind: 'failed', error });
    }
  };

  return (
    <Form<EventFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values) => void submit(values)}
      disabled={isSaving}
      data-testid="base-event-form"
    >
      {problem && (
        <FormProblemAlert
          problem={problem}
          onReload={() => {
            // The dialog closes; the list shows the event as it is now, to open again.
            void queryClient.invalidateQueries({ queryKey: baseKeys.events(baseId) });
            onDone();
          }}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="heldOn"
            label={t('channels.events.heldOn')}
            {...isoDateItemProps}
            {...itemProps('heldOn')}
          >
            <DatePicker style={{ width: '100%' }} data-testid="base-event-date" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="kind" label={t('channels.events.kind')} {...itemProps('kind')}>
            <Select
              options={BASE_EVENT_KINDS.map((kind) => ({
                value: kind,
                label: t(`channels.events.kinds.${kind}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="place" label={t('channels.events.place')} {...itemProps('place')}>
            <Input maxLength={100} data-testid="base-event-place" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="enterpriseIds"
        label={t('channels.events.enterprises')}
        extra={t('channels.pickers.searchHint')}
      >
        <EnterprisesPicker
          known={event?.enterprises.map(({ id, name }) => ({ id, label: name }))}
          data-testid="base-event-enterprises"
        />
      </Form.Item>
      <Form.Item
        name="workerIds"
        label={t('channels.events.workers')}
        extra={
          hiddenSignups > 0
            ? t('channels.events.hiddenSignups', { count: hiddenSignups })
            : t('channels.pickers.workerHint')
        }
      >
        <WorkersPicker
          known={event?.workers.map(({ id, name }) => ({ id, label: name }))}
          data-testid="base-event-workers"
        />
      </Form.Item>
      <Form.Item name="notes" label={t('channels.events.notes')} {...itemProps('notes')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Flex gap={8} justify="flex-end">
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={isSaving} data-testid="base-event-submit">
          {t('channels.common.save')}
        </Button>
      </Flex>
    </Form>
  );
}

/** The event form in a dialog, made anew (with a new idempotency key) each time it opens. */
export function BaseEventDialog({
  baseId,
  event,
  isOpen,
  onClose,
}: {
  readonly baseId: string;
  readonly event?: BaseEvent;
  readonly isOpen: boolean;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={isOpen}
      title={event ? t('channels.events.edit') : t('channels.events.record')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={720}
    >
      <BaseEventForm
        key={event ? `${event.id}:${event.version}` : 'new'}
        baseId={baseId}
        event={event}
        onDone={onClose}
      />
    </Modal>
  );
}
