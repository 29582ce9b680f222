import type { Widen } from '../widen';

/**
 * Signatures in their boxes, signing once per signer, the patient's copy and the document viewer (issue 12,
 * items 4, 10 and 15): strings in zh-TW (default) and en side by side, so neither can fall behind. What the
 * signed PDFs themselves print is electron/pdf/wording/signed-document.ts.
 */
export const signaturePlacementZhTW = {
  errors: {
    adoptionNotFound: '找不到採用的簽名，請重新簽名。',
    adoptionOtherSession: '這個簽名是在另一次登入時採用的；每次簽署請重新簽名一次。',
    adoptionMismatch: '採用的簽名不屬於這位簽署人或這份同意書。',
    identityRequired: '請登錄法定代理人出示的身分證件（種類與號碼）。',
    identityNotAllowed: '只有法定代理人需登錄身分證件。',
    identityMismatch: '證件號碼與病歷登錄的法定代理人身分證字號不同；請核對證件，或先更新病歷中的法定代理人資料。',
  },
  viewer: {
    zoomIn: '放大',
    zoomOut: '縮小',
    fitWidth: '符合寬度',
    zoom: '縮放 {{percent}}%',
    fullScreen: '全螢幕閱讀',
    closeFullScreen: '關閉全螢幕',
    readingTitle: '同意書全文',
  },
  adopt: {
    intro: '請簽名一次。之後每個需要您簽名的欄位，都會再請您點一下「在此簽名」套用，每一次套用都會個別記錄。',
    submit: '採用此簽名並簽署{{form}}',
    physicianSubmit: '採用此簽名並副署{{form}}',
    applyHere: '在此簽名',
    applyTitle: '以 {{name}} 已採用的簽名簽署{{form}}',
    adopted: '{{name}} 已於 {{at}} 採用簽名；請逐欄點「在此簽名」。',
    applied: '已套用於{{form}}',
    preview: '已採用的簽名',
    drawAgain: '重新簽名',
  },
  identity: {
    kind: '法定代理人出示的證件',
    kinds: { national_id: '國民身分證', resident_certificate: '居留證', passport: '護照' },
    number: '證件號碼',
    hint: '請核對證件正本；身分證或居留證號碼需與病歷登錄的相同。',
  },
  final: {
    printHint: '列印同意書 PDF 本身（300 dpi 以上）',
    patientCopyHint: '病人的副本：已簽名的同意書與說明書，以病人的語言呈現，不含內部稽核資料。',
  },
  reading: {
    openDocument: '閱讀同意書全文',
    back: '回到說明書',
    issued: '以下為已開立的同意書，即病人將簽署的文件。',
    preview: '同意書將於完成說明後開立；以下為其聲明條文，開立時以正式文件為準。',
    physicianHeading: '醫師之聲明',
    patientHeading: '病人之聲明',
    anaesthesiaHeading: '麻醉同意書：病人之聲明',
  },
};

export const signaturePlacementEn: Widen<typeof signaturePlacementZhTW> = {
  errors: {
    adoptionNotFound: 'The adopted signature was not found; please sign again.',
    adoptionOtherSession: 'This signature was adopted in another sign-in session; please sign once again for this session.',
    adoptionMismatch: 'The adopted signature belongs to another signer or consent.',
    identityRequired: "Record the guardian's identity document (kind and number).",
    identityNotAllowed: 'Only a guardian records an identity document.',
    identityMismatch: "The number differs from the guardian's ID number on record; check the document, or update the guardian on the patient record first.",
  },
  viewer: {
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fitWidth: 'Fit width',
    zoom: 'Zoom {{percent}}%',
    fullScreen: 'Full-screen reading',
    closeFullScreen: 'Close full screen',
    readingTitle: 'The consent document',
  },
  adopt: {
    intro: 'Sign once. Each box you must sign then asks you to tap "Sign here" to apply it; every application is recorded on its own.',
    submit: 'Adopt this signature and sign the {{form}}',
    physicianSubmit: 'Adopt this signature and countersign the {{form}}',
    applyHere: 'Sign here',
    applyTitle: "Sign the {{form}} with {{name}}'s adopted signature",
    adopted: '{{name}} adopted a signature at {{at}}; tap "Sign here" on each box.',
    applied: 'Applied to the {{form}}',
    preview: 'Adopted signature',
    drawAgain: 'Draw again',
  },
  identity: {
    kind: "Guardian's identity document",
    kinds: { national_id: 'National ID card', resident_certificate: 'Resident certificate', passport: 'Passport' },
    number: 'Document number',
    hint: 'Check the original document; an ID card or resident certificate number must match the one on record.',
  },
  final: {
    printHint: 'Prints the PDF itself (300 dpi or more)',
    patientCopyHint: "The patient's copy: the signed consent and explanation sheet in the patient's language, without internal audit detail.",
  },
  reading: {
    openDocument: 'Read the consent document',
    back: 'Back to the explanation sheet',
    issued: 'This is the consent as issued: the document the patient will sign.',
    preview: 'The consent is issued once the disclosure is complete; these are its statements, and the issued document is what counts.',
    physicianHeading: "The physician's statement",
    patientHeading: "The patient's statement",
    anaesthesiaHeading: "Anaesthesia consent: the patient's statement",
  },
};

/** Labels of the audited actions this part adds. */
export const signaturePlacementAuditActionsZhTW = {
  consent_signature_adopted: '採用簽名',
  consent_patient_copy_viewed: '產生病人收執聯',
};

export const signaturePlacementAuditActionsEn: Widen<typeof signaturePlacementAuditActionsZhTW> = {
  consent_signature_adopted: 'Signature adopted',
  consent_patient_copy_viewed: "Patient's copy made",
};
