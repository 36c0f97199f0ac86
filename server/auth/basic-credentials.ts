// The user and password of an HTTP `Authorization: Basic` header: how devices
// log in over HTTP (OwnTracks's HTTP mode, the guard app's reads).

export function basicCredentials(header: string | null | undefined): { user: string; password: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return null;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
