import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelName, In, Out } from '../../../shared/api';
import { Field } from './Field';
import { FormError } from './FormMessage';
import { useChannelForm } from './channelForm';

/**
 * "Add a correction" on a saved record (treatment, follow-up outcome, complaint entry): the record never
 * changes, the correction is appended beside it. One form for every such channel.
 */
export function AppendCorrection<C extends ChannelName>({
  channel,
  input,
  onSaved,
  toggleClassName,
  formClassName = 'ac-inline-form',
  cancellable = false,
}: {
  channel: C;
  /** The channel's input for this record and the typed correction. */
  input: (text: string) => In<C>;
  onSaved: (saved: Out<C>) => void;
  toggleClassName: string;
  formClassName?: string;
  cancellable?: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const form = useChannelForm(channel, ['text']);
  if (!open) {
    return (
      <button type="button" className={toggleClassName} onClick={() => setOpen(true)}>
        {t('aftercare.addCorrection')}
      </button>
    );
  }
  const save = (
    <button type="submit" className="btn btn--secondary btn--small" disabled={form.busy}>
      {t('aftercare.saveCorrection')}
    </button>
  );
  return (
    <form
      className={formClassName}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(input(text)).then((r) => {
          if (r) {
            setText('');
            setOpen(false);
            onSaved(r);
          }
        });
      }}
    >
      <Field label={t('aftercare.addCorrection')} error={form.errors.text} hint={t('aftercare.correctionHint')}>
        {(p) => <textarea {...p} rows={2} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <FormError error={form.formError} />
      {cancellable ? (
        <div className="actions">
          {save}
          <button type="button" className="btn btn--ghost btn--small" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        save
      )}
    </form>
  );
}
