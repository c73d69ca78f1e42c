import type { Message } from '@bufbuild/protobuf';

/*
 * The type of what `toTwirpJson` (encoding.ts) produces for a protobuf-es message, derived from
 * the message class itself so control-API answers are typed without retyping LiveKit's protos.
 * Rules (Go protojson as the real server uses it, §1.3): proto (snake_case) field names, every
 * field present, int64 and bytes as strings, enums by name, unset sub-messages and proto3
 * `optional` scalars as `null`, and only the selected member of a oneof.
 *
 * Field names are derived camelCase → snake_case, which matches every field LiveKit declares in
 * snake_case; the one exception is the egress storage option `aliOSS`, declared camelCase in the
 * .proto (typed here as `ali_o_s_s`).
 */

/** `joinedAtMs` → `joined_at_ms`; tail-recursive so long names stay within TS's depth limit. */
type SnakeCase<S extends string, Done extends string = ''> = S extends `${infer Head}${infer Tail}`
  ? SnakeCase<Tail, `${Done}${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}`>
  : Done;

type Field<T> = {
  [K in keyof T]-?: T[K] extends (...args: never[]) => unknown ? never : K;
}[keyof T];

/** A oneof group is the `{ case, value }` union protobuf-es generates for it. */
type OneofField<T> = {
  [K in Field<T>]: [T[K]] extends [{ case: unknown }] ? K : never;
}[Field<T>];

type JsonValue<V> = V extends bigint | Uint8Array
  ? string
  : V extends string | boolean
    ? V
    : V extends number
      ? // A plain number field accepts any number; an enum member does not: enums are names.
        `${number}` extends `${V}`
        ? number
        : string
      : V extends readonly (infer Item)[]
        ? JsonValue<Item>[]
        : V extends Message<infer M>
          ? TwirpJson<M>
          : V extends Record<string, infer Item>
            ? Record<string, JsonValue<Item>>
            : unknown;

/** Members of all oneof groups, by their own field names; absent unless selected. */
type OneofMembers<O> = {
  [C in O extends { case: infer Name extends string } ? Name : never as SnakeCase<C>]?: O extends {
    case: C;
    value: infer Value;
  }
    ? JsonValue<Value>
    : never;
};

export type TwirpJson<T> = {
  [K in Exclude<Field<T>, OneofField<T>> & string as SnakeCase<K>]: undefined extends T[K]
    ? JsonValue<NonNullable<T[K]>> | null
    : JsonValue<T[K]>;
} & OneofMembers<T[OneofField<T>]>;
