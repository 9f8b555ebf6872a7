import { z } from 'zod';
import type { Schemas } from './router';

const noRequest = z.undefined();

/** Runtime validation of every channel's request; `satisfies` ties it to the contract. */
export const schemas = {
  'app.info': noRequest,
  'popover.hide': noRequest,
  'shell.openExternal': z.strictObject({ url: z.string().min(1).max(2048) }),
} satisfies Schemas;
