import type { In } from '../../../../shared/api';
import {
  DEFAULT_COOLING_OFF_DAYS,
  type Anaesthesia,
  type FollowUpPlan,
  type Procedure,
  type ProcedureCategory,
} from '../../../../shared/schemas/catalogue';
import type { FieldIssue } from '../../../../shared/errors';
import type { IssuePath, Rename } from '../patients/nestedForm';
import { newItemId } from './templateForm';

type FollowUp = FollowUpPlan[number];

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
  };
}

export function toSaveInput(v: ProcedureFormValues, procedureId: string | undefined): In<'procedures.save'> {
  return {
    procedureId,
    fields: {
      code: v.code.trim(),
      nameZh: v.nameZh,
      nameEn: v.nameEn,
      category: v.category,
      anaesthesia: v.anaesthesia,
      witnessRequired: v.witnessRequired,
      coolingOffDays: v.coolingOffDays,
      followUpPlan: v.followUpPlan.map(({ itemId, ...f }) => ({ id: itemId, ...f })),
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
  return issues;
}

/** procedures.save nests the fields under `fields`; a follow-up's generated identifier is reported on the follow-up. */
export const procedureRename: Rename = (path: IssuePath) => {
  const p = path[0] === 'fields' ? path.slice(1) : [...path];
  return p[p.length - 1] === 'id' ? p.slice(0, -1) : p;
};
