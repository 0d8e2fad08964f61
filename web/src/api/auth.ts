import { type Locale, type LoginBody, loginReply, type MeReply, meReply } from '@yonggong/shared';
import { z } from 'zod';
import { isApiError, requestJson } from './client.ts';

/** Query key of the signed-in user (`null` = nobody). */
export const sessionQueryKey = ['session'] as const;

/** `GET /api/me`; `null` when nobody is signed in. */
export async function fetchSession(): Promise<MeReply | null> {
  try {
    return await requestJson('/api/me', meReply, { isSessionProbe: true });
  } catch (error) {
    if (isApiError(error, 'unauthenticated', 'session_expired')) return null;
    throw error;
  }
}

/** `POST /api/auth/login`. */
export function signInWithPassword(body: LoginBody) {
  return requestJson('/api/auth/login', loginReply, { method: 'POST', body, isSessionProbe: true });
}

/** `POST /api/auth/logout`. */
export function signOutSession() {
  return requestJson('/api/auth/logout', z.unknown(), { method: 'POST', isSessionProbe: true });
}

/** `PATCH /api/me` with the preferred UI language. */
export function saveMyLocale(locale: Locale) {
  return requestJson('/api/me', z.unknown(), { method: 'PATCH', body: { locale } });
}
