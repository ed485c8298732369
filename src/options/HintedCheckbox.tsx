import { t } from '../shared/i18n.ts';

interface Props {
  /** The hint's element id, which the box names as its description. */
  hintId: string;
  label: string;
  hint: string;
  checked: boolean;
  onChange: (box: HTMLInputElement) => void;
}

/** A setting's checkbox with the sentence that says what turning it on sends, read out with the box. */
export function HintedCheckbox({ hintId, label, hint, checked, onChange }: Props) {
  return (
    <>
      <label>
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={hintId}
          onChange={(e) => onChange(e.currentTarget)}
        />
        <span>{t(label)}</span>
      </label>
      <p id={hintId} class="hint">
        {t(hint)}
      </p>
    </>
  );
}
