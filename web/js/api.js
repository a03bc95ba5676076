// The JSON API (schemas/api/): every call resolves to the parsed body or
// throws an ApiError whose message a person can read.

export class ApiError extends Error {
  constructor(message, code, status) {
    super(message);
    this.name = "ApiError";
    this.code = code;      // the API's error.code, or "unreachable"
    this.status = status;  // HTTP status; 0 when the server did not answer
  }
}

export const UNREACHABLE_MESSAGE =
  "The newsfacet server can’t be reached. Check that it is still running, then try again.";

export async function getJson(path, params, signal) {
  const query = params ? params.toString() : "";
  const url = query ? `${path}?${query}` : path;
  let response;
  let body = null;
  try {
    response = await fetch(url, { signal, headers: { Accept: "application/json" } });
    body = await response.json().catch(() => null);
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new ApiError(UNREACHABLE_MESSAGE, "unreachable", 0);
  }
  if (!response.ok || body === null || typeof body !== "object") {
    const message = body?.error?.message ||
      `The server answered ${response.status}${response.statusText ? " " + response.statusText : ""}.`;
    throw new ApiError(message, body?.error?.code || "http_error", response.status);
  }
  return body;
}

export const isAbort = error => error?.name === "AbortError";
