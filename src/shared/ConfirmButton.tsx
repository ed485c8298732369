import { useEffect, useId, useRef, useState } from 'preact/hooks';

interface Props {
  label: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  disabled?: boolean;
  onConfirm: () => Promise<void>;
}

/**
 * A destructive action asked twice, inline rather than with window.confirm (which blocks, and screen readers
 * announce poorly). Focus moves to the confirming button and back to the trigger on cancel, so it is never lost.
 */
export function ConfirmButton({ label, question, confirmLabel, cancelLabel, disabled = false, onConfirm }: Props) {
  const [confirming, setConfirming] = useState(false);
  const yes = useRef(null as HTMLButtonElement | null);
  const trigger = useRef(null as HTMLButtonElement | null);
  const questionId = useId();
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) yes.current?.focus();
    else if (wasConfirming.current) trigger.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (!confirming) {
    return (
      <button type="button" class="danger" ref={trigger} disabled={disabled} onClick={() => setConfirming(true)}>
        {label}
      </button>
    );
  }
  return (
    <fieldset class="row" aria-labelledby={questionId}>
      <p id={questionId}>{question}</p>
      <button type="button" class="danger" ref={yes} onClick={() => void onConfirm().then(() => setConfirming(false))}>
        {confirmLabel}
      </button>
      <button type="button" onClick={() => setConfirming(false)}>
        {cancelLabel}
      </button>
    </fieldset>
  );
}
