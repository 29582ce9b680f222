import type { Widen } from '../widen';

/**
 * Staff accounts (issue 12, item 11): login ids, first-sign-in password change, editing role, licence and
 * specialty with their history.
 */
export const staffAccountsZhTW = {
  loginId: '登入帳號',
  loginIdHint: '登入時輸入，不可與他人重複（同名的同事用不同帳號區分）。留空則以姓名作為帳號。',
  loginIdSetupHint: '登入時輸入。留空則以姓名作為帳號。',
  nameHint: '顯示在紀錄與同意書上，可與其他同事同名。',
  temporaryPasswordNote: '這是臨時密碼：對方第一次登入時必須改設自己的密碼。',
  mustChange: {
    title: '請設定您自己的密碼',
    body: '{{name}}（帳號 {{loginId}}），您目前的密碼是由管理員設定的。請先改設一組只有您知道的密碼，才能開始使用。',
    submit: '設定新密碼並繼續',
    signOut: '登出',
  },
  edit: '編輯資料',
  editTitle: '編輯「{{name}}」的資料',
  editIntro: '角色、證書字號與專科會印在之後簽發的同意書上。修改前的內容會保留在變更紀錄中；已簽發的同意書不受影響。',
  editSubmit: '儲存變更',
  updated: '已更新「{{name}}」的資料。',
  unchanged: '資料沒有變更。',
  history: '變更紀錄',
  historyTitle: '「{{name}}」的資料變更紀錄',
  historyNone: '尚無變更。',
  historyEntry: '{{at}}　由 {{by}} 修改',
  historyFromTo: '{{field}}：{{from}} → {{to}}',
  empty: '（無）',
  close: '關閉',
  temporaryBadge: '待改密碼',
  errors: {
    loginIdTaken: '這個登入帳號已有人使用，請換一個（例如加上英文名或員工編號）。',
    passwordChangeRequired: '請先改設您自己的密碼。',
    ownRole: '不能變更自己的角色，請由另一位管理員操作。',
  },
} as const;

export const staffAccountsEn: Widen<typeof staffAccountsZhTW> = {
  loginId: 'Login ID',
  loginIdHint: 'Typed at sign-in; must be unique (colleagues with the same name get different login IDs). Leave empty to use the name.',
  loginIdSetupHint: 'Typed at sign-in. Leave empty to use the name.',
  nameHint: 'Shown on records and consents; two colleagues may share a name.',
  temporaryPasswordNote: 'This is a temporary password: they must choose their own the first time they sign in.',
  mustChange: {
    title: 'Choose your own password',
    body: '{{name}} (login ID {{loginId}}), your current password was set by an administrator. Choose one only you know before you start.',
    submit: 'Set new password and continue',
    signOut: 'Sign out',
  },
  edit: 'Edit details',
  editTitle: 'Edit details of {{name}}',
  editIntro: 'Role, licence number and specialty print on consents issued from now on. The previous values stay in the change history; consents already issued are not affected.',
  editSubmit: 'Save changes',
  updated: 'Details of {{name}} updated.',
  unchanged: 'Nothing was changed.',
  history: 'History',
  historyTitle: 'Change history of {{name}}',
  historyNone: 'No changes yet.',
  historyEntry: '{{at}}, changed by {{by}}',
  historyFromTo: '{{field}}: {{from}} → {{to}}',
  empty: '(none)',
  close: 'Close',
  temporaryBadge: 'Must change password',
  errors: {
    loginIdTaken: 'This login ID is already in use; choose another (for example add an English name or staff number).',
    passwordChangeRequired: 'Choose your own password first.',
    ownRole: 'You cannot change your own role; ask another administrator.',
  },
};

export const staffAccountsAuditActionsZhTW = {
  staff_updated: '修改員工資料（角色、證書字號、專科）',
} as const;

export const staffAccountsAuditActionsEn: Widen<typeof staffAccountsAuditActionsZhTW> = {
  staff_updated: "Staff member's role, licence or specialty changed",
};
