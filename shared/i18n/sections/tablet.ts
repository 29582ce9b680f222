import type { Widen } from '../widen';

/** Signing on a paired tablet (issue 14): the tablet's own screens and the consultant's "send to tablet". */
export const tabletZhTW = {
  waitingTitle: '請稍候',
  waitingBody: '工作人員會將要閱讀與簽署的文件傳到這台平板。',
  sentBy: '由 {{name}} 傳送',
  doneTitle: '已完成簽署，謝謝您',
  doneBody: '請將平板交還工作人員。',
  sendTitle: '傳送到平板簽署',
  sendIntro: '選擇一台已開啟的平板；病人在平板上只會看到這份文件與簽名欄。',
  noTablets: '目前沒有已開啟的平板。請在平板上開啟診所伺服器的網址。',
  send: '傳送到這台平板',
  busy: '正在顯示另一份文件',
  onTablet: '已傳送到{{name}}，等待病人簽署',
  takeBack: '收回',
  takenBack: '已自平板收回。',
  sending: '傳送中…',
  refresh: '重新整理平板清單',
  patientDone: '病人已在平板上完成簽署。',
  readTitle: '請閱讀以下文件',
  readIntro: '閱讀完畢後，請在下方各欄位簽名。如有任何疑問，請先詢問工作人員。',
  signaturesTitle: '您的簽名',
  sign: '簽名',
  signed: '已簽名',
  signAs: '{{role}}簽名：{{form}}',
  confirm: '確認簽名',
  notYet: '請先完成前一個簽名欄位',
  errors: {
    tabletOffline: '這台平板目前沒有連線。',
    notOnTablet: '這份同意書目前不在任何平板上。',
    nothingToSign: '這份同意書沒有等待病人簽署的欄位。',
  },
} as const;

export const tabletEn: Widen<typeof tabletZhTW> = {
  waitingTitle: 'Please wait',
  waitingBody: 'Staff will send the document to read and sign to this tablet.',
  sentBy: 'Sent by {{name}}',
  doneTitle: 'Signed, thank you',
  doneBody: 'Please hand the tablet back to staff.',
  sendTitle: 'Send to a tablet for signing',
  sendIntro: 'Choose a tablet that is switched on; the patient sees only this document and its signature boxes there.',
  noTablets: 'No tablet is switched on. Open the clinic server’s address on the tablet.',
  send: 'Send to this tablet',
  busy: 'Showing another document',
  onTablet: 'Sent to {{name}}, waiting for the patient to sign',
  takeBack: 'Take back',
  takenBack: 'Taken back from the tablet.',
  sending: 'Sending…',
  refresh: 'Refresh the list of tablets',
  patientDone: 'The patient finished signing on the tablet.',
  readTitle: 'Please read this document',
  readIntro: 'When you have read it, sign in each box below. If anything is unclear, ask a member of staff first.',
  signaturesTitle: 'Your signatures',
  sign: 'Sign',
  signed: 'Signed',
  signAs: '{{role}} signature: {{form}}',
  confirm: 'Confirm my signature',
  notYet: 'Sign the box before this one first',
  errors: {
    tabletOffline: 'That tablet is not connected right now.',
    notOnTablet: 'This consent is not on any tablet.',
    nothingToSign: 'This consent has no boxes waiting for the patient.',
  },
};

export const tabletAuditActionsZhTW = {
  consent_sent_to_tablet: '傳送同意書到平板',
  consent_taken_back_from_tablet: '自平板收回同意書',
  consent_tablet_finished: '平板簽署完成',
} as const;

export const tabletAuditActionsEn: Widen<typeof tabletAuditActionsZhTW> = {
  consent_sent_to_tablet: 'Consent sent to a tablet',
  consent_taken_back_from_tablet: 'Consent taken back from a tablet',
  consent_tablet_finished: 'Tablet signing finished',
};
