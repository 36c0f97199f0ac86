// The liveness check (server/liveness/check-liveness.ts) at 10,000 devices:
// one phone per bench guard, every guard assigned to a site (so the man-down
// query aggregates their recent fixes), one in ten silent for 200 s. The first
// run takes those 1,000 offline and raises their alerts; later runs are the
// steady state a minute's cron sees.
import postgres from "postgres";
import { checkLiveness } from "../../server/liveness/check-liveness";
import type { Broadcaster } from "../../server/realtime/broadcaster";

const quiet: Broadcaster = { toTenant: () => {}, toUser: () => {} };

export async function livenessBench(
  databaseUrl: string,
  guards: string[],
): Promise<{ firstMs: number; offline: number; steadyMs: number[] }> {
  const sql = postgres(databaseUrl, { max: 4, onnotice: () => {} });
  try {
    const [tenant] = await sql<{ id: string }[]>`select id from tenants order by created_at limit 1`;
    const [site] = await sql<{ id: string }[]>`
      insert into sites (tenant_id, name) values (${tenant!.id}, 'Bench site') returning id`;
    await sql`
      insert into guard_assignments (tenant_id, guard_id, site_id)
      select g.tenant_id, g.id, ${site!.id} from guards g where g.external_id = any(${guards}::text[])
      on conflict do nothing`;
    await sql`
      insert into devices (tenant_id, external_id, kind, guard_id, secret_hash, last_seen_at)
      select g.tenant_id, 'bench-phone-' || g.external_id, 'guard-phone', g.id, 'not-a-secret',
             now() - case when row_number() over (order by g.external_id) % 10 = 0 then interval '200 seconds'
                          else interval '5 seconds' end
      from guards g where g.external_id = any(${guards}::text[])
      on conflict do nothing`;
    let t0 = performance.now();
    const first = await checkLiveness(sql, quiet);
    const firstMs = performance.now() - t0;
    const steadyMs: number[] = [];
    for (let i = 0; i < 5; i++) {
      t0 = performance.now();
      await checkLiveness(sql, quiet);
      steadyMs.push(performance.now() - t0);
    }
    return { firstMs, offline: first.offline, steadyMs: steadyMs.sort((a, b) => a - b) };
  } finally {
    await sql.end();
  }
}
