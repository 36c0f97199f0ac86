// A phone in OwnTracks's HTTP mode (owntracks.org/booklet/tech/http): it
// posts its JSON with HTTP Basic auth (the device's MQTT login) and names
// itself in X-Limit-U and X-Limit-D. A string or bytes are posted as they are.
export function postOwnTracks(
  baseUrl: string,
  login: { username: string; password: string },
  body: unknown,
  { deviceName = "pixel", headers = {} }: { deviceName?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  return fetch(`${baseUrl}/api/v1/ingest/owntracks`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${login.username}:${login.password}`).toString("base64")}`,
      "content-type": "application/json",
      "x-limit-u": login.username,
      "x-limit-d": deviceName,
      ...headers,
    },
    body: typeof body === "string" ? body : body instanceof Uint8Array ? new Uint8Array(body) : JSON.stringify(body),
  });
}
