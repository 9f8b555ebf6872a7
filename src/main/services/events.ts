import type { EventName, EventPayload } from '../../shared/contract';

/** How events leave the services (to the window, a socket, a test): the services own this port. */
export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}
