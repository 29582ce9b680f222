import { fill, groupDigits } from '../pdf/format';
import { CONTENT_WIDTH, PAGE } from '../pdf/writer';
import { shown, type PdfRun } from './evidence-pdf-run';
import { PdfPageCopier, type PdfKitLike } from './pdf-embed';
import type { PackRecords } from './records';

type ConsultationRecord = PackRecords['consultations'][number];

function consultationBlock(r: PdfRun, c: ConsultationRecord): void {
  const { w, m, words } = r;
  const p = words.consultation;
  const cm = m.consultation;
  const tpl = c.template.content;
  const procedure = r.s.locale === 'en' ? c.procedureNameEn : c.procedureNameZh;
  w.heading(fill(p.heading, { procedure, at: r.t(c.createdAt, false) }));
  w.grid([[p.id, c.id]], 1, 0, 78);
  w.grid(
    [
      [cm.header.status, cm.status[c.status]],
      [cm.header.consultant, c.consultantName],
      [cm.header.physician, [c.physicianName, c.physicianSpecialty, c.physicianLicenceNo].filter(Boolean).join('・')],
      [p.template, fill(p.templateValue, { version: c.template.version, locale: cm.locales[c.template.locale] })],
      [words.profile.createdAt, r.t(c.createdAt)],
      [p.disclosedAt, c.disclosedAt ? r.t(c.disclosedAt) : p.notDisclosed],
      [p.coolingOff, c.coolingOffEndsAt ? fill(p.coolingOffValue, { days: c.coolingOffDays, until: r.t(c.coolingOffEndsAt) }) : p.notDisclosed],
      ...(c.coolingOffOverride
        ? [[p.override, fill(p.overrideValue, { physician: c.coolingOffOverride.physicianName, at: r.t(c.coolingOffOverride.at), reason: c.coolingOffOverride.reason })] as [string, string]]
        : []),
    ],
    2,
  );

  w.subheading(p.screening);
  const sc = c.screening;
  if (!sc) w.paragraph(words.none, { muted: true, size: 9 });
  else {
    if (sc.contraindications.length > 0) {
      w.table(
        [
          { header: p.contraindication, width: 0.5 },
          { header: p.present, width: 0.12, align: 'center' },
          { header: p.note, width: 0.38 },
        ],
        sc.contraindications.map((k) => [tpl.contraindications.find((x) => x.id === k.id)?.text ?? k.id, shown(k.present, r), shown(k.note, r)]),
        { size: 8.5 },
      );
    }
    if (sc.flagNotes.length > 0) {
      w.table(
        [
          { header: p.flagNotes, width: 0.3 },
          { header: p.note, width: 0.7 },
        ],
        sc.flagNotes.map((f) => [cm.screening.flags[f.flag], f.note]),
        { size: 8.5 },
      );
    }
    w.table(
      [
        { header: p.bodyImage, width: 0.86 },
        { header: p.answer, width: 0.14, align: 'center' },
      ],
      (Object.keys(sc.bodyImage) as (keyof typeof sc.bodyImage)[]).map((k) => [cm.screening.bodyImage[k], shown(sc.bodyImage[k], r)]),
      { size: 8.5 },
    );
  }

  w.subheading(p.goals);
  if (!c.goals) w.paragraph(words.none, { muted: true, size: 9 });
  else
    w.grid(
      [
        [cm.goals.goals, c.goals.goals],
        [cm.goals.assessment, c.goals.assessment],
        [cm.goals.expectedResult, c.goals.expectedResult],
        [cm.goals.cannotAchieve, c.goals.cannotAchieve],
      ],
      1,
      8,
      110,
    );

  w.subheading(p.risks);
  const acks = new Map(c.riskAcknowledgements.map((a) => [a.riskId, a]));
  w.table(
    [
      { header: p.risk, width: 0.38 },
      { header: p.explainedAt, width: 0.13 },
      { header: p.acknowledgedAt, width: 0.13 },
      { header: p.method, width: 0.16 },
      { header: p.questions, width: 0.2 },
    ],
    tpl.risks.map((risk) => {
      const a = acks.get(risk.id);
      return [
        `${risk.text}\n(${cm.risks.frequencies[risk.frequency]}・${cm.risks.severities[risk.severity]})`,
        a ? r.t(a.explainedAt, false) : '—',
        a ? r.t(a.acknowledgedAt, false) : '—',
        a ? `${cm.risks.methods[a.method]}\n${a.recordedByName}` : '—',
        shown(a?.questions, r),
      ];
    }),
    { size: 8 },
  );

  w.subheading(p.reading);
  const reading = Object.entries(c.readingSeconds);
  if (reading.length === 0) w.paragraph(p.noReading, { muted: true, size: 9 });
  else
    w.table(
      [
        { header: p.section, width: 0.7 },
        { header: p.seconds, width: 0.3, align: 'right' },
      ],
      reading.map(([k, v]) => [(cm.sections as Record<string, string>)[k] ?? k, String(v)]),
      { size: 8.5 },
    );

  w.subheading(p.alternatives);
  if (!c.alternatives) w.paragraph(words.none, { muted: true, size: 9 });
  else w.numbered(c.alternatives.discussed.map((a) => [tpl.alternatives.find((x) => x.id === a.id)?.text ?? a.id, a.note].filter(Boolean).join('：')), 9);

  w.subheading(p.quote);
  if (!c.quote) w.paragraph(words.none, { muted: true, size: 9 });
  else {
    w.table(
      [
        { header: cm.quote.kind, width: 0.22 },
        { header: cm.quote.description, width: 0.52 },
        { header: cm.quote.amount, width: 0.26, align: 'right' },
      ],
      c.quote.items.map((i) => [cm.quote.kinds[i.kind], i.description, groupDigits(i.amountTwd)]),
      { size: 8.5, footer: [cm.quote.total, '', groupDigits(c.quoteTotalTwd ?? 0)] },
    );
    w.grid(
      [
        [cm.quote.revisionPolicy, c.quote.revisionPolicy],
        [cm.quote.refundPolicy, c.quote.refundPolicy],
      ],
      1,
      4,
      110,
    );
    w.paragraph(fill(p.quoteAcknowledged, { at: r.t(c.quoteAcknowledgedAt) }), { size: 9 });
  }

  w.subheading(p.comprehension);
  if (c.comprehensionAnswers.length > 0) {
    w.table(
      [
        { header: p.attempt, width: 0.07, align: 'center' },
        { header: p.question, width: 0.4 },
        { header: p.answer, width: 0.3 },
        { header: p.result, width: 0.08, align: 'center' },
        { header: words.profile.time, width: 0.15 },
      ],
      c.comprehensionAnswers.map((a) => {
        const q = tpl.comprehensionQuestions.find((x) => x.id === a.questionId);
        return [String(a.attempt), q?.question ?? a.questionId, q?.options[a.chosenIndex] ?? String(a.chosenIndex), a.correct ? cm.comprehension.correct : cm.comprehension.wrong, r.t(a.answeredAt, false)];
      }),
      { size: 8 },
    );
  }
  w.paragraph(c.comprehensionPassedAt ? fill(p.passedAt, { at: r.t(c.comprehensionPassedAt) }) : p.notPassed, { size: 9 });
  if (c.photos.length > 0) w.paragraph(fill(p.photos, { count: c.photos.length }), { size: 9, muted: true });
}

export async function renderConsultations(r: PdfRun): Promise<void> {
  if (r.s.records.consultations.length === 0) return r.w.paragraph(r.words.none, { muted: true });
  for (const [i, c] of r.s.records.consultations.entries()) {
    if (r.stop()) return;
    if (i > 0) r.w.newPage();
    consultationBlock(r, c);
    await r.w.drain(r.stop);
  }
}

export async function renderConsents(r: PdfRun): Promise<void> {
  const { w, s, words } = r;
  const p = words.consent;
  const d = w.doc;
  if (s.records.consents.length === 0) return w.paragraph(words.none, { muted: true });
  for (const [i, c] of s.records.consents.entries()) {
    if (r.stop()) return;
    if (i > 0) w.newPage();
    w.heading(fill(p.heading, { id: c.id }));
    const status = c.withdrawn ? 'withdrawn' : c.status;
    w.grid(
      [
        [p.consultation, c.consultationId],
        [p.status, p.statuses[status]],
        [p.issued, fill(p.issuedValue, { at: r.t(c.issuedAt), by: c.issuedByName })],
        [p.document, c.documentSha256],
        [p.final, c.finalSha256 ?? '—'],
        [p.files, [c.files.issued, c.files.signed].filter(Boolean).map((f) => `data/${f}`).join('\n')],
      ],
      1,
      8,
      120,
    );
    if (c.signatures.length > 0) {
      w.subheading(p.signatures);
      w.table(
        [
          { header: p.role, width: 0.2 },
          { header: p.signer, width: 0.14 },
          { header: p.signedAt, width: 0.16 },
          { header: p.binding, width: 0.5 },
        ],
        c.signatures.map((g) => [`${p.forms[g.form]}\n${p.roles[g.role]}`, g.signerName, r.t(g.signedAt, false), g.bindingSha256]),
        { size: 8 },
      );
      // The signatures as drawn, three to a row.
      const boxW = (CONTENT_WIDTH - 20) / 3;
      const boxH = 62;
      for (let k = 0; k < c.signatures.length; k += 3) {
        w.ensureSpace(boxH + 14);
        const y = d.y;
        c.signatures.slice(k, k + 3).forEach((g, j) => {
          const x = PAGE.marginX + j * (boxW + 10);
          d.rect(x, y, boxW, boxH).lineWidth(0.5).strokeColor('#9a9a9a').stroke();
          const png = sigPng(r, g.files.png);
          if (png.length > 0) w.image(png, x + 4, y + 4, [boxW - 8, boxH - 16]);
          d.fillColor('#555555');
          w.line(`${p.roles[g.role]}・${g.signerName}`, x + 4, y + boxH - 10, { size: 7, width: boxW - 8 });
        });
        d.fillColor('#111111');
        d.x = PAGE.marginX;
        d.y = y + boxH + 8;
      }
    }
    if (c.withdrawal) {
      w.paragraph(fill(p.withdrawal, { at: r.t(c.withdrawal.at), name: c.withdrawal.signerName, role: p.roles[c.withdrawal.signerRole], reason: c.withdrawal.reason }), { size: 9 });
    }
    await embedConsentPages(r, c);
  }
}

/** A signature picture from the pack's own files (already read into the snapshot). */
function sigPng(r: PdfRun, file: string): Buffer {
  const f = r.s.files.find((x) => x.path === file);
  return f ? r.bytes(f.source) : Buffer.alloc(0);
}

/** The exact pages of the signed (or, until signed, the issued) consent PDF, each scaled onto an evidence page. */
async function embedConsentPages(r: PdfRun, c: PackRecords['consents'][number]): Promise<void> {
  const { w, s, words } = r;
  const p = words.consent;
  const d = w.doc;
  const file = c.files.signed ?? c.files.issued;
  const sha = c.files.signed ? c.finalSha256! : c.documentSha256;
  const entry = s.files.find((f) => f.path === file);
  if (!entry) return;
  const bytes = r.bytes(entry.source);
  const copier = await PdfPageCopier.load(d as unknown as PdfKitLike, bytes, r.fontTags);
  w.paragraph(fill(c.files.signed ? p.pages : p.pagesIssued, { file: `data/${file}`, count: copier.pageCount }), { size: 9 });
  for (let i = 0; i < copier.pageCount; i++) {
    if (r.stop()) return;
    w.newPage();
    w.note(fill(p.pageCaption, { id: c.id, page: i + 1, total: copier.pageCount, sha }), 7.5);
    const page = copier.page(i);
    const top = d.y + 4;
    const availH = w.bottomY - top - 4;
    const scale = Math.min(CONTENT_WIDTH / page.width, availH / page.height);
    const width = page.width * scale;
    const height = page.height * scale;
    const x = PAGE.marginX + (CONTENT_WIDTH - width) / 2;
    const name = `CvP${c.id.slice(0, 8)}p${i + 1}`;
    (d.page as unknown as { xobjects: Record<string, unknown> }).xobjects[name] = page.ref;
    d.save();
    // pdfkit draws with y downwards; the form is in PDF space (y upwards).
    d.transform(scale, 0, 0, -scale, x, top + height);
    d.addContent(`/${name} Do`);
    d.restore();
    d.rect(x, top, width, height).lineWidth(0.5).strokeColor('#9a9a9a').stroke();
    d.y = top + height + 4;
    await w.drain(r.stop);
  }
  r.progress(entry.size);
}

export async function renderPhotos(r: PdfRun): Promise<void> {
  const { w, s, words } = r;
  const p = words.photo;
  const d = w.doc;
  if (s.records.photos.length === 0) return w.paragraph(words.none, { muted: true });
  const boxH = 260;
  for (const photo of s.records.photos) {
    if (r.stop()) return;
    w.ensureSpace(boxH + 95);
    const entry = s.files.find((f) => f.path === photo.file);
    if (!entry) continue;
    const bytes = await r.photo(entry);
    const y = d.y;
    r.images.draw(entry.path, () => bytes, PAGE.marginX, y, [CONTENT_WIDTH, boxH]);
    d.y = y + boxH + 6;
    w.paragraph(fill(p.caption, { kind: p.kinds[photo.kind], at: r.t(photo.capturedAt) }), { size: 9 });
    w.note(
      [
        fill(p.file, { file: `data/${photo.file}` }),
        fill(p.sha, { sha: photo.sha256 }),
        photo.consultationId ? fill(p.consultation, { id: photo.consultationId }) : null,
        fill(p.marketing, { value: shown(photo.marketingConsent && !photo.marketingWithdrawnAt, r) }),
      ]
        .filter(Boolean)
        .join('\n'),
    );
    w.gap(10);
    r.progress(entry.size);
    await r.pack(entry, bytes);
    await w.drain(r.stop);
  }
}
