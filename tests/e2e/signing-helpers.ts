import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Out } from '../../shared/api';
import { encodePng } from '../../electron/pdf/signature-png';
import { callFromPage, expect } from './fixtures';

/** What the signing journeys share: screenshots, API set-up calls from the page, a disclosed consultation, ink. */
export async function shotTo(dir: string, page: Page, name: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  await page.waitForTimeout(200);
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

export async function api<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const r = await callFromPage(page, channel, input);
  expect(r.ok, `${channel}: ${JSON.stringify(r.error)}`).toBe(true);
  return r.value as T;
}

export interface ConsultationScript {
  patient: Record<string, unknown>;
  procedureCode: string;
  flagNote?: string;
  goals: { goals: string; assessment: string; expectedResult: string; cannotAchieve: string };
  quoteItem: { description: string; amountTwd: number };
  revisionPolicy: string;
}

/** A consultation taken to `disclosed` through the API (the consultation journey does these steps in the UI). */
export async function disclosedConsultation(page: Page, c: ConsultationScript): Promise<string> {
  const patient = await api<{ id: string }>(page, 'patients.create', c.patient);
  const procedure = (await api<{ id: string; code: string }[]>(page, 'procedures.list', {})).find((p) => p.code === c.procedureCode)!;
  const physician = (await api<{ id: string }[]>(page, 'staff.physicians', {}))[0]!;
  const v = await api<Out<'consultations.get'>>(page, 'consultations.start', { patientId: patient.id, procedureId: procedure.id, physicianId: physician.id });
  const id = v.consultation.id;
  await api(page, 'consultations.saveScreening', {
    consultationId: id, expectedVersion: 1,
    screening: {
      contraindications: v.template.contraindications.map((k) => ({ id: k.id, present: false })),
      flagNotes: c.flagNote ? v.consultation.recordFlags.map((flag) => ({ flag, note: c.flagNote })) : [],
      bodyImage: { preoccupied: false, distress: false, avoidance: false, repeatedProcedures: false },
    },
  });
  await api(page, 'consultations.saveGoals', { consultationId: id, expectedVersion: 2, goals: c.goals });
  for (const r of v.template.risks) await api(page, 'consultations.acknowledgeRisk', { consultationId: id, riskId: r.id, method: 'consultant_tap' });
  await api(page, 'consultations.saveAlternatives', { consultationId: id, expectedVersion: 3, alternatives: { discussed: [{ id: 'no_treatment' }], preOpInstructionsGiven: true } });
  await api(page, 'consultations.saveQuote', { consultationId: id, expectedVersion: 4, quote: { items: [{ kind: 'procedure', ...c.quoteItem }], revisionPolicy: c.revisionPolicy, refundPolicy: '未施打前可全額退費' } });
  await api(page, 'consultations.acknowledgeQuote', { consultationId: id });
  await api(page, 'consultations.answerComprehension', { consultationId: id, answers: v.template.comprehensionQuestions.map((q) => ({ questionId: q.id, chosenIndex: q.correctIndex })) });
  await api(page, 'consultations.addPhoto', { consultationId: id, mime: 'image/png', dataBase64: encodePng(8, 8, new Uint8Array(256).fill(190)).toString('base64'), marketingConsent: false });
  await api(page, 'consultations.disclose', { consultationId: id });
  return id;
}

/** Writes a signature with the mouse: a few looping strokes across the pad. */
export async function drawSignature(page: Page, canvas: Locator): Promise<void> {
  const box = (await canvas.boundingBox())!;
  for (let stroke = 0; stroke < 3; stroke++) {
    const x0 = box.x + box.width * (0.12 + stroke * 0.26);
    const y0 = box.y + box.height * 0.55;
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    for (let i = 1; i <= 24; i++) {
      const u = i / 24;
      await page.mouse.move(x0 + u * box.width * 0.22 + Math.sin(u * 9) * 12, y0 - Math.cos(u * 9) * box.height * 0.22, { steps: 2 });
    }
    await page.mouse.up();
  }
}
