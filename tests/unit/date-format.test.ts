import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatDate, formatDateTime, formatPrintedDate, formatPrintedDateTime, parseTypedDate, parseTypedDateTime, typedFieldText } from '../../shared/date-format';

const AT = '2026-12-02T06:05:09.000Z'; // 14:05 in Taipei

describe('dates are shown unambiguously in both languages', () => {
  it('shows yyyy/mm/dd and 24-hour time in zh-TW, never 上午/下午', () => {
    expect(formatDateTime(AT, 'Asia/Taipei', 'zh-TW')).toBe('2026/12/02 14:05');
    expect(formatDateTime(AT, 'Asia/Taipei', 'zh-TW', true)).toBe('2026/12/02 14:05:09');
    expect(formatDate(AT, 'Asia/Taipei', 'zh-TW')).toBe('2026/12/02');
    expect(formatCalendarDate('2026-02-12', 'zh-TW')).toBe('2026/02/12');
  });

  it('names the month in English, so 02/12 cannot be read either way', () => {
    expect(formatDateTime(AT, 'Asia/Taipei', 'en')).toBe('2 Dec 2026 14:05');
    expect(formatDate(AT, 'Asia/Taipei', 'en')).toBe('2 Dec 2026');
    expect(formatCalendarDate('2026-02-12', 'en')).toBe('12 Feb 2026');
    expect(formatDateTime('2026-12-02T16:30:00.000Z', 'Asia/Taipei', 'en')).toBe('3 Dec 2026 00:30');
  });

  it('prints 民國 dates when the clinic chooses them, and 西元 otherwise', () => {
    expect(formatPrintedDate('2026-12-02', 'roc')).toBe('民國115年12月02日');
    expect(formatPrintedDate('2026-12-02', 'gregorian')).toBe('2026/12/02');
    expect(formatPrintedDateTime(AT, 'Asia/Taipei', 'roc')).toBe('民國115年12月02日 14:05');
  });

  it('reads dates as staff type them, full-width and 民國 included', () => {
    expect(parseTypedDate('2026/12/2')).toBe('2026-12-02');
    expect(parseTypedDate('２０２６／１２／０２')).toBe('2026-12-02');
    expect(parseTypedDate('2026年12月2日')).toBe('2026-12-02');
    expect(parseTypedDate('115/12/02')).toBe('2026-12-02');
    expect(parseTypedDate('民國115年12月2日')).toBe('2026-12-02');
    expect(parseTypedDate('2026/02/30')).toBeNull();
    expect(parseTypedDate('12/02/2026')).toBeNull();
    expect(parseTypedDateTime('2026/12/02 14:05')).toBe('2026-12-02T14:05');
    expect(parseTypedDateTime('２０２６－１２－０２　１４：０５')).toBe('2026-12-02T14:05');
    expect(parseTypedDateTime('2026-12-02T09:30')).toBe('2026-12-02T09:30');
    expect(parseTypedDateTime('2026/12/02 24:00')).toBeNull();
    expect(typedFieldText('2026-12-02T14:05')).toBe('2026/12/02 14:05');
  });
});
