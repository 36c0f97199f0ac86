// What a contact's push subscription made through a signed link was made
// for: the contact's addresses and account at that time. When any of them
// changes (another person now holds the contact), the subscription stops
// getting pushes. Migration 0012 computes the same md5 in SQL.
import { createHash } from "node:crypto";

export type ContactAddresses = { email: string | null; phone: string | null; userId: string | null };

export function contactFingerprint({ email, phone, userId }: ContactAddresses): string {
  return createHash("md5")
    .update(`${email ?? ""}|${phone ?? ""}|${userId ?? ""}`)
    .digest("hex");
}
