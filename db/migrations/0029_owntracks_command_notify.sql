-- Hand-written (issue 18): a command queued for a device notifies the web
-- processes, whichever code queued it (the API, the check-in and man-down
-- workers, the OwnTracks waypoint sync), so that an OwnTracks phone in HTTP
-- mode gets it in the answer to its next post without every post having to
-- query for waiting commands (server/ingest/http/owntracks-command-claims.ts).
-- The payload is the device's external id; delivered at commit.
CREATE FUNCTION "device_command_queued_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('vigil_device_command_queued', d."external_id") FROM "devices" d WHERE d."id" = NEW."device_id";
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "device_commands_queued_notify" AFTER INSERT OR UPDATE ON "device_commands"
FOR EACH ROW WHEN (NEW."status" = 'queued') EXECUTE FUNCTION "device_command_queued_notify"();
