// Where Vigil may send a web push: only to public addresses. A push endpoint
// is a URL a tenant (or a link holder) gives us, so without this check Vigil
// would POST to the cloud metadata service, the database or the LAN on their
// behalf. The host is resolved and every address it has must be public
// unicast (ipaddr.js's ranges: no loopback, private, link-local, CGNAT,
// unique-local, multicast, reserved, or IPv4 hidden in IPv6). The connection
// itself goes through `checkedLookup`, so it opens to an address that passed
// the check in the same lookup: a name that resolves to a public address at
// registration and to 169.254.169.254 a second later (DNS rebinding) is
// refused at connect. With WEB_PUSH_ALLOW_HTTP (tests' fake push service,
// refused in production) loopback is allowed too.
import dns from "node:dns";
import type { LookupFunction } from "node:net";
import net from "node:net";
import { parse as legacyParse } from "node:url";
import ipaddr from "ipaddr.js";

export type ResolvedAddress = { address: string; family: number };
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>;
export type DestinationOptions = { allowLoopback: boolean; resolve?: ResolveHost };

export class PushDestinationError extends Error {}

const systemResolve: ResolveHost = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

/** null when Vigil may connect to this address; else the range it is in ("private", "linkLocal"...). */
export function forbiddenRange(address: string, { allowLoopback }: { allowLoopback: boolean }): string | null {
  if (!ipaddr.isValid(address)) return "not an IP address";
  const range = ipaddr.process(address).range();
  if (range === "unicast" || (range === "loopback" && allowLoopback)) return null;
  return range;
}

/** The host's addresses, all of them allowed, or a PushDestinationError. */
export async function resolvePushHost(hostname: string, options: DestinationOptions): Promise<ResolvedAddress[]> {
  const bare = hostname.replace(/^\[|\]$/g, "");
  const literal = net.isIP(bare);
  const addresses = literal ? [{ address: bare, family: literal }] : await (options.resolve ?? systemResolve)(bare);
  if (addresses.length === 0) throw new PushDestinationError(`${hostname} has no address`);
  for (const { address } of addresses) {
    const range = forbiddenRange(address, options);
    if (range) throw new PushDestinationError(`${hostname} is ${address}, a ${range} address`);
  }
  return addresses;
}

/**
 * The host web-push will connect to. It parses endpoints with the legacy url.parse(); an endpoint the two
 * parsers read differently (a trick to pass one host to the check and another to the request) is refused.
 */
export function pushHost(endpoint: string): string {
  const whatwg = new URL(endpoint).hostname.replace(/^\[|\]$/g, "");
  const legacy = legacyParse(endpoint).hostname ?? "";
  if (legacy !== whatwg) throw new PushDestinationError("the endpoint's host is ambiguous");
  return whatwg;
}

/** For http(s).Agent's `lookup`: the connection opens only to addresses that passed the check. */
export function checkedLookup(options: DestinationOptions): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    resolvePushHost(hostname, options).then(
      (addresses) => {
        if (lookupOptions.all) return callback(null, addresses);
        const [first] = addresses;
        callback(null, first!.address, first!.family);
      },
      (error: Error) => callback(Object.assign(error, { code: "EPUSHDESTINATION" }), "", 0),
    );
  };
}
