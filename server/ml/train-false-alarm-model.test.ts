// The false-alarm model learns a pattern a NOC would recognise: one faulty
// door sensor that keeps alarming at night, almost always for nothing.
import { describe, expect, test } from "vitest";
import { loadModel } from "./false-alarm-model";
import { seededRandom } from "./split-examples";
import { NotEnoughHistory, trainFalseAlarmModel, type LabelledAlert } from "./train-false-alarm-model";

const SITES = ["site-a", "site-b", "site-c"];

function simulatedHistory(count: number, seed = 11): LabelledAlert[] {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, () => {
    const faultyDoor = random() < 0.35;
    if (faultyDoor) {
      const night = random() < 0.8;
      const hour = night ? Math.floor(random() * 6) : 8 + Math.floor(random() * 10);
      return {
        type: "intrusion",
        siteId: "site-b",
        deviceId: "door-7",
        deviceKind: "sensor",
        sensorKind: "door",
        hour,
        weekday: 1 + Math.floor(random() * 7),
        recentAlerts: 8 + Math.floor(random() * 20),
        battery: 20 + random() * 30,
        signalDbm: -95 + random() * 10,
        falseAlarm: night ? random() < 0.92 : random() < 0.3,
      };
    }
    const type = pick(["intrusion", "activity", "fire"]);
    return {
      type,
      siteId: pick(SITES),
      deviceId: `sensor-${Math.floor(random() * 12)}`,
      deviceKind: "sensor",
      sensorKind: type === "fire" ? "smoke" : type === "intrusion" ? "door" : "motion",
      hour: Math.floor(random() * 24),
      weekday: 1 + Math.floor(random() * 7),
      recentAlerts: Math.floor(random() * 3),
      battery: 40 + random() * 60,
      signalDbm: -90 + random() * 40,
      falseAlarm: random() < 0.15,
    };
  });
}

describe("trainFalseAlarmModel", () => {
  test("beats the base rate on the held-out split when a door sensor false-alarms at night", async () => {
    const epochs: number[] = [];
    const result = await trainFalseAlarmModel({
      examples: simulatedHistory(600),
      epochs: 40,
      onEpoch: (report) => void epochs.push(report.epoch),
    });
    expect(result.status).toBe("completed");
    if (result.status !== "completed") return;
    const { metrics } = result;
    expect(epochs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(metrics.testExamples).toBeGreaterThan(100);
    expect(metrics.baseRate).toBeGreaterThan(0.25);
    expect(metrics.testAccuracy).toBeGreaterThan(metrics.baselineAccuracy + 0.05);
    expect(metrics.testAuc).toBeGreaterThan(0.8);

    // The stored model, loaded again, scores the faulty door at night far above a daytime smoke alarm.
    const model = await loadModel(JSON.parse(JSON.stringify(result.model)));
    const [doorAtNight, smokeByDay] = await model.predict([
      {
        type: "intrusion",
        siteId: "site-b",
        deviceId: "door-7",
        deviceKind: "sensor",
        sensorKind: "door",
        hour: 2,
        weekday: 3,
        recentAlerts: 15,
        battery: 30,
        signalDbm: -90,
      },
      {
        type: "fire",
        siteId: "site-a",
        deviceId: "sensor-3",
        deviceKind: "sensor",
        sensorKind: "smoke",
        hour: 14,
        weekday: 3,
        recentAlerts: 0,
        battery: 90,
        signalDbm: -60,
      },
    ]);
    expect(doorAtNight).toBeGreaterThan(0.5);
    expect(smokeByDay).toBeLessThan(0.3);
  }, 60_000);

  test("stops between epochs when asked", async () => {
    const result = await trainFalseAlarmModel({
      examples: simulatedHistory(200),
      epochs: 50,
      onEpoch: ({ epoch }) => epoch < 3,
    });
    expect(result).toEqual({ status: "stopped", epochsRun: 3 });
  }, 30_000);

  test("refuses to train without enough alerts of each outcome", async () => {
    const onlyReal = simulatedHistory(100).map((e) => ({ ...e, falseAlarm: false }));
    await expect(trainFalseAlarmModel({ examples: onlyReal, epochs: 5 })).rejects.toThrow(NotEnoughHistory);
  });
});
