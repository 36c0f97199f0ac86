// The API path of one guard (ids may hold ":" and ".", so they are encoded).
export const guardApi = (externalId: string) => `/api/v1/guards/${encodeURIComponent(externalId)}`;
