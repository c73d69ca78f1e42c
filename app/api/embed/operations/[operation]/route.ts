// /api/embed/operations/{name} – writes of embedded room views (lib/http/embed-door.ts)
import { handleEmbedOperation } from '@/lib/http/embed-door';

export const dynamic = 'force-dynamic';

export async function POST(
  request: Request,
  { params }: RouteContext<'/api/embed/operations/[operation]'>,
): Promise<Response> {
  return handleEmbedOperation(request, (await params).operation);
}
