// The push channel against the local fake push service (the real web-push
// package): destinations are checked when the connection opens, the
// connection goes to the checked address, redirects are not followed, and
// what a push service says in an error body stays out of the error a tenant
// reads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeProviders, type FakeProviders } from "../../test/harness/fake-providers";
import { parseEnv } from "../env";
import { createPushChannel } from "./push-channel";
import { forbiddenRange, resolvePushHost, type ResolveHost } from "./push-destination";

let fake: FakeProviders;
const message = {
  title: "Panic",
  body: "Gate 3",
  url: "https://noc.vigil.test/m/alerts/1",
  tag: "a",
  severity: "critical",
};

beforeAll(async () => {
  fake = await startFakeProviders();
});
afterAll(() => fake?.close());

/** A fake DNS: each name answers what the test says, the latest answer first. */
function fakeDns(answers: Record<string, string[]>): ResolveHost & { asked: string[] } {
  const asked: string[] = [];
  const resolve = async (hostname: string) => {
    asked.push(hostname);
    const address = answers[hostname]?.shift();
    if (!address) throw Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return [{ address, family: address.includes(":") ? 6 : 4 }];
  };
  return Object.assign(resolve, { asked });
}

const channelWith = (resolve: ResolveHost) => createPushChannel(parseEnv(fake.vigilEnv), { resolve });
const onHost = (endpoint: string, host: string) => endpoint.replace("127.0.0.1", host);
const pushesTo = (endpoint: string) => fake.requests.filter((r) => r.provider === "push" && endpoint.endsWith(r.path));

describe("push destinations", () => {
  it("only public unicast addresses are allowed, IPv4 and IPv6, whatever their spelling", () => {
    const refused = {
      "127.0.0.1": "loopback",
      "::1": "loopback",
      "10.1.2.3": "private",
      "172.16.0.1": "private",
      "192.168.1.1": "private",
      "169.254.169.254": "linkLocal",
      "100.100.100.200": "carrierGradeNat",
      "0.0.0.0": "unspecified",
      "fd00:ec2::254": "uniqueLocal",
      "fe80::1": "linkLocal",
      "::ffff:10.0.0.1": "private",
      "::ffff:169.254.169.254": "linkLocal",
      "224.0.0.1": "multicast",
    };
    for (const [address, range] of Object.entries(refused)) {
      expect(forbiddenRange(address, { allowLoopback: false }), address).toBe(range);
    }
    for (const address of ["142.250.74.10", "2a00:1450:4001:80b::200a"]) {
      expect(forbiddenRange(address, { allowLoopback: false }), address).toBeNull();
    }
    expect(forbiddenRange("127.0.0.1", { allowLoopback: true })).toBeNull();
    expect(forbiddenRange("10.1.2.3", { allowLoopback: true })).toBe("private");
  });

  it("a name is refused when any of its addresses is not public", async () => {
    const resolve: ResolveHost = async () => [
      { address: "142.250.74.10", family: 4 },
      { address: "10.0.0.7", family: 4 },
    ];
    await expect(resolvePushHost("push.split.test", { allowLoopback: false, resolve })).rejects.toThrow(
      /10\.0\.0\.7, a private address/,
    );
  });

  it("the connection opens to the address that passed the check: a name rebound to the metadata service is not called", async () => {
    const phone = fake.pushSubscription();
    const target = { endpoint: onHost(phone.endpoint, "push.rebind.test"), ...phone.keys };
    // First answer public-enough for a test (loopback is allowed beside the fake), then the metadata address.
    const dns = fakeDns({ "push.rebind.test": ["127.0.0.1", "169.254.169.254"] });
    const channel = channelWith(dns);
    await expect(channel.send(target, message, { ttlSeconds: 60 })).resolves.toMatchObject({ outcome: "sent" });
    expect(pushesTo(phone.endpoint)).toHaveLength(1);
    await expect(channel.send(target, message, { ttlSeconds: 60 })).rejects.toThrow(
      "push endpoint refused: not a public address",
    );
    expect(pushesTo(phone.endpoint)).toHaveLength(1);
    expect(dns.asked).toEqual(["push.rebind.test", "push.rebind.test"]);
  });

  it("an address literal is checked before any connection", async () => {
    const channel = channelWith(fakeDns({}));
    for (const host of ["169.254.169.254", "10.0.0.1", "[::ffff:a9fe:a9fe]", "[fd00:ec2::254]"]) {
      await expect(
        channel.send({ endpoint: `https://${host}/push/x`, p256dh: "k", auth: "a" }, message, { ttlSeconds: 60 }),
      ).rejects.toThrow("push endpoint refused: not a public address");
    }
  });

  it("a redirect is not followed", async () => {
    const phone = fake.pushSubscription();
    const elsewhere = fake.pushSubscription();
    fake.answerPush(phone.endpoint, 307, { headers: { location: elsewhere.endpoint } });
    await expect(
      channelWith(fakeDns({})).send({ endpoint: phone.endpoint, ...phone.keys }, message, { ttlSeconds: 60 }),
    ).rejects.toThrow("push service answered 307 (redirects are not followed)");
    expect(pushesTo(phone.endpoint)).toHaveLength(1);
    expect(pushesTo(elsewhere.endpoint)).toHaveLength(0);
  });

  it("a push service's error body is not in the error the tenant reads", async () => {
    const phone = fake.pushSubscription();
    fake.answerPush(phone.endpoint, 400, { body: "internal: upstream 10.9.8.7 rejected key sk_live_123" });
    const error = await channelWith(fakeDns({}))
      .send({ endpoint: phone.endpoint, ...phone.keys }, message, { ttlSeconds: 60 })
      .catch((e: Error) => e);
    expect((error as Error).message).toBe("push service answered 400");
  });
});
