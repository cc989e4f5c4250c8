import type { Migration } from './Migration';

/**
 * Number 4 is reserved for the meeting participants (branch pdf-content). This stand-in only
 * keeps the numbers without a gap on a branch that does not have it yet: when that branch is
 * merged, this file is deleted and its migration takes the place in index.ts.
 */
export const migration004: Migration = {
  version: 4,
  name: 'reserved',
  up() {},
};
