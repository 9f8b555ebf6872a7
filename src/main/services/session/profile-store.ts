import { rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { userSchema } from '../../../shared/schema';
import { readJson, writeJsonAtomic } from '../files';
import type { Logger } from '../logger';

const profileSchema = z.object({
  apiUrl: z.string(),
  user: userSchema,
  /** Set when Toggl refused the stored token: the app opens on the sign-in view. */
  refusedReason: z.string().nullable(),
});

export type Profile = z.infer<typeof profileSchema>;

/**
 * Who was signed in, so the app opens straight into the main view without a request (and
 * offline). Holds no token: that lives only in the vault.
 */
export class ProfileStore {
  readonly file: string;

  constructor(
    dataDir: string,
    private readonly log: Logger,
  ) {
    this.file = path.join(dataDir, 'profile.json');
  }

  async read(apiUrl: string): Promise<Profile | undefined> {
    let raw: unknown;
    try {
      raw = await readJson(this.file);
    } catch (error) {
      this.log.warn('profile: unreadable, ignoring it', { file: this.file, error: String(error) });
      return undefined;
    }
    if (raw === undefined) return undefined;
    const parsed = profileSchema.safeParse(raw);
    if (!parsed.success) {
      this.log.warn('profile: not in the expected shape, ignoring it', { file: this.file });
      return undefined;
    }
    return parsed.data.apiUrl === apiUrl ? parsed.data : undefined;
  }

  async write(profile: Profile): Promise<void> {
    await writeJsonAtomic(this.file, profile);
  }

  async delete(): Promise<void> {
    await rm(this.file, { force: true });
  }
}
