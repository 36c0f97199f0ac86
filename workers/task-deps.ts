// What tasks need from the process besides the database: the downlink
// publisher and the realtime broadcaster.
import type { MqttPublisher } from "../server/infra/mqtt-publisher";
import type { Broadcaster } from "../server/realtime/broadcaster";

export type TaskDeps = { publisher: MqttPublisher; broadcaster: Broadcaster };
