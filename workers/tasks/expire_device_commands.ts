// Marks commands the device never finished before their expiry as expired.
import type { Task } from "graphile-worker";

export const expire_device_commands: Task = async (_raw, helpers) => {
  const result = await helpers.query(
    `update device_commands set status = 'expired'
     where status in ('queued', 'sent', 'received') and expires_at < now()`,
  );
  if (result.rowCount) helpers.logger.info(`expired ${result.rowCount} commands`);
};
