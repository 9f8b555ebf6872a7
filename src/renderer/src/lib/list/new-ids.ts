/**
 * The id an item has now: Toggl's, when it was made offline under a temporary id that Toggl
 * has since replaced (`DataView.newIds`, pairs of [temporary id, Toggl's id]).
 */
export function idNow(newIds: readonly (readonly [number, number])[], id: number): number {
  return newIds.find(([from]) => from === id)?.[1] ?? id;
}
