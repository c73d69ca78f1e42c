// GET /api/v1/livekit/status – can the dashboard reach LiveKit, and if not, what to check
import { getLiveKitStatus } from '@/lib/domain/livekit/get-livekit-status';
import { withActor } from '@/lib/http/with-actor';

export const GET = withActor(({ actor }) => getLiveKitStatus(actor));
