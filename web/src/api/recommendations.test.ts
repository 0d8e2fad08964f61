import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JOB_ORDER_ID, WORKER_ID } from '../test/fixtures.ts';
import { buildMatchRun, buildOrderReply, buildWorkerReply } from '../test/recommendation-fixtures.ts';
import { postBulkRecommend } from './applications.ts';
import { configureApiClient, setCsrfToken } from './client.ts';
import { fetchLatestMatchRun, fetchRecommendations } from './recommendations.ts';

function buildJsonResponse(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('the recommendations API', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    configureApiClient({ readLocale: () => 'en' });
    setCsrfToken('token-1');
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    fetchMock.mockReset();
    setCsrfToken(null);
  });

  function readSent(call = 0): { url: string; init: RequestInit | undefined } {
    const [url, init] = fetchMock.mock.calls[call] ?? [];
    return { url: String(url), init };
  }

  it('asks for a worker’s top 20 orders with the filters set, in the UI language', async () => {
    fetchMock.mockResolvedValueOnce(buildJsonResponse(buildWorkerReply()));
    const reply = await fetchRecommendations(
      { workerId: WORKER_ID },
      { districtCode: '320509', occupationCode: undefined, keyOnly: true },
    );
    expect(reply.orders).toHaveLength(3);
    expect(readSent().url).toBe(
      `/api/recommendations?workerId=${WORKER_ID}&k=20&districtCode=320509&keyOnly=true`,
    );
    expect(new Headers(readSent().init?.headers).get('Accept-Language')).toBe('en');
  });

  it('asks for an order’s workers and leaves "key enterprises only" out unless set', async () => {
    fetchMock.mockResolvedValueOnce(buildJsonResponse(buildOrderReply()));
    await fetchRecommendations({ jobOrderId: JOB_ORDER_ID }, { occupationCode: '6-25', keyOnly: false });
    expect(readSent().url).toBe(`/api/recommendations?jobOrderId=${JOB_ORDER_ID}&k=20&occupationCode=6-25`);
  });

  it('posts the pairs of a bulk 推介 with the CSRF token', async () => {
    const result = { workerId: WORKER_ID, jobOrderId: JOB_ORDER_ID, ok: true, code: null, message: null };
    fetchMock.mockResolvedValueOnce(
      buildJsonResponse({ created: 1, results: [{ ...result, applicationId: JOB_ORDER_ID }] }),
    );
    const body = { items: [{ workerId: WORKER_ID, jobOrderId: JOB_ORDER_ID }], note: '' };
    const reply = await postBulkRecommend(body);
    expect(reply.created).toBe(1);
    const { url, init } = readSent();
    expect(url).toBe('/api/applications/bulk');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe(JSON.stringify(body));
    expect(new Headers(init?.headers).get('X-CSRF-Token')).toBe('token-1');
  });

  it('reads the latest run, or none before the first', async () => {
    fetchMock
      .mockResolvedValueOnce(buildJsonResponse({ run: buildMatchRun({ status: 'running', progress: 0.4 }) }))
      .mockResolvedValueOnce(buildJsonResponse({ run: null }));
    await expect(fetchLatestMatchRun()).resolves.toMatchObject({ run: { status: 'running', progress: 0.4 } });
    await expect(fetchLatestMatchRun()).resolves.toEqual({ run: null });
    expect(readSent().url).toBe('/api/recommendations/runs/latest');
  });

  it('rejects a reply that breaks the contract instead of rendering it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    fetchMock.mockResolvedValueOnce(buildJsonResponse({ ...buildWorkerReply(), orders: [{ rank: 0 }] }));
    await expect(fetchRecommendations({ workerId: WORKER_ID }, {})).rejects.toMatchObject({
      code: 'unexpected_response',
    });
  });
});
