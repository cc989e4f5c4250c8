import { browserNotice } from './findBrowser';

/** Runs once per `vitest run`: the end-to-end files say nothing themselves, so there is one line. */
export default function setup(): void {
  const notice = browserNotice();
  if (notice) console.log(notice);
}
