import { ApiError, toErrorResponse } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

function notFound(request: Request): Response {
  const { pathname } = new URL(request.url);
  return toErrorResponse(
    new ApiError(404, "not_found", `There is no API route at ${pathname.slice(0, 200)}. See "Our API" in README.md.`),
  );
}

// ANY /api/* not matched above – the error envelope instead of an HTML 404 page
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
