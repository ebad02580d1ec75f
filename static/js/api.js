// A small JSON client: same-origin cookies, the chosen language, and errors
// thrown as ApiError with the server's message and per-field messages.
import { getLang, t } from './i18n.js';

export class ApiError extends Error {
  constructor(status, body) {
    const e = body?.error ?? {};
    super(e.message || `HTTP ${status}`);
    this.status = status;
    this.code = e.code;
    this.fields = e.fields ?? {};
  }
}

// more are fetch options, e.g. { cache: 'no-cache' } for an answer that
// must be checked with the server (availability: a stale list makes people
// tap places already taken).
export async function api(method, path, body, more = {}) {
  const opts = { method, credentials: 'same-origin', headers: { 'Accept-Language': getLang() === 'en' ? 'en' : 'zh-CN' }, ...more };
  if (body !== undefined) {
    opts.headers['Content-Type'] = 'application/json';
    opts.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch('/api/v1' + path, opts);
  } catch {
    throw new ApiError(0, { error: { message: t('error.network') } });
  }
  if (res.status === 204) return null;
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

// listAll follows next_cursor until the list ends.
export async function listAll(path) {
  const items = [];
  let cursor = '';
  const sep = path.includes('?') ? '&' : '?';
  do {
    const page = await api('GET', `${path}${sep}limit=500${cursor ? '&cursor=' + cursor : ''}`);
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}
