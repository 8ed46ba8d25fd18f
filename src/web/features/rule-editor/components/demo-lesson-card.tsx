import type { DemoLesson } from '../../../../contract/api';
import { DEMO_LESSON_TEXT } from '../../../lib/messages';

/** What an embedded demo bucket teaches, above its rules. */
export function DemoLessonCard({ lesson }: { lesson: DemoLesson }) {
  const { title, text } = DEMO_LESSON_TEXT[lesson];
  return (
    <aside className="re-lesson" aria-label="What this demo bucket teaches">
      <h3>{title}</h3>
      <p>{text}</p>
    </aside>
  );
}
