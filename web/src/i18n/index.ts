import { DEFAULT_LOCALE, type Locale, resolveLocale } from '@yonggong/shared';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}

const STORAGE_KEY = 'yonggong.locale';

dayjs.extend(localizedFormat);

/**
 * The locale the visitor chose last time on this browser. Without a choice the product starts in
 * Chinese whatever the browser says: its users are Chinese officials, English is the exception.
 */
export function readStoredLocale(): Locale {
  try {
    return resolveLocale(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    // Storage can be unavailable (private mode, disabled cookies): fall back to the default.
    return DEFAULT_LOCALE;
  }
}

/** Whether the visitor picked a language on this browser (rather than getting the default). */
export function hasStoredLocale(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) !== null;
  } catch {
    // Without storage there is no remembered choice.
    return false;
  }
}

/** Maps an i18next language tag to one of the product's locales. */
export function toLocale(language: string | undefined): Locale {
  return language === 'en' ? 'en' : 'zh-CN';
}

function writeStoredLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembering the choice is harmless; the session still uses it.
  }
}

function applyDocumentLocale(locale: Locale): void {
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = locale;
  document.title = locale === 'en' ? `${en.app.name} 用工通` : `${zhCN.app.name} Yonggong`;
}

/**
 * Switches the whole UI to `locale`: i18next (and so every `t()`), dayjs formats, the document
 * language and the remembered choice. The antd locale follows i18next in the providers.
 */
export async function applyLocale(locale: Locale): Promise<void> {
  applyDocumentLocale(locale);
  writeStoredLocale(locale);
  await i18next.changeLanguage(locale);
}

/** Starts i18next with both resource files bundled (they are small) in the remembered language. */
export function initI18n(): typeof i18next {
  const locale = readStoredLocale();
  applyDocumentLocale(locale);
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: ['zh-CN', 'en'],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return i18next;
}

/** The current UI locale, re-rendering when it changes. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return toLocale(i18n.language);
}

/** The current UI locale outside React (the API client's Accept-Language). */
export function readCurrentLocale(): Locale {
  return toLocale(i18next.language);
}
