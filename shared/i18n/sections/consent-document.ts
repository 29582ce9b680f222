import type { Widen } from '../widen';

/**
 * The statements of the consent document that the patient also reads on screen before it is issued (reading
 * mode) and that the issued PDF prints; the rest of the document's wording is electron/pdf/wording/. zh-TW and en
 * side by side.
 */
export const consentDocumentZhTW = {
  physicianStatement: {
    items: [
      '我已經儘量以病人所能瞭解之方式，解釋這項{{kind}}之相關資訊，特別是下列事項：需實施之原因、步驟與範圍、風險及成功率；可能之併發症及處理方式；不實施之可能後果及其他可替代之治療方式；預期實施後可能出現之暫時或永久症狀。各項風險之說明與病人確認時間，詳見說明書。',
      '我已經給予病人充足時間，詢問下列有關本次{{kind}}的問題，並給予答覆：{{questions}}',
      '我已說明本次{{kind}}之費用報價、修整與退費政策，以及冷靜期之意義。',
    ],
    noQuestions: '（病人未提出其他問題）',
  },
  patientStatement: {
    items: [
      '醫師已向我解釋，並且我已經瞭解施行這個{{kind}}的必要性、步驟、風險、成功率之相關資訊。',
      '醫師已向我解釋，並且我已經瞭解選擇其他治療方式（包括不接受治療）之風險。',
      '醫師已向我解釋，並且我已經瞭解{{kind}}可能之預後情況與效果的限制，且我瞭解{{kind}}無法保證一定能達到預期效果。',
      '針對我的情況、{{kind}}之進行與費用，我能夠提出問題和疑慮，並已獲得說明。',
      '我已收到並確認費用報價（合計新臺幣 {{total}} 元）、修整及退費政策。',
      '我瞭解冷靜期的意義，並於冷靜期結束後（或經醫師依上列理由縮短後）才簽署本同意書。',
    ],
    conclusion: '基於上述聲明，我同意進行此{{kind}}。',
  },
  kind: { surgical: '手術', treatment: '治療' },
  anaesthesia: {
    patientItems: [
      '醫師已向我說明麻醉方式、步驟與可能之風險，我已瞭解並有機會提出問題。',
      '我已據實告知過敏史、用藥與病史；如有隱瞞，可能增加麻醉風險。',
      '我瞭解並會遵守麻醉前後之須知（包括禁食、陪同返家及當日不開車等適用事項）。',
    ],
    conclusion: '基於上述聲明，我同意接受上列麻醉。',
  },
};

export const consentDocumentEn: Widen<typeof consentDocumentZhTW> = {
  physicianStatement: {
    items: [
      'I have explained this {{kind}} in terms the patient can understand, in particular: why it is done, its steps and extent, its risks and success rate; possible complications and how they are handled; what may happen without it and the alternatives; and the temporary or permanent effects to expect afterwards. Each risk, with the time it was explained and acknowledged, is listed in the explanation sheet.',
      'I have given the patient enough time to ask about this {{kind}} and have answered these questions: {{questions}}',
      'I have explained the fee quote, the revision and refund policies, and the purpose of the cooling-off period.',
    ],
    noQuestions: '(the patient asked no further questions)',
  },
  patientStatement: {
    items: [
      'The physician has explained, and I understand, why this {{kind}} is needed, its steps, risks and success rate.',
      'The physician has explained, and I understand, the risks of the alternatives, including having no treatment.',
      'The physician has explained, and I understand, the likely outcome and the limits of this {{kind}}, and that no result can be guaranteed.',
      'I have been able to raise my questions and concerns about my situation, the {{kind}} and its cost, and they have been answered.',
      'I have received and acknowledged the fee quote (total NT$ {{total}}) and the revision and refund policies.',
      'I understand the purpose of the cooling-off period and sign this consent only after it has ended (or after the physician shortened it for the reason given).',
    ],
    conclusion: 'On the basis of these statements I consent to this {{kind}}.',
  },
  kind: { surgical: 'surgery', treatment: 'treatment' },
  anaesthesia: {
    patientItems: [
      'The physician has explained the anaesthesia, how it is given and its risks; I understand and have been able to ask questions.',
      'I have truthfully told the physician about my allergies, medicines and history; withholding them can increase the risk.',
      'I understand and will follow the instructions before and after anaesthesia (fasting, an escort home, no driving that day, where they apply).',
    ],
    conclusion: 'On the basis of these statements I consent to the anaesthesia above.',
  },
};
