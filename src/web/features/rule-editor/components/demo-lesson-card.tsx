import type { DemoLesson } from '../../../../contract/api';
import { Lightbulb } from 'lucide-react';
import { Card } from '../../../components/ui';
import { DEMO_LESSON_TEXT } from '../../../lib/messages';
import { webText } from '../../../lib/i18n/feature-text';

/** What an embedded demo bucket teaches, above its rules. */
export function DemoLessonCard({ lesson }: { lesson: DemoLesson }) {
  const { title, text } = DEMO_LESSON_TEXT[lesson];
  return (
    <Card as="section" className="re-lesson" aria-label={webText('editor.demo-lesson')}>
      <h3>
        <Lightbulb aria-hidden="true" className="ui-icon" /> {title}
      </h3>
      <p>{text}</p>
    </Card>
  );
}
