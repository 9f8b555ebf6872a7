/** Lets whatever waits on the event loop run first (the tray, the windows' calls): long work yields with it. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
