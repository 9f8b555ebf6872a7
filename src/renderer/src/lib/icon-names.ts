/** The Lucide icons (ISC licence) the app draws (Icon.svelte holds their shapes, checked against the package by a test). */
export const ICON_NAMES = [
  'archive',
  'archive-restore',
  'circle-alert',
  'clock',
  'git-merge',
  'pencil',
  'play',
  'square',
  'trash-2',
  'users',
  'folder-plus',
  'list-plus',
  'refresh-cw',
  'settings',
  'corner-down-left',
] as const;

export type IconName = (typeof ICON_NAMES)[number];
