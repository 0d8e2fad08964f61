import type { FormInstance } from 'antd';
import { useEffect, useRef } from 'react';
import { useLocale } from '../i18n/index.ts';

/**
 * Field messages are rendered when validation runs, so after a language switch the errors on
 * screen would stay in the old language. This re-runs validation of the fields showing errors.
 */
export function useRevalidateOnLocaleChange(form: FormInstance): void {
  const locale = useLocale();
  const previous = useRef(locale);
  useEffect(() => {
    if (previous.current === locale) return;
    previous.current = locale;
    const failing = form
      .getFieldsError()
      .filter((field) => field.errors.length > 0)
      .map((field) => field.name);
    // The rejection carries the same errors the fields now show, in the new language.
    if (failing.length > 0) form.validateFields(failing).catch(() => undefined);
  }, [locale, form]);
}
