/**
 * Focus for an element another screen is about to show (a field of the editor a link opens):
 * it is focused, and scrolled to, as soon as it is on the page, or forgotten after a few seconds.
 */
let stop: (() => void) | null = null;

export function focusWhenShown(testId: string, timeoutMs = 5000): void {
  stop?.();
  const selector = `[data-testid="${CSS.escape(testId)}"]`;
  const tryFocus = () => {
    const element = document.querySelector<HTMLElement>(selector);
    if (!element || element.closest('[inert]')) return false;
    element.focus();
    element.scrollIntoView({ block: 'center' });
    return document.activeElement === element;
  };
  if (tryFocus()) return;
  const observer = new MutationObserver(() => {
    if (tryFocus()) stop?.();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  const timer = setTimeout(() => stop?.(), timeoutMs);
  stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    stop = null;
  };
}
