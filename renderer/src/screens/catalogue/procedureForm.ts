import type { In } from '../../../../shared/api';
import {
  DEFAULT_COOLING_OFF_DAYS,
  type Anaesthesia,
  type FollowUpPlan,
  type PriceItem,
  type Procedure,
  type ProcedureCategory,
} from '../../../../shared/schemas/catalogue';
import { parseTypedNumber } from '../../../../shared/fullwidth';
import type { FieldIssue } from '../../../../shared/errors';
import type { IssuePath } from '../../fieldIssues';
import type { Rename } from '../patients/nestedForm';
import { newItemId } from './templateForm';

type FollowUp = FollowUpPlan[number];

/** A price line as typed: the amount stays text until saved (full-width digits and 1,500 are accepted). */
export interface PriceRowValues {
  kind: PriceItem['kind'];
  description: string;
  amountTwd: string;
}
export interface PackageValues {
  itemId: string;
  name: string;
  items: PriceRowValues[];
}

export function blankPriceRow(kind: PriceItem['kind'] = 'procedure'): PriceRowValues {
  return { kind, description: '', amountTwd: '' };
}
export function blankPackage(): PackageValues {
  return { itemId: newItemId('pkg'), name: '', items: [blankPriceRow()] };
}
const rowFrom = (i: PriceItem): PriceRowValues => ({ kind: i.kind, description: i.description, amountTwd: String(i.amountTwd) });
const rowTo = (r: PriceRowValues): PriceItem => ({ kind: r.kind, description: r.description, amountTwd: parseTypedNumber(r.amountTwd) });

export interface ProcedureFormValues {
  code: string;
  nameZh: string;
  nameEn: string;
  category: ProcedureCategory;
  anaesthesia: Anaesthesia;
  witnessRequired: boolean;
  /** NaN while the box is empty (valueAsNumber). */
  coolingOffDays: number;
  active: boolean;
  followUpPlan: { itemId: string; dayOffset: number; role: FollowUp['role']; method: FollowUp['method']; focus: string }[];
  prices: PriceRowValues[];
  packages: PackageValues[];
}

export function blankFollowUp(dayOffset = 1): ProcedureFormValues['followUpPlan'][number] {
  return { itemId: newItemId('fu'), dayOffset, role: 'nurse', method: 'phone', focus: '' };
}

export function blankProcedure(): ProcedureFormValues {
  return {
    code: '',
    nameZh: '',
    nameEn: '',
    category: 'injectable',
    anaesthesia: 'none',
    witnessRequired: false,
    coolingOffDays: DEFAULT_COOLING_OFF_DAYS.injectable,
    active: true,
    followUpPlan: [blankFollowUp(1)],
    prices: [],
    packages: [],
  };
}

export function fromProcedure(p: Procedure): ProcedureFormValues {
  return {
    code: p.code,
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    category: p.category,
    anaesthesia: p.anaesthesia,
    witnessRequired: p.witnessRequired,
    coolingOffDays: p.coolingOffDays,
    active: p.active,
    followUpPlan: p.followUpPlan.map(({ id, ...f }) => ({ itemId: id, ...f })),
    prices: p.priceList.items.map(rowFrom),
    packages: p.priceList.packages.map((k) => ({ itemId: k.id, name: k.name, items: k.items.map(rowFrom) })),
  };
}

/** `procedureId` and `expectedVersion`: the procedure being changed, at the version the form loaded (none when new). */
export function toSaveInput(v: ProcedureFormValues, procedureId: string | undefined, expectedVersion?: number): In<'procedures.save'> {
  return {
    procedureId,
    expectedVersion,
    fields: {
      code: v.code.trim(),
      nameZh: v.nameZh,
      nameEn: v.nameEn,
      category: v.category,
      anaesthesia: v.anaesthesia,
      witnessRequired: v.witnessRequired,
      coolingOffDays: v.coolingOffDays,
      followUpPlan: v.followUpPlan.map(({ itemId, ...f }) => ({ id: itemId, ...f })),
      priceList: {
        items: v.prices.map(rowTo),
        packages: v.packages.map((k) => ({ id: k.itemId, name: k.name, items: k.items.map(rowTo) })),
      },
    },
    // A new procedure starts offered; `active` is only sent when editing.
    active: procedureId ? v.active : undefined,
  };
}

/** An empty number box says "required" rather than "wrong type". */
export function procedureChecks(v: ProcedureFormValues): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (Number.isNaN(v.coolingOffDays)) issues.push({ path: ['coolingOffDays'], messageKey: 'validation.required' });
  v.followUpPlan.forEach((f, i) => {
    if (Number.isNaN(f.dayOffset)) issues.push({ path: ['followUpPlan', i, 'dayOffset'], messageKey: 'validation.required' });
  });
  const emptyAmount = (rows: PriceRowValues[], path: (string | number)[]) =>
    rows.forEach((r, i) => {
      if (r.amountTwd.trim() === '') issues.push({ path: [...path, i, 'amountTwd'], messageKey: 'validation.required' });
    });
  emptyAmount(v.prices, ['prices']);
  v.packages.forEach((k, i) => emptyAmount(k.items, ['packages', i, 'items']));
  return issues;
}

/** procedures.save nests the fields under `fields`; a follow-up's generated identifier is reported on the follow-up. */
export const procedureRename: Rename = (path: IssuePath) => {
  let p = path[0] === 'fields' ? path.slice(1) : [...path];
  // The price list is one object in the input and two lists in the form.
  if (p[0] === 'priceList') p = p[1] === 'items' ? ['prices', ...p.slice(2)] : p.slice(1);
  return p[p.length - 1] === 'id' ? p.slice(0, -1) : p;
};
