import { messages } from '../../shared/i18n';
import type { Anaesthesia, ProcedureCategory, TemplateContent } from '../../shared/schemas/catalogue';
import type { Locale } from '../../shared/schemas/common';
import type { ConsentForm, SignatureRole } from '../../shared/schemas/consent';
import type { FeeQuote, RecordFlag, RiskAcknowledgement } from '../../shared/schemas/consultation';
import { formatPrintedDate, formatPrintedDateTime, type PrintedEra } from '../../shared/date-format';
import { clinicTime, fill, groupDigits } from './format';
import { consentDocumentWords, pdfWording, type ConsentDocumentWords } from './wording';
import { PdfWriter, signatureBoxesHeight, type PlacedBox } from './writer';

/** Everything the consent document says, gathered by the service from the records at the moment of issue. */
export interface ConsentDocumentData {
  consentId: string;
  consultationId: string;
  locale: Locale;
  timeZone: string;
  issuedAt: string;
  clinicName: string;
  patient: {
    nameZh: string;
    nameEn: string | null;
    chartNo: string;
    birthDate: string;
    sex: 'female' | 'male' | 'other';
    allergies: string | null;
    medications: string | null;
    guardian: { name: string; relation: string; phone: string } | null;
  };
  procedure: { name: string; category: ProcedureCategory; anaesthesia: Anaesthesia };
  physician: { name: string; licenceNo: string; specialty: string };
  consultantName: string;
  template: { version: number; publishedAt: string; content: TemplateContent };
  goals: { goals: string; assessment: string; expectedResult: string; cannotAchieve: string } | null;
  flagNotes: { flag: RecordFlag; note: string }[];
  discussedAlternatives: { id: string; note?: string | undefined }[];
  quote: FeeQuote;
  quoteTotalTwd: number;
  quoteAcknowledgedAt: string;
  acknowledgements: RiskAcknowledgement[];
  comprehension: { passedAt: string; attempts: number };
  disclosedAt: string;
  coolingOffDays: number;
  coolingOffEndsAt: string;
  override: { physicianName: string; at: string; reason: string } | null;
  forms: ConsentForm[];
  roles: SignatureRole[];
  /** 民國 dates on the printed form (a clinic setting, fixed at issue); absent or 'gregorian' prints 西元. */
  printedEra?: PrintedEra;
}

/** The forms a consent has: the procedure consent always, the anaesthesia consent unless there is none. */
export function consentForms(anaesthesia: Anaesthesia): ConsentForm[] {
  return anaesthesia === 'none' ? ['procedure'] : ['procedure', 'anaesthesia'];
}

export function documentTitle(data: Pick<ConsentDocumentData, 'locale' | 'procedure'>): string {
  const m = pdfWording[data.locale].consentDocument;
  return `${data.procedure.name} ${data.procedure.category === 'surgical' ? m.titles.surgical : m.titles.treatment}`;
}

/**
 * Renders the consent document (PDF/A-3b, CJK font embedded and subset); the same data gives the same bytes.
 * `boxes` says where each (form, role) signature box was drawn, for the signatures to be placed in later.
 */
export async function renderConsentDocument(data: ConsentDocumentData): Promise<{ bytes: Buffer; pageCount: number; boxes: PlacedBox[] }> {
  const m = consentDocumentWords(data.locale);
  const note = pdfWording[data.locale].signedDocument.boxNote;
  const t = (iso: string) => (data.printedEra === 'roc' ? `${formatPrintedDateTime(iso, data.timeZone, 'roc')} (${data.timeZone})` : clinicTime(iso, data.timeZone));
  const kindKey = data.procedure.category === 'surgical' ? 'surgical' : 'treatment';
  const kind = m.kind[kindKey];
  const title = documentTitle(data);
  const w = new PdfWriter({
    title,
    subject: `${data.patient.nameZh} ${data.patient.chartNo}`,
    author: data.clinicName,
    keywords: `consent:${data.consentId} consultation:${data.consultationId}`,
    createdAt: new Date(data.issuedAt),
    lang: data.locale,
  });
  const subtitle = fill(m.subtitle, { consentId: data.consentId, issuedAt: t(data.issuedAt) });
  const overrideLine = data.override
    ? fill(m.coolingOff.override, { physician: data.override.physicianName, at: t(data.override.at), reason: data.override.reason })
    : null;
  const coolingOff = fill(m.coolingOff.period, { days: data.coolingOffDays, from: t(data.disclosedAt), until: t(data.coolingOffEndsAt) });

  // Form 1: the procedure consent.
  w.setHeader(data.clinicName, title);
  w.newPage();
  w.title(title, subtitle);
  w.heading(m.basics);
  w.grid(basics(data, m, t), 2, 0);
  w.grid(wideBasics(data, m, t, coolingOff, overrideLine), 1);

  w.heading(m.physicianStatement.heading);
  const questions = data.acknowledgements.filter((a) => a.questions).map((a) => a.questions!.trim());
  w.numbered(m.physicianStatement.items.map((s) => fill(s, { kind, questions: questions.length ? questions.join(m.physicianStatement.questionSeparator) : m.physicianStatement.noQuestions })));
  w.signatureBoxes([{ label: m.signatures.roles.physician, name: data.physician.name, role: 'physician' }], note, 'procedure');

  w.heading(m.patientStatement.heading);
  w.numbered(m.patientStatement.items.map((s) => fill(s, { kind, total: groupDigits(data.quoteTotalTwd) })));
  const boxes = signerBoxes(data, m);
  w.ensureSpace(signatureBoxesHeight(boxes.length) + 44);
  w.paragraph(fill(m.patientStatement.conclusion, { kind }));
  if (!overrideLine) w.paragraph(m.coolingOff.overrideLater, { size: 8.5, muted: true });
  w.signatureBoxes(boxes, note, 'procedure');

  explanationSheet(w, data, m, t);

  if (data.forms.includes('anaesthesia')) anaesthesiaForm(w, data, m, t, kind, subtitle, note);

  const done = await w.finish((page, total) => fill(m.footer, { consultationId: data.consultationId, page, total }));
  return { ...done, boxes: w.boxes };
}

type DocStrings = ConsentDocumentWords;

function basics(data: ConsentDocumentData, m: DocStrings, t: (iso: string) => string): [string, string][] {
  const p = data.patient;
  const rows: [string, string][] = [
    [m.fields.clinic, data.clinicName],
    [m.fields.chartNo, p.chartNo],
    [m.fields.patient, p.nameEn ? fill(m.fields.patientWithEn, { zh: p.nameZh, en: p.nameEn }) : p.nameZh],
    [m.fields.birthDate, `${data.printedEra === 'roc' ? formatPrintedDate(p.birthDate, 'roc') : p.birthDate}\u3000${m.sex[p.sex]}`],
    [m.fields.procedure, data.procedure.name],
    [m.fields.anaesthesia, m.anaesthesiaTypes[data.procedure.anaesthesia]],
    [m.fields.consultant, data.consultantName],
    [m.fields.disclosedAt, t(data.disclosedAt)],
  ];
  return rows;
}

/** Full-width rows under the two-column grid: guardian, physician, sheet version, cooling-off. */
function wideBasics(data: ConsentDocumentData, m: DocStrings, t: (iso: string) => string, coolingOff: string, overrideLine: string | null): [string, string][] {
  const rows: [string, string][] = [];
  if (data.patient.guardian) rows.push([m.fields.guardian, fill(m.fields.guardianValue, data.patient.guardian)]);
  rows.push(
    [m.fields.physician, fill(m.fields.physicianValue, { name: data.physician.name, specialty: data.physician.specialty, licence: data.physician.licenceNo })],
    [m.fields.template, fill(m.fields.templateValue, { version: data.template.version, publishedAt: t(data.template.publishedAt) })],
    [m.fields.coolingOff, overrideLine ? `${coolingOff}\n${overrideLine}` : coolingOff],
  );
  return rows;
}

/** The patient-side signers' boxes (the physician's box sits under the physician's statement). */
function signerBoxes(data: ConsentDocumentData, m: DocStrings): { label: string; name: string; role: SignatureRole }[] {
  const boxes: { label: string; name: string; role: SignatureRole }[] = [];
  for (const role of data.roles) {
    if (role === 'patient') boxes.push({ label: m.signatures.roles.patient, name: data.patient.nameZh, role });
    if (role === 'guardian' && data.patient.guardian) {
      boxes.push({ label: `${m.signatures.roles.guardian} ${fill(m.signatures.guardianRelation, data.patient.guardian)}`, name: data.patient.guardian.name, role });
    }
    if (role === 'witness') boxes.push({ label: m.signatures.roles.witness, name: m.signatures.witnessName, role });
  }
  return boxes;
}

function explanationSheet(w: PdfWriter, data: ConsentDocumentData, m: DocStrings, t: (iso: string) => string): void {
  const c = data.template.content;
  const s = m.sheet;
  w.heading(fill(s.heading, { title: c.title }));
  for (const [label, body] of [
    [s.purpose, c.purpose],
    [s.howItIsDone, c.howItIsDone],
    [s.expectedResult, c.expectedResult],
    [s.recoveryTimeline, c.recoveryTimeline],
    [s.limitations, c.limitations],
  ] as const) {
    w.subheading(label);
    w.paragraph(body);
  }
  if (data.goals || data.flagNotes.length > 0) {
    w.subheading(s.personal);
    const pairs: [string, string][] = data.goals
      ? [
          [s.goals, data.goals.goals],
          [s.assessment, data.goals.assessment],
          [s.personalExpected, data.goals.expectedResult],
          [s.cannotAchieve, data.goals.cannotAchieve],
        ]
      : [];
    const flagNames = messages[data.locale].consultation.screening.flags;
    for (const f of data.flagNotes) pairs.push([fill(s.notes, { flag: flagNames[f.flag] }), f.note]);
    w.grid(pairs, 1, 8, 130);
  }

  w.subheading(s.risks);
  const acks = new Map(data.acknowledgements.map((a) => [a.riskId, a]));
  w.table(
    [
      { header: s.riskColumns.no, width: 0.05, align: 'center' },
      { header: s.riskColumns.risk, width: 0.47 },
      { header: s.riskColumns.frequency, width: 0.1, align: 'center' },
      { header: s.riskColumns.severity, width: 0.1, align: 'center' },
      { header: s.riskColumns.acknowledged, width: 0.28 },
    ],
    c.risks.map((r, i) => {
      const a = acks.get(r.id);
      const text = a?.questions ? `${r.text}\n${fill(s.question, { text: a.questions })}` : r.text;
      const when = a ? `${clinicTime(a.explainedAt, data.timeZone, false)} / ${clinicTime(a.acknowledgedAt, data.timeZone, false)}\n${s.method[a.method]}` : '—';
      return [String(i + 1), text, s.frequency[r.frequency], s.severity[r.severity], when];
    }),
  );

  w.subheading(s.alternatives);
  const discussed = new Map(data.discussedAlternatives.map((a) => [a.id, a]));
  w.table(
    [
      { header: s.alternatives, width: 0.8 },
      { header: s.discussed, width: 0.2, align: 'center' },
    ],
    c.alternatives.map((a) => {
      const d = discussed.get(a.id);
      return [d?.note ? `${a.text}\n${d.note}` : a.text, d ? '✓' : s.notDiscussed];
    }),
  );

  w.subheading(s.preOp);
  w.paragraph(c.preOpInstructions);
  w.subheading(s.aftercare);
  w.paragraph(c.aftercare);

  w.subheading(s.quote);
  w.table(
    [
      { header: s.quoteColumns.item, width: 0.58 },
      { header: s.quoteColumns.kind, width: 0.18 },
      { header: s.quoteColumns.amount, width: 0.24, align: 'right' },
    ],
    data.quote.items.map((i) => [i.description, s.quoteKinds[i.kind], groupDigits(i.amountTwd)]),
    { footer: [s.quoteTotal, '', `NT$ ${groupDigits(data.quoteTotalTwd)}`] },
  );
  w.paragraph(fill(s.revisionPolicy, { text: data.quote.revisionPolicy }), { size: 9.5 });
  w.paragraph(fill(s.refundPolicy, { text: data.quote.refundPolicy }), { size: 9.5 });
  w.paragraph(fill(s.quoteAcknowledged, { at: t(data.quoteAcknowledgedAt) }), { size: 9.5 });
  w.paragraph(fill(s.comprehension, { at: t(data.comprehension.passedAt), attempts: data.comprehension.attempts }), { size: 9.5 });
}

function anaesthesiaForm(w: PdfWriter, data: ConsentDocumentData, m: DocStrings, t: (iso: string) => string, kind: string, subtitle: string, note: string): void {
  const a = m.anaesthesia;
  const type = data.procedure.anaesthesia;
  if (type === 'none') return;
  const title = `${data.procedure.name} ${m.titles.anaesthesia}`;
  w.setHeader(data.clinicName, title);
  w.newPage();
  w.title(title, subtitle);
  w.paragraph(fill(a.intro, { kind }));
  w.grid([
    [m.fields.patient, data.patient.nameZh],
    [m.fields.chartNo, data.patient.chartNo],
    [m.fields.procedure, data.procedure.name],
    [m.fields.anaesthesia, m.anaesthesiaTypes[type]],
    [m.fields.physician, fill(m.fields.physicianValue, { name: data.physician.name, specialty: data.physician.specialty, licence: data.physician.licenceNo })],
    [m.fields.disclosedAt, t(data.disclosedAt)],
  ]);
  w.heading(m.physicianStatement.heading);
  w.numbered(a.physicianItems.map((s) => fill(s, { allergies: data.patient.allergies ?? a.none, medications: data.patient.medications ?? a.none })));
  w.subheading(fill(a.method, { method: m.anaesthesiaTypes[type] }));
  w.numbered(a.risks[type]);
  w.signatureBoxes([{ label: m.signatures.roles.physician, name: data.physician.name, role: 'physician' }], note, 'anaesthesia');
  w.heading(m.patientStatement.heading);
  w.numbered(a.patientItems);
  const boxes = signerBoxes(data, m);
  w.ensureSpace(signatureBoxesHeight(boxes.length) + 24);
  w.paragraph(a.conclusion);
  w.signatureBoxes(boxes, note, 'anaesthesia');
}
