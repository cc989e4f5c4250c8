import { useId, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from './useModalDialog';

/**
 * A modal dialog (native <dialog>: focus is trapped and Escape cancels). Its body is a form:
 * pressing Enter or the confirm button submits, the other button or Escape cancels.
 */
export function Dialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  danger = false,
  busy = false,
  testId,
}: {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  danger?: boolean;
  busy?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useModalDialog(ref);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onConfirm();
  };

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <form onSubmit={submit}>
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel} data-testid="dialog-cancel">
            {t('ui:actions.cancel')}
          </button>
          <button type="submit" className={danger ? 'button-danger' : 'button-primary'} disabled={busy} data-testid="dialog-confirm">
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
