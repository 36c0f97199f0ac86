// Hand-built MQTT packets as raw bytes, for tests that must send what no
// client library would (invalid UTF-8, empty topics, thousands of properties).
type Bytes = string | Buffer;

const bytes = (value: Bytes) => (typeof value === "string" ? Buffer.from(value, "utf8") : value);

/** MQTT's variable byte integer (remaining length, property length). */
function varInt(value: number): Buffer {
  const out: number[] = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

/** A length-prefixed string as MQTT encodes it; the bytes are sent as given. */
export function mqttString(value: Bytes): Buffer {
  const body = bytes(value);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(body.length);
  return Buffer.concat([length, body]);
}

/** A fixed header byte, the remaining length, then the body. */
export function mqttPacket(firstByte: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([firstByte]), varInt(body.length), body]);
}

/** MQTT 5 properties: `count` user properties (0x26), length-prefixed. */
function userProperties(count: number): Buffer {
  const pairs = Array.from({ length: count }, (_, i) =>
    Buffer.concat([Buffer.from([0x26]), mqttString(`k${i}`), mqttString("v")]),
  );
  const body = Buffer.concat(pairs);
  return Buffer.concat([varInt(body.length), body]);
}

export function connectPacket({
  clientId,
  username,
  password,
  protocolVersion = 4,
  userProperties: propertyCount = 0,
}: {
  clientId: Bytes;
  username?: Bytes;
  password?: Bytes;
  protocolVersion?: 4 | 5;
  userProperties?: number;
}): Buffer {
  const flags = (username === undefined ? 0 : 0x80) | (password === undefined ? 0 : 0x40) | 0x02;
  const header = Buffer.concat([mqttString("MQTT"), Buffer.from([protocolVersion, flags, 0, 60])]);
  const properties = protocolVersion === 5 ? userProperties(propertyCount) : Buffer.alloc(0);
  const payload = [mqttString(clientId)];
  if (username !== undefined) payload.push(mqttString(username));
  if (password !== undefined) payload.push(mqttString(password));
  return mqttPacket(0x10, Buffer.concat([header, properties, ...payload]));
}

export function publishPacket(
  topic: Bytes,
  payload: Bytes,
  {
    qos = 0,
    packetId = 1,
    userProperties: propertyCount = 0,
  }: { qos?: 0 | 1; packetId?: number; userProperties?: number } = {},
): Buffer {
  const id = Buffer.alloc(qos > 0 ? 2 : 0);
  if (qos > 0) id.writeUInt16BE(packetId);
  const properties = propertyCount > 0 ? userProperties(propertyCount) : Buffer.alloc(0);
  return mqttPacket(0x30 | (qos << 1), Buffer.concat([mqttString(topic), id, properties, bytes(payload)]));
}
