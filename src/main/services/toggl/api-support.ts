import type { RequestOptions } from './http';

/** The seed pages describe list answers as `items`; the live API sends bare arrays. Take both. */
export function asList<T>(value: unknown): T[] {
  if (Array.isArray(value)) return value as T[];
  if (value && typeof value === 'object' && Array.isArray((value as { items?: unknown }).items)) {
    return (value as { items: T[] }).items;
  }
  return [];
}

export const ids = (list: readonly number[]): string => list.map((id) => String(Math.trunc(id))).join(',');

export type Signal = Pick<RequestOptions, 'signal' | 'retries'>;
