/** Files of interface strings are named `ui:<namespace>`; piece ids never contain a colon. */
export const UI_FILE_PREFIX = 'ui:';
