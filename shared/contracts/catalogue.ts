import { z } from 'zod';
import { EditVersion } from '../schemas/edit-version';
import {
    DisclosureTemplate,
    Procedure,
    ProcedureFields,
    ProcedureListItem,
    TemplateContent,
    TemplateVersionInfo,
} from '../schemas/catalogue';
import { Id, Locale } from '../schemas/common';
import { ADMIN, ALL_STAFF, type Channel } from './channel';

/** The catalogue channels: what each takes, returns and who may call it. */
export const catalogueChannels = {
  'procedures.list': {
    input: z.object({ includeInactive: z.boolean().optional() }).strict(),
    output: z.array(ProcedureListItem),
    access: ALL_STAFF,
  },
  'procedures.save': {
    input: z
      .object({ procedureId: Id.optional(), expectedVersion: EditVersion.optional(), fields: ProcedureFields, active: z.boolean().optional() })
      .strict()
      // A change of an existing procedure names the version the form loaded; a new one has none.
      .refine((v) => v.procedureId === undefined || v.expectedVersion !== undefined, { path: ['expectedVersion'], error: 'validation.required' }),
    output: Procedure,
    access: ADMIN,
  },
  'templates.current': {
    input: z.object({ procedureId: Id, locale: Locale }).strict(),
    output: DisclosureTemplate,
    access: ALL_STAFF,
  },
  'templates.get': { input: z.object({ templateId: Id }).strict(), output: DisclosureTemplate, access: ALL_STAFF },
  'templates.versions': { input: z.object({ procedureId: Id }).strict(), output: z.array(TemplateVersionInfo), access: ALL_STAFF },
  /**
   * `expectedDraft`: the language's draft as the editor found it when it opened (null: there was none). The save
   * is refused as edited elsewhere when the draft is not that one at that edit version any more (issue 14).
   */
  'templates.saveDraft': {
    input: z
      .object({ procedureId: Id, locale: Locale, expectedDraft: z.object({ templateId: Id, editVersion: EditVersion }).strict().nullable(), content: TemplateContent })
      .strict(),
    output: DisclosureTemplate,
    access: ADMIN,
  },
  /** Publishes the draft as it was shown (`expectedEditVersion`), never a newer save from another seat unseen. */
  'templates.publish': { input: z.object({ templateId: Id, expectedEditVersion: EditVersion }).strict(), output: DisclosureTemplate, access: ADMIN },
} as const satisfies Record<string, Channel>;
