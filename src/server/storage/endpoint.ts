import { isIP } from 'node:net';

/**
 * A profile's endpoint as a URL. `host:port` without a scheme means https: ali-oss would misread
 * it (as scheme `host:`), and the COS SDK takes the protocol apart from the host.
 */
export function endpointUrl(endpoint: string): URL {
  return new URL(endpoint.includes('://') ? endpoint : `https://${endpoint}`);
}

/**
 * An endpoint given as an IP says only where to connect: OSS and COS requests still carry and
 * sign the bucket's regional host, and browsers are sent to that host, never to the IP.
 */
export function isIpEndpoint(endpoint: URL): boolean {
  return isIP(endpoint.hostname.replace(/^\[|\]$/g, '')) !== 0;
}
