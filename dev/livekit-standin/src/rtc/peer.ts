import {
  RTCPeerConnection,
  RTCRtpCodecParameters,
  useAbsSendTime,
  useFIR,
  useNACK,
  usePLI,
  useREMB,
  useRepairedRtpStreamId,
  useSdesMid,
  useSdesRTPStreamId,
  useTWCC,
  useTransportWideCC,
} from 'werift';

/**
 * One server-side PeerConnection (werift, pure TypeScript WebRTC).
 *
 * Codecs and header extensions are explicit because Chromium refuses a simulcast offer whose
 * answer does not negotiate the RID extensions, and key frames for late subscribers need PLI/FIR
 * feedback (see the stand-in README, "Real clients"). Loopback is added to the ICE host
 * addresses so a host with nothing but `lo` still connects; IPv6 is off like the measured setup.
 */
export function createPeer(): RTCPeerConnection {
  return new RTCPeerConnection({
    codecs: {
      audio: [
        new RTCRtpCodecParameters({
          mimeType: 'audio/opus',
          clockRate: 48_000,
          channels: 2,
          rtcpFeedback: [useTWCC()],
        }),
      ],
      video: [
        new RTCRtpCodecParameters({
          mimeType: 'video/VP8',
          clockRate: 90_000,
          rtcpFeedback: [useNACK(), usePLI(), useFIR(), useREMB(), useTWCC()],
        }),
      ],
    },
    headerExtensions: {
      audio: [useSdesMid(), useTransportWideCC()],
      video: [
        useSdesMid(),
        useSdesRTPStreamId(),
        useRepairedRtpStreamId(),
        useTransportWideCC(),
        useAbsSendTime(),
      ],
    },
    iceUseIpv6: false,
    iceAdditionalHostAddresses: ['127.0.0.1'],
  });
}
