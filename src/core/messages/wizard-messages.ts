// The English catalogue of the wizards: explanations beside a proposal, the changes a strictest fix
// makes, and the wizards' refusals. A translation replaces this file.
import type {
  Explanation,
  ExplanationCode,
  ExplanationParamsByCode,
  FixBlock,
  FixChange,
  MethodPurpose,
  SharedCell,
  WizardError,
  WizardErrorCode,
  WizardErrorParamsByCode,
} from '../wizard/explain';
import type { SampleChange } from '../wizard/probe';
import { blockText, breakageText, requestReasonText, requestReasonsText, verdictLevelText } from './decision-messages';
import { issueText } from './issue-messages';
import { capitalize, plural, ruleName } from './words';

const METHOD_PURPOSES: Record<MethodPurpose, string> = {
  download: 'GET because the app downloads objects.',
  head: 'HEAD because the app reads object metadata (size, type, ETag) without the body.',
  upload: 'PUT because the app uploads objects (PutObject or a presigned PUT URL).',
  'form-upload': 'POST because the app uploads through a form (presigned POST policy).',
  'multipart-part': 'PUT because multipart uploads send each part with UploadPart.',
  'multipart-start-end': 'POST because multipart uploads start with CreateMultipartUpload and end with CompleteMultipartUpload.',
  delete: 'DELETE because the app deletes objects (or aborts multipart uploads).',
};

/** `GET from https://a.example, PUT from … and 2 more`. */
function cellsText(cells: SharedCell[]): string {
  const shown = cells.slice(0, 3).map((c) => `${c.method} from ${c.origin}`);
  return `${shown.join(', ')}${cells.length > 3 ? ` and ${cells.length - 3} more` : ''}`;
}

function sampleRequests(count: number): string {
  return `${count} other sample request${plural(count, '', 's')}`;
}

/** `PUT from https://a.example with content-type (with credentials)`, then `: etag` when exposed headers change. */
export function sampleChangeText(change: SampleChange): string {
  const { method, origin, headers, credentials } = change.request;
  const request = `${method} from ${origin}${headers.length ? ` with ${headers.join(', ')}` : ''}${credentials ? ' (with credentials)' : ''}`;
  return change.headers ? `${request}: ${change.headers.join(', ')}` : request;
}

/**
 * Why a request still fails, led by its verdict level as the test pane names it: blocked, or
 * allowed but broken for the app (a header it must read is hidden), then what the app sees fail.
 */
export function fixBlockText(block: FixBlock): string {
  if (block.kind === 'blocked') return `${verdictLevelText('blocked')}. ${block.blockedBy ? blockText(block.blockedBy) : 'The browser blocks the request.'}`;
  const breakage = breakageText({ code: 'header-unreadable', params: { headers: block.headers.map((h) => h.toLowerCase()) } });
  return `${verdictLevelText('broken')}. ${breakage}`;
}

const ADDITIONS = { origin: 'origin', method: 'method', header: 'header', expose: 'exposed header' } as const;

/** What a strictest fix changes, as one sentence. */
export function fixChangeText(change: FixChange): string {
  if (change.kind === 'extend-rule') {
    return `Add ${change.added.map((a) => `${ADDITIONS[a.field]} ${a.value}`).join(', ')} to ${ruleName(change.rule, change.ruleId)}.`;
  }
  const what = change.headers.length ? `${change.method} with ${change.headers.join(', ')}` : change.method;
  return `Insert a rule allowing ${what} from ${change.origin} at position ${change.position + 1}.`;
}

const EXPLANATIONS: { [C in ExplanationCode]: (p: ExplanationParamsByCode[C]) => string } = {
  'loosest.id': (p) => `Named ${p.id} so it is easy to find and remove after the diagnosis.`,
  'loosest.no-id': (p) => `${p.provider} rules have no ID, so the rule is unnamed.`,
  'loosest.any-origin': () =>
    'Any origin (*): the answer is Access-Control-Allow-Origin: *, so every page may read responses. Requests with credentials still fail, because browsers refuse * for them.',
  'loosest.all-methods': (p) => `All five methods a CORS rule can allow (${p.methods.join(', ')}); OPTIONS needs none, since the rules answer preflights themselves.`,
  'loosest.any-header': (p) => `Any requested header (*): ${p.provider} answers a preflight by echoing the names the browser asked for, so even Authorization passes.`,
  'loosest.expose': (p) => {
    switch (p.purpose) {
      case 'etag':
        return 'ETag, which browser multipart uploads must read for each part; it is not CORS-safelisted.';
      case 'version-id':
        return `${p.header}, the version of the object a request read or wrote, in a versioned bucket.`;
      case 'extended-request-id':
        return `${p.header}, the extended request id support asks for beside the request id.`;
      case 'request-id':
        return `${p.header}, the ${p.provider} request id people quote to support.`;
    }
  },
  'loosest.no-expose-wildcard': (p) =>
    p.rejects
      ? `No * among exposed headers: ${p.provider} rejects it, so each header is named.`
      : `No * among exposed headers: ${p.provider} may accept it, but browsers read it literally for requests with credentials, so each header is named.`,
  'loosest.max-age': (p) => `Preflights are cached ${p.seconds} seconds only, so tightening the rule afterwards takes effect quickly.`,
  'strictest.id': (p) => `Named ${p.id} after the app and its methods.`,
  'strictest.any-origin': () => 'Any origin (*), as asked: the app is public and sends no credentials, so the answer is Access-Control-Allow-Origin: *.',
  'strictest.origin': (p) => {
    const allows = p.pattern
      ? `Allows every origin of the form ${p.origin} (one * stands for any run of characters), where the app is served from.`
      : `Allows ${p.origin}, where the app is served from.`;
    if (!p.credentials) return allows;
    return p.credentials.addsCredentials
      ? `${allows} The app sends credentials, so the origin is listed rather than *: ${p.credentials.provider} echoes a listed origin and adds Access-Control-Allow-Credentials: true.`
      : `${allows} The app sends credentials, so the origin is listed rather than *: ${p.credentials.provider} echoes a listed origin.`;
  },
  'strictest.method': (p) => METHOD_PURPOSES[p.purpose],
  'strictest.header-family': (p) => `${p.header} allowed because the app sends headers of that family, and none of them is CORS-safelisted.`,
  'strictest.header-any-value': (p) => `${p.header} allowed because the app sends it with values that may not be CORS-safelisted (give a value to check).`,
  'strictest.header-forbidden': (p) => `${p.header} needs no rule: it is a forbidden request header, which the browser sets itself or drops.`,
  'strictest.header-refused': (p) => `${p.header} needs no rule: ${requestReasonsText(p.reasons)}`,
  'strictest.header-safelisted': (p) =>
    p.value === undefined
      ? `${p.header} needs no rule: it is CORS-safelisted, so the browser does not ask for it.`
      : `${p.header}: ${p.value} needs no rule: it is CORS-safelisted, so the browser does not ask for it.`,
  'strictest.header-unsafe': (p) => `${p.header} allowed because the browser asks for it in the preflight: ${requestReasonText(p.reason)}`,
  'strictest.no-headers': () => 'No headers allowed: these requests carry none that need a preflight, so any other header is refused.',
  'strictest.expose-multipart': (p) =>
    `${p.header} exposed because multipart uploads read each part's ETag from the UploadPart response, and ETag is not CORS-safelisted.`,
  'strictest.expose-read': (p) => `${p.header} exposed because the app reads it (it is not CORS-safelisted).`,
  'strictest.expose-safelisted': (p) => `${p.header} needs no exposing: it is a CORS-safelisted response header, always readable.`,
  'strictest.expose-never': (p) => `${p.header} can never be read by script, whatever the rule exposes.`,
  'strictest.max-age-default': (p) =>
    `Preflights are cached ${p.seconds} s: one preflight serves many requests, and rule changes still reach browsers within minutes.`,
  'strictest.max-age-capped': (p) => `${p.provider} accepts at most ${p.max} s, so the ${p.asked} s asked for is lowered to ${p.max}.`,
  'strictest.max-age-asked': (p) =>
    p.chromiumCap === undefined
      ? `Preflights are cached ${p.seconds} s, as asked.`
      : `Preflights are cached ${p.seconds} s, as asked. Chromium keeps at most ${p.chromiumCap} s of it.`,
  'strictest.no-max-age': () => 'No max age: GET and HEAD without custom headers are never preflighted, so there is nothing to cache.',
  'strictest.merged-by-origin': (p) =>
    `Merged into one rule because ${p.provider} answers each request with the first rule that lists its origin, whatever the method: a second rule for the same origins would never be reached.`,
  'strictest.merged-by-limit': (p) =>
    `Merged into one rule because only ${p.target} rule${plural(p.target, '', 's')} can be added, as ${p.provider} allows ${p.max ?? 'any number of'} rules; the merged rule allows each of its headers on each of its methods.`,
  'strictest.several-rules': (p) => `${p.count} rules, because their methods need different headers; one rule would allow every header on every method.`,
  'placement.last': (p) =>
    p.count === 1
      ? 'The new rule goes last: no existing rule answers the same origins and methods less well, so the existing rules keep answering exactly what they answered.'
      : 'The new rules go last: no existing rule answers the same origins and methods less well, so the existing rules keep answering exactly what they answered.',
  'placement.above': (p) =>
    p.count === 1
      ? `The new rule goes at position ${p.position + 1}, above ${ruleName(p.blocking, p.blockingId)}: that rule also answers ${cellsText(p.cells)}, and the first matching rule wins, so below it the new rule would not take effect there.`
      : `The new rules go at position ${p.position + 1}, above ${ruleName(p.blocking, p.blockingId)}: that rule also answers ${cellsText(p.cells)}, and the first matching rule wins, so below it the new rules would not take effect there.`,
  'placement.already-served': (p) =>
    `${capitalize(ruleName(p.rule, p.ruleId))} comes first for ${cellsText(p.cells)}, but it already answers those at least as well (same headers, exposed headers and origin answer), so the new rules need not go above it.`,
  'placement.gives-way': (p) =>
    p.count === 1
      ? `${capitalize(ruleName(p.rule, p.ruleId))} gives way, now at position ${p.position + 1}, for ${cellsText(p.cells)}: the new rule answers those first.`
      : `${capitalize(ruleName(p.rule, p.ruleId))} gives way, now at position ${p.position + 1}, for ${cellsText(p.cells)}: the new rules answer those first.`,
  'placement.replace-draft': (p) =>
    p.count === 0
      ? 'The draft has no rules: the new rules become its only rules.'
      : p.count === 1
        ? "The new rules replace the draft's only rule."
        : `The new rules replace all ${p.count} rules of the draft.`,
  'placement.replace-loosest': (p) => `The diagnostic rule (rule ${p.rule + 1}) is removed; the new rules take over its requests.`,
  'fix.request': (p) => fixBlockText(p.block),
  'fix.origin-added': (p) => `${p.origin} added because the page is served from there and ${ruleName(p.rule, p.ruleId)} does not list it.`,
  'fix.method-added': (p) => `${p.method} added because the request uses it.`,
  'fix.header-added': (p) => `${p.header} added because the browser asks for it in the preflight: ${requestReasonText(p.reason)}`,
  'fix.expose-added': (p) => `${p.header} exposed because script must read it and it is not CORS-safelisted.`,
  'fix.credentials': (p) =>
    `The request includes credentials, so the answer must name ${p.origin}, not *: ${p.provider} adds Access-Control-Allow-Credentials: true only when it echoes a listed origin, never beside *.`,
  'fix.only-origin': (p) => `Only ${p.origin}, the page's origin.`,
  'fix.only-method': (p) => `Only ${p.method}, the request's method.`,
  'fix.header-kept': (p) =>
    `${p.header} kept from ${ruleName(p.rule, p.ruleId)}: ${p.provider} checks headers only on the first rule matching origin and method, so preflights that worked must find them here.`,
  'fix.expose-kept': (p) => `${p.header} kept from ${ruleName(p.rule, p.ruleId)}, which answered ${p.method} from ${p.origin} before, so script can still read it.`,
  'fix.max-age-kept': (p) => `Max age ${p.seconds} s kept from ${ruleName(p.rule, p.ruleId)}.`,
  'fix.rule-dead': (p) =>
    `${capitalize(ruleName(p.rule, p.ruleId))} now never matches: the rules above it answer every request it allows. It can be removed once the fix is saved.`,
  'fix.chosen': (p) => {
    const own = p.extra === 0 ? 'it allows nothing beyond this request' : `it also allows ${sampleRequests(p.extra)}`;
    if (!p.alternative) return `Chosen because ${own}, and no other change works without blocking requests that work today.`;
    const { change, extra } = p.alternative;
    const theirs = extra === 0 ? 'nothing else' : sampleRequests(extra);
    const how = change.kind === 'insert-rule' ? 'adding a rule' : `extending ${ruleName(change.rule, change.ruleId)}`;
    return extra === p.extra
      ? `Chosen because ${own}; ${how} would allow ${theirs}, so the change that keeps the configuration shorter wins.`
      : `Chosen because ${own}; ${how} would allow ${theirs}.`;
  },
};

/** Why the wizard chose something, as one sentence. */
export function explanationText(explanation: Explanation): string {
  return (EXPLANATIONS[explanation.code] as (p: Explanation['params']) => string)(explanation.params);
}

const ERRORS: { [C in WizardErrorCode]: (p: WizardErrorParamsByCode[C]) => string } = {
  'app.invalid': (p) => p.issues.map((issue) => issueText(issue).message).join(' '),
  'placement.too-many-rules': (p) =>
    `${p.provider} allows at most ${p.max} rules; the configuration has ${p.count}, so ${p.adding} more do not fit. Merge or remove rules first.`,
  'fix.already-allowed': (p) =>
    p.readable.length
      ? `The browser already allows ${p.method} from ${p.origin} and script can read ${p.readable.join(', ')}: nothing to fix.`
      : `The browser already allows ${p.method} from ${p.origin}: nothing to fix.`,
  'fix.refused-by-browser': (p) => `No CORS rule can help: the browser refuses to send this request. ${requestReasonsText(p.reasons)}`,
  'fix.method-not-allowable': (p) =>
    p.lowerCase
      ? `No CORS rule can allow ${p.method}: bucket CORS rules allow only GET, PUT, POST, DELETE and HEAD (and fetch() sends this method in lower case, as written).`
      : `No CORS rule can allow ${p.method}: bucket CORS rules allow only GET, PUT, POST, DELETE and HEAD.`,
  'fix.invalid-origin': (p) => `No rule should list the origin ${JSON.stringify(p.origin)}: ${issueText(p.issue).message}`,
  'fix.header-never-readable': (p) => `Browsers never let script read ${p.headers.join(', ')}, whatever the rule exposes.`,
  'fix.not-possible': (p) => {
    const reason = p.refusal ? wizardErrorText(p.refusal) : p.block ? fixBlockText(p.block) : 'every candidate change would block requests that work today';
    return `No rule change lets this request through on ${p.provider}: ${reason}`;
  },
};

/** A refusal of the wizard, as one or more sentences. */
export function wizardErrorText(error: WizardError): string {
  return (ERRORS[error.code] as (p: WizardError['params']) => string)(error.params);
}
