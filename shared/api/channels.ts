/** Every API channel's name. apiContract.ts gives each its input schema and output type. */
export const CHANNELS = [
  'app.info',
  'library.list',
  'library.search',
  'library.get',
  'library.savePriority',
  'library.saveInstrument',
  'library.saveNote',
  'library.saveMeeting',
  'library.saveCountry',
  'library.choices',
  'packs.get',
  'packs.save',
  'packs.create',
  'packs.duplicate',
  'packs.delete',
  'packs.build',
] as const;
export type Channel = (typeof CHANNELS)[number];
