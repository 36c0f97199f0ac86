ALTER TABLE "push_subscriptions" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "push_subscriptions" ADD COLUMN "contact_fingerprint" text;--> statement-breakpoint
-- Subscriptions already made through a signed link expire 30 days after they were made (at the earliest a day
-- from now) and keep to the contact's current addresses (the same md5 as contact-fingerprint.ts).
UPDATE "push_subscriptions" s SET
  "expires_at" = greatest(s."created_at" + interval '30 days', now() + interval '1 day'),
  "contact_fingerprint" = md5(coalesce(c."email", '') || '|' || coalesce(c."phone", '') || '|' || coalesce(c."user_id"::text, ''))
FROM "contacts" c
WHERE c."id" = s."contact_id";
