import { errorJson } from "@/lib/http/api";

// Unknown API paths answer JSON, not the HTML 404 page.
function notFound() {
  return errorJson(404, "Not found.");
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
