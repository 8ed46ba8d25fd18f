import type { Decision } from './evaluate';
import { readXml } from './formats/xml-document';

// A provider's real answer, read the way `evaluate` predicts it, so the two can be set side by side.

/** An HTTP answer as received: its status and headers (names in any case). */
export interface ReceivedAnswer {
  status: number;
  headers: Record<string, string>;
}

/** The CORS part of an answer, as a `Decision` holds it: every `Access-Control-*` header and `Vary`, names lowercased. */
export function corsHeadersOf(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers)
      .map(([name, value]) => [name.toLowerCase(), value] as const)
      .filter(([name]) => name.startsWith('access-control-') || name === 'vary'),
  );
}

/** One way a real answer differs from the prediction. */
export type AnswerDifference =
  | { kind: 'status'; predicted: number; received: number }
  | { kind: 'header'; name: string; predicted: string | undefined; received: string | undefined };

/**
 * How a provider's real answer differs from `evaluate`'s decision for the same request: the
 * status of a preflight (an actual request's status is the object's business, not CORS's), then
 * every CORS header, absence included, values compared exactly. Empty when it is as predicted.
 */
export function answerDifferences(answer: ReceivedAnswer, decision: Decision): AnswerDifference[] {
  const differences: AnswerDifference[] = [];
  if (decision.status !== null && decision.status !== answer.status) differences.push({ kind: 'status', predicted: decision.status, received: answer.status });
  const received = corsHeadersOf(answer.headers);
  const names = [...new Set([...Object.keys(decision.headers), ...Object.keys(received)])].sort();
  for (const name of names) {
    if (decision.headers[name] !== received[name]) differences.push({ kind: 'header', name, predicted: decision.headers[name], received: received[name] });
  }
  return differences;
}

/** Whether a provider's real answer is what `evaluate` predicted (see `answerDifferences`). */
export function answerMatches(answer: ReceivedAnswer, decision: Decision): boolean {
  return answerDifferences(answer, decision).length === 0;
}

/**
 * The provider's own error in an S3-style XML error body (`<Error><Code>…</Code><Message>…`),
 * which S3, Ceph RGW, OSS and COS all answer; `undefined` for any other body, or one cut short.
 * Entities are decoded; a missing `<Message>` reads as empty.
 */
export function providerErrorOf(body: string): { code: string; message: string } | undefined {
  if (!body.trimStart().startsWith('<')) return undefined;
  const read = readXml(body);
  if (!read.ok || read.root.name !== 'Error') return undefined;
  const field = (name: string) => read.root.children.find((child) => child.name === name)?.text;
  const code = field('Code');
  return code ? { code, message: field('Message') ?? '' } : undefined;
}
