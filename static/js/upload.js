// Multipart upload of one file, with the server's error messages.
import { getLang } from './i18n.js';
import { ApiError } from './api.js';

export async function uploadFile(path, file, fields = {}) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  body.append('file', file);
  const res = await fetch('/api/v1' + path, {
    method: 'POST', body, credentials: 'same-origin', headers: { 'Accept-Language': getLang() === 'en' ? 'en' : 'zh-CN' },
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}
