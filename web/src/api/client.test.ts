import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  ApiError,
  buildQueryString,
  configureApiClient,
  isApiError,
  parseProblem,
  requestJson,
  setCsrfToken,
} from './client.ts';

const PROBLEM_TYPE = 'application/problem+json';

function buildProblemResponse(
  status: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': PROBLEM_TYPE, ...headers },
  });
}

function buildJsonResponse(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const duplicate = {
  type: 'urn:yonggong:problem:duplicate',
  title: 'Conflict',
  status: 409,
  code: 'duplicate',
  detail: '统一社会信用代码已登记：苏州精工',
  requestId: 'req-42',
  existingId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
};

describe('parsing problem replies', () => {
  it('turns a problem document into a typed error with its detail and request id', () => {
    const error = parseProblem(409, PROBLEM_TYPE, JSON.stringify(duplicate));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      code: 'duplicate',
      detail: duplicate.detail,
      requestId: 'req-42',
    });
    expect(error.readExtraString('existingId')).toBe(duplicate.existingId);
    expect(isApiError(error, 'duplicate')).toBe(true);
    expect(isApiError(error, 'version_conflict')).toBe(false);
  });

  it('keeps every field issue of a validation failure', () => {
    const body = {
      type: 'urn:yonggong:problem:validation_failed',
      title: 'Bad Request',
      status: 400,
      code: 'validation_failed',
      detail: '提交的内容有误，请按提示修改',
      errors: [
        { path: 'creditCode', message: '校验位不符', code: 'credit_code.check_digit' },
        { path: 'contacts.0.phone', message: '请填写手机号码' },
      ],
    };
    const error = parseProblem(400, PROBLEM_TYPE, JSON.stringify(body));
    expect(error.code).toBe('validation_failed');
    expect(error.fieldErrors).toEqual(body.errors);
  });

  it('treats an HTML error page or an empty body as an unexpected response', () => {
    expect(parseProblem(502, 'text/html', '<html>Bad gateway</html>')).toMatchObject({
      status: 502,
      code: 'unexpected_response',
      detail: '',
    });
    expect(parseProblem(500, PROBLEM_TYPE, '', 'req-from-header')).toMatchObject({
      code: 'unexpected_response',
      requestId: 'req-from-header',
    });
  });

  it('does not trust a code outside the catalogue', () => {
    const error = parseProblem(418, PROBLEM_TYPE, JSON.stringify({ ...duplicate, code: 'teapot' }));
    expect(error.code).toBe('unexpected_response');
    expect(error.detail).toBe(duplicate.detail);
  });

  it('survives malformed JSON', () => {
    expect(parseProblem(400, PROBLEM_TYPE, '{"code":').code).toBe('unexpected_response');
  });
});

describe('building query strings', () => {
  it('leaves out empty values and encodes the rest', () => {
    expect(
      buildQueryString({ q: '苏州 精工', page: 2, mine: true, districtCode: undefined, x: null, y: '' }),
    ).toBe('?q=%E8%8B%8F%E5%B7%9E+%E7%B2%BE%E5%B7%A5&page=2&mine=true');
    expect(buildQueryString({})).toBe('');
  });
});

describe('requests', () => {
  const fetchMock = vi.fn<typeof fetch>();
  const onUnauthenticated = vi.fn();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    configureApiClient({ readLocale: () => 'en', onUnauthenticated });
    setCsrfToken('token-1');
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    onUnauthenticated.mockReset();
    setCsrfToken(null);
  });

  function readSentHeaders(call = 0): Headers {
    const init = fetchMock.mock.calls[call]?.[1];
    return new Headers(init?.headers);
  }

  it('sends the language, no CSRF token on reads, and validates the reply', async () => {
    fetchMock.mockResolvedValueOnce(buildJsonResponse({ ok: true }));
    await expect(
      requestJson('/api/x', z.object({ ok: z.boolean() }), { query: { page: 1 } }),
    ).resolves.toEqual({
      ok: true,
    });
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/x?page=1');
    expect(fetchMock.mock.calls[0]?.[1]?.credentials).toBe('same-origin');
    expect(readSentHeaders().get('Accept-Language')).toBe('en');
    expect(readSentHeaders().has('X-CSRF-Token')).toBe(false);
  });

  it('sends the CSRF token and a JSON body on writes', async () => {
    fetchMock.mockResolvedValueOnce(buildJsonResponse({ ok: true }));
    await requestJson('/api/x', z.unknown(), { method: 'POST', body: { a: 1 } });
    expect(readSentHeaders().get('X-CSRF-Token')).toBe('token-1');
    expect(readSentHeaders().get('Content-Type')).toBe('application/json');
    expect(fetchMock.mock.calls[0]?.[1]?.body).toBe('{"a":1}');
  });

  it('throws the parsed problem for a failed reply', async () => {
    fetchMock.mockResolvedValueOnce(buildProblemResponse(409, duplicate));
    await expect(requestJson('/api/x', z.unknown(), { method: 'POST' })).rejects.toMatchObject({
      code: 'duplicate',
      detail: duplicate.detail,
    });
  });

  it('reports an expired session to the app, except for the session probe', async () => {
    const expired = { ...duplicate, status: 401, code: 'session_expired', detail: 'expired' };
    fetchMock.mockResolvedValueOnce(buildProblemResponse(401, expired));
    await expect(requestJson('/api/x', z.unknown())).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthenticated).toHaveBeenCalledWith('session_expired');

    onUnauthenticated.mockReset();
    fetchMock.mockResolvedValueOnce(buildProblemResponse(401, { ...expired, code: 'unauthenticated' }));
    await expect(requestJson('/api/me', z.unknown(), { isSessionProbe: true })).rejects.toBeInstanceOf(
      ApiError,
    );
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('retries a write once with a fresh CSRF token', async () => {
    const stale = { ...duplicate, status: 403, code: 'csrf_invalid', detail: 'stale' };
    fetchMock
      .mockResolvedValueOnce(buildProblemResponse(403, stale))
      .mockResolvedValueOnce(buildJsonResponse({ csrfToken: 'token-2' }))
      .mockResolvedValueOnce(buildJsonResponse({ ok: true }));
    await expect(requestJson('/api/x', z.object({ ok: z.boolean() }), { method: 'PATCH' })).resolves.toEqual({
      ok: true,
    });
    expect(readSentHeaders(2).get('X-CSRF-Token')).toBe('token-2');
  });

  it('turns a failed connection into a network error', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(requestJson('/api/x', z.unknown())).rejects.toMatchObject({
      code: 'network_error',
      status: 0,
    });
  });

  it('rejects a reply that does not match the contract', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    fetchMock.mockResolvedValueOnce(buildJsonResponse({ ok: 'yes' }));
    await expect(requestJson('/api/x', z.object({ ok: z.boolean() }))).rejects.toMatchObject({
      code: 'unexpected_response',
    });
    consoleError.mockRestore();
  });
});
