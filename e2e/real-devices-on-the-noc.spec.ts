// Persona: the operator watches the NOC while the devices a guard company
// already owns report in their own protocols. A guard's fix sent as OwnTracks
// over MQTT, then as OwnTracks over HTTP, then as Traccar Client's OsmAnd
// query moves the guard on the map, each time; a Zigbee2MQTT smoke detector
// and door contact behind a site gateway put their alarms in the queue.
// Payloads are the protocols' own: OwnTracks's `_type: location`
// (owntracks.org/booklet/tech/json) posted as its HTTP mode does
// (booklet/tech/http: Basic auth, X-Limit-U/X-Limit-D), OsmAnd's query form
// (traccar.org/osmand: id, lat, lon, timestamp, accuracy), and Zigbee2MQTT's
// device states (zigbee2mqtt.io/devices/HS1SA.html: smoke, battery_low,
// tamper, battery; /devices/MCCGQ11LM.html: contact false = open, battery,
// voltage, device_temperature).
import path from "node:path";
import { gatewaySensorId } from "../server/contracts/mqtt-identity";
import {
  expect,
  forgetGuardPositions,
  publish,
  registerGuardWithPhone,
  resolveOpenAlerts,
  screenshotDir,
  signIn,
  test,
  type MqttCredentials,
} from "./fixtures";
import { markerCentre } from "./map-markers";

// Far from the other tests' guards, so this guard's marker is the only one in view.
const START = { lat: 13.3, lon: 77.9 };
const M_PER_DEG = 111_320;
const NORTH = { lat: START.lat + 300 / M_PER_DEG, lon: START.lon };
const NORTH_EAST = { lat: NORTH.lat, lon: START.lon + 300 / (M_PER_DEG * Math.cos((START.lat * Math.PI) / 180)) };
// Each fix is the newest (fractions of a second apart at worst), and fresh: an older one draws an offline marker.
const now = () => Date.now() / 1000;
const fixed = (n: number) => n.toFixed(5);

type Registered = { mqtt: MqttCredentials; trackingKey: string };

test.afterAll(async ({ vigil }) => forgetGuardPositions(vigil, "guard-rd-%"));

test("a fix in each protocol moves the guard on the NOC map", async ({ page, api, vigil }) => {
  test.setTimeout(90_000);
  const suffix = Date.now().toString(36);
  const guard = { externalId: `guard-rd-${suffix}`, name: "Meena Iyer" };
  const { mqtt, trackingKey } = await registerGuardWithPhone(api, guard, `phone-rd-${suffix}`);

  await signIn(page, vigil);
  await expect(page.getByRole("status")).toHaveText("Live");
  const coords = page.getByTestId(`coords-${guard.externalId}`);
  const row = page.locator(`[data-guard="${guard.externalId}"]`);

  const start = await test.step("OwnTracks over MQTT: the guard appears", async () => {
    const fix = { _type: "location", ...START, acc: 8, batt: 76, tst: now() };
    await publish(vigil, mqtt, `owntracks/${mqtt.username}/phone`, fix);
    await expect(coords).toHaveText(`${fixed(START.lat)}, ${fixed(START.lon)} ±8 m`);
    await row.getByRole("button", { name: "Map" }).click();
    await expect.poll(() => markerCentre(page), { message: "a marker is drawn on the map" }).not.toBeNull();
    return (await markerCentre(page))!;
  });

  const north = await test.step("OwnTracks over HTTP: the guard moves 300 m north", async () => {
    const response = await fetch(`${vigil.url}/api/v1/ingest/owntracks`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Basic ${Buffer.from(`${mqtt.username}:${mqtt.password}`).toString("base64")}`,
        "x-limit-u": mqtt.username,
        "x-limit-d": "phone",
      },
      body: JSON.stringify({ _type: "location", ...NORTH, acc: 6, tst: now() }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([]);
    await expect(coords).toHaveText(`${fixed(NORTH.lat)}, ${fixed(NORTH.lon)} ±6 m`);
    await expect
      .poll(async () => start.y - ((await markerCentre(page))?.y ?? start.y), { message: "the marker moves up" })
      .toBeGreaterThan(10);
    const after = (await markerCentre(page))!;
    expect(Math.abs(after.x - start.x)).toBeLessThan(3);
    return after;
  });

  await test.step("Traccar Client (OsmAnd): the guard moves 300 m east", async () => {
    const query = new URLSearchParams({
      id: trackingKey,
      lat: String(NORTH_EAST.lat),
      lon: String(NORTH_EAST.lon),
      timestamp: new Date().toISOString(),
      accuracy: "5",
    });
    expect((await fetch(`${vigil.url}/api/v1/ingest/osmand?${query}`)).status).toBe(200);
    await expect(coords).toHaveText(`${fixed(NORTH_EAST.lat)}, ${fixed(NORTH_EAST.lon)} ±5 m`);
    await expect
      .poll(async () => ((await markerCentre(page))?.x ?? north.x) - north.x, { message: "the marker moves right" })
      .toBeGreaterThan(10);
    expect(Math.abs((await markerCentre(page))!.y - north.y)).toBeLessThan(3);
    await page.screenshot({ path: path.join(screenshotDir, "noc-real-devices.png") });
  });
});

test("a Zigbee2MQTT smoke detector and door contact behind a gateway show on the NOC", async ({ page, api, vigil }) => {
  const suffix = Date.now().toString(36);
  const allWeek = [1, 2, 3, 4, 5, 6, 7];
  const site = await api.post("/api/v1/sites", {
    data: {
      name: `Warehouse ${suffix}`,
      armedSchedule: [
        { days: allWeek, from: "00:00", to: "12:00" },
        { days: allWeek, from: "12:00", to: "00:00" },
      ],
    },
  });
  expect(site.status(), await site.text()).toBe(201);
  const siteId = ((await site.json()) as { id: string }).id;
  const registered = await api.post("/api/v1/devices", {
    data: { externalId: `gw-rd-${suffix}`, kind: "gateway", siteId },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  const gateway = (await registered.json()) as Registered & { externalId: string };
  await resolveOpenAlerts(api);

  await signIn(page, vigil);
  await expect(page.getByRole("status")).toHaveText("Live");
  const queue = page.getByRole("list", { name: "Open alerts" });
  const base = `zigbee2mqtt/${gateway.externalId}`;

  await test.step("smoke: a fire alarm from the detector, named as the gateway names it", async () => {
    await publish(vigil, gateway.mqtt, `${base}/hallway smoke`, {
      battery: 100,
      battery_low: false,
      smoke: true,
      tamper: false,
    });
    const item = queue.getByRole("listitem").filter({ hasText: gatewaySensorId(gateway.externalId, "hallway smoke")! });
    await expect(item).toContainText("FIRE");
    await expect(item).toContainText("hallway smoke");
  });

  await test.step("an opened door while the site is armed: an intrusion", async () => {
    await publish(vigil, gateway.mqtt, `${base}/front door`, {
      battery: 91,
      contact: false,
      device_temperature: 24,
      voltage: 3005,
    });
    const item = queue.getByRole("listitem").filter({ hasText: gatewaySensorId(gateway.externalId, "front door")! });
    await expect(item).toContainText("INTRUSION");
    await page.screenshot({ path: path.join(screenshotDir, "noc-zigbee2mqtt-alarms.png") });
  });
  await resolveOpenAlerts(api);
});

test("the admin makes a Zigbee2MQTT button's double press a panic on its device page, on a phone", async ({
  page,
  api,
  vigil,
}) => {
  const suffix = Date.now().toString(36);
  const registered = await api.post("/api/v1/devices", { data: { externalId: `gw-btn-${suffix}`, kind: "gateway" } });
  expect(registered.status(), await registered.text()).toBe(201);
  const gateway = (await registered.json()) as Registered & { externalId: string };
  const button = gatewaySensorId(gateway.externalId, "desk button")!;
  // Aqara WXKG11LM (zigbee2mqtt.io/devices/WXKG11LM.html): action single, double, triple, quadruple, hold, release.
  const press = (action: string) =>
    publish(vigil, gateway.mqtt, `zigbee2mqtt/${gateway.externalId}/desk button`, { action, battery: 100 });
  await press("single");
  await expect.poll(async () => (await api.get(`/api/v1/devices/${encodeURIComponent(button)}`)).status()).toBe(200);
  await resolveOpenAlerts(api);

  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, vigil);
  await page.goto(`/devices/${encodeURIComponent(button)}`);
  await expect(page.getByTestId("panic-actions")).toContainText("none mapped");
  await page.getByRole("button", { name: "Edit…" }).click();
  await page.getByLabel("Button actions that raise a panic").fill("double, hold");
  await page.getByRole("button", { name: "Save device" }).click();
  await expect(page.getByTestId("panic-actions")).toContainText("double, hold");
  await page.getByTestId("panic-actions").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(screenshotDir, "device-panic-actions-phone.png") });

  // The ingest hears of the change through the registry notification: press until the panic is raised.
  await expect
    .poll(
      async () => {
        await press("double");
        const open = (await (await api.get("/api/v1/alerts?status=open&type=panic&limit=50")).json()) as {
          sourceExternalId: string;
        }[];
        return open.some((a) => a.sourceExternalId === button);
      },
      { timeout: 15_000, intervals: [1000] },
    )
    .toBe(true);
  await resolveOpenAlerts(api);
});
