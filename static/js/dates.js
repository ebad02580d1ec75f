// Dates as "YYYY-MM-DD" strings in China's time; no library needed.

export function todayCN() {
  return new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
}

export function monthOf(date) { return date.slice(0, 7); }

export function addMonths(month, n) {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

// monthRange returns the first and last day of "YYYY-MM".
export function monthRange(month) {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

export function daysOf(month) {
  const { to } = monthRange(month);
  const n = Number(to.slice(8));
  return Array.from({ length: n }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

// isoWeekday is 1 (Monday) … 7 (Sunday).
export function isoWeekday(date) {
  const d = new Date(date + 'T00:00:00Z').getUTCDay();
  return d === 0 ? 7 : d;
}

export function timeCN(rfc3339) {
  return new Date(new Date(rfc3339).getTime() + 8 * 3600e3).toISOString().slice(11, 16);
}

// dateCN is the China date of an RFC 3339 time.
export function dateCN(rfc3339) {
  return new Date(new Date(rfc3339).getTime() + 8 * 3600e3).toISOString().slice(0, 10);
}
