/** Formatting for documents: fixed, locale-independent shapes so the same record renders to the same bytes. */

// One formatter per zone: building one per call was a tenth of a consent render (documents print many times).
const minuteFormats = new Map<string, Intl.DateTimeFormat>();
function minuteFormat(timeZone: string): Intl.DateTimeFormat {
  let f = minuteFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    minuteFormats.set(timeZone, f);
  }
  return f;
}

/** '2026-11-23 10:05 (Asia/Taipei)': the clinic's wall-clock time with its zone named. */
export function clinicTime(iso: string, timeZone: string, withZone = true): string {
  const parts = minuteFormat(timeZone).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const text = `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
  return withZone ? `${text} (${timeZone})` : text;
}

/** 18000 -> '18,000' (digit grouping without locale data). */
export function groupDigits(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Fills {{name}} placeholders. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? `{{${name}}}`));
}
