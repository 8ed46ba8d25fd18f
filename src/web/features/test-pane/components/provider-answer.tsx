import { providerAnswerLabel, type ProviderAnswer } from '../../../../core';

/** The provider's own error text, quoted as evidence under the console's explanation, never as the reason. */
export function ProviderAnswerQuote({ answer }: { answer: ProviderAnswer }) {
  return (
    <figure className="tp-provider-answer">
      <figcaption>{providerAnswerLabel(answer)}</figcaption>
      {answer.message !== '' && <blockquote lang="en">{answer.message}</blockquote>}
    </figure>
  );
}
