import { z } from 'zod';
import type { Schemas } from './router';

const noRequest = z.undefined();
// Generous bounds: the services check shapes and answer in words; these stop garbage.
const text = (max: number) => z.string().max(max);

/** Runtime validation of every channel's request; `satisfies` ties it to the contract. */
export const schemas = {
  'app.info': noRequest,
  'popover.hide': noRequest,
  'shell.openExternal': z.strictObject({ url: text(2048).min(1) }),
  'session.get': noRequest,
  'session.signInWithToken': z.strictObject({ token: text(256) }),
  'session.signInWithPassword': z.strictObject({ email: text(320), password: text(1024) }),
  'session.signOut': z.strictObject({ discardPending: z.boolean() }),
  'session.verify': noRequest,
} satisfies Schemas;
