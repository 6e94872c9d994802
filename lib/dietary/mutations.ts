import "server-only";
import { db } from "@/lib/db";
import type { DietaryProfile } from "./schema";

/** Save any of the three (the others stay); the first save creates the profile. */
export async function saveDietaryProfile(userId: string, patch: Partial<DietaryProfile>): Promise<void> {
  const data = {
    ...(patch.needs !== undefined && { needs: patch.needs.join(",") }),
    ...(patch.other !== undefined && { other: patch.other }),
    ...(patch.share !== undefined && { share: patch.share }),
  };
  await db.dietaryProfile.upsert({
    where: { userId },
    create: { userId, ...data },
    update: data,
    select: { userId: true },
  });
}
