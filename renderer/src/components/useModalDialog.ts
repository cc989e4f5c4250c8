import { useLayoutEffect, type RefObject } from 'react';

/**
 * Shows a <dialog> as modal while the component is mounted. A dialog removed from the page while
 * open gives focus back to nobody: here it goes back to what had it before (the button that
 * opened the dialog), if that is still on the page.
 */
export function useModalDialog(ref: RefObject<HTMLDialogElement | null>): void {
  useLayoutEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [ref]);
}
