import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";
import { productionProblems } from "./production-checks";

const strong = "k2VqP9xLz7Rw4Tn8Yb3Hc6Jd1Fg5Ms0Aq";

describe("production checks", () => {
  it("development starts with no secrets set", () => {
    expect(productionProblems(parseEnv({}))).toEqual([]);
  });

  it("production refuses a missing or weak session secret, anonymous MQTT and a non-https public URL, naming each", () => {
    const problems = productionProblems(
      parseEnv({
        NODE_ENV: "production",
        SESSION_SECRET: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        MQTT_ALLOW_ANONYMOUS: "true",
        PUBLIC_URL: "http://noc.example.com",
      }),
    );
    expect(problems.map((p) => p.split(" ")[0])).toEqual(["SESSION_SECRET", "MQTT_ALLOW_ANONYMOUS", "PUBLIC_URL"]);
  });

  it("production with a strong secret and https starts", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      SESSION_SECRET: strong,
      PUBLIC_URL: "https://noc.example.com",
    });
    expect(productionProblems(env)).toEqual([]);
  });

  it("production refuses plain-http push endpoints and a half-configured web push", () => {
    const problems = productionProblems(
      parseEnv({
        NODE_ENV: "production",
        SESSION_SECRET: strong,
        PUBLIC_URL: "https://noc.example.com",
        WEB_PUSH_ALLOW_HTTP: "true",
        VAPID_SUBJECT: "mailto:noc@example.com",
      }),
    );
    expect(problems.map((p) => p.split(" ")[0])).toEqual(["WEB_PUSH_ALLOW_HTTP", "Web"]);
  });
});
