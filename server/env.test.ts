import { describe, expect, test } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv defaults", () => {
  test("an empty environment gives the all-in-one defaults", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      NODE_ENV: "development",
      HOST: "0.0.0.0",
      PORT: 3000,
      VIGIL_DATA_DIR: "./.vigil",
      VIGIL_ROLES: ["web", "ingest", "worker"],
      VIGIL_DEV_SERVER: false,
      EMBEDDED_PG_PORT: 54329,
      MQTT_PORT: 1883,
      MQTT_ALLOW_ANONYMOUS: false,
      MQTT_CONNECT_TIMEOUT_MS: 5000,
      MQTT_MAX_PENDING_PER_ADDRESS: 1000,
      MQTT_PUBLISH_RATE_PER_CLIENT: 20,
      MQTT_PUBLISH_BURST_PER_CLIENT: 500,
      ADMIN_EMAIL: "admin@vigil.local",
      LOG_LEVEL: "info",
      INGEST_MAX_PAYLOAD_BYTES: 65536,
      INGEST_BATCH_MAX_ROWS: 500,
      INGEST_BATCH_MAX_WAIT_MS: 0,
      WORKER_CONCURRENCY: 4,
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.MQTT_URL).toBeUndefined();
    expect(env.ADMIN_PASSWORD).toBeUndefined();
  });

  test("the parsed config is frozen", () => {
    const env = parseEnv({});
    expect(Object.isFrozen(env)).toBe(true);
  });

  test("variables it does not know are ignored", () => {
    expect(() => parseEnv({ PATH: "/usr/bin", HOME: "/root" })).not.toThrow();
  });

  test("numbers are parsed from text", () => {
    const env = parseEnv({ PORT: "8080", MQTT_PORT: "0", INGEST_BATCH_MAX_ROWS: "100" });
    expect(env).toMatchObject({ PORT: 8080, MQTT_PORT: 0, INGEST_BATCH_MAX_ROWS: 100 });
  });

  test.each([
    ["true", true],
    ["1", true],
    ["false", false],
    ["0", false],
  ])("MQTT_ALLOW_ANONYMOUS=%s reads as %s", (value, expected) => {
    expect(parseEnv({ MQTT_ALLOW_ANONYMOUS: value }).MQTT_ALLOW_ANONYMOUS).toBe(expected);
  });

  test("VIGIL_ROLES is a comma list with spaces and empty items ignored", () => {
    expect(parseEnv({ VIGIL_ROLES: " web , ingest,," }).VIGIL_ROLES).toEqual(["web", "ingest"]);
  });

  test.each(["PORT", "MQTT_PORT", "EMBEDDED_PG_PORT", "DATABASE_URL", "MQTT_URL", "VIGIL_ROLES", "ADMIN_PASSWORD"])(
    "an empty %s counts as unset (a `NAME=` line in a .env file)",
    (name) => {
      expect(parseEnv({ [name]: "" })).toEqual(parseEnv({}));
    },
  );
});

describe("parseEnv rejects invalid values naming the variable", () => {
  test.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["PORT", "-1"],
    ["PORT", "80.5"],
    ["MQTT_PORT", "http"],
    ["EMBEDDED_PG_PORT", "99999"],
    ["VIGIL_ROLES", "web,cron"],
    ["VIGIL_ROLES", ","],
    ["VIGIL_INSTANCE_ID", "node 1"],
    ["VIGIL_DEV_SERVER", "yes"],
    ["MQTT_ALLOW_ANONYMOUS", "on"],
    ["MQTT_SHARED_SUBSCRIPTION", "vigil/group"],
    ["MQTT_CONNECT_TIMEOUT_MS", "0"],
    ["MQTT_MAX_PENDING_PER_ADDRESS", "0"],
    ["MQTT_PUBLISH_RATE_PER_CLIENT", "-1"],
    ["MQTT_PUBLISH_BURST_PER_CLIENT", "0"],
    ["ADMIN_EMAIL", "not-an-email"],
    ["ADMIN_PASSWORD", "short"],
    ["PUBLIC_URL", "vigil.example.com"],
    ["NODE_ENV", "staging"],
    ["LOG_LEVEL", "verbose"],
    ["INGEST_MAX_PAYLOAD_BYTES", "100"],
    ["INGEST_BATCH_MAX_ROWS", "0"],
    ["INGEST_BATCH_MAX_WAIT_MS", "5000"],
    ["WORKER_CONCURRENCY", "many"],
    ["ML_RETRAIN_CRON", "nightly"],
  ])("%s=%j", (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(new RegExp(`Invalid configuration:\\n\\s+${name}(\\.\\d+)?: `));
  });

  test("every invalid variable is listed, not just the first", () => {
    let message = "";
    try {
      parseEnv({ PORT: "x", LOG_LEVEL: "loud", ADMIN_EMAIL: "nope" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/\bPORT: /);
    expect(message).toMatch(/\bLOG_LEVEL: /);
    expect(message).toMatch(/\bADMIN_EMAIL: /);
  });

  test("ML_RETRAIN_CRON is a cron line by default and off when asked", () => {
    expect(parseEnv({}).ML_RETRAIN_CRON).toBe("30 2 * * *");
    expect(parseEnv({ ML_RETRAIN_CRON: "0 4 * * 1" }).ML_RETRAIN_CRON).toBe("0 4 * * 1");
    expect(parseEnv({ ML_RETRAIN_CRON: "off" }).ML_RETRAIN_CRON).toBeNull();
  });
});

describe("HTTP settings", () => {
  test("TRUSTED_PROXIES is a comma list of addresses, CIDRs and proxy-addr names; unset trusts nobody", () => {
    expect(parseEnv({}).TRUSTED_PROXIES).toEqual([]);
    expect(parseEnv({ TRUSTED_PROXIES: "loopback, 10.0.0.0/8,,2001:db8::/32" }).TRUSTED_PROXIES).toEqual([
      "loopback",
      "10.0.0.0/8",
      "2001:db8::/32",
    ]);
  });

  test("a TRUSTED_PROXIES entry that is not an address is refused, naming the variable", () => {
    expect(() => parseEnv({ TRUSTED_PROXIES: "nginx.local" })).toThrow(/TRUSTED_PROXIES: addresses or CIDRs/);
  });

  test("/readyz and /metrics stay off the web port and bodies are capped at 1 MiB unless asked", () => {
    expect(parseEnv({})).toMatchObject({ OPS_ON_WEB_PORT: false, HTTP_MAX_BODY_BYTES: 1024 * 1024 });
    expect(parseEnv({ OPS_ON_WEB_PORT: "true" }).OPS_ON_WEB_PORT).toBe(true);
  });
});
