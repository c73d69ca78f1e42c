import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Message, MessageType } from '@bufbuild/protobuf';
import type { Claims } from './auth';
import { encodeTwirpJson, findDuplicateField } from './encoding';
import { TwirpError, badRoute } from './errors';
import { readBody, sendTwirpError } from './http-util';

export interface CallContext {
  claims: Claims | undefined;
}

/**
 * A response whose JSON was assembled from cached fragments (ListParticipants on big rooms);
 * `toMessage` is only used for protobuf clients.
 */
export class PrecomputedJson {
  constructor(
    readonly json: string,
    readonly toMessage: () => Message,
  ) {}
}

export type MethodResult = Message | PrecomputedJson;

export interface TwirpMethod {
  input: MessageType;
  handle(request: Message, context: CallContext): MethodResult | Promise<MethodResult>;
}

/** Helper keeping the request type of each handler precise. */
export function method<I extends Message<I>>(
  input: MessageType<I>,
  handle: (request: I, context: CallContext) => MethodResult | Promise<MethodResult>,
): TwirpMethod {
  return { input: input as MessageType, handle: handle as TwirpMethod['handle'] };
}

export type TwirpService = Record<string, TwirpMethod>;

export const TWIRP_PREFIX = '/twirp/';

/**
 * The generated Twirp handler's checks, in order (§1.1): POST only, known method, known content
 * type, decodable body; only then the method runs (grant checks live inside methods).
 */
export async function serveTwirp(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  serviceName: string,
  service: TwirpService,
  context: CallContext,
  maxBodyBytes: number,
): Promise<void> {
  const httpMethod = req.method ?? '';
  if (httpMethod !== 'POST') {
    const msg = `unsupported method ${JSON.stringify(httpMethod)} (only POST is allowed)`;
    return sendTwirpError(res, badRoute(msg, httpMethod, path));
  }
  const methodName = path.slice(`${TWIRP_PREFIX}livekit.${serviceName}/`.length);
  const handler = Object.hasOwn(service, methodName) ? service[methodName] : undefined;
  if (!handler) {
    return sendTwirpError(
      res,
      badRoute(`no handler for path ${JSON.stringify(path)}`, httpMethod, path),
    );
  }
  const rawType = req.headers['content-type'] ?? '';
  const mediaType = rawType.split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json' && mediaType !== 'application/protobuf') {
    const msg = `unexpected Content-Type: ${JSON.stringify(rawType)}`;
    return sendTwirpError(res, badRoute(msg, httpMethod, path));
  }
  const isJson = mediaType === 'application/json';
  const body = await readBody(req, maxBodyBytes);
  const request = body === undefined ? undefined : decode(handler.input, body, isJson);
  if (!request) {
    const kind = isJson ? 'json' : 'protobuf';
    return sendTwirpError(
      res,
      new TwirpError('malformed', `the ${kind} request could not be decoded`),
    );
  }
  let result: MethodResult;
  try {
    result = await handler.handle(request, context);
  } catch (error) {
    if (res.destroyed) return;
    if (error instanceof TwirpError) return sendTwirpError(res, error);
    return sendTwirpError(res, new TwirpError('internal', String(error)));
  }
  if (res.destroyed) return;
  if (isJson) {
    const json = result instanceof PrecomputedJson ? result.json : encodeTwirpJson(result);
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(json),
    });
    res.end(json);
  } else {
    const message = result instanceof PrecomputedJson ? result.toMessage() : result;
    const bytes = message.toBinary();
    res.writeHead(200, { 'Content-Type': 'application/protobuf', 'Content-Length': bytes.length });
    res.end(bytes);
  }
}

function decode(type: MessageType, body: Buffer, isJson: boolean): Message | undefined {
  try {
    if (!isJson) return type.fromBinary(body);
    // Go protojson: the body must be one JSON value; an empty body is malformed (§1.3).
    const json: unknown = JSON.parse(body.toString('utf8'));
    if (findDuplicateField(type, json)) return undefined;
    return type.fromJson(json as never, { ignoreUnknownFields: true });
  } catch {
    return undefined;
  }
}
