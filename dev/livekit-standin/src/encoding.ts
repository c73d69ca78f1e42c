import type {
  AnyMessage,
  JsonObject,
  JsonValue,
  Message,
  MessageType,
  FieldInfo,
} from '@bufbuild/protobuf';
import type { TwirpJson } from './twirp-json';

/**
 * Go protojson as the real server's Twirp handlers use it (§1.3): proto (snake_case) names and
 * every field present. protobuf-es omits unset sub-messages and proto3 `optional` scalars even with
 * `emitDefaultValues`, so `fillNulls` adds them back as `null`.
 */
const TWIRP_JSON_OPTIONS = { useProtoFieldName: true, emitDefaultValues: true } as const;

export function toTwirpJson<T extends Message<T>>(message: T): TwirpJson<T> {
  const json = message.toJson(TWIRP_JSON_OPTIONS) as JsonObject;
  fillNulls(message as unknown as AnyMessage, json);
  // The one place the JSON's shape is asserted; twirp-json.ts derives it from the same rules.
  return json as TwirpJson<T>;
}

export const encodeTwirpJson = <T extends Message<T>>(message: T): string =>
  JSON.stringify(toTwirpJson(message));

/** Webhook bodies use protojson defaults instead: camelCase, zero values omitted (§5.2). */
export const encodeWebhookJson = (message: Message): string => JSON.stringify(message.toJson());

const isWellKnown = (type: MessageType): boolean => type.typeName.startsWith('google.protobuf.');

const isJsonObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function fillNulls(message: AnyMessage, json: JsonObject): void {
  const type = message.getType();
  if (isWellKnown(type)) return;
  for (const field of type.fields.list()) {
    if (field.oneof) {
      // Go protojson never emits unpopulated members of a real oneof.
      const selected = message[field.oneof.localName] as { case?: string; value?: unknown };
      if (selected.case === field.localName && field.kind === 'message') {
        fillChild(selected.value, json[field.name]);
      }
      continue;
    }
    const value: unknown = message[field.localName];
    if (field.kind === 'message') {
      if (field.repeated) {
        const items = json[field.name];
        if (Array.isArray(items)) (value as unknown[]).forEach((m, i) => fillChild(m, items[i]));
      } else if (value === undefined) {
        json[field.name] = null;
      } else {
        fillChild(value, json[field.name]);
      }
    } else if (field.kind === 'map') {
      const map = json[field.name];
      if (field.V.kind === 'message' && isJsonObject(map)) {
        for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
          fillChild(child, map[key]);
        }
      }
    } else if (field.opt && value === undefined) {
      json[field.name] = null;
    }
  }
}

function fillChild(child: unknown, json: JsonValue | undefined): void {
  if (child && isJsonObject(json)) fillNulls(child as AnyMessage, json);
}

/**
 * Go protojson rejects a body that names one field twice (`track_sid` and `trackSid`, §1.3);
 * protobuf-es would silently merge them, so check before decoding.
 */
export function findDuplicateField(type: MessageType, json: unknown): string | undefined {
  if (!isJsonObject(json as JsonValue) || isWellKnown(type)) return undefined;
  const object = json as JsonObject;
  for (const field of type.fields.list()) {
    if (field.name !== field.jsonName && field.name in object && field.jsonName in object) {
      return field.name;
    }
    const value = object[field.name] ?? object[field.jsonName];
    const nested = nestedType(field);
    if (!nested || value === undefined || value === null) continue;
    const children =
      field.kind === 'map'
        ? Object.values(value as JsonObject)
        : Array.isArray(value)
          ? value
          : [value];
    for (const child of children) {
      const found = findDuplicateField(nested, child);
      if (found) return found;
    }
  }
  return undefined;
}

function nestedType(field: FieldInfo): MessageType | undefined {
  if (field.kind === 'message') return field.T;
  if (field.kind === 'map' && field.V.kind === 'message') return field.V.T;
  return undefined;
}
