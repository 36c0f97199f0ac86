ALTER TABLE "users" ADD COLUMN "site_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
-- What a user limited to sites may see (server/auth/site-scope.ts): the rule written once, used by the presenters,
-- the Socket.IO site rooms and the notification recipients. A guard belongs to the sites they are assigned to; a
-- device to its site or its guard's sites; an alert to its site, or without one to its guard's or its device's.
CREATE FUNCTION "guard_in_sites"(guard uuid, site_ids uuid[]) RETURNS boolean LANGUAGE sql STABLE AS $$
  select exists (select 1 from guard_assignments a where a.guard_id = guard and a.site_id = any(site_ids))
$$;
--> statement-breakpoint
CREATE FUNCTION "device_in_sites"(device_site uuid, device_guard uuid, site_ids uuid[]) RETURNS boolean LANGUAGE sql STABLE AS $$
  select coalesce(device_site = any(site_ids), false) or guard_in_sites(device_guard, site_ids)
$$;
--> statement-breakpoint
CREATE FUNCTION "alert_in_sites"(alert_site uuid, alert_guard uuid, alert_device uuid, site_ids uuid[]) RETURNS boolean LANGUAGE sql STABLE AS $$
  select case when alert_site is not null then alert_site = any(site_ids)
    else guard_in_sites(alert_guard, site_ids)
      or exists (select 1 from devices d where d.id = alert_device and device_in_sites(d.site_id, d.guard_id, site_ids))
  end
$$;
--> statement-breakpoint
-- Whether a user (a contact's account, or none) may be told of an alert: anyone but an operator or supervisor
-- limited to sites none of which the alert belongs to (workers/tasks/notify_alert.ts skips those contacts).
CREATE FUNCTION "user_sees_alert"(who uuid, alert uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  select coalesce((
    select u.role not in ('operator', 'supervisor') or cardinality(u.site_ids) = 0
      or coalesce(alert_in_sites(a.site_id, a.guard_id, a.device_id, u.site_ids), false)
    from users u, alerts a where u.id = who and a.id = alert), true)
$$;
