import { signOutHere } from "@/auth";
import { apiRoute, ignoreJsonBody, methodNotAllowed, noContent, requireApiUser } from "@/lib/http/api";

export const POST = apiRoute(async (req) => {
  await requireApiUser();
  await ignoreJsonBody(req);
  await signOutHere();
  return noContent();
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed("POST");
