import { afterEach, describe, expect, it, vi } from 'vitest';
import { asApiResult, createHttpBridge, TRANSPORT_ERROR } from '../../renderer/src/bridge';

describe('renderer HTTP bridge (browser host transport)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('accepts only well-formed ApiResults', () => {
    expect(asApiResult({ ok: true, value: 1 })).toEqual({ ok: true, value: 1 });
    expect(asApiResult({ ok: false, error: { code: 'forbidden', messageKey: 'errors.forbidden' } })).toEqual({
      ok: false,
      error: { code: 'forbidden', messageKey: 'errors.forbidden' },
    });
    for (const bad of [null, 'x', {}, { ok: true }, { ok: false, error: { code: 'nope', messageKey: 'x' } }]) {
      expect(asApiResult(bad)).toEqual({ ok: false, error: TRANSPORT_ERROR });
    }
  });

  it('posts {channel, input} with the token header and returns the body', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: { ok: true } })));
    vi.stubGlobal('fetch', fetchMock);
    const bridge = createHttpBridge('ab'.repeat(32));
    const result = await bridge.call('session.signOut', {});
    expect(result).toEqual({ ok: true, value: { ok: true } });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['x-consentvault-token']).toBe('ab'.repeat(32));
    expect(JSON.parse(String(init.body))).toEqual({ channel: 'session.signOut', input: {} });
  });

  it('turns a network failure or a non-JSON answer into errors.transport', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    expect(await createHttpBridge('00').call('app.status', {})).toEqual({
      ok: false,
      error: { code: 'internal', messageKey: 'errors.transport' },
    });
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>oops</html>', { status: 502 })));
    expect(await createHttpBridge('00').call('app.status', {})).toEqual({ ok: false, error: TRANSPORT_ERROR });
  });
});
