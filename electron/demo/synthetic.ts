import { ageOn } from '../../shared/dates';
import type { PatientFieldsInput, RiskMedication } from '../../shared/schemas/patient';
import type { Role } from '../../shared/schemas/staff';
import { makeTaiwanId } from '../../shared/taiwan-id';

/**
 * The one synthetic-data generator shared by tests, `consentvault demo` and the benchmarks.
 * Deterministic: the same seed always yields the same clinic.
 */
export class SeededRandom {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  /** mulberry32: small, fast, good enough for test data (never for secrets). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  digits(n: number): string {
    return Array.from({ length: n }, () => this.int(0, 9)).join('');
  }
}

const SURNAMES = ['陳', '林', '黃', '張', '李', '王', '吳', '劉', '蔡', '楊', '許', '鄭', '謝', '郭', '洪', '曾', '邱', '廖', '賴', '周'];
const GIVEN_CHARS = ['怡', '婷', '雅', '欣', '宜', '佳', '家', '志', '明', '俊', '傑', '建', '宏', '淑', '芬', '美', '玲', '惠', '文', '偉', '嘉', '瑋', '思', '穎', '冠', '宇', '柏', '翰', '詩', '涵'];
const CLINIC_WORDS = ['晶緻', '若水', '時光', '光澤', '悅容', '研美', '澄心', '初見'];
const CLINIC_KINDS = ['醫美診所', '皮膚科診所', '整形外科診所'];
const SPECIALTIES = ['整形外科', '皮膚科', '家庭醫學科（美容醫學）', '耳鼻喉科（顏面整形）'];

export interface SyntheticStaff {
  name: string;
  role: Role;
  licenceNo?: string;
  specialty?: string;
}

export interface SyntheticClinic {
  clinicName: string;
  timeZone: string;
  admin: SyntheticStaff;
  staff: SyntheticStaff[];
}

export function personName(rng: SeededRandom): string {
  const given = rng.next() < 0.85 ? rng.pick(GIVEN_CHARS) + rng.pick(GIVEN_CHARS) : rng.pick(GIVEN_CHARS);
  return rng.pick(SURNAMES) + given;
}

/** A Taipei clinic with one administrator, three physicians, three consultants and three nurses. */
export function syntheticClinic(seed: number): SyntheticClinic {
  const rng = new SeededRandom(seed);
  const used = new Set<string>();
  const uniqueName = () => {
    for (;;) {
      const n = personName(rng);
      if (!used.has(n)) {
        used.add(n);
        return n;
      }
    }
  };
  const admin: SyntheticStaff = { name: uniqueName(), role: 'admin' };
  const staff: SyntheticStaff[] = [];
  const specialties = [...SPECIALTIES];
  for (let i = 0; i < 3; i++) {
    const specialty = specialties.splice(rng.int(0, specialties.length - 1), 1)[0]!;
    staff.push({ name: uniqueName(), role: 'physician', licenceNo: `醫字第0${rng.digits(5)}號`, specialty });
  }
  for (let i = 0; i < 3; i++) staff.push({ name: uniqueName(), role: 'consultant' });
  for (let i = 0; i < 3; i++) staff.push({ name: uniqueName(), role: 'nurse' });
  return { clinicName: rng.pick(CLINIC_WORDS) + rng.pick(CLINIC_KINDS), timeZone: 'Asia/Taipei', admin, staff };
}

const ID_LETTERS = 'ABCDEFGHJKLMNPQRSTUVXYWZIO';
const RELATIONS = ['母', '父', '監護人'];
const ALLERGIES = ['Lidocaine', '盤尼西林 Penicillin', '乳膠 Latex', '阿斯匹靈 Aspirin'];
const MEDICATIONS: RiskMedication[] = ['anticoagulant', 'antiplatelet', 'isotretinoin', 'systemic_steroid'];

function mobile(rng: SeededRandom): string {
  return `09${rng.digits(2)}-${rng.digits(3)}-${rng.digits(3)}`;
}

/** The n-th synthetic patient: a plausible Taiwanese record with a valid ID (minors come with a guardian). */
export function syntheticPatient(rng: SeededRandom, n: number, today: string): PatientFieldsInput {
  const sex = rng.next() < 0.78 ? 'female' : 'male';
  const year = Number(today.slice(0, 4)) - rng.int(16, 68);
  const birthDate = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const minor = ageOn(birthDate, today) < 18;
  const nameZh = personName(rng);
  const patient: PatientFieldsInput = {
    chartNo: `P${String(n).padStart(6, '0')}`,
    nameZh,
    sex,
    birthDate,
    nationalId: makeTaiwanId(rng.pick([...ID_LETTERS]), sex === 'female' ? '2' : '1', rng.digits(7)),
    phone: mobile(rng),
    riskMedications: rng.next() < 0.08 ? [rng.pick(MEDICATIONS)] : [],
    smoking: rng.next() < 0.12 ? 'current' : 'never',
    keloidHistory: rng.next() < 0.04,
    pregnancy: sex === 'female' ? 'none' : 'not_applicable',
  };
  if (rng.next() < 0.15) patient.allergies = rng.pick(ALLERGIES);
  if (minor) {
    patient.guardian = {
      name: nameZh[0] + rng.pick(GIVEN_CHARS) + rng.pick(GIVEN_CHARS),
      relation: rng.pick(RELATIONS),
      nationalId: makeTaiwanId(rng.pick([...ID_LETTERS]), '2', rng.digits(7)),
      phone: mobile(rng),
    };
  }
  return patient;
}
