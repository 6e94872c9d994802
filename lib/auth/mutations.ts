import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "@auth/core/adapters";
import { db } from "@/lib/db";
import { findSession } from "@/lib/sessions/data";
import { deleteSessionByToken } from "@/lib/sessions/mutations";

/**
 * Auth.js's storage (auth.ts): the Prisma adapter, with sessions read and
 * ended through our own store — rows hold a hash of the token and a fixed
 * end, and the user comes back with only the fields the app may see (never
 * the password hash).
 */
export function authAdapter(): Adapter {
  return {
    ...PrismaAdapter(db),
    async getSessionAndUser(token) {
      const found = await findSession(token);
      if (!found) return null;
      return {
        session: { sessionToken: token, userId: found.user.id, expires: found.expires },
        user: { ...found.user, emailVerified: null },
      };
    },
    async deleteSession(token) {
      await deleteSessionByToken(token);
    },
    // Sessions have an absolute lifetime: never extended.
    async updateSession() {
      return null;
    },
  };
}
