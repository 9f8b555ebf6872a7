/** Toggl's Free-plan palette, 14 colors: any other color needs a paid plan (../shared/toggl-recordings README). */
export const TOGGL_PALETTE: readonly string[] = [
  '#0b83d9',
  '#9e5bd9',
  '#d94182',
  '#e36a00',
  '#bf7000',
  '#2da608',
  '#06a893',
  '#c9806b',
  '#465bb3',
  '#990099',
  '#c7af14',
  '#566614',
  '#d92b2b',
  '#525266',
];
