import type { In } from '../../shared/api';
import type { SeededRandom } from './synthetic';

type Product = In<'treatments.record'>['products'][number];

/** Plausible products per starter procedure: brand, lot or serial, expiry (traceability for device and drug complaints). */
export function demoProducts(code: string, rng: SeededRandom, year: number): Product[] {
  const lot = (prefix: string) => `${prefix}${rng.digits(5)}`;
  const expiry = `${year + 1}-${String(rng.int(1, 12)).padStart(2, '0')}-28`;
  switch (code) {
    case 'botulinum_toxin':
      return [{ kind: 'drug', name: 'A 型肉毒桿菌素 100U', brand: 'Botox', lot: lot('C'), expiryDate: expiry, quantity: `${rng.pick([20, 24, 28, 40])} U` }];
    case 'ha_filler':
      return [
        { kind: 'drug', name: '玻尿酸填充劑（含 lidocaine）', brand: rng.pick(['Juvederm Voluma', 'Restylane Lyft', 'Belotero Balance']), lot: lot('HA'), expiryDate: expiry, quantity: `${rng.pick(['1.0', '1.5', '2.0'])} mL` },
        { kind: 'consumable', name: '25G 鈍針', brand: 'TSK' },
      ];
    case 'hifu':
      return [{ kind: 'device', name: '高強度聚焦超音波探頭 4.5 mm', brand: 'Ulthera', lot: lot('UT'), serialNo: `SN-${rng.digits(8)}`, quantity: `${rng.pick([300, 400, 600])} 發` }];
    case 'picosecond_laser':
      return [{ kind: 'device', name: '皮秒雷射 755 nm', brand: 'PicoSure', lot: lot('PS'), serialNo: `PSN-${rng.digits(7)}` }];
    case 'breast_augmentation':
      return [
        { kind: 'implant', name: '圓形矽膠義乳（左）', brand: 'Motiva', lot: lot('MO'), serialNo: `${rng.digits(10)}`, expiryDate: `${year + 4}-06-30`, quantity: '1 個' },
        { kind: 'implant', name: '圓形矽膠義乳（右）', brand: 'Motiva', lot: lot('MO'), serialNo: `${rng.digits(10)}`, expiryDate: `${year + 4}-06-30`, quantity: '1 個' },
      ];
    case 'rhinoplasty_implant':
      return [{ kind: 'implant', name: '鼻背矽膠植入物 L 型', brand: 'Implantech', lot: lot('IT'), serialNo: `${rng.digits(9)}`, expiryDate: `${year + 3}-12-31` }];
    case 'liposuction':
      return [{ kind: 'drug', name: '腫脹麻醉液（lidocaine + epinephrine）', brand: '信東', lot: lot('TL'), expiryDate: expiry, quantity: '2000 mL' }];
    default:
      return [{ kind: 'consumable', name: '7-0 縫線', brand: 'Ethicon' }];
  }
}

export const INTRA_OP_NOTES = [
  '依術前設計施作，過程順利，無明顯出血，術後冰敷 15 分鐘，生命徵象穩定。',
  '依設計點位施打，術中病人反應良好，無血管栓塞徵兆，皮膚回充正常。',
  '術中止血良好，傷口分層縫合，已衛教術後照護與回診時間。',
];

export const CALM_NOTES = ['恢復良好，已說明冰敷與睡姿。', '輕微腫脹屬正常，提醒按時服藥與回診。', '病人表示滿意，已提醒效果穩定需數週。'];
export const RED_FLAG_NOTES = '左側腫痛加劇、局部發紅發熱，體溫 38.4 度，已請病人立即回診。';
export const ACK_NOTES = ['已致電病人，今日下午回診評估並開立口服抗生素，兩天後再追蹤。', '已親自看診，處置後症狀緩解，安排三天後回診。'];

/** Complaints of every category, in the clinic's words. */
export const DEMO_COMPLAINTS = {
  outcome_expectation: { says: '覺得兩邊看起來不太一樣，跟諮詢時看的照片差很多，很失望。', wants: '希望免費修整到對稱。' },
  complication: { says: '術後第二天開始腫痛發燒，回診後吃抗生素才好，覺得診所當初沒講清楚。', wants: '希望診所說明原因並負擔後續治療費用。' },
  pain_recovery: { says: '恢復期比說明的久，已經一週還是很痛，影響上班。', wants: '希望醫師再看一次並給止痛建議。' },
  communication_service: { says: '櫃台態度很差，等了一個多小時也沒有人說明。', wants: '希望主管出面道歉。' },
  billing_contract: { says: '結帳時多了一筆耗材費，諮詢時沒有提到。', wants: '希望退還多收的費用。' },
  device_drug: { says: '懷疑打的玻尿酸不是原廠，想知道批號與來源。', wants: '提供產品批號、進貨證明與病歷複本。' },
} as const;

export const DEMO_INCIDENTS = [
  {
    whatHappened: '櫃台誤將含 14 位病人姓名、電話與預約療程的表單傳到錯誤的 LINE 群組。',
    peopleAffected: 14,
    dataKinds: ['identity', 'contact', 'medical_record'],
    containment: '已收回訊息，並請群組成員刪除後回覆確認。',
  },
  {
    whatHappened: '一台存有術前照片的平板電腦在候診區遺失。',
    peopleAffected: null,
    dataKinds: ['photos', 'identity'],
    containment: '已遠端鎖定並清除裝置，調閱監視器。',
  },
  {
    whatHappened: '舊版預約系統的匯出檔存放在未加密的共用資料夾，任何院內電腦都能開啟。',
    peopleAffected: 860,
    dataKinds: ['identity', 'contact'],
    containment: '已刪除匯出檔並限制資料夾權限，清查存取紀錄中。',
  },
  {
    whatHappened: '寄給廠商的電子郵件附件誤含一位病人的病歷摘要。',
    peopleAffected: 1,
    dataKinds: ['medical_record'],
    containment: '已請廠商刪除並書面確認未轉寄。',
  },
] as const satisfies readonly Omit<In<'incidents.report'>, 'occurredAt' | 'discoveredAt'>[];
