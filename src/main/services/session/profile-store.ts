import { rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { SessionUser } from '../../../shared/contract';
import { readJson, writeJsonAtomic } from '../files';
import type { Logger } from '../logger';

const profileSchema = z.object({
  apiUrl: z.string(),
  user: z.object({ id: z.number(), fullname: z.string(), email: z.string(), defaultWorkspaceId: z.number() }),
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
    if (!parsed.success || parsed.data.apiUrl !== apiUrl) return undefined;
    return parsed.data;
  }

  async write(profile: Profile): Promise<void> {
    await writeJsonAtomic(this.file, profile);
  }

  async delete(): Promise<void> {
    await rm(this.file, { force: true });
  }

  static userFrom(me: { id: number; fullname: string; email: string; default_workspace_id: number }): SessionUser {
    return { id: me.id, fullname: me.fullname, email: me.email, defaultWorkspaceId: me.default_workspace_id };
  }
}
