import { requireApiUser } from "@/lib/auth/loaders";
import { signOutHere } from "@/lib/auth/sign-in";
import { apiRoute, ignoreJsonBody, methodNotAllowed, noContent } from "@/lib/http/api";

export const POST = apiRoute(async (req) => {
  await requireApiUser();
  await ignoreJsonBody(req);
  await signOutHere();
  return noContent();
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
