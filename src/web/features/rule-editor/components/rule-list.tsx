import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent, type UniqueIdentifier } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useMemo, useRef, type ReactNode } from 'react';
import { webText } from '../../../lib/i18n/text';

// Module constants: new option objects on each render would rebuild the sensors, and with them
// the drag-and-drop context every card reads, re-rendering all cards on each keystroke.
const POINTER_OPTIONS = { activationConstraint: { distance: 4 } };
const KEYBOARD_OPTIONS = { coordinateGetter: sortableKeyboardCoordinates };
// Card ids are react-hook-form's generated field ids, which never contain a newline.
const ID_SEPARATOR = '\n';

export function RuleList({ ids, onMove, children }: { ids: readonly string[]; onMove: (from: number, to: number) => void; children: ReactNode }) {
  const sensors = useSensors(
    useSensor(PointerSensor, POINTER_OPTIONS),
    useSensor(KeyboardSensor, KEYBOARD_OPTIONS),
  );
  const lastOver = useRef<UniqueIdentifier | null>(null);
  // A new items array re-renders every sortable card (they read its context), so it changes
  // only when the order does, not on each keystroke: it is rebuilt from the order, not from `ids`.
  const order = ids.join(ID_SEPARATOR);
  const items = useMemo(() => (order === '' ? [] : order.split(ID_SEPARATOR)), [order]);
  const position = (id: UniqueIdentifier | undefined) => (id === undefined ? -1 : ids.indexOf(String(id)));
  // 1-based, as the cards name rules and positions.
  const number = (id: UniqueIdentifier) => position(id) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      lastOver.current = active.id;
      return webText('editor.reorder.picked-up', { number: number(active.id) });
    },
    onDragOver: ({ active, over }) => {
      if ((over?.id ?? null) === lastOver.current) return undefined;
      lastOver.current = over?.id ?? null;
      return over ? webText('editor.reorder.over', { number: number(active.id), position: number(over.id) }) : webText('editor.reorder.over-none', { number: number(active.id) });
    },
    onDragEnd: ({ active, over }) =>
      over ? webText('editor.reorder.dropped', { number: number(active.id), position: number(over.id) }) : webText('editor.reorder.dropped-none', { number: number(active.id) }),
    onDragCancel: ({ active }) => webText('editor.reorder.cancelled', { number: number(active.id) }),
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const from = position(active.id);
    const to = position(over?.id);
    if (from >= 0 && to >= 0 && from !== to) onMove(from, to);
  };
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements, screenReaderInstructions: { draggable: webText('editor.reorder.instructions') } }}>
      <SortableContext items={items} strategy={verticalListSortingStrategy}>
        <ol className="re-rule-list" aria-label={webText('editor.rule-list')}>
          {children}
        </ol>
      </SortableContext>
    </DndContext>
  );
}
