import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";
import { isLoopbackHost, productionProblems } from "./production-checks";

const strong = "k2VqP9xLz7Rw4Tn8Yb3Hc6Jd1Fg5Ms0Aq";
const production = {
  NODE_ENV: "production",
  HOST: "127.0.0.1",
  SESSION_SECRET: strong,
  PUBLIC_URL: "https://noc.acme-guards.test",
};
const firstWords = (problems: string[]) => problems.map((p) => p.split(" ")[0]);

/** deploy/systemd/vigil.env.example as systemd's EnvironmentFile= reads it. */
function shippedExample(): Record<string, string> {
  const text = readFileSync(path.join(__dirname, "../deploy/systemd/vigil.env.example"), "utf8");
  return Object.fromEntries(
    text
      .split("\n")
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
}

describe("production checks", () => {
  it("development starts with no secrets set", () => {
    expect(productionProblems(parseEnv({}))).toEqual([]);
  });

  it("production refuses a missing or weak session secret, anonymous MQTT and a non-https public URL, naming each", () => {
    const problems = productionProblems(
      parseEnv({
        ...production,
        SESSION_SECRET: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        MQTT_ALLOW_ANONYMOUS: "true",
        PUBLIC_URL: "http://noc.acme-guards.test",
      }),
    );
    expect(firstWords(problems)).toEqual(["SESSION_SECRET", "MQTT_ALLOW_ANONYMOUS", "PUBLIC_URL"]);
  });

  it("production with a strong secret, https and the embedded broker on loopback starts", () => {
    expect(productionProblems(parseEnv(production))).toEqual([]);
  });

  it("production refuses plain-http push endpoints and a half-configured web push", () => {
    const problems = productionProblems(
      parseEnv({ ...production, WEB_PUSH_ALLOW_HTTP: "true", VAPID_SUBJECT: "mailto:noc@acme-guards.test" }),
    );
    expect(firstWords(problems)).toEqual(["WEB_PUSH_ALLOW_HTTP", "Web"]);
  });

  it("production refuses every placeholder of the shipped vigil.env.example, naming each setting", () => {
    // NODE_ENV=production comes from the systemd units, not from the example file.
    const problems = productionProblems(parseEnv({ ...shippedExample(), NODE_ENV: "production" }));
    expect(firstWords(problems)).toEqual([
      "MQTT_PASSWORD",
      "DATABASE_URL",
      "MQTT_PASSWORD",
      "SESSION_SECRET",
      "PUBLIC_URL",
      "ADMIN_EMAIL",
    ]);
  });

  it("any value holding CHANGE-ME is refused, whatever the setting and case", () => {
    const problems = productionProblems(parseEnv({ ...production, TWILIO_AUTH_TOKEN: "change-me-later" }));
    expect(problems).toEqual([
      "TWILIO_AUTH_TOKEN still holds the CHANGE-ME placeholder of vigil.env.example: set a real value.",
    ]);
  });

  it("an external broker needs a user name and a strong MQTT_PASSWORD", () => {
    const external = { ...production, MQTT_URL: "mqtts://broker.acme-guards.test:8883" };
    expect(firstWords(productionProblems(parseEnv({ ...external, MQTT_PASSWORD: "vigil123" })))).toEqual([
      "MQTT_USERNAME",
      "MQTT_PASSWORD",
    ]);
    expect(
      firstWords(productionProblems(parseEnv({ ...external, MQTT_USERNAME: "vigil", MQTT_PASSWORD: "x".repeat(40) }))),
    ).toEqual(["MQTT_PASSWORD"]);
    expect(productionProblems(parseEnv({ ...external, MQTT_USERNAME: "vigil", MQTT_PASSWORD: strong }))).toEqual([]);
  });

  it("the embedded broker's plaintext MQTT on a non-loopback address needs MQTT_ALLOW_PLAINTEXT", () => {
    for (const HOST of ["0.0.0.0", "::", "10.0.0.5", "noc.acme-guards.test"]) {
      expect(firstWords(productionProblems(parseEnv({ ...production, HOST })))).toEqual(["MQTT_ALLOW_PLAINTEXT"]);
      expect(productionProblems(parseEnv({ ...production, HOST, MQTT_ALLOW_PLAINTEXT: "true" }))).toEqual([]);
    }
    for (const HOST of ["127.0.0.1", "127.0.0.2", "::1", "localhost", "[::1]", "::ffff:127.0.0.1"]) {
      expect(isLoopbackHost(HOST)).toBe(true);
    }
  });
});
