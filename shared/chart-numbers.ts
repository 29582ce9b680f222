/**
 * The next chart number to offer for a new patient: the clinic's own numbering continued from the patient
 * registered last (C0041 → C0042, 2026-0099 → 2026-0100, keeping the prefix and the zero padding), skipping
 * numbers already taken. An empty vault starts at 000001. Staff may always type another one.
 */
export function nextChartNo(latest: string | null, taken: (chartNo: string) => boolean, maxLength = 20): string {
  const m = latest ? /^(.*?)(\d+)$/.exec(latest) : null;
  const prefix = m ? m[1]! : latest ? `${latest}-` : '';
  const digits = m ? m[2]! : '000000';
  let n = m ? BigInt(digits) : 0n;
  for (let tries = 0; tries < 10_000; tries++) {
    n += 1n;
    const candidate = `${prefix}${n.toString().padStart(digits.length, '0')}`;
    if (candidate.length > maxLength) break;
    if (!taken(candidate)) return candidate;
  }
  // The pattern ran out (or is too long): a plain running number that is free.
  for (let k = 1; ; k++) {
    const candidate = String(k).padStart(6, '0');
    if (!taken(candidate)) return candidate;
  }
}
