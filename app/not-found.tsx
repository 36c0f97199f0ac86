// Any address Vigil has no page for, and pages whose row does not exist or is
// another tenant's (an alert, a guard, a device, a site): the same answer for
// both, so a page never confirms that someone else's row exists.
import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: { absolute: "Not found · Vigil" } };

export default function NotFound() {
  return (
    <main className="boundary">
      <section>
        <h1>Not found</h1>
        <p className="muted">
          There is no such page, or what it shows (an alert, a guard, a device, a site) does not exist in your
          organisation. Check the address, or find it from the lists.
        </p>
        <div className="actions">
          <Link className="btn" href="/">
            NOC map
          </Link>
          <Link className="btn-ghost" href="/alerts">
            Alert history
          </Link>
        </div>
      </section>
    </main>
  );
}
