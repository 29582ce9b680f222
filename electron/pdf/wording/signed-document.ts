import type { Widen } from '../../../shared/i18n/widen';

/**
 * The signed consent's own wording (issue 12): the note under the signature boxes, the time stamped in each box,
 * the names the PDFs are saved under, and the summary page that ends the patient's copy. zh-TW and en side by side.
 */
export const signedDocumentZhTW = {
  boxNote: '本同意書以電子方式簽署：每位簽署人的手寫簽名與簽署時間置於其簽名欄內；簽名影像與本文件的 SHA-256 雜湊值記載於文件末附加的簽名證明頁。本文件開立後內容不再變更，簽名以增量更新附加於原文件之後。',
  stampSignedAt: '{{at}} 簽署',
  fileNames: { issued: '同意書', final: '同意書簽署版', patientCopy: '病人收執聯' },
  patientCopy: {
    title: '病人收執聯：簽署摘要',
    intro: '這是您的同意書副本：前面各頁為您簽署的同意書與說明書，每個簽名欄內為簽署人的簽名與簽署時間。診所保存簽署正本及其驗證紀錄。',
    consent: '同意書編號',
    clinic: '診所',
    fullySignedAt: '全部簽署完成',
    columns: { form: '表單', role: '簽署人', name: '姓名', at: '簽署時間' },
    closing: '如對本同意書或療程有任何疑問，請與診所聯繫。您可隨時於治療前撤回同意。',
    footer: '病人收執聯・諮詢 {{consultationId}}',
  },
};

export const signedDocumentEn: Widen<typeof signedDocumentZhTW> = {
  boxNote: "This consent is signed electronically: each signer's handwritten signature and time of signing are placed in their box; the signature images and this document's SHA-256 are on the signature certificate appended at the end. This document does not change after it is issued; the signatures are added after it as an incremental update.",
  stampSignedAt: 'Signed {{at}}',
  fileNames: { issued: 'consent', final: 'signed-consent', patientCopy: 'patient-copy' },
  patientCopy: {
    title: "Patient's copy: signature summary",
    intro: 'This is your copy of the consent: the pages before this one are the consent and explanation sheet you signed, with each signature and its time in its box. The clinic keeps the signed original and its verification record.',
    consent: 'Consent no.',
    clinic: 'Clinic',
    fullySignedAt: 'Fully signed',
    columns: { form: 'Form', role: 'Signer', name: 'Name', at: 'Signed at' },
    closing: 'If you have any question about this consent or the procedure, please contact the clinic. You may withdraw your consent at any time before treatment.',
    footer: "Patient's copy · consultation {{consultationId}}",
  },
};
