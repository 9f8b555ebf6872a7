import { createApi, type Api } from '../../src/preload/api';
import type { EventName } from '../../src/shared/contract';
import type { LaunchedApp } from './sync-world';

export type InProcessApi = Api & {
  /** Resolves once no call the page made is still being answered. */
  idle(): Promise<void>;
};

/**
 * The renderer's `window.api` wired straight to main's real router and event hub, in one
 * process: the state classes and components run against the real services, no socket between.
 */
export function inProcessApi(app: LaunchedApp): InProcessApi {
  const inFlight = new Set<Promise<unknown>>();
  const api = createApi({
    invoke: (channel, request) => {
      const answer = app.router.handle(channel, request, true);
      inFlight.add(answer);
      void answer.finally(() => inFlight.delete(answer));
      return answer;
    },
    subscribe: (event: EventName, listener) =>
      app.events.attach({
        emit: (name, payload) => {
          if (name === event) listener(payload);
        },
      }),
  });
  return {
    ...api,
    async idle() {
      while (inFlight.size > 0) await Promise.all(inFlight);
    },
  };
}
