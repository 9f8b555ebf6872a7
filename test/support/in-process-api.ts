import { createApi, type Api } from '../../src/preload/api';
import type { EventName } from '../../src/shared/contract';
import type { LaunchedApp } from './sync-world';

/**
 * The renderer's `window.api` wired straight to main's real router and event hub, in one
 * process: the state classes run against the real services with no socket in between.
 */
export function inProcessApi(app: LaunchedApp): Api {
  return createApi({
    invoke: (channel, request) => app.router.handle(channel, request, true),
    subscribe: (event: EventName, listener) =>
      app.events.attach({
        emit: (name, payload) => {
          if (name === event) listener(payload);
        },
      }),
  });
}
