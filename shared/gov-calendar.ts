/**
 * The government's office calendar: 行政院人事行政總處「中華民國政府行政機關辦公日曆表」, published each year as a
 * CSV (data.gov.tw) with the header 西元日期,星期,是否放假,備註 and one row per day, e.g.
 *
 *   20260216,一,2,小年夜
 *   20260131,六,0,補行上班
 *
 * 是否放假 is 2 for a day off and 0 for a working day. Lunar holidays (春節, 端午, 中秋), observed days (補假)
 * and make-up working days (補行上班) are all in it, which a fixed-date list cannot know. Pure: parsing only.
 */
import type { CalendarDayKind } from './clinic-calendar';
import { isWeekend } from './clinic-calendar';
import { isRealDate } from './dates';

export const GOV_CALENDAR_MAX_BYTES = 256 * 1024;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** A day on which the official calendar differs from Monday–Friday: what the clinic calendar stores. */
export interface GovCalendarDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

export type GovCalendarProblem =
  | { kind: 'header' }
  | { kind: 'row'; line: number; reason: 'columns' | 'date' | 'weekday' | 'holiday_flag' | 'duplicate' }
  | { kind: 'empty' };

export type GovCalendarParse = { ok: true; days: GovCalendarDay[]; from: string; to: string; rows: number } | { ok: false; problem: GovCalendarProblem };

/** One CSV field list (the file quotes no field in practice; quotes are honoured all the same). */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out.map((f) => f.trim());
}

/**
 * Reads the file. Every row must be a real date with its right weekday and a flag of 0 or 2; one bad row refuses
 * the whole file (a half-imported year would put deadlines on the wrong day without anyone noticing). Kept are
 * the weekdays off (holidays, named by 備註 or "放假") and the weekend days worked (補行上班); weekends off and
 * weekdays worked are what the calendar assumes anyway.
 */
export function parseGovCalendar(csv: string): GovCalendarParse {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '');
  if (header[0] !== '西元日期' || header[1] !== '星期' || header[2] !== '是否放假') return { ok: false, problem: { kind: 'header' } };
  const days: GovCalendarDay[] = [];
  const seen = new Set<string>();
  let rows = 0;
  let from = '';
  let to = '';
  for (let n = 1; n < lines.length; n++) {
    const raw = lines[n]!;
    if (raw.trim() === '') continue;
    const line = n + 1;
    const cols = splitCsvLine(raw);
    if (cols.length < 3 || cols.length > 4) return { ok: false, problem: { kind: 'row', line, reason: 'columns' } };
    const [ymd, wd, flag, note = ''] = cols as [string, string, string, string?];
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(ymd);
    const date = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
    if (!m || !isRealDate(date)) return { ok: false, problem: { kind: 'row', line, reason: 'date' } };
    if (seen.has(date)) return { ok: false, problem: { kind: 'row', line, reason: 'duplicate' } };
    seen.add(date);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (wd !== WEEKDAYS[weekday]) return { ok: false, problem: { kind: 'row', line, reason: 'weekday' } };
    if (flag !== '0' && flag !== '2') return { ok: false, problem: { kind: 'row', line, reason: 'holiday_flag' } };
    rows++;
    if (!from || date < from) from = date;
    if (!to || date > to) to = date;
    const off = flag === '2';
    const name = note.slice(0, 60);
    if (off && !isWeekend(date)) days.push({ date, kind: 'holiday', name: name || '放假' });
    else if (!off && isWeekend(date)) days.push({ date, kind: 'workday', name: name || '補行上班' });
  }
  if (rows === 0) return { ok: false, problem: { kind: 'empty' } };
  days.sort((a, b) => (a.date < b.date ? -1 : 1));
  return { ok: true, days, from, to, rows };
}
