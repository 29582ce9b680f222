import { useTranslation } from 'react-i18next';

/** Where the person is in the first-run set-up: 1 create, 2 recovery code, 3 sign in. */
export function Steps({ current }: { current: 1 | 2 | 3 }) {
  const { t } = useTranslation();
  const steps = [t('setup.step1'), t('setup.step2'), t('setup.step3')];
  return (
    <ol className="steps" aria-label={t('setup.stepsLabel')}>
      {steps.map((label, i) => (
        <li
          key={label}
          className={i + 1 === current ? 'steps__item steps__item--current' : i + 1 < current ? 'steps__item steps__item--done' : 'steps__item'}
          aria-current={i + 1 === current ? 'step' : undefined}
        >
          <span className="steps__num" aria-hidden="true">
            {i + 1 < current ? '✓' : i + 1}
          </span>
          {label}
        </li>
      ))}
    </ol>
  );
}
