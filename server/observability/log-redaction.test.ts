import { Writable } from "node:stream";
import { pino } from "pino";
import { describe, expect, test } from "vitest";
import { maskSecrets, redactionOptions } from "./log-redaction";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ ...redactionOptions }, stream), text: () => lines.join("") };
}

const TOKEN = "s3cr3t-T0ken-abcdefghijklmnopqrstuvwxyz0123456789";

describe("log redaction", () => {
  test("tokens never reach the log, whatever field or message carries them", () => {
    const { logger, text } = capture();
    logger.info({ token: TOKEN, user: { password: TOKEN, linkToken: TOKEN } }, "fields");
    logger.info({ headers: { authorization: `Bearer ${TOKEN}`, cookie: `vigil_session=${TOKEN}` } }, "headers");
    logger.info({ req: { headers: { authorization: `Bearer ${TOKEN}` } } }, "request headers");
    logger.info({ url: `/m/alerts/0b7c?t=${TOKEN}` }, "link");
    logger.error({ err: new Error(`push failed for https://push.example/send?token=${TOKEN}`) }, "provider");
    logger.error({ err: new Error(`upstream said: Authorization: Bearer ${TOKEN}`) }, "provider");
    expect(text()).not.toContain(TOKEN);
    expect(text()).toContain("[Redacted]");
    expect(text()).toContain("/m/alerts/0b7c?t=[Redacted]");
  });

  test("masking keeps the rest of the text", () => {
    expect(maskSecrets(`GET /m/alerts/1?x=2&t=${TOKEN}#top`)).toBe("GET /m/alerts/1?x=2&t=[Redacted]#top");
    expect(maskSecrets(`__Host-vigil_session=${TOKEN}; theme=dark`)).toBe(
      "__Host-vigil_session=[Redacted]; theme=dark",
    );
  });
});
