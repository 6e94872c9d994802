import { signOutHere } from "@/auth";
import { apiRoute, methodNotAllowed, noContent, requireApiUser } from "@/lib/http/api";

export const POST = apiRoute(async () => {
  await requireApiUser();
  await signOutHere();
  return noContent();
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
