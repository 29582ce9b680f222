import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import type { DisclosureTemplate } from '../../../../shared/schemas/catalogue';
import type { Locale } from '../../../../shared/schemas/common';
import { callApi, useApi } from '../../api';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormMessage';
import { rootError, useFormError } from '../../forms';
import { nestedResolver, placeServerError } from '../patients/nestedForm';
import { AlternativesEditor, ContraindicationsEditor, QuestionsEditor, RisksEditor } from './TemplateListEditors';
import { blankTemplate, CARE_SECTIONS, fromContent, templateRename, TEXT_SECTIONS, toContent, type TemplateFormValues } from './templateForm';

interface EditorProps {
  procedureId: string;
  locale: Locale;
  localeName: string;
  /** The version the edit starts from; null for a first version. */
  baseId: string | null;
  /**
   * The language's draft when the editor opened, which saving will replace (templates.saveDraft keeps one draft per
   * language); the save names it, so another seat's save or publication meanwhile is refused (issue 14).
   */
  draftSeen: { templateId: string; editVersion: number; version: number } | null;
  /** The clinic's time zone, for the time such a refusal names. */
  timeZone: string;
  /** Opens the editor again on the language's draft as it is now. */
  onReload: () => void;
  onCancel: () => void;
  onSaved: (version: number) => void;
}

/** Loads the version the edit starts from, then opens the editor on a copy of its content. */
export function TemplateEditorLoader(props: EditorProps) {
  const { t } = useTranslation();
  if (props.baseId === null) return <TemplateEditor {...props} base={null} />;
  return <LoadBase {...props} baseId={props.baseId} fallback={t('common.loading')} />;
}

function LoadBase(props: EditorProps & { baseId: string; fallback: string }) {
  const base = useApi('templates.get', { templateId: props.baseId });
  if (base.state === 'loading') return <p className="muted">{props.fallback}</p>;
  if (base.state === 'error') return <FormError error={base.error} />;
  return <TemplateEditor {...props} base={base.value} />;
}

/**
 * Edits an explanation sheet. A draft is rewritten in place; starting from a published version saves a new
 * draft version, so what patients already read never changes.
 */
function TemplateEditor({
  procedureId,
  locale,
  localeName,
  base,
  draftSeen,
  timeZone,
  onReload,
  onCancel,
  onSaved,
}: EditorProps & { base: DisclosureTemplate | null }) {
  const { t } = useTranslation();
  const { formError, setFormError } = useFormError();
  // Editing the draft itself: as just loaded. Starting from a published version: the draft the list showed, if any.
  const expectedDraft = base?.status === 'draft' ? { templateId: base.id, editVersion: base.editVersion } : draftSeen && { templateId: draftSeen.templateId, editVersion: draftSeen.editVersion };
  const existingDraftVersion = draftSeen?.version ?? null;
  const toInput = (v: TemplateFormValues) => ({ procedureId, locale, expectedDraft, content: toContent(v) });
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    getValues,
    control,
    formState: { errors, isSubmitting },
  } = useForm<TemplateFormValues>({
    mode: 'onTouched',
    defaultValues: base ? fromContent(base.content) : blankTemplate(),
    resolver: nestedResolver(api['templates.saveDraft'].input, toInput, { rename: templateRename }),
  });

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const r = await callApi('templates.saveDraft', toInput(v));
    if (r.ok) onSaved(r.value.version);
    else setFormError(placeServerError(r.error, getValues(), setError, templateRename));
  });

  const editingDraft = base?.status === 'draft';
  const title = editingDraft
    ? t('catalogue.content.editingTitle', { locale: localeName, version: base.version })
    : base
      ? t('catalogue.content.newDraftTitle', { locale: localeName })
      : t('catalogue.content.firstDraftTitle', { locale: localeName });
  const lists = { control, register, errors };
  return (
    <form className="form editor" onSubmit={(e) => void submit(e)} noValidate aria-label={title} lang={locale}>
      <h2 className="editor__title">{title}</h2>
      {!editingDraft && existingDraftVersion !== null ? (
        <div className="notice notice--warning" role="status">
          {t('catalogue.templates.overwriteWarning', { version: existingDraftVersion })}
        </div>
      ) : null}
      <div className="card editor__card">
        <Field label={t('catalogue.content.title')} error={errors.title?.message}>
          {(p) => <input {...p} autoComplete="off" {...register('title')} />}
        </Field>
        {TEXT_SECTIONS.map((k) => (
          <Field key={k} label={t(`catalogue.content.${k}`)} error={errors[k]?.message}>
            {(p) => <textarea {...p} rows={5} {...register(k)} />}
          </Field>
        ))}
      </div>
      <div className="card editor__card">
        <RisksEditor {...lists} />
      </div>
      <div className="card editor__card">
        <AlternativesEditor {...lists} />
      </div>
      <div className="card editor__card">
        <ContraindicationsEditor {...lists} />
      </div>
      <div className="card editor__card">
        {CARE_SECTIONS.map((k) => (
          <Field key={k} label={t(`catalogue.content.${k}`)} error={errors[k]?.message}>
            {(p) => <textarea {...p} rows={5} {...register(k)} />}
          </Field>
        ))}
      </div>
      <div className="card editor__card">
        <QuestionsEditor {...lists} setValue={setValue} getValues={getValues} />
      </div>
      <div className="editor__bar">
        <FormActions
          error={formError ?? rootError(errors)}
          onCancel={onCancel}
          cancelLabel={t('catalogue.content.cancel')}
          submitLabel={isSubmitting ? t('catalogue.content.saving') : t('catalogue.content.saveDraft')}
          submitDisabled={isSubmitting}
          onReload={onReload}
          timeZone={timeZone}
        />
      </div>
    </form>
  );
}
