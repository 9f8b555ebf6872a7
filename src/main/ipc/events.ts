import type { EventName, EventPayload } from '../../shared/contract';
import type { EventSink } from '../services/events';

export type { EventSink };

/**
 * Services are built before the window or server that carries their events exists: they emit
 * into the hub, and the shell attaches its sink once it has one.
 */
export class EventHub implements EventSink {
  private readonly sinks = new Set<EventSink>();

  attach(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const sink of this.sinks) sink.emit(event, payload);
  }
}
