import { messages } from '../../shared/i18n';
import type { LocaleMessages } from '../../shared/i18n';
import { clinicTime, fill } from '../pdf/format';
import type { EvidencePdfWords } from '../pdf/wording';
import { CONTENT_WIDTH, fitToWidth, PAGE, type TableColumn } from '../pdf/writer';
import { renderComparison } from './evidence-pdf-comparison';
import { renderConsents, renderConsultations, renderPhotos } from './evidence-pdf-records';
import { shown, type PdfRun } from './evidence-pdf-run';
import type { StreamingPdfWriter } from './pdf-writer';
import type { PackSnapshot } from './records';

export type SectionId = 'profile' | 'consultations' | 'communications' | 'consents' | 'treatments' | 'followUps' | 'complaints' | 'photos' | 'comparison' | 'audit';

/** Parenthesised in the PDF's language: full-width in Chinese. */
function paren(s: PackSnapshot, text: string): string {
  return s.locale === 'en' ? ` (${text})` : `（${text}）`;
}

export function batesNumber(s: PackSnapshot, page: number): string {
  return `${s.clinic.batesPrefix}-${String(s.packNo).padStart(4, '0')}-${String(page).padStart(6, '0')}`;
}

export function scopeLabel(s: PackSnapshot, words: EvidencePdfWords): string {
  const sc = s.scope;
  if (sc.type === 'patient') return words.scopes.patient;
  if (sc.type === 'dateRange') return fill(words.scopes.dateRange, { from: sc.from, to: sc.to });
  const c = s.records.consultations.find((x) => x.id === sc.consultationId);
  const procedure = c ? (s.locale === 'en' ? c.procedureNameEn : c.procedureNameZh) : '';
  return fill(words.scopes.consultation, { procedure, id: sc.consultationId });
}

/** The SHA-256 fingerprint in groups of four, as printed on the cover. */
export function groupedFingerprint(hex: string): string {
  return hex.match(/.{1,4}/g)?.join(' ') ?? hex;
}

function cover(r: PdfRun): { batesAt: { page: number; x: number; y: number; width: number } } {
  const { w, s, m, words: p } = r;
  const d = w.doc;
  w.newPage();
  w.gap(24);
  w.title(s.kind === 'lawyer' ? p.title : p.titlePatient, fill(p.subtitle, { clinic: s.clinic.name, packNo: String(s.packNo).padStart(4, '0') }));
  const patient = s.records.patient;
  const rows: [string, string][] = [
    [p.cover.clinic, s.clinic.name],
    [p.cover.patient, patient.nameEn ? `${patient.nameZh}${paren(s, patient.nameEn)}` : patient.nameZh],
    [p.cover.chartNo, patient.chartNo],
    [p.cover.scope, scopeLabel(s, p)],
    [p.cover.kind, p.kinds[s.kind]],
    [p.cover.exportedBy, `${s.exporter.name}${paren(s, m.roles[s.exporter.role])}`],
    [p.cover.exportedAt, r.t(s.exportedAt)],
    [p.cover.packId, s.packId],
    [p.cover.packNo, String(s.packNo).padStart(4, '0')],
  ];
  w.grid(rows, 1, 0, 150);
  // The Bates range is known only once every page is made: its row is filled in at the end.
  d.fontSize(9.5);
  const y = d.y;
  w.grid([[p.cover.bates, ' ']], 1, 0, 150);
  const batesAt = { page: 0, x: PAGE.marginX + 155, y: y + 4, width: CONTENT_WIDTH - 165 };
  w.grid(
    [
      [p.cover.fingerprint, groupedFingerprint(s.key.fingerprint)],
      [p.cover.chainHead, s.chainHead ? `#${s.chainHead.seq} ${s.chainHead.hash}` : p.cover.noChainHead],
    ],
    1,
    12,
    150,
  );
  w.subheading(p.cover.howToVerify);
  w.numbered([p.cover.verify1, p.cover.verify2, p.cover.verify3, p.cover.verify4], 9);
  return { batesAt };
}

const SECTION_ORDER: SectionId[] = ['profile', 'consultations', 'communications', 'consents', 'treatments', 'followUps', 'complaints', 'photos', 'comparison', 'audit'];

function profile(r: PdfRun): void {
  const { w, s, m, words } = r;
  const p = words.profile;
  const f = m.patients.fields;
  const pt = s.records.patient;
  const person = (x: { name: string; relation: string; phone: string } | null, tpl: string) => (x ? fill(tpl, x) : '—');
  w.subheading(fill(p.current, { version: pt.version, at: r.t(pt.updatedAt) }));
  w.grid(
    [
      [f.chartNo, pt.chartNo],
      [f.nameZh, pt.nameZh],
      [f.nameEn, shown(pt.nameEn, r)],
      [f.sex, m.patients.sex[pt.sex]],
      [f.birthDate, pt.birthDate],
      [f.nationalId, shown(pt.nationalId, r)],
      [f.phone, pt.phone],
      [f.email, shown(pt.email, r)],
      [f.lineId, shown(pt.lineId, r)],
      [f.address, shown(pt.address, r)],
      [f.emergencyContact, person(pt.emergencyContact, p.emergencyContact)],
      [f.guardian, person(pt.guardian, p.guardian)],
      [f.allergies, shown(pt.allergies, r)],
      [f.riskMedications, shown(pt.riskMedications.map((x) => m.patients.riskMedications[x]), r)],
      [f.medications, shown(pt.medications, r)],
      [f.medicalHistory, shown(pt.medicalHistory, r)],
      [f.priorProcedures, shown(pt.priorProcedures, r)],
      [f.pregnancy, m.patients.pregnancy[pt.pregnancy]],
      [f.smoking, m.patients.smoking[pt.smoking]],
      [f.keloidHistory, shown(pt.keloidHistory, r)],
      [f.preferredLocale, m.patients.locales[pt.preferredLocale]],
      [p.createdAt, r.t(pt.createdAt)],
    ],
    2,
  );
  w.subheading(p.history);
  if (pt.revisions.length === 0) {
    w.paragraph(p.noHistory, { muted: true });
    return;
  }
  const fieldName = (k: string) => (f as Record<string, string>)[k] ?? k;
  const rows = [...pt.revisions]
    .sort((a, b) => a.version - b.version)
    .flatMap((rev) => rev.changes.map((c) => [String(rev.version), r.t(rev.changedAt, false), rev.changedByName, fieldName(c.field), shown(c.from, r), shown(c.to, r)]));
  w.table(
    [
      { header: p.version, width: 0.08, align: 'center' },
      { header: p.time, width: 0.16 },
      { header: p.by, width: 0.12 },
      { header: p.field, width: 0.16 },
      { header: p.from, width: 0.24 },
      { header: p.to, width: 0.24 },
    ],
    rows,
    { size: 8.5 },
  );
}

function communications(r: PdfRun): void {
  const { w, s, m, words } = r;
  const p = words.communication;
  const c = m.communications;
  if (s.records.communications.length === 0) return w.paragraph(words.none, { muted: true });
  const rows = s.records.communications.map((x) => {
    const extra = [
      ...x.corrections.map((k) => fill(p.correction, { by: k.staffName, at: r.t(k.createdAt, false), text: k.text })),
      ...(x.attachment ? [fill(p.attachment, { name: x.attachment.fileName, file: `data/${x.attachmentFile ?? ''}`, sha: x.attachment.sha256 })] : []),
    ];
    return [r.t(x.occurredAt, false), `${c.channels[x.channel]}\n${c.directions[x.direction]}`, x.staffName, [x.summary, ...extra].join('\n')];
  });
  w.table(
    [
      { header: p.time, width: 0.16 },
      { header: p.channel, width: 0.13 },
      { header: p.staff, width: 0.11 },
      { header: p.summary, width: 0.6 },
    ],
    rows,
    { size: 8.5 },
  );
}

/** Treatments, follow-ups, complaints (issue 6): each record's fields, then its lists (products, timeline, …) as tables. */
function followOn(r: PdfRun, id: 'treatments' | 'followUps' | 'complaints', list: Record<string, unknown>[]): void {
  const { w, words } = r;
  if (list.length === 0) return w.paragraph(words.none, { muted: true });
  const labels = words.fields as Record<string, string>;
  const label = (k: string) => labels[k] ?? k;
  const value = (k: string, v: unknown): string =>
    typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) ? r.t(v, false) : v && typeof v === 'object' && !Array.isArray(v) ? shown(Object.fromEntries(Object.entries(v).map(([kk, vv]) => [label(kk), value(kk, vv)])), r) : shown(v, r);
  list.forEach((rec, i) => {
    if (i > 0) w.gap(6);
    const title =
      id === 'treatments' ? value('performedAt', rec.performedAt) : id === 'followUps' ? `${shown(rec.dueDate, r)} · ${shown(rec.focus, r)}` : `${shown(rec.refNo, r)} · ${value('receivedAt', rec.receivedAt)}`;
    w.heading(title.length > 48 ? `${title.slice(0, 47)}…` : title);
    const scalars = Object.entries(rec).filter(([k, v]) => k !== 'id' && !(Array.isArray(v) && v.some((x) => x && typeof x === 'object')));
    w.grid([['ID', String(rec.id ?? '')]], 1, 0, 110);
    w.grid(
      scalars.map(([k, v]) => [label(k), value(k, v)] as [string, string]),
      2,
    );
    for (const [k, v] of Object.entries(rec)) {
      if (!Array.isArray(v) || !v.some((x) => x && typeof x === 'object')) continue;
      const rows = v as Record<string, unknown>[];
      // The parent's own ID and links between entries are in records.json; the table shows what happened.
      const keys = [...new Set(rows.flatMap((x) => Object.keys(x)))].filter((kk) => !['id', 'complaintId', 'visitId', 'sourceEntryId', 'metByEntryId'].includes(kk)).slice(0, 6);
      w.subheading(label(k));
      w.table(
        keys.map((kk) => ({ header: label(kk), width: 1 / keys.length })),
        rows.map((x) => keys.map((kk) => value(kk, x[kk]))),
        { size: 8 },
      );
    }
  });
}

function audit(r: PdfRun): void {
  const { w, s, m, words } = r;
  const p = words.audit;
  w.paragraph(p.intro, { size: 9, muted: true });
  if (s.audit.length === 0) return w.paragraph(words.none, { muted: true });
  const actions = m.auditActions as Record<string, string>;
  const subjects = m.auditSubjects as Record<string, string>;
  const rows = s.audit.map((e) => [
    String(e.seq),
    r.t(e.at, false),
    e.actorName ? `${e.actorName}${e.actorRole ? paren(s, m.roles[e.actorRole]) : ''}` : p.system,
    actions[e.action.replace(/\./g, '_')] ?? e.action,
    e.subjectType ? `${subjects[e.subjectType] ?? e.subjectType} ${(e.subjectId ?? '').slice(0, 8)}` : '—',
    `${e.hash.slice(0, 16)}\n← ${e.prevHash.slice(0, 16)}`,
  ]);
  compactTable(
    w,
    [
      { header: p.seq, width: 0.07, align: 'right' },
      { header: p.time, width: 0.15 },
      { header: p.actor, width: 0.17 },
      { header: p.action, width: 0.23 },
      { header: p.subject, width: 0.17 },
      { header: p.hash, width: 0.21 },
    ],
    rows,
    7.5,
  );
}

/**
 * A table of short cells (the audit trail: thousands of rows): each cell's lines are drawn unwrapped, cut with
 * an ellipsis where too long, so a row costs a few measurements instead of a full text layout per cell.
 */
function compactTable(w: StreamingPdfWriter, columns: TableColumn[], rows: string[][], size: number): void {
  const d = w.doc;
  const pad = 3;
  const lineH = size * 1.3;
  const widths = columns.map((c) => c.width * CONTENT_WIDTH);
  const lefts = widths.map((_, i) => PAGE.marginX + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const drawRow = (cells: string[], shade: boolean) => {
    const lines = cells.map((c) => c.split('\n'));
    const h = Math.max(...lines.map((l) => l.length)) * lineH + 2 * pad;
    const y = d.y;
    d.fontSize(size);
    // The row's cells as one path each for the shading and the rules: a colour and a stroke per row, not per cell.
    if (shade) {
      lefts.forEach((x, i) => d.rect(x, y, widths[i]!, h));
      d.fill('#eeeeee');
    }
    lefts.forEach((x, i) => d.rect(x, y, widths[i]!, h));
    d.lineWidth(0.5).strokeColor('#9a9a9a').stroke();
    d.fillColor('#111111');
    lines.forEach((cellLines, i) => {
      const width = widths[i]!;
      const x = lefts[i]!;
      cellLines.forEach((line, k) => {
        const text = fitToWidth(d, line, width - 2 * pad);
        const tx = columns[i]!.align === 'right' ? x + width - pad - d.widthOfString(text) : x + pad;
        d.text(text, tx, y + pad + k * lineH, { lineBreak: false });
      });
    });
    d.x = PAGE.marginX;
    d.y = y + h;
  };
  const header = columns.map((c) => c.header);
  w.ensureSpace(4 * lineH + 4 * pad);
  drawRow(header, true);
  for (const row of rows) {
    const h = Math.max(...row.map((c) => c.split('\n').length)) * lineH + 2 * pad;
    if (d.y + h > w.bottomY) {
      w.newPage();
      drawRow(header, true);
    }
    drawRow(row, false);
  }
  w.gap(8);
}

/**
 * Renders evidence.pdf into `w` (whose stream the caller is already writing into the pack): cover, table of
 * contents, then each section on its own pages; every page gets its Bates number and "page N of M".
 */
export async function renderEvidencePdf(r: PdfRun): Promise<{ pages: number; batesFirst: string; batesLast: string }> {
  const { w, s, words: p } = r;
  const d = w.doc;
  w.setHeader(s.clinic.name, fill(p.header, { packNo: String(s.packNo).padStart(4, '0'), patient: s.records.patient.nameZh, chartNo: s.records.patient.chartNo }));
  const { batesAt } = cover(r);
  w.newPage();
  const tocPage = w.pageCount - 1;
  w.title(p.toc);
  const tocTop = d.y + 6;

  const sections = SECTION_ORDER.filter((id) => id !== 'audit' || s.kind === 'lawyer');
  const starts = new Map<SectionId, number>();
  for (const id of sections) {
    if (r.stop()) break;
    w.newPage();
    starts.set(id, w.pageCount);
    d.outline.addItem(p.sections[id]);
    w.title(p.sections[id]);
    switch (id) {
      case 'profile':
        profile(r);
        break;
      case 'consultations':
        await renderConsultations(r);
        break;
      case 'communications':
        communications(r);
        break;
      case 'consents':
        await renderConsents(r);
        break;
      case 'treatments':
        followOn(r, 'treatments', s.records.treatments);
        break;
      case 'followUps':
        followOn(r, 'followUps', s.records.followUps);
        break;
      case 'complaints':
        followOn(r, 'complaints', s.records.complaints);
        break;
      case 'photos':
        await renderPhotos(r);
        break;
      case 'comparison':
        await renderComparison(r);
        break;
      case 'audit':
        audit(r);
        break;
    }
    await w.drain(r.stop);
  }

  const total = w.pageCount;
  // The table of contents and the cover's Bates range, now that every page exists.
  d.switchToPage(tocPage);
  let y = tocTop;
  d.fontSize(11).fillColor('#111111');
  for (const id of sections) {
    const page = starts.get(id);
    if (page === undefined) continue;
    const label = p.sections[id];
    const bates = batesNumber(s, page);
    const pageColumn = 36;
    const labelEnd = PAGE.marginX + w.line(label, PAGE.marginX, y, { size: 11, width: CONTENT_WIDTH * 0.55 }) + 6;
    const batesStart = PAGE.marginX + CONTENT_WIDTH - pageColumn - d.widthOfString(bates) - 8;
    d.moveTo(labelEnd, y + 10).lineTo(batesStart - 6, y + 10).dash(1, { space: 3 }).lineWidth(0.5).strokeColor('#9a9a9a').stroke().undash();
    d.text(bates, batesStart, y, { lineBreak: false });
    w.line(String(page), PAGE.marginX + CONTENT_WIDTH - pageColumn, y, { size: 11, width: pageColumn, align: 'right' });
    y += 24;
  }
  d.switchToPage(batesAt.page);
  d.fillColor('#111111');
  w.line(`${batesNumber(s, 1)} – ${batesNumber(s, total)}`, batesAt.x, batesAt.y, { size: 9.5, width: batesAt.width });
  w.end((page, n) => ({ left: batesNumber(s, page), right: fill(p.footerPage, { page, total: n }) }));
  return { pages: total, batesFirst: batesNumber(s, 1), batesLast: batesNumber(s, total) };
}

export function localeMessages(s: PackSnapshot): LocaleMessages {
  return messages[s.locale];
}

/** The clinic's wall-clock time, as the consent documents print it ('2026-11-23 10:05 (Asia/Taipei)'); '—' for none. */
export function clinicTimeOf(s: PackSnapshot): (iso: string | null | undefined, withZone?: boolean) => string {
  const tz = s.clinic.timeZone;
  return (iso, withZone = true) => (iso ? clinicTime(iso, tz, withZone) : '—');
}
