import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { contactInput } from '@yonggong/shared';
import { Button, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { buildFieldRule } from '../../../forms/zod-rules.ts';
import { useLocale } from '../../../i18n/index.ts';
import { findContactPhoneError, MAX_CONTACTS } from '../enterprise-form-values.ts';

/** Contact rows (name, title, phone) of the enterprise form. */
export function ContactFields() {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = Form.useFormInstance();
  return (
    <Form.List name="contacts">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => {
            const masked: string | undefined = form.getFieldValue(['contacts', field.name, 'phoneMasked']);
            const isExisting = Boolean(form.getFieldValue(['contacts', field.name, 'id']));
            return (
              <Row key={field.key} gutter={12} align="top" data-testid="contact-row">
                <Form.Item name={[field.name, 'id']} hidden>
                  <Input />
                </Form.Item>
                <Col xs={24} md={7}>
                  <Form.Item
                    name={[field.name, 'name']}
                    label={t('enterprise.form.contactName')}
                    required
                    rules={[buildFieldRule(contactInput.shape.name, locale)]}
                  >
                    <Input maxLength={50} data-testid={`contact-name-${field.name}`} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item
                    name={[field.name, 'title']}
                    label={t('enterprise.form.contactTitle')}
                    rules={[buildFieldRule(contactInput.shape.title, locale)]}
                  >
                    <Input maxLength={50} data-testid={`contact-title-${field.name}`} />
                  </Form.Item>
                </Col>
                <Col xs={20} md={9}>
                  <Form.Item
                    name={[field.name, 'phone']}
                    label={t('enterprise.form.contactPhone')}
                    required={!isExisting}
                    rules={[
                      {
                        validator: async (_rule, value: string | undefined) => {
                          const message = findContactPhoneError(value, isExisting, locale);
                          if (message !== null) throw new Error(message);
                        },
                      },
                    ]}
                  >
                    <Input
                      inputMode="tel"
                      maxLength={20}
                      autoComplete="off"
                      placeholder={masked ? t('enterprise.form.keepPhone', { masked }) : undefined}
                      data-testid={`contact-phone-${field.name}`}
                    />
                  </Form.Item>
                </Col>
                <Col xs={4} md={2}>
                  <Form.Item label=" " colon={false}>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('enterprise.form.removeContact')}
                      onClick={() => remove(field.name)}
                    />
                  </Form.Item>
                </Col>
              </Row>
            );
          })}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            disabled={fields.length >= MAX_CONTACTS}
            onClick={() => add({ name: '', title: '', phone: '' })}
            data-testid="contact-add"
          >
            {t('enterprise.form.addContact')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
