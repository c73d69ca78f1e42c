// /api/v1/* – every operation of the registry (lib/domain/registry.ts); see /api/openapi.json
import { handleApiRequest } from '@/lib/http/rest-door';

export const dynamic = 'force-dynamic';

export const GET = handleApiRequest;
export const POST = handleApiRequest;
export const PUT = handleApiRequest;
export const PATCH = handleApiRequest;
export const DELETE = handleApiRequest;
