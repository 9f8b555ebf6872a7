import type { EventName, EventPayload } from '../../shared/contract';

/** Where main pushes contract events: the popover's webContents, or the web shell's sockets. */
export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}
